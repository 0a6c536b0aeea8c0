// The validation engine: registry, suppressions, ordering, JSON, and the rule reference.
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "diagram_builder.h"
#include "validation/rule_registry.h"

namespace skydraft {
namespace {

using namespace skydraft::testing;

// Every id of ../shared/RULES.md, the validator's contract.
const std::vector<std::string> kContractIds = {
    "VPC001", "VPC002", "VPC003", "VPC004", "VPC005", "VPC006", "VPC007", "VPC008", "VPC009",
    "VPC010", "VPC011", "SUB001", "SUB002", "SUB003", "SUB004", "SUB005", "SUB006", "SUB007",
    "SUB008", "SUB009", "SUB010", "IGW001", "IGW002", "IGW003", "IGW004", "IGW005", "IGW006",
    "NAT001", "NAT002", "NAT003", "NAT004", "NAT005", "NAT006", "NAT007", "RT001", "RT002", "RT003",
    "RT004", "RT005", "RT006", "RT007", "PEER001", "PEER002", "PEER003", "PEER004", "PEER005",
    "PEER006", "PEER007", "PEER008", "TGW001", "TGW002", "TGW003", "TGW004", "TGW005", "VPCE001",
    "VPCE002", "VPCE003", "VPCE004", "SG001", "SG002", "SG003", "SG004", "NACL001", "NACL002",
    "NACL003", "VPN001", "VPN002", "VPN003", "VPN004", "ELB001", "ELB002", "ELB003", "ELB004",
    "RDS001", "RDS002", "LAM001", "EC2001", "EC2002", "DIA001", "DIA002", "DIA003", "CFN001",
    // Access intents (issue 14), checked with the reachability path model.
    "REACH001",
    // Findings that save money (issue 22).
    "COST001", "COST002", "COST003", "COST004", "COST005"};

TEST(RuleRegistry, IdsAreUniqueWellFormedAndSorted) {
    const std::regex form("[A-Z][A-Z0-9]{1,4}[0-9]{3}");
    std::set<std::string_view> seen;
    std::string_view previous;
    for (const Rule* rule : allRules()) {
        EXPECT_TRUE(std::regex_match(std::string(rule->info.id), form)) << rule->info.id;
        EXPECT_TRUE(seen.insert(rule->info.id).second) << "duplicate " << rule->info.id;
        EXPECT_LT(previous, rule->info.id);
        previous = rule->info.id;
        EXPECT_FALSE(rule->info.title.empty()) << rule->info.id;
        EXPECT_FALSE(rule->info.description.empty()) << rule->info.id;
        EXPECT_NE(rule->check, nullptr);
        EXPECT_EQ(findRule(rule->info.id), rule);
    }
    EXPECT_EQ(findRule("NOPE001"), nullptr);
}

TEST(RuleRegistry, ImplementsEveryRuleOfTheContract) {
    std::set<std::string> implemented;
    for (const Rule* rule : allRules()) {
        implemented.insert(std::string(rule->info.id));
    }
    EXPECT_EQ(implemented, std::set<std::string>(kContractIds.begin(), kContractIds.end()));
}

TEST(RuleRegistry, DocsRulesMdIsCurrentAndListsEveryRule) {
    std::ifstream in(std::filesystem::path(SKYDRAFT_SOURCE_DIR) / "docs" / "rules.md");
    ASSERT_TRUE(in) << "docs/rules.md is missing";
    std::stringstream text;
    text << in.rdbuf();
    const std::string doc = text.str();
    EXPECT_EQ(doc, rulesMarkdown())
        << "docs/rules.md is stale: regenerate it with "
           "`skydraft validate --list-rules --format markdown > docs/rules.md`";
    for (const Rule* rule : allRules()) {
        EXPECT_NE(doc.find("\n## " + std::string(rule->info.id) + "\n"), std::string::npos)
            << rule->info.id;
    }
}

TEST(RuleRegistry, DocumentationLinksPointIntoTheReference) {
    EXPECT_EQ(ruleDocLink("PEER003"), "docs/rules.md#peer003");
}

TEST(Validator, FindingsAreSortedByRuleThenElements) {
    DiagramBuilder b;
    b.vpc("b", "10.0.0.0/8").vpc("a", "10.16.0.0/12").subnet("s", "a", "10.16.0.0/29");
    const ValidationResult r = validate(b.build());
    std::vector<std::string> order;
    for (const Finding& f : r.findings) {
        order.push_back(f.ruleId + ":" + f.elements.front());
    }
    EXPECT_EQ(order, (Lines{"SUB001:s", "VPC001:a", "VPC001:b"}));
    EXPECT_EQ(r.count(Severity::Error), 3u);
    EXPECT_TRUE(r.hasErrors());
}

TEST(Validator, SuppressedFindingsAreReportedAsSuppressed) {
    DiagramBuilder b;
    b.vpc("a", "10.16.0.0/12");
    b.last().suppressions = {"VPC001"};
    b.vpc("b", "10.32.0.0/12");
    const ValidationResult r = validate(b.build());
    ASSERT_EQ(r.findings.size(), 2u);
    EXPECT_TRUE(r.findings[0].suppressed);
    EXPECT_FALSE(r.findings[1].suppressed);
    EXPECT_EQ(r.count(Severity::Error), 1u);
    EXPECT_EQ(r.count(Severity::Error, true), 2u);
}

TEST(Validator, ACleanDiagramHasNoFindings) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    const ValidationResult r = validate(b.build());
    EXPECT_EQ(summary(r.findings), Lines{});
}

TEST(Finding, SerializesToJsonWithItsFix) {
    DiagramBuilder b;
    b.vpc("app", "10.0.0.5/16");
    const auto findings = run(b.build(), "VPC008");
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findingToJson(findings[0]), json::parse(R"({
        "rule": "VPC008", "severity": "warning",
        "message": "vpc \"app\": 10.0.0.5/16 has host bits set; AWS uses 10.0.0.0/16",
        "elements": ["app"], "suppressed": false,
        "fix": {"label": "Use 10.0.0.0/16", "edits": [
            {"kind": "set_property", "target": "app", "key": "cidr", "value": "10.0.0.0/16"}]}
    })"));
}

TEST(Severity, ParsesAndPrints) {
    EXPECT_EQ(parseSeverity("warning"), Severity::Warning);
    EXPECT_EQ(parseSeverity("error"), Severity::Error);
    EXPECT_EQ(parseSeverity("info"), Severity::Info);
    EXPECT_EQ(parseSeverity("fatal"), std::nullopt);
    EXPECT_EQ(severityKey(Severity::Warning), "warning");
}

}  // namespace
}  // namespace skydraft
