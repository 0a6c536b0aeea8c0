// The synthetic diagram generator: sizes as asked and valid by construction.
#include "diagram_builder.h"
#include "generator.h"

namespace skydraft {
namespace {

TEST(Generator, MakesTheAskedSizes) {
    GeneratorOptions o;
    o.vpcs = 6;
    o.subnetsPerVpc = 5;
    o.peerings = 7;
    o.transitGateways = 2;
    o.instancesPerSubnet = 2;
    o.regions = 2;
    const Diagram d = generateDiagram(o);
    EXPECT_EQ(d.elementsOfKind("vpc").size(), 6u);
    EXPECT_EQ(d.elementsOfKind("subnet").size(), 30u);
    EXPECT_EQ(d.elementsOfKind("ec2_instance").size(), 6u * 3u * 2u);
    EXPECT_EQ(d.elementsOfKind("transit_gateway").size(), 2u);
    std::size_t peerings = 0;
    for (const Connection& c : d.connections()) {
        peerings += c.kind == "vpc_peering";
    }
    EXPECT_EQ(peerings, 7u);
}

TEST(Generator, HasNoErrors) {
    for (std::size_t vpcs : {1u, 2u, 7u, 40u}) {
        GeneratorOptions o;
        o.vpcs = vpcs;
        o.subnetsPerVpc = 6;
        o.peerings = vpcs * 2;
        o.transitGateways = vpcs > 2 ? 2 : 0;
        o.regions = 3;
        const ValidationResult r = validate(generateDiagram(o));
        for (const Finding& f : r.findings) {
            // Above 500 resources a design no longer fits one CloudFormation template.
            if (f.ruleId != "CFN001") {
                EXPECT_NE(f.severity, Severity::Error) << f.ruleId << " " << f.message;
            }
        }
    }
}

TEST(Generator, FitsAThousandVpcsOfAHundredSubnets) {
    GeneratorOptions o;
    o.vpcs = 1000;
    o.subnetsPerVpc = 100;
    o.peerings = 2000;
    o.instancesPerSubnet = 0;
    const Diagram d = generateDiagram(o);
    EXPECT_EQ(d.elementsOfKind("subnet").size(), 100000u);
    const ValidationResult r = validate(d);
    ASSERT_EQ(r.count(Severity::Error), 1u);
    EXPECT_EQ(r.findings.front().ruleId, "CFN001");
}

}  // namespace
}  // namespace skydraft
