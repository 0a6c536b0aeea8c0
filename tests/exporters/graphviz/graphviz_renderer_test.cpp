// Tests of the in-process renderer (exporters/graphviz/graphviz_renderer): PNG, SVG, PDF, errors.
#include "graphviz_renderer.h"

#include <gtest/gtest.h>

#include <clocale>
#include <cmath>
#include <set>
#include <sstream>
#include <thread>

#include "dot_writer.h"
#include "graphviz_test_support.h"
#include "sample_diagrams.h"

namespace skydraft {
namespace {

/// Width and height from a PNG's IHDR chunk.
std::pair<long, long> pngSize(const std::string& png) {
    const auto be32 = [&](std::size_t at) {
        long value = 0;
        for (std::size_t i = 0; i < 4; ++i) {
            value = (value << 8) | static_cast<unsigned char>(png[at + i]);
        }
        return value;
    };
    return {be32(16), be32(20)};
}

std::vector<std::string> sortedLines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream stream(text);
    for (std::string line; std::getline(stream, line);) {
        lines.push_back(line);
    }
    std::sort(lines.begin(), lines.end());
    return lines;
}

const std::string kPngSignature("\x89PNG\r\n\x1a\n", 8);

TEST(GraphvizRenderer, PngHasTheSignatureAndTheSizeForTheDpi) {
    const std::string dot = writeDot(testing::webAppDiagram());
    for (int dpi : {72, 150}) {
        const RenderResult result = renderDot(dot, RenderFormat::Png, dpi);
        ASSERT_TRUE(result.ok()) << result.error;
        ASSERT_GT(result.bytes.size(), 24u);
        EXPECT_EQ(result.bytes.substr(0, 8), kPngSignature);
        EXPECT_EQ(result.bytes.substr(12, 4), "IHDR");
        const auto [width, height] = pngSize(result.bytes);
        EXPECT_NEAR(width, result.widthPoints * dpi / 72.0, 1.0) << dpi;
        EXPECT_NEAR(height, result.heightPoints * dpi / 72.0, 1.0) << dpi;
        EXPECT_GT(width, 400);
    }
    const auto small = pngSize(renderDot(dot, RenderFormat::Png, 72).bytes);
    const auto large = pngSize(renderDot(dot, RenderFormat::Png, 144).bytes);
    EXPECT_NEAR(large.first, 2 * small.first, 2);
    EXPECT_NEAR(large.second, 2 * small.second, 2);
}

TEST(GraphvizRenderer, SvgIsSelfContainedXmlWithAGroupPerCluster) {
    const Diagram d = testing::webAppDiagram();
    const RenderResult result = renderDot(writeDot(d), RenderFormat::Svg);
    ASSERT_TRUE(result.ok()) << result.error;
    std::vector<testing::XmlElement> elements;
    std::string error;
    ASSERT_TRUE(testing::parseXml(result.bytes, &elements, &error)) << error;

    std::set<std::string> clusters;
    int uses = 0;
    int symbols = 0;
    for (const auto& e : elements) {
        EXPECT_NE(e.name, "image");
        if (e.name == "g" && e.attributes.contains("class") && e.attributes.at("class") == "cluster") {
            clusters.insert(e.attributes.at("id"));
        }
        if (e.name == "symbol") {
            ++symbols;
        }
        for (const auto& [name, value] : e.attributes) {
            if (name == "xlink:href" || name == "href") {
                EXPECT_EQ(value.substr(0, 1), "#") << value;
                ++uses;
            }
        }
    }
    for (const Element& e : d.elements()) {
        if (e.kind == "vpc" || e.kind == "subnet") {
            EXPECT_TRUE(clusters.contains(e.id)) << e.id;
        }
    }
    EXPECT_TRUE(clusters.contains("region/eu-west-1"));
    EXPECT_GT(uses, 10);
    EXPECT_GT(symbols, 5);
    EXPECT_EQ(result.bytes.find("/tmp"), std::string::npos);
    EXPECT_EQ(result.bytes.find("skydraft-icons-"), std::string::npos);
    EXPECT_EQ(result.bytes.find("file:"), std::string::npos);
    EXPECT_EQ(result.bytes.find(".svg\""), std::string::npos);
    EXPECT_GT(result.widthPoints, 0);
}

TEST(GraphvizRenderer, PdfStartsWithThePdfHeader) {
    const RenderResult result = renderDot(writeDot(testing::hubDiagram()), RenderFormat::Pdf);
    ASSERT_TRUE(result.ok()) << result.error;
    EXPECT_EQ(result.bytes.substr(0, 5), "%PDF-");
    EXPECT_NE(result.bytes.find("%%EOF"), std::string::npos);
}

TEST(GraphvizRenderer, ASyntaxErrorBecomesAMessage) {
    const RenderResult result = renderDot("digraph { a -> ; }", RenderFormat::Svg);
    EXPECT_FALSE(result.ok());
    EXPECT_TRUE(result.bytes.empty());
    EXPECT_NE(result.error.find("could not read the DOT text"), std::string::npos) << result.error;
    EXPECT_NE(result.error.find("syntax error"), std::string::npos) << result.error;
    const RenderResult empty = renderDot("", RenderFormat::Png);
    EXPECT_FALSE(empty.ok());
    EXPECT_TRUE(empty.bytes.empty());
}

TEST(GraphvizRenderer, AMissingImageIsAnError) {
    const RenderResult result = renderDot(
        "digraph { a [shape=plain, label=<<TABLE><TR><TD><IMG SRC=\"/no/such/file.svg\"/></TD>"
        "</TR></TABLE>>]; }",
        RenderFormat::Png);
    EXPECT_FALSE(result.ok());
    EXPECT_NE(result.error.find("/no/such/file.svg"), std::string::npos) << result.error;
}

TEST(GraphvizRenderer, ABitmapTooLargeSaysSoInsteadOfShrinking) {
    const std::string dot = "digraph { a [shape=box, width=400, height=1]; }";
    const RenderResult result = renderDot(dot, RenderFormat::Png, 96);
    EXPECT_FALSE(result.ok());
    EXPECT_TRUE(result.bytes.empty());
    EXPECT_NE(result.error.find("too large for a PNG"), std::string::npos) << result.error;
    EXPECT_NE(result.error.find("export to SVG or PDF"), std::string::npos) << result.error;
    // The resolution it suggests does fit.
    const std::size_t at = result.error.find("resolution of ");
    ASSERT_NE(at, std::string::npos);
    const int fitting = std::stoi(result.error.substr(at + 14));
    const RenderResult smaller = renderDot(dot, RenderFormat::Png, fitting);
    EXPECT_TRUE(smaller.ok()) << smaller.error;
    EXPECT_LE(pngSize(smaller.bytes).first, kMaxBitmapPixels);
    // Vector formats have no such limit.
    EXPECT_TRUE(renderDot(dot, RenderFormat::Svg).ok());
}

TEST(GraphvizRenderer, RefusesAResolutionOutOfRange) {
    EXPECT_FALSE(renderDot("digraph { a; }", RenderFormat::Png, 0).ok());
    EXPECT_FALSE(renderDot("digraph { a; }", RenderFormat::Png, kMaxDpi + 1).ok());
    EXPECT_TRUE(renderDot("digraph { a; }", RenderFormat::Png, kMaxDpi).ok());
}

TEST(GraphvizRenderer, RestoresTheNumericLocale) {
    ASSERT_NE(std::setlocale(LC_NUMERIC, "C.UTF-8"), nullptr);
    const RenderResult result = renderDot("digraph { a -> b; }", RenderFormat::Svg);
    ASSERT_TRUE(result.ok()) << result.error;
    EXPECT_STREQ(std::setlocale(LC_NUMERIC, nullptr), "C.UTF-8");
    std::setlocale(LC_NUMERIC, "C");
}

TEST(GraphvizRenderer, ConcurrentRendersAreSerialisedSafely) {
    const std::string dot = writeDot(testing::hubDiagram());
    std::vector<RenderResult> results(4);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < results.size(); ++i) {
        threads.emplace_back([&, i] {
            results[i] = renderDot(dot, i % 2 ? RenderFormat::Svg : RenderFormat::Png, 72);
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    for (const RenderResult& result : results) {
        EXPECT_TRUE(result.ok()) << result.error;
    }
    // Same drawing; Graphviz may list clusters in another order from one render to the next
    // (cgraph orders subgraphs by the address of their name), so compare the sorted lines.
    EXPECT_EQ(sortedLines(results[1].bytes), sortedLines(results[3].bytes));
}

}  // namespace
}  // namespace skydraft
