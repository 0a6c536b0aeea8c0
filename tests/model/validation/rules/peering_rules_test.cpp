// PEER001-PEER008 and TGW001-TGW005: VPC peering and transit gateways.
#include "diagram_builder.h"

namespace skydraft {
namespace {

using namespace skydraft::testing;

/// app (10.0/16) peers with shared (10.1/16), which peers with data (10.2/16); routed both
/// ways to exactly the peer's CIDR.
Diagram peeredChain() {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    cleanVpc(b, "shared", 1);
    cleanVpc(b, "data", 2);
    b.connect("app-shared", "vpc_peering", "app", "shared")
        .connect("shared-data", "vpc_peering", "shared", "data");
    Diagram d = b.build();
    addRoute(d, "app-rt-a", "10.1.0.0/16", "app-shared");
    addRoute(d, "shared-rt-a", "10.0.0.0/16", "app-shared");
    addRoute(d, "shared-rt-a", "10.2.0.0/16", "shared-data");
    addRoute(d, "data-rt-a", "10.1.0.0/16", "shared-data");
    return d;
}

TEST(PEER001, OverlappingPeersIncludingSecondaryCidrs) {
    DiagramBuilder b;
    b.vpc("a", "10.0.0.0/16", {{"secondary_cidrs", {"10.5.0.0/16"}}})
        .vpc("b", "10.5.128.0/17")
        .vpc("c", "10.6.0.0/16")
        .connect("ab", "vpc_peering", "a", "b")
        .connect("ac", "vpc_peering", "a", "c");
    EXPECT_EQ(summary(run(b.build(), "PEER001")),
              (Lines{"PEER001 error [ab,a,b] peering \"ab\": 10.5.0.0/16 of vpc \"a\" overlaps "
                     "10.5.128.0/17 of vpc \"b\""}));
}

TEST(PEER002, DuplicateAndSelfPeerings) {
    DiagramBuilder b;
    b.vpc("a", "10.0.0.0/16")
        .vpc("b", "10.1.0.0/16")
        .connect("ab", "vpc_peering", "a", "b")
        .connect("ba", "vpc_peering", "b", "a")
        .connect("aa", "vpc_peering", "a", "a");
    EXPECT_EQ(summary(run(b.build(), "PEER002")),
              (Lines{"PEER002 error [aa,a] peering \"aa\": peers vpc \"a\" with itself",
                     "PEER002 error [ba,ab] peering \"ba\": vpc \"a\" and vpc \"b\" are already "
                     "peered by peering \"ab\""}));
}

TEST(PEER003, ARouteToExactlyThePeersCidrIsFine) {
    EXPECT_TRUE(run(peeredChain(), "PEER003").empty());
}

TEST(PEER003, ARouteToAThirdVpcIsNot) {
    Diagram d = peeredChain();
    addRoute(d, "app-rt-b", "10.2.0.0/16", "app-shared");
    EXPECT_EQ(summary(run(d, "PEER003")),
              (Lines{"PEER003 error [app,app-rt-b,app-shared,data] vpc \"app\": route "
                     "10.2.0.0/16 via peering \"app-shared\" leaves the peer's CIDRs; peering is "
                     "not transitive"}));
}

TEST(PEER003, ASummaryRouteCoveringAThirdVpcIsNot) {
    Diagram d = peeredChain();
    addRoute(d, "app-rt-b", "10.0.0.0/8", "app-shared");
    const auto f = run(d, "PEER003");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].elements, (std::vector<Id>{"app", "app-rt-b", "app-shared", "data"}));
    EXPECT_TRUE(run(d, "PEER004").empty());
}

TEST(PEER004, DefaultRouteThroughAPeering) {
    Diagram d = peeredChain();
    addRoute(d, "app-rt-public", "192.168.0.0/16", "app-shared");
    EXPECT_EQ(summary(run(d, "PEER004")),
              (Lines{"PEER004 error [app,app-rt-public,app-shared] vpc \"app\": route "
                     "192.168.0.0/16 via peering \"app-shared\" leads beyond vpc \"shared\"; a "
                     "peering does not share the peer's gateways"}));
    EXPECT_TRUE(run(d, "PEER003").empty());
}

