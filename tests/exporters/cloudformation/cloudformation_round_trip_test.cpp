// Round trips: import(export(d)) == d for diagrams; export(import(t)) keeps everything of t.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "cfn_spec_check.h"
#include "cfn_yaml.h"
#include "cloudformation_exporter.h"
#include "cloudformation_importer.h"
#include "diagram_file.h"
#include "generator.h"
#include "sample_diagrams.h"
#include "validation/validator.h"
#include "zone_ref.h"

namespace skydraft {
namespace {

using OJ = nlohmann::ordered_json;

std::string join(const std::vector<std::string>& lines) {
    std::string s;
    for (const auto& l : lines)
        s += l + "\n";
    return s;
}

void expectDiagramRoundTrip(const Diagram& d, const std::string& label) {
    const OJ t = exportCloudFormation(d);
    const CfnImportResult back = importCloudFormation(t.dump(1));
    ASSERT_TRUE(back) << label << ": " << back.error->toString();
    if (!(*back.diagram == d)) {
        // Show the first difference through the native format, one field per line.
        const std::string a = saveDiagram(d);
        const std::string b = saveDiagram(*back.diagram);
        std::size_t i = 0;
        while (i < a.size() && i < b.size() && a[i] == b[i])
            ++i;
        const std::size_t from = a.rfind('\n', i) == std::string::npos ? 0 : a.rfind('\n', i);
        ADD_FAILURE() << label << ": differs near\n  expected: " << a.substr(from, 300)
                      << "\n  imported: " << b.substr(from, 300);
    }
    // Exporting again gives the same bytes.
    EXPECT_EQ(exportCloudFormation(*back.diagram).dump(), t.dump()) << label;
}

TEST(CloudFormationRoundTrip, AllKinds) {
    expectDiagramRoundTrip(test::allKindsDiagram(), "all kinds");
}

TEST(CloudFormationRoundTrip, Examples) {
    for (const auto& [name, d] : test::exampleDiagrams())
        expectDiagramRoundTrip(d, name);
}

TEST(CloudFormationRoundTrip, GeneratedDiagrams) {
    expectDiagramRoundTrip(test::generatedDiagram(1, 1, 0), "1 VPC");
    expectDiagramRoundTrip(test::generatedDiagram(5, 3, 2), "5 VPCs");
}

TEST(CloudFormationRoundTrip, DiagramsOfTheGenerator) {
    // The generator the validator and `skydraft generate` use: several shapes, each exported
    // template conforming to the specification and importing back to the same diagram.
    std::vector<GeneratorOptions> shapes(4);
    shapes[1].vpcs = 9;
    shapes[1].transitGateways = 2;
    shapes[1].regions = 3;
    shapes[2].vpcs = 1;
    shapes[2].peerings = 0;
    shapes[2].instancesPerSubnet = 0;
    shapes[3].vpcs = 6;
    shapes[3].subnetsPerVpc = 6;
    shapes[3].transitGateways = 1;
    shapes[3].instancesPerSubnet = 3;
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        const Diagram d = generateDiagram(shapes[i]);
        const auto problems = test::checkAgainstSpecification(exportCloudFormation(d));
        EXPECT_TRUE(problems.empty()) << "shape " << i << "\n" << join(problems);
        expectDiagramRoundTrip(d, "generated shape " + std::to_string(i));
    }
}

TEST(CloudFormationRoundTrip, ImportedTemplatesStayDiagramStable) {
    // import(export(import(t))) == import(t): the second trip changes nothing.
    for (const char* path : {"tests/fixtures/cloudformation/cdk/ThreeTierVpc.json",
                             "tests/fixtures/cloudformation/cdk/PeeredVpcs.json",
                             "tests/fixtures/cloudformation/cdk/WebTier.json",
                             "tests/fixtures/cloudformation/yaml/vpc_public_private.yaml",
                             "tests/fixtures/cloudformation/yaml/instance_bucket_lambda.yaml",
                             "tests/fixtures/cloudformation/yaml/transit_gateway_vpn.yaml",
                             "tests/fixtures/cloudformation/yaml/spoke_with_imports.yaml",
                             "tests/fixtures/cloudformation/cdk/VpcTwoZonesOneNat.json",
                             "tests/fixtures/cloudformation/cdk/VpcThreeZonesNatPerZone.json",
                             "tests/fixtures/cloudformation/cdk/ThreeTierApp.json",
                             "tests/fixtures/cloudformation/cdk/ClusterAndFunction.json",
                             "tests/fixtures/cloudformation/cdk/VpcEndpoints.json",
                             "tests/fixtures/cloudformation/cdk/TransitGatewayHub.json",
                             "tests/fixtures/cloudformation/cdk/FaultSingleZoneLb.json",
                             "tests/fixtures/cloudformation/cdk/FaultOverlappingPeering.json",
                             "tests/fixtures/cloudformation/cdk/FaultOneWayPeering.json",
                             "tests/fixtures/cloudformation/yaml/intrinsics_everywhere.yaml",
                             "tests/fixtures/cloudformation/yaml/fault_database_one_zone.yaml"}) {
        const CfnImportResult first = importCloudFormation(test::readSourceFile(path));
        ASSERT_TRUE(first) << path;
        expectDiagramRoundTrip(*first.diagram, path);
    }
}

/// CloudFormation reads scalars loosely ("80" and 80 are the same port) and Tags as a set.
bool equivalent(const OJ& a, const OJ& b, const std::string& key = {}) {
    if (a.is_primitive() && b.is_primitive()) {
        auto text = [](const OJ& v) { return v.is_string() ? v.get<std::string>() : v.dump(); };
        return text(a) == text(b);
    }
    if (a.is_object() && b.is_object()) {
        if (a.size() != b.size())
            return false;
        for (const auto& [k, v] : a.items()) {
            if (!b.contains(k) || !equivalent(v, b[k], k))
                return false;
        }
        return true;
    }
    if (a.is_array() && b.is_array()) {
        if (a.size() != b.size())
            return false;
        if (key == "Tags") {
            for (const auto& x : a) {
                if (std::none_of(b.begin(), b.end(), [&](const OJ& y) { return equivalent(x, y); }))
                    return false;
            }
            return true;
        }
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (!equivalent(a[i], b[i]))
                return false;
        }
        return true;
    }
    return false;
}

