// Tests of the SVG post-processing that embeds icons (exporters/graphviz/svg_icon_inliner).
#include "svg_icon_inliner.h"

#include <gtest/gtest.h>

#include "catalogue/resource_catalogue.h"
#include "icon_library.h"

namespace skydraft {
namespace {

TEST(SvgIconInliner, ReplacesIconImagesWithSymbolUses) {
    const std::string svg =
        "<svg width=\"10pt\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n"
        "<image xlink:href=\"/tmp/skydraft-icons-x/vpc.svg\" width=\"40px\" height=\"40px\" "
        "preserveAspectRatio=\"xMinYMin meet\" x=\"6\" y=\"-54\"/>\n"
        "<image xlink:href=\"vpc.svg\" width=\"20px\" height=\"20px\" x=\"1\" y=\"2\"/>\n"
        "</svg>\n";
    std::vector<std::string> warnings;
    const std::string out = inlineSvgIcons(svg, &warnings);
    EXPECT_TRUE(warnings.empty());
    EXPECT_EQ(out.find("<image"), std::string::npos);
    EXPECT_EQ(out.find("/tmp"), std::string::npos);
    EXPECT_NE(out.find("<use xlink:href=\"#skydraft-icon-vpc\" x=\"6\" y=\"-54\" width=\"40px\" "
                       "height=\"40px\"/>"),
              std::string::npos);
    EXPECT_NE(out.find("<use xlink:href=\"#skydraft-icon-vpc\" x=\"1\" y=\"2\" width=\"20px\" "
                       "height=\"20px\"/>"),
              std::string::npos);
    // One symbol per icon, right after the root start tag.
    const std::size_t symbol = out.find("<symbol id=\"skydraft-icon-vpc\" viewBox=\"0 0 64 64\">");
    ASSERT_NE(symbol, std::string::npos);
    EXPECT_EQ(out.find("<symbol", symbol + 1), std::string::npos);
    EXPECT_LT(out.find("<defs>"), out.find("<use"));
    EXPECT_GT(out.find("<defs>"), out.find("<svg"));
    EXPECT_NE(out.find("fill=\"#8C4FFF\""), std::string::npos);
}

TEST(SvgIconInliner, RemovesImagesThatAreNotIcons) {
    const std::string svg =
        "<svg>\n<image xlink:href=\"/home/me/secret.png\" width=\"4px\" height=\"4px\"/>\n</svg>";
    std::vector<std::string> warnings;
    const std::string out = inlineSvgIcons(svg, &warnings);
    EXPECT_EQ(out, "<svg>\n\n</svg>");
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0], "removed an image that is not a Skydraft icon: secret.png");
}

TEST(IconLibrary, EveryCatalogueKindHasAnEmbeddedIcon) {
    std::vector<std::string> keys = {"internet"};
    for (const KindDef& kind : ResourceCatalogue::instance().kinds()) {
        keys.push_back(kind.icon);
    }
    for (const ConnectionKindDef& kind : ResourceCatalogue::instance().connectionKinds()) {
        keys.push_back(kind.key);
    }
    for (const std::string& key : keys) {
        EXPECT_TRUE(hasIcon(key)) << key;
        EXPECT_NE(iconSvg(key).find("<svg"), std::string_view::npos) << key;
    }
    EXPECT_FALSE(hasIcon("no_such_kind"));
    EXPECT_EQ(iconSvg("no_such_kind"), iconSvg("generic"));
    EXPECT_EQ(iconFileName("no_such_kind"), "generic.svg");
}

}  // namespace
}  // namespace skydraft
