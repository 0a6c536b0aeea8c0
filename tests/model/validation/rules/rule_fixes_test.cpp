// The fixes rules attach to their findings (the designer's buttons, SARIF's fixes, --fix).
#include <filesystem>
#include <fstream>
#include <sstream>

#include "diagram_builder.h"
#include "diagram_file.h"

namespace skydraft {
namespace {

namespace fs = std::filesystem;

Diagram loadExample(const std::string& name) {
    std::ifstream in(fs::path(SKYDRAFT_SOURCE_DIR) / "examples" / name, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    LoadResult loaded = loadDiagram(text.str());
    if (!loaded) {
        throw std::runtime_error(name + ": " + loaded.error->toString());
    }
    return std::move(*loaded.diagram);
}

Finding only(const std::vector<Finding>& findings, std::string_view rule) {
    const auto it = std::find_if(findings.begin(), findings.end(),
                                 [&](const Finding& f) { return f.ruleId == rule; });
    if (it == findings.end()) {
        throw std::runtime_error("no " + std::string(rule) + " finding");
    }
    return *it;
}

TEST(RuleFixes, Sub003MovesTheSubjectToTheNextFreeBlock) {
    Diagram d = loadExample("three-tier-web-app.skydraft");
    ASSERT_TRUE(d.setProperty("subnet-app-b", "cidr", "10.0.10.0/24"));
    const Finding f = only(validate(d).findings, "SUB003");
    ASSERT_TRUE(f.fix.has_value());
    EXPECT_EQ(f.fix->label, "Move to 10.0.2.0/24");
    ASSERT_EQ(f.fix->edits.size(), 1u);
    EXPECT_EQ(f.fix->edits[0], (FixEdit{"set_property", f.elements[0], "cidr", "10.0.2.0/24"}));
}

TEST(RuleFixes, Sub003HasNoFixWhenTheVpcIsFull) {
    testing::DiagramBuilder b;
    b.vpc("v", "10.0.0.0/24").subnet("a", "v", "10.0.0.0/24").subnet("b", "v", "10.0.0.0/24");
    const Finding f = only(validate(b.build()).findings, "SUB003");
    EXPECT_FALSE(f.fix.has_value());
}

TEST(RuleFixes, Peer005AddsTheMissingReturnRoute) {
    Diagram d = loadExample("three-peered-vpcs.skydraft");
    ASSERT_TRUE(d.setProperty("rt-shared", "routes",
                              nlohmann::json::array({{{"destination", "10.30.0.0/16"},
                                                      {"target", "pcx-shared-analytics"}}})));
    const Finding f = only(validate(d).findings, "PEER005");
    ASSERT_TRUE(f.fix.has_value());
    EXPECT_EQ(f.fix->label, "Add the return route");
    ASSERT_EQ(f.fix->edits.size(), 1u);
    EXPECT_EQ(f.fix->edits[0].target, "rt-shared");
    EXPECT_EQ(f.fix->edits[0].value,
              nlohmann::json::parse(
                  R"([{"destination":"10.30.0.0/16","target":"pcx-shared-analytics"},
                      {"destination":"10.10.0.0/16","target":"pcx-app-shared"}])"));
}

}  // namespace
}  // namespace skydraft