std::vector<std::string> losses(const OJ& original, const OJ& again) {
    std::vector<std::string> lost;
    for (const auto& [id, r] : original["Resources"].items()) {
        const std::string where = "Resources." + id;
        if (!again["Resources"].contains(id)) {
            lost.push_back(where + ": resource lost");
            continue;
        }
        const OJ& s = again["Resources"][id];
        if (s["Type"] != r["Type"])
            lost.push_back(where + ": type changed to " + s["Type"].dump());
        const OJ originalProperties = r.value("Properties", OJ::object());
        const OJ p = s.value("Properties", OJ::object());
        for (const auto& [k, v] : originalProperties.items()) {
            if (!p.contains(k))
                lost.push_back(where + ".Properties." + k + ": lost");
            else if (!equivalent(v, p[k], k))
                lost.push_back(where + ".Properties." + k + ": " + v.dump() + " became " +
                               p[k].dump());
        }
        for (const char* attribute : {"Condition", "DeletionPolicy", "UpdateReplacePolicy",
                                      "Metadata", "CreationPolicy", "UpdatePolicy"}) {
            if (r.contains(attribute) &&
                (!s.contains(attribute) || !equivalent(s[attribute], r[attribute]))) {
                lost.push_back(where + "." + attribute + ": lost");
            }
        }
        if (r.contains("DependsOn")) {
            const OJ want =
                r["DependsOn"].is_array() ? r["DependsOn"] : OJ::array({r["DependsOn"]});
            const OJ have =
                s.contains("DependsOn")
                    ? (s["DependsOn"].is_array() ? s["DependsOn"] : OJ::array({s["DependsOn"]}))
                    : OJ::array();
            for (const auto& d : want) {
                if (std::find(have.begin(), have.end(), d) == have.end())
                    lost.push_back(where + ".DependsOn " + d.dump() + ": lost");
            }
        }
    }
    for (const char* section :
         {"Parameters", "Conditions", "Mappings", "Outputs", "Rules", "Transform", "Description"}) {
        if (!original.contains(section))
            continue;
        if (!again.contains(section)) {
            lost.push_back(std::string(section) + ": lost");
        } else if (original[section].is_object()) {
            for (const auto& [k, v] : original[section].items()) {
                if (!again[section].contains(k) || !equivalent(again[section][k], v))
                    lost.push_back(std::string(section) + "." + k + ": lost");
            }
        } else if (!equivalent(original[section], again[section])) {
            lost.push_back(std::string(section) + ": changed");
        }
    }
    return lost;
}

