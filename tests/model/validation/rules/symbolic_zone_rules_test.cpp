// Rules over zones and values read from templates: compared by name or index, unknowns skipped.
#include "diagram_builder.h"

namespace skydraft {
namespace {

using namespace skydraft::testing;

/// A subnet's properties as the importer stores Fn::Select [i, Fn::GetAZs ''] of an unknown
/// region.
json zoneByIndex(const std::string& cidr, int i) {
    const std::string text = "!Select [" + std::to_string(i) + ", !GetAZs '']";
    return {{"cidr", cidr},
            {"availability_zone", text},
            {"cloudformation",
             {{"symbolic", {{"availability_zone", {{"Fn::Select", {i, {{"Fn::GetAZs", ""}}}}}}}},
              {"evaluated", {{"availability_zone", {{"zone_index", i}}}}}}}};
}

/// A subnet whose zone comes from another stack.
json importedZone(const std::string& cidr) {
    return {
        {"cidr", cidr},
        {"availability_zone", "!ImportValue SharedZone"},
        {"cloudformation",
         {{"symbolic", {{"availability_zone", {{"Fn::ImportValue", "SharedZone"}}}}},
          {"evaluated", {{"availability_zone", {{"unknown", "comes from import SharedZone"}}}}}}}};
}

/// A CDK-style VPC: no region, subnets by zone index: a0 and b0 in zone 1, a1 in zone 2, x in a
/// zone imported from another stack.
DiagramBuilder cdkVpc() {
    DiagramBuilder b;
    b.add("v", "vpc", "", {{"cidr", "10.0.0.0/16"}})
        .add("a0", "subnet", "v", zoneByIndex("10.0.0.0/24", 0))
        .add("a1", "subnet", "v", zoneByIndex("10.0.1.0/24", 1))
        .add("b0", "subnet", "v", zoneByIndex("10.0.2.0/24", 0))
        .add("x", "subnet", "v", importedZone("10.0.3.0/24"));
    return b;
}

TEST(SymbolicZones, ZonesByIndexAreNotMalformed) {
    const Diagram d = cdkVpc().build();
    EXPECT_EQ(summary(run(d, "DIA003")), Lines{});
    EXPECT_EQ(summary(run(d, "SUB004")), Lines{});
}

TEST(SymbolicZones, LoadBalancerSpread) {
    DiagramBuilder b = cdkVpc();
    b.add("spread", "load_balancer", "v", {{"subnets", {"a0", "a1"}}})
        .add("same", "load_balancer", "v", {{"subnets", {"a0", "b0"}}})
        .add("unsure", "load_balancer", "v", {{"subnets", {"a0", "x"}}});
    const Diagram d = b.build();
    EXPECT_EQ(summary(run(d, "ELB001")),
              (Lines{"ELB001 error [same,a0,b0] load balancer \"same\": subnets only in zone 1 of "
                     "the region; an Application Load Balancer needs two zones",
                     "ELB001 info [unsure,a0,x] load balancer \"unsure\": cannot check zone "
                     "spread: availability zone of subnet \"x\" comes from import SharedZone"}));
    EXPECT_EQ(summary(run(d, "ELB002")),
              (Lines{"ELB002 error [same,a0,b0] load balancer \"same\": 2 subnets in zone 1 of "
                     "the region; at most one per zone"}));
}

TEST(SymbolicZones, DatabaseSubnetGroupSpread) {
    DiagramBuilder b = cdkVpc();
    b.add("ok", "rds_instance", "v", {{"subnets", {"a0", "a1"}}})
        .add("one", "rds_instance", "v", {{"subnets", {"a0", "b0"}}})
        .add("unsure", "rds_instance", "v", {{"subnets", {"x"}}});
    EXPECT_EQ(summary(run(b.build(), "RDS001")),
              (Lines{"RDS001 error [one,a0,b0] database \"one\": DB subnet group only in zone 1 "
                     "of the region; it needs two zones",
                     "RDS001 info [unsure,x] database \"unsure\": cannot check zone spread: "
                     "availability zone of subnet \"x\" comes from import SharedZone"}));
}

TEST(SymbolicZones, RegionTurnsIndexesIntoNames) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16", {{"region", "eu-west-1"}})
        .add("a0", "subnet", "v", zoneByIndex("10.0.0.0/24", 0))
        .subnet("lit", "v", "10.0.1.0/24", "eu-west-1a")
        .add("far", "subnet", "v", zoneByIndex("10.0.2.0/24", 5))
        .add("lb", "load_balancer", "v", {{"subnets", {"a0", "lit"}}});
    const Diagram d = b.build();
    // Index 0 of eu-west-1 is eu-west-1a: the same zone as the literal one.
    EXPECT_EQ(summary(run(d, "ELB002")),
              (Lines{"ELB002 error [lb,a0,lit] load balancer \"lb\": 2 subnets in eu-west-1a; at "
                     "most one per zone"}));
    EXPECT_EQ(summary(run(d, "SUB004")),
              (Lines{"SUB004 error [far,v] subnet \"far\": !Select [5, !GetAZs ''] has no zone in "
                     "vpc \"v\": the region eu-west-1 has 3 zones, so it has no zone 6"}));
}

TEST(SymbolicZones, NatGatewayInAnotherZone) {
    DiagramBuilder b = cdkVpc();
    b.add("igw", "internet_gateway", "v")
        .add("nat", "nat_gateway", "a0")
        .add("nat-x", "nat_gateway", "x")
        .table("rt-public", "v", {"a0", "x"}, {{"0.0.0.0/0", "igw"}})
        .table("rt-a1", "v", {"a1"}, {{"0.0.0.0/0", "nat"}})
        .table("rt-b0", "v", {"b0"}, {{"0.0.0.0/0", "nat-x"}});
    EXPECT_EQ(summary(run(b.build(), "NAT004")),
              (Lines{"NAT004 warning [a1,nat] subnet \"a1\": in zone 2 of the region, routes "
                     "0.0.0.0/0 to NAT gateway \"nat\" in zone 1 of the region"}));
}

TEST(SymbolicZones, TransitGatewayAttachmentZones) {
    DiagramBuilder b = cdkVpc();
    b.add("tgw", "transit_gateway", "", {{"region", "us-east-1"}})
        .connect("att", "transit_gateway_attachment", "v", "tgw", {{"subnets", {"a0", "b0"}}})
        .table("rt", "v", {"a0", "a1", "b0"}, {{"10.9.0.0/16", "tgw"}});
    const Diagram d = b.build();
    EXPECT_EQ(summary(run(d, "TGW001")),
              (Lines{"TGW001 error [att,a0,b0] attachment \"att\": 2 subnets in zone 1 of the "
                     "region; at most one per zone"}));
    EXPECT_EQ(summary(run(d, "TGW004")),
              (Lines{"TGW004 warning [a1,tgw] subnet \"a1\": routes 10.9.0.0/16 to transit "
                     "gateway \"tgw\" from zone 2 of the region, where the attachment has no "
                     "subnet"}));
}

TEST(SymbolicValues, UnknownIsNotMalformedButInvalidIs) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16")
        .add("s", "subnet", "v",
             {{"cidr", "!ImportValue SubnetCidr"},
              {"availability_zone", "us-east-1a"},
              {"cloudformation",
               {{"symbolic", {{"cidr", {{"Fn::ImportValue", "SubnetCidr"}}}}},
                {"evaluated", {{"cidr", {{"unknown", "comes from import SubnetCidr"}}}}}}}})
        .add("bad", "subnet", "v",
             {{"cidr", "!Select [3, [10.0.1.0/24]]"},
              {"availability_zone", "us-east-1a"},
              {"cloudformation",
               {{"symbolic", {{"cidr", {{"Fn::Select", {3, {"10.0.1.0/24"}}}}}}},
                {"evaluated",
                 {{"cidr",
                   {{"invalid", "Fn::Select: index 3 is out of range: the list has 1 value"}}}}}}}})
        .add("rt", "route_table", "v",
             {{"associations", {"s"}},
              {"routes",
               {{{"destination", "!ImportValue OnPremCidr"},
                 {"target", "!ImportValue SharedTgw"},
                 {"cfn_symbolic",
                  {{"destination", {{"Fn::ImportValue", "OnPremCidr"}}},
                   {"target", {{"Fn::ImportValue", "SharedTgw"}}}}}}}}});
    EXPECT_EQ(summary(run(b.build(), "DIA003")),
              (Lines{"DIA003 error [bad] subnet \"bad\": cidr !Select [3, [10.0.1.0/24]] fails in "
                     "CloudFormation: Fn::Select: index 3 is out of range: the list has 1 value"}));
}

}  // namespace
}  // namespace skydraft