TEST(PEER005, RoutedOneWayOrNotAtAll) {
    DiagramBuilder b;
    cleanVpc(b, "a", 0);
    cleanVpc(b, "b", 1);
    cleanVpc(b, "c", 2);
    b.connect("ab", "vpc_peering", "a", "b").connect("bc", "vpc_peering", "b", "c");
    Diagram d = b.build();
    addRoute(d, "a-rt-a", "10.1.0.0/16", "ab");
    EXPECT_EQ(summary(run(d, "PEER005")),
              (Lines{"PEER005 warning [ab,a,b] peering \"ab\": routed from vpc \"a\" only; vpc "
                     "\"b\" has no route back",
                     "PEER005 warning [bc,b,c] peering \"bc\": no route in either VPC uses it"}));
    addRoute(d, "b-rt-b", "10.0.0.0/16", "ab");
    EXPECT_EQ(run(d, "PEER005").size(), 1u);
}

TEST(PEER006, SecurityGroupReferenceAcrossRegions) {
    DiagramBuilder b;
    b.vpc("east", "10.0.0.0/16")
        .vpc("west", "10.1.0.0/16", {{"region", "us-west-2"}})
        .vpc("east2", "10.2.0.0/16")
        .connect("p1", "vpc_peering", "east", "west")
        .connect("p2", "vpc_peering", "east", "east2")
        .add("sg-west", "security_group", "west")
        .add("sg-east2", "security_group", "east2")
        .add("sg", "security_group", "east",
             {{"ingress",
               {{{"protocol", "tcp"}, {"from_port", 443}, {"to_port", 443},
                 {"source_security_group", "sg-west"}},
                {{"protocol", "tcp"}, {"from_port", 443}, {"to_port", 443},
                 {"source_security_group", "sg-east2"}}}}});
    EXPECT_EQ(summary(run(b.build(), "PEER006")),
              (Lines{"PEER006 error [sg,sg-west] security group \"sg\": ingress rule references "
                     "security group \"sg-west\" of peered vpc \"west\" in us-west-2, not "
                     "us-east-1"}));
}

TEST(PEER007, PeeringsPerVpc) {
    DiagramBuilder b;
    b.vpc("hub", "10.0.0.0/16");
    for (int i = 1; i <= 51; ++i) {
        b.vpc("s" + std::to_string(i), "10." + std::to_string(i) + ".0.0/16");
        b.connect("p" + std::to_string(i), "vpc_peering", "hub", "s" + std::to_string(i));
    }
    EXPECT_EQ(summary(run(b.build(), "PEER007")),
              (Lines{"PEER007 warning [hub] vpc \"hub\": 51 peerings exceed the default quota of "
                     "50"}));
}

TEST(PEER008, PeersWithOverlappingCidrs) {
    DiagramBuilder b;
    b.vpc("hub", "10.0.0.0/16")
        .vpc("x", "10.1.0.0/16")
        .vpc("y", "10.1.0.0/16")
        .vpc("z", "10.2.0.0/16")
        .connect("hx", "vpc_peering", "hub", "x")
        .connect("hy", "vpc_peering", "hub", "y")
        .connect("hz", "vpc_peering", "hub", "z");
    EXPECT_EQ(summary(run(b.build(), "PEER008")),
              (Lines{"PEER008 warning [hub,x,y] vpc \"hub\": peers vpc \"x\" (10.1.0.0/16) and "
                     "vpc \"y\" (10.1.0.0/16), which overlap"}));
}

TEST(TGW001, AttachmentSubnets) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    cleanVpc(b, "web", 1);
    b.add("tgw", "transit_gateway", "")
        .connect("none", "transit_gateway_attachment", "app", "tgw")
        .connect("two-in-a", "transit_gateway_attachment", "web", "tgw",
                 {{"subnets", {"web-priv-a", "web-pub-a", "app-priv-b"}}});
    EXPECT_EQ(summary(run(b.build(), "TGW001")),
              (Lines{"TGW001 error [none,app] attachment \"none\": no subnet",
                     "TGW001 error [two-in-a,app-priv-b] attachment \"two-in-a\": subnet "
                     "\"app-priv-b\" is not in the attached vpc \"web\"",
                     "TGW001 error [two-in-a,web-priv-a,web-pub-a] attachment \"two-in-a\": 2 "
                     "subnets in us-east-1a; at most one per zone"}));
}

