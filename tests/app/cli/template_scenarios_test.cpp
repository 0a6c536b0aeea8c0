// Templates as people write them, scored the way an outside scorer would: `skydraft validate
// --format sarif` on CDK-synthesized and hand-written templates, clean and with planted faults.
#include <gtest/gtest.h>

#include <QFile>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "run_skydraft.h"

namespace skydraft {
namespace {

using nlohmann::json;
using test::runSkydraft;
using test::sourcePath;
using RuleIds = std::set<std::string>;

/// The rule ids of the SARIF results at a level ("error", "warning" or "note").
struct Scored {
    int exitCode = -1;
    RuleIds errors;
    RuleIds warnings;
    RuleIds notes;
    std::string err;
};

Scored score(const QString& fixture, const QStringList& extra = {}) {
    QStringList arguments{QStringLiteral("validate"), QStringLiteral("--format"),
                          QStringLiteral("sarif")};
    arguments << extra << sourcePath(QStringLiteral("tests/fixtures/cloudformation/") + fixture);
    const test::RunResult r = runSkydraft(arguments);
    Scored s;
    s.exitCode = r.exitCode;
    s.err = r.err.toStdString();
    const json log = json::parse(r.out.toStdString(), nullptr, false);
    if (log.is_discarded() || !log.contains("runs")) {
        return s;
    }
    for (const json& result : log["runs"][0]["results"]) {
        const std::string level = result.value("level", "warning");
        (level == "error"     ? s.errors
         : level == "warning" ? s.warnings
                              : s.notes)
            .insert(result["ruleId"].get<std::string>());
    }
    return s;
}

class CleanTemplate : public ::testing::TestWithParam<const char*> {};

TEST_P(CleanTemplate, ValidatesWithoutErrors) {
    const Scored s = score(QString::fromUtf8(GetParam()));
    EXPECT_EQ(s.exitCode, 0) << s.err;
    EXPECT_EQ(s.errors, RuleIds{});
    EXPECT_FALSE(s.notes.count("DIA003") || s.warnings.count("DIA003"));
}

INSTANTIATE_TEST_SUITE_P(Fixtures, CleanTemplate,
                         ::testing::Values("cdk/VpcTwoZonesOneNat.json",
                                           "cdk/VpcThreeZonesNatPerZone.json",
                                           "cdk/ThreeTierApp.json", "cdk/ClusterAndFunction.json",
                                           "cdk/VpcEndpoints.json", "cdk/TransitGatewayHub.json",
                                           "cdk/ThreeTierVpc.json", "cdk/PeeredVpcs.json",
                                           "cdk/WebTier.json", "yaml/intrinsics_everywhere.yaml",
                                           "yaml/vpc_public_private.yaml",
                                           "yaml/spoke_with_imports.yaml"),
                         [](const ::testing::TestParamInfo<const char*>& info) {
                             std::string name = info.param;
                             name = name.substr(name.rfind('/') + 1);
                             return name.substr(0, name.find('.'));
                         });

TEST(PlantedFault, SingleZoneLoadBalancerIsElb001) {
    const Scored s = score(QStringLiteral("cdk/FaultSingleZoneLb.json"));
    EXPECT_EQ(s.exitCode, 1) << s.err;
    EXPECT_EQ(s.errors, RuleIds{"ELB001"});
}

TEST(PlantedFault, OverlappingPeeredVpcsArePeer001) {
    const Scored s = score(QStringLiteral("cdk/FaultOverlappingPeering.json"));
    EXPECT_EQ(s.exitCode, 1) << s.err;
    EXPECT_EQ(s.errors, RuleIds{"PEER001"});
}

TEST(PlantedFault, OneWayPeeringIsPeer005) {
    const Scored s = score(QStringLiteral("cdk/FaultOneWayPeering.json"));
    EXPECT_EQ(s.exitCode, 0) << s.err;  // a warning: the input has no error
    EXPECT_EQ(s.errors, RuleIds{});
    EXPECT_EQ(s.warnings, RuleIds{"PEER005"});
}

TEST(PlantedFault, DatabaseInOneZoneIsRds001) {
    const Scored s = score(QStringLiteral("yaml/fault_database_one_zone.yaml"));
    EXPECT_EQ(s.exitCode, 1) << s.err;
    EXPECT_EQ(s.errors, RuleIds{"RDS001"});
}

TEST(TemplateOptions, RegionNamesTheZones) {
    // With the region, Fn::Select [1, Fn::GetAZs ''] is us-west-1c (us-west-1 has two zones).
    const test::RunResult r = runSkydraft(
        {QStringLiteral("import"), QStringLiteral("--region"), QStringLiteral("us-west-1"),
         sourcePath(QStringLiteral("tests/fixtures/cloudformation/cdk/VpcTwoZonesOneNat.json"))});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const json diagram = json::parse(r.out.toStdString());
    std::set<std::string> zones;
    for (const json& e : diagram["elements"]) {
        if (e["kind"] == "subnet") {
            zones.insert(e["properties"]["availability_zone"].get<std::string>());
        }
        if (e["kind"] == "vpc") {
            EXPECT_EQ(e["properties"]["region"], "us-west-1");
        }
    }
    EXPECT_EQ(zones, (std::set<std::string>{"us-west-1b", "us-west-1c"}));
}

TEST(TemplateOptions, ParametersChangeWhatIsChecked) {
    // Env=dev cuts /26 subnets instead of /24; both are clean.
    const Scored dev = score(QStringLiteral("yaml/intrinsics_everywhere.yaml"),
                             {QStringLiteral("--parameter"), QStringLiteral("Environment=dev")});
    EXPECT_EQ(dev.exitCode, 0) << dev.err;
    EXPECT_EQ(dev.errors, RuleIds{});
    const Scored bad = score(QStringLiteral("yaml/intrinsics_everywhere.yaml"),
                             {QStringLiteral("--parameter"), QStringLiteral("Environment=test")});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_NE(bad.err.find("--parameter Environment=test: not one of the parameter's "
                           "AllowedValues [\"prod\",\"dev\"]"),
              std::string::npos)
        << bad.err;
    const Scored unknown = score(QStringLiteral("yaml/intrinsics_everywhere.yaml"),
                                 {QStringLiteral("--parameter"), QStringLiteral("Nope=1")});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_NE(unknown.err.find("the template has no parameter Nope"), std::string::npos);
    const Scored malformed = score(QStringLiteral("yaml/intrinsics_everywhere.yaml"),
                                   {QStringLiteral("--parameter"), QStringLiteral("Nope")});
    EXPECT_EQ(malformed.exitCode, 2);
    EXPECT_EQ(malformed.err, "skydraft: --parameter Nope: write it as Key=Value\n");
    const Scored region = score(QStringLiteral("yaml/intrinsics_everywhere.yaml"),
                                {QStringLiteral("--region"), QStringLiteral("Mars")});
    EXPECT_EQ(region.exitCode, 2);
    EXPECT_EQ(region.err, "skydraft: --region Mars: not a region name (like us-east-1)\n");
}

TEST(TemplateOptions, UnknownYamlTagIsRefusedWithItsName) {
    const QString path =
        test::writeTemp(QStringLiteral("nonsense.yaml"),
                        "Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n"
                        "      CidrBlock: !Nonsense 10.0.0.0/16\n");
    const test::RunResult r = runSkydraft({QStringLiteral("validate"), path});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err.toStdString(), "skydraft: " + path.toStdString() +
                                       ": line 5, column 18: the YAML tag !Nonsense is not a "
                                       "CloudFormation function (short forms are !Ref, !GetAtt, "
                                       "!Sub, !Select, !GetAZs, !Join, !If, ...)\n");
}

}  // namespace
}  // namespace skydraft
