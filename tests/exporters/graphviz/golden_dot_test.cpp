// Golden DOT files of the examples (tests/fixtures/graphviz/*.dot), compared exactly; set
// SKYDRAFT_UPDATE_GOLDEN=1 to rewrite them after a deliberate change (and review the diff).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "diagram_file.h"
#include "dot_writer.h"
#include "graphviz_renderer.h"
#include "graphviz_test_support.h"

namespace skydraft {
namespace {

std::string readFile(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

Diagram loadExample(const std::string& name) {
    const LoadResult loaded =
        loadDiagram(readFile(std::string(SKYDRAFT_SOURCE_DIR) + "/examples/" + name + ".skydraft"));
    EXPECT_TRUE(loaded) << name << ": " << (loaded.error ? loaded.error->toString() : "");
    return loaded ? *loaded.diagram : Diagram();
}

class GoldenDot : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenDot, MatchesTheReviewedFile) {
    const std::string dot = writeDot(loadExample(GetParam()));
    const std::string path =
        std::string(SKYDRAFT_SOURCE_DIR) + "/tests/fixtures/graphviz/" + GetParam() + ".dot";
    if (std::getenv("SKYDRAFT_UPDATE_GOLDEN")) {
        // Updating is not testing: write the file and say so, without comparing it to itself.
        std::ofstream(path, std::ios::binary) << dot;
        GTEST_SKIP() << "rewrote " << path << "; review the diff and run again without "
                     << "SKYDRAFT_UPDATE_GOLDEN";
    }
    const std::string golden = readFile(path);
    ASSERT_FALSE(golden.empty()) << "missing golden file " << path;
    EXPECT_EQ(dot, golden) << "the DOT of " << GetParam() << " changed; review and regenerate";
}

TEST_P(GoldenDot, EveryElementIsDrawnAndEveryFormatRenders) {
    const Diagram d = loadExample(GetParam());
    ASSERT_FALSE(d.elements().empty());
    const std::string dot = writeDot(d);
    const testing::ParsedGraph graph = testing::parseDot(dot);
    ASSERT_NE(graph.get(), nullptr);
    for (const Element& e : d.elements()) {
        if (e.kind == "vpc" || e.kind == "subnet") {
            Agraph_t* cluster = testing::findSubgraph(graph.get(), "cluster_" + e.id);
            ASSERT_NE(cluster, nullptr) << e.id;
            if (e.kind == "subnet") {
                // subnet -> zone -> VPC
                EXPECT_EQ(agnameof(agparent(agparent(cluster))), "cluster_" + e.parent) << e.id;
            }
        } else {
            Agnode_t* node = agnode(graph.get(), const_cast<char*>(e.id.c_str()), 0);
            ASSERT_NE(node, nullptr) << e.id;
            if (!e.parent.empty() && d.element(e.parent)->kind != "transit_gateway") {
                Agraph_t* parent = testing::findSubgraph(graph.get(), "cluster_" + e.parent);
                ASSERT_NE(parent, nullptr) << e.id;
                EXPECT_NE(agnode(parent, const_cast<char*>(e.id.c_str()), 0), nullptr) << e.id;
            }
        }
    }
    for (RenderFormat format : {RenderFormat::Png, RenderFormat::Svg, RenderFormat::Pdf}) {
        const RenderResult result = renderDot(dot, format, 96);
        EXPECT_TRUE(result.ok()) << renderFormatName(format) << ": " << result.error;
        EXPECT_GT(result.bytes.size(), 1000u);
    }
}

INSTANTIATE_TEST_SUITE_P(Examples, GoldenDot,
                         ::testing::Values("three-tier-web-app", "hub-and-spoke-tgw-vpn",
                                           "three-peered-vpcs"),
                         [](const auto& info) {
                             std::string name = info.param;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

}  // namespace
}  // namespace skydraft