TEST(TGW002, OneAttachmentPerVpcAndGateway) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    b.add("tgw", "transit_gateway", "")
        .connect("att1", "transit_gateway_attachment", "app", "tgw", {{"subnets", {"app-priv-a"}}})
        .connect("att2", "transit_gateway_attachment", "app", "tgw",
                 {{"subnets", {"app-priv-b"}}});
    EXPECT_EQ(summary(run(b.build(), "TGW002")),
              (Lines{"TGW002 error [att2,att1] attachment \"att2\": vpc \"app\" is already "
                     "attached to transit gateway \"tgw\" by attachment \"att1\""}));
}

TEST(TGW003, OverlappingVpcsOnOneRouteTable) {
    DiagramBuilder b;
    b.vpc("a", "10.0.0.0/16")
        .subnet("a1", "a", "10.0.0.0/24")
        .vpc("b", "10.0.0.0/16")
        .subnet("b1", "b", "10.0.0.0/24")
        .vpc("c", "10.0.0.0/16")
        .subnet("c1", "c", "10.0.0.0/24")
        .add("tgw", "transit_gateway", "")
        .add("tgw2", "transit_gateway", "")
        .connect("att-a", "transit_gateway_attachment", "a", "tgw", {{"subnets", {"a1"}}})
        .connect("att-b", "transit_gateway_attachment", "b", "tgw", {{"subnets", {"b1"}}})
        .connect("att-c", "transit_gateway_attachment", "c", "tgw2", {{"subnets", {"c1"}}})
        .connect("att-a2", "transit_gateway_attachment", "a", "tgw2", {{"subnets", {"a1"}}})
        .add("tgw2-rt", "transit_gateway_route_table", "tgw2",
             {{"associations", {"att-c", "att-a2"}}, {"propagations", {"att-c"}}});
    EXPECT_EQ(summary(run(b.build(), "TGW003")),
              (Lines{"TGW003 warning [tgw,b,a] transit gateway \"tgw\": 10.0.0.0/16 of vpc \"b\" "
                     "overlaps 10.0.0.0/16 of vpc \"a\""}));
}

TEST(TGW004, SubnetInAZoneWithoutAnAttachmentSubnet) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    b.add("tgw", "transit_gateway", "")
        .connect("att", "transit_gateway_attachment", "app", "tgw", {{"subnets", {"app-priv-a"}}});
    Diagram d = b.build();
    addRoute(d, "app-rt-a", "172.16.0.0/12", "tgw");
    addRoute(d, "app-rt-b", "172.16.0.0/12", "tgw");
    EXPECT_EQ(summary(run(d, "TGW004")),
              (Lines{"TGW004 warning [app-priv-b,tgw] subnet \"app-priv-b\": routes 172.16.0.0/12 "
                     "to transit gateway \"tgw\" from us-east-1b, where the attachment has no "
                     "subnet"}));
}

TEST(TGW005, AttachmentAcrossRegions) {
    DiagramBuilder b;
    cleanVpc(b, "east", 0);
    cleanVpc(b, "west", 1, "us-west-2");
    b.add("tgw", "transit_gateway", "", {{"region", "us-east-1"}})
        .connect("att-east", "transit_gateway_attachment", "east", "tgw",
                 {{"subnets", {"east-priv-a"}}})
        .connect("att-west", "transit_gateway_attachment", "west", "tgw",
                 {{"subnets", {"west-priv-a"}}});
    EXPECT_EQ(summary(run(b.build(), "TGW005")),
              (Lines{"TGW005 error [att-west,west,tgw] attachment \"att-west\": vpc \"west\" is in "
                     "us-west-2, transit gateway \"tgw\" in us-east-1"}));
}

}  // namespace
}  // namespace skydraft