TEST(CloudFormationRoundTrip, ExportsOfFixturesAddNoUnreferencedParameter) {
    // cfn-lint W2001: a parameter nothing uses. The exporter adds some (the AMI, the database
    // user); an imported literal replaces the Ref, and then the parameter must not be written.
    int checked = 0;
    for (const char* folder : {"cdk", "yaml"}) {
        const std::filesystem::path dir =
            std::filesystem::path(SKYDRAFT_SOURCE_DIR) / "tests/fixtures/cloudformation" / folder;
        for (const auto& entry : std::filesystem::directory_iterator(dir)) {
            const std::string ext = entry.path().extension().string();
            if (ext != ".json" && ext != ".yaml")
                continue;
            const std::string rel = std::string("tests/fixtures/cloudformation/") + folder + "/" +
                                    entry.path().filename().string();
            const CfnTextResult original = parseCfnTemplateText(test::readSourceFile(rel));
            const CfnImportResult imported = importCloudFormation(test::readSourceFile(rel));
            if (!original.ok() || !imported)
                continue;  // the refused fixtures have their own tests
            const OJ again = exportCloudFormation(*imported.diagram);
            const OJ kept = original.value.value("Parameters", OJ::object());
            const std::string resources = again["Resources"].dump();
            const OJ written = again.value("Parameters", OJ::object());
            for (const auto& [name, p] : written.items()) {
                if (kept.contains(name))
                    continue;
                const bool used =
                    resources.find("{\"Ref\":\"" + name + "\"}") != std::string::npos ||
                    resources.find("${" + name + "}") != std::string::npos;
                EXPECT_TRUE(used) << rel << ": parameter " << name << " is referenced by nothing";
            }
            ++checked;
        }
    }
    EXPECT_GE(checked, 15);
}

class FixtureRoundTrip : public ::testing::TestWithParam<std::string> {};

TEST_P(FixtureRoundTrip, ExportOfImportKeepsEverything) {
    const std::string text = test::readSourceFile(GetParam());
    const CfnTextResult original = parseCfnTemplateText(text);
    ASSERT_TRUE(original.ok());
    const CfnImportResult imported = importCloudFormation(text);
    ASSERT_TRUE(imported) << imported.error->toString();
    const OJ again = exportCloudFormation(*imported.diagram);
    const auto lost = losses(original.value, again);
    EXPECT_TRUE(lost.empty()) << join(lost);
    const auto problems = test::checkAgainstSpecification(again);
    EXPECT_TRUE(problems.empty()) << join(problems);
    // The fixtures themselves conform, so the check is meaningful for them too.
    const auto originalProblems = test::checkAgainstSpecification(original.value);
    EXPECT_TRUE(originalProblems.empty()) << join(originalProblems);
}

// Not yet here, because the export still loses values of theirs (issue 13, export side):
// cdk/ThreeTierApp.json, cdk/ClusterAndFunction.json (DB subnet group descriptions, the launch
// configuration), yaml/intrinsics_everywhere.yaml (Fn::If of booleans and enums, Ref of security
// groups) and yaml/fault_database_one_zone.yaml (the DB subnet group description).
INSTANTIATE_TEST_SUITE_P(
    Fixtures, FixtureRoundTrip,
    ::testing::Values("tests/fixtures/cloudformation/cdk/ThreeTierVpc.json",
                      "tests/fixtures/cloudformation/cdk/PeeredVpcs.json",
                      "tests/fixtures/cloudformation/cdk/WebTier.json",
                      "tests/fixtures/cloudformation/yaml/vpc_public_private.yaml",
                      "tests/fixtures/cloudformation/yaml/instance_bucket_lambda.yaml",
                      "tests/fixtures/cloudformation/yaml/transit_gateway_vpn.yaml",
                      "tests/fixtures/cloudformation/yaml/spoke_with_imports.yaml",
                      "tests/fixtures/cloudformation/cdk/VpcTwoZonesOneNat.json",
                      "tests/fixtures/cloudformation/cdk/VpcThreeZonesNatPerZone.json",
                      "tests/fixtures/cloudformation/cdk/VpcEndpoints.json",
                      "tests/fixtures/cloudformation/cdk/TransitGatewayHub.json",
                      "tests/fixtures/cloudformation/cdk/FaultSingleZoneLb.json",
                      "tests/fixtures/cloudformation/cdk/FaultOverlappingPeering.json",
                      "tests/fixtures/cloudformation/cdk/FaultOneWayPeering.json"),
    [](const ::testing::TestParamInfo<std::string>& info) {
        std::string name = info.param.substr(info.param.rfind('/') + 1);
        name = name.substr(0, name.find('.'));
        return name;
    });

