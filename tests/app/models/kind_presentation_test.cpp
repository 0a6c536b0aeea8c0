// KindPresentation: icons, summaries, container tones, line looks and labels, all from the
// catalogue, checked for every kind it has.
#include <gtest/gtest.h>
#include <QFile>

#include "../qt_printers.h"

#include "catalogue/kind_keys.h"
#include "catalogue/resource_catalogue.h"
#include "models/kind_presentation.h"

namespace skydraft {
namespace {

using nlohmann::json;

Element element(std::string kind, json properties = json::object()) {
    Element e;
    e.id = kind + "-1";
    e.kind = std::move(kind);
    e.properties = std::move(properties);
    return e;
}

QString resourceOf(const QUrl& url) {
    return QStringLiteral(":") + url.path();
}

TEST(KindPresentationTest, EveryKindHasAnIconInTheResources) {
    const auto& catalogue = ResourceCatalogue::instance();
    for (const auto& def : catalogue.kinds()) {
        const QUrl icon = KindPresentation::icon(def.key);
        EXPECT_EQ(icon.toString(), QStringLiteral("qrc:/icons/%1.svg").arg(def.icon.c_str()));
        EXPECT_TRUE(QFile::exists(resourceOf(icon))) << def.key;
    }
    for (const auto& def : catalogue.connectionKinds()) {
        EXPECT_TRUE(QFile::exists(resourceOf(KindPresentation::icon(def.key)))) << def.key;
    }
    EXPECT_EQ(KindPresentation::icon("no_such_kind"), QUrl("qrc:/icons/generic.svg"));
}

TEST(KindPresentationTest, SummariesFollowTheCatalogueJoiningListsAndSkippingEmptyValues) {
    EXPECT_EQ(KindPresentation::summary(Diagram{}, element("vpc", {{"cidr", "10.0.0.0/16"}})),
              "10.0.0.0/16  ·  us-east-1");  // the region is the catalogue's default
    EXPECT_EQ(KindPresentation::summary(
                  Diagram{}, element("vpc", {{"cidr", "10.0.0.0/16"},
                                             {"secondary_cidrs", {"10.1.0.0/16", "10.2.0.0/16"}},
                                             {"region", "eu-west-1"}})),
              "10.0.0.0/16  ·  10.1.0.0/16, 10.2.0.0/16  ·  eu-west-1");
    EXPECT_EQ(KindPresentation::summary(Diagram{},
                                        element("subnet", {{"cidr", "10.0.1.0/24"},
                                                           {"availability_zone", "us-east-1b"}})),
              "10.0.1.0/24  ·  us-east-1b");
    EXPECT_EQ(KindPresentation::summary(Diagram{}, element("subnet", {{"cidr", "10.0.1.0/24"}})),
              "10.0.1.0/24");
    EXPECT_EQ(
        KindPresentation::summary(Diagram{}, element("transit_gateway", {{"region", "eu-west-2"}})),
        "eu-west-2");
    // Kinds without summary keys show nothing under their name.
    for (const auto& def : ResourceCatalogue::instance().kinds()) {
        if (def.summary.empty()) {
            EXPECT_EQ(KindPresentation::summary(Diagram{}, element(def.key, {{"region", "x"}})), "")
                << def.key;
        }
    }
}

TEST(KindPresentationTest, ContainersAreTonedByTheSkeletonAndReach) {
    EXPECT_EQ(KindPresentation::tone(element("vpc"), ""), "vpc");
    EXPECT_EQ(KindPresentation::tone(element("subnet"), "public"), "public");
    EXPECT_EQ(KindPresentation::tone(element("subnet"), "private"), "private");
    EXPECT_EQ(KindPresentation::tone(element("subnet"), "isolated"), "private");
    EXPECT_EQ(KindPresentation::tone(element("subnet"), "vpn-only"), "private");
    for (const auto& def : ResourceCatalogue::instance().kinds()) {
        const QString tone = KindPresentation::tone(element(def.key), "");
        if (!def.isContainer) {
            EXPECT_EQ(tone, "") << def.key;
        } else if (def.key != kinds::kVpc && def.key != kinds::kSubnet) {
            EXPECT_EQ(tone, "container") << def.key;
        }
    }
}

TEST(KindPresentationTest, LinesLookAsTheCatalogueSays) {
    for (const auto& def : ResourceCatalogue::instance().connectionKinds()) {
        const LineLook look = KindPresentation::line(def.key);
        EXPECT_EQ(look.style.toStdString(), def.lineStyle) << def.key;
        EXPECT_EQ(look.dashed, def.dashed) << def.key;
        EXPECT_EQ(look.directed, def.directed) << def.key;
    }
    const LineLook route = KindPresentation::line(KindPresentation::kRouteLine);
    EXPECT_EQ(route.style, "route");
    EXPECT_TRUE(route.dashed);
    EXPECT_TRUE(route.directed);
}

TEST(KindPresentationTest, LineLabelsAreTheKindsWordOrTheDescription) {
    Connection c;
    c.kind = "vpc_peering";
    EXPECT_EQ(KindPresentation::lineLabel(c), "peering");
    c.kind = "vpn_attachment";
    EXPECT_EQ(KindPresentation::lineLabel(c), "VPN connection");
    c.kind = "uses";
    EXPECT_EQ(KindPresentation::lineLabel(c), "");
    c.properties["description"] = "reads assets";
    EXPECT_EQ(KindPresentation::lineLabel(c), "reads assets");
}

}  // namespace
}  // namespace skydraft