TEST(CloudFormationRoundTrip, LossDetectorWorks) {
    const CfnTextResult original = parseCfnTemplateText(
        test::readSourceFile("tests/fixtures/cloudformation/yaml/vpc_public_private.yaml"));
    OJ damaged = original.value;
    damaged["Resources"].erase("NatGateway1");
    damaged["Resources"]["VPC"]["Properties"].erase("EnableDnsSupport");
    damaged["Outputs"].erase("PublicSubnets");
    EXPECT_EQ(losses(original.value, damaged),
              (std::vector<std::string>{"Resources.VPC.Properties.EnableDnsSupport: lost",
                                        "Resources.NatGateway1: resource lost",
                                        "Outputs.PublicSubnets: lost"}));
}

TEST(CloudFormationRoundTrip, PortableZonesDeployAnywhereAndImportBack) {
    // three-peered-vpcs uses us-east-1a/b and us-west-2a/b: each region's zones are numbered
    // from 0 in name order, no zone name is left in the resources (cfn-lint W3010), and the
    // template imports back to the same zones, without an error.
    const Diagram d =
        *loadDiagram(test::readSourceFile("examples/three-peered-vpcs.skydraft")).diagram;
    CfnExportOptions options;
    options.portableZones = true;
    const OJ t = exportCloudFormation(d, options);
    std::map<std::string, OJ> zoneOfSubnet;
    for (const auto& [lid, r] : t["Resources"].items()) {
        if (r["Type"] == "AWS::EC2::Subnet")
            zoneOfSubnet[lid] = r["Properties"]["AvailabilityZone"];
    }
    ASSERT_EQ(zoneOfSubnet.size(), 6u);
    std::set<int> indexes;
    for (const auto& [lid, zone] : zoneOfSubnet) {
        ASSERT_TRUE(zone.is_object() && zone.contains("Fn::Select")) << lid << ": " << zone.dump();
        EXPECT_EQ(zone["Fn::Select"][1], (OJ{{"Fn::GetAZs", ""}})) << lid;
        indexes.insert(zone["Fn::Select"][0].get<int>());
    }
    EXPECT_EQ(indexes, (std::set<int>{0, 1}));
    const std::string resources = t["Resources"].dump();
    for (const char* name : {"us-east-1a", "us-east-1b", "us-west-2a", "us-west-2b"})
        EXPECT_EQ(resources.find(name), std::string::npos) << name << " is still written";
    EXPECT_EQ(join(test::checkAgainstSpecification(t)), "");

    const CfnImportResult back = importCloudFormation(t.dump(1));
    ASSERT_TRUE(back) << back.error->toString();
    for (const auto& e : d.elements()) {
        if (e.kind != "subnet")
            continue;
        const Element* again = back.diagram->element(e.id);
        ASSERT_NE(again, nullptr) << e.id;
        const ZoneRef before = zoneOf(d, e);
        const ZoneRef after = zoneOf(*back.diagram, *again);
        // The Skydraft metadata keeps the names: the import gives back the very zones.
        EXPECT_EQ(after.kind, ZoneRef::Kind::Name) << e.id << ": " << after.label();
        EXPECT_EQ(after.name, before.name) << e.id;
    }
    for (const auto& f : validate(*back.diagram).findings)
        EXPECT_NE(f.severity, Severity::Error) << f.ruleId << ": " << f.message;
    for (const auto& f : validate(d).findings)
        EXPECT_NE(f.severity, Severity::Error) << "the example itself: " << f.ruleId;
    // Without the option, zones stay names.
    EXPECT_NE(exportCloudFormation(d)["Resources"].dump().find("us-west-2a"), std::string::npos);
}

}  // namespace
}  // namespace skydraft
