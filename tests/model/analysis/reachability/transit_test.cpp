// Reachability through transit gateways: attachments per zone, associated route tables,
// static routes, propagations, blackholes and VPN attachments.
#include "reach_fixture.h"

namespace skydraft {
namespace {

using namespace skydraft::testing;

/// VPCs "a" (10.0/16) and "b" (10.1/16), each with subnets in zones a and b, attached to
/// "tgw" in zone a only, associated with and propagating to "tgw-rt"; each VPC routes 10/8 to
/// the transit gateway. Instances "ia" (zone a of a), "ia-b" (zone b of a) and "ib".
DiagramBuilder hub() {
    DiagramBuilder b;
    b.add("tgw", "transit_gateway", "", {{"region", "us-east-1"}})
        .vpc("a", "10.0.0.0/16")
        .vpc("b", "10.1.0.0/16")
        .subnet("a1", "a", "10.0.1.0/24", "us-east-1a")
        .subnet("a2", "a", "10.0.2.0/24", "us-east-1b")
        .subnet("b1", "b", "10.1.1.0/24", "us-east-1a")
        .table("rt-a", "a", {"a1", "a2"}, {{"10.0.0.0/8", "tgw"}})
        .table("rt-b", "b", {"b1"}, {{"10.0.0.0/8", "tgw"}})
        .connect("att-a", "transit_gateway_attachment", "a", "tgw", {{"subnets", {"a1"}}})
        .connect("att-b", "transit_gateway_attachment", "b", "tgw", {{"subnets", {"b1"}}})
        .add("tgw-rt", "transit_gateway_route_table", "tgw",
             {{"associations", {"att-a", "att-b"}}, {"propagations", {"att-a", "att-b"}}})
        .add("ia", "ec2_instance", "a1", {{"security_groups", {"sg-a"}}})
        .add("ia-b", "ec2_instance", "a2", {{"security_groups", {"sg-a"}}})
        .add("ib", "ec2_instance", "b1", {{"security_groups", {"sg-b"}}});
    openGroup(b, "sg-a", "a");
    openGroup(b, "sg-b", "b");
    return b;
}

TEST(ReachTransit, PropagatedRoutesJoinTheAttachedVpcs) {
    const auto r = ask(hub().build(), "ia", "ib", tcp(22));
    EXPECT_TRUE(r.reachable) << ::testing::PrintToString(blockers(r));
    EXPECT_EQ(pathOf(r), (Lines{"ia", "rt-a", "att-a", "tgw-rt", "att-b", "ib"}));
}

TEST(ReachTransit, SubnetInAZoneWithoutAttachment) {
    Diagram d = hub().build();
    const auto r = ask(d, "ia-b", "ib", tcp(22));
    EXPECT_EQ(blockers(r), (Lines{"TGW_NO_ATTACHMENT_IN_ZONE outbound att-a: attachment \"att-a\" "
                                  "has no subnet in us-east-1b, where subnet \"a2\" is"}));
    EXPECT_EQ(fixTexts(r), (Lines{"add a subnet of us-east-1b to attachment \"att-a\""}));
    applyFixes(d, r);
    EXPECT_TRUE(ask(d, "ia-b", "ib", tcp(22)).reachable);
}

TEST(ReachTransit, MissingPropagationIsTgwNoRoute) {
    Diagram d = hub().build();
    set(d, "tgw-rt", "propagations", json::array({"att-a"}));
    const auto r = ask(d, "ia", "ib", tcp(22));
    EXPECT_EQ(blockers(r), (Lines{"TGW_NO_ROUTE outbound tgw-rt: transit gateway route table "
                                  "\"tgw-rt\" has no route to instance \"ib\" (10.1.1.0/24)"}));
    EXPECT_EQ(fixTexts(r), (Lines{"propagate attachment \"att-b\" into transit gateway route "
                                  "table \"tgw-rt\""}));
    applyFixes(d, r);
    EXPECT_TRUE(ask(d, "ia", "ib", tcp(22)).reachable);
}

TEST(ReachTransit, StaticRouteBeatsPropagationAndBlackholeDrops) {
    Diagram d = hub().build();
    set(d, "tgw-rt", "routes",
        json::array({{{"destination", "10.1.0.0/16"}, {"target", "blackhole"}}}));
    const auto r = ask(d, "ia", "ib", tcp(22));
    EXPECT_EQ(blockers(r), (Lines{"TGW_BLACKHOLE outbound tgw-rt: transit gateway route table "
                                  "\"tgw-rt\" drops 10.1.1.0/24: 10.1.0.0/16 is a blackhole "
                                  "route"}));
    applyFixes(d, r);
    EXPECT_TRUE(ask(d, "ia", "ib", tcp(22)).reachable);
    // A more specific blackhole wins over a wider static route to the right attachment.
    set(d, "tgw-rt", "routes",
        json::array({{{"destination", "10.1.0.0/16"}, {"target", "att-b"}},
                     {{"destination", "10.1.1.0/24"}, {"target", ""}}}));
    EXPECT_EQ(ask(d, "ia", "ib", tcp(22)).explanations.at(0).code, Code::TgwBlackhole);
}

TEST(ReachTransit, AttachmentWithoutRouteTable) {
    Diagram d = hub().build();
    set(d, "tgw-rt", "associations", json::array({"att-b"}));
    const auto r = ask(d, "ia", "ib", tcp(22));
    EXPECT_EQ(blockers(r), (Lines{"TGW_NO_ROUTE_TABLE outbound att-a: attachment \"att-a\" is "
                                  "associated with no route table of transit gateway \"tgw\""}));
    applyFixes(d, r);
    EXPECT_TRUE(ask(d, "ia", "ib", tcp(22)).reachable);
}

TEST(ReachTransit, VpcNotAttached) {
    Diagram d = hub().build();
    ASSERT_TRUE(d.removeConnection("att-b").ok());
    const auto r = ask(d, "ib", "ia", tcp(22));
    ASSERT_FALSE(r.explanations.empty());
    EXPECT_EQ(r.explanations[0].code, Code::TgwNoAttachment);
}

TEST(ReachTransit, ReturnRouteThroughTheTransitGateway) {
    Diagram d = hub().build();
    set(d, "rt-b", "routes", json::array());
    const auto r = ask(d, "ia", "ib", tcp(22));
    EXPECT_EQ(blockers(r), (Lines{"NO_ROUTE return rt-b: route table \"rt-b\" of subnet \"b1\" "
                                  "has no route to instance \"ia\" (10.0.1.0/24)"}));
    EXPECT_EQ(fixTexts(r), (Lines{"add a route 10.0.0.0/16 -> transit gateway \"tgw\" to route "
                                  "table \"rt-b\""}));
    applyFixes(d, r);
    EXPECT_TRUE(ask(d, "ia", "ib", tcp(22)).reachable);
}

TEST(ReachTransit, DefaultRouteTableWhenTheGatewayHasNone) {
    DiagramBuilder b;
    b.add("tgw", "transit_gateway", "", {{"region", "us-east-1"}})
        .vpc("a", "10.0.0.0/16")
        .vpc("b", "10.1.0.0/16")
        .subnet("a1", "a", "10.0.1.0/24")
        .subnet("b1", "b", "10.1.1.0/24")
        .table("rt-a", "a", {"a1"}, {{"10.1.0.0/16", "tgw"}})
        .table("rt-b", "b", {"b1"}, {{"10.0.0.0/16", "tgw"}})
        .connect("att-a", "transit_gateway_attachment", "a", "tgw", {{"subnets", {"a1"}}})
        .connect("att-b", "transit_gateway_attachment", "b", "tgw", {{"subnets", {"b1"}}})
        .add("ia", "ec2_instance", "a1", {{"security_groups", {"sg-a"}}})
        .add("ib", "ec2_instance", "b1", {{"security_groups", {"sg-b"}}});
    openGroup(b, "sg-a", "a");
    openGroup(b, "sg-b", "b");
    Diagram d = b.build();
    EXPECT_TRUE(ask(d, "ia", "ib", tcp(22)).reachable);
    set(d, "tgw", "default_route_table_propagation", false);
    EXPECT_EQ(ask(d, "ia", "ib", tcp(22)).explanations.at(0).code, Code::TgwNoRoute);
}

TEST(ReachTransit, VpnAttachmentCarriesOnPremises) {
    DiagramBuilder b = hub();
    b.add("cgw", "customer_gateway", "", {{"on_premises_cidrs", {"192.168.0.0/16"}}})
        .connect("vpn", "vpn_attachment", "cgw", "tgw", {{"static_routes", {"192.168.0.0/16"}}});
    Diagram d = b.build();
    set(d, "tgw-rt", "associations", json::array({"att-a", "att-b", "vpn"}));
    set(d, "tgw-rt", "propagations", json::array({"att-a", "att-b", "vpn"}));
    set(d, "rt-a", "routes",
        json::array({{{"destination", "10.0.0.0/8"}, {"target", "tgw"}},
                     {{"destination", "192.168.0.0/16"}, {"target", "tgw"}}}));
    const auto out = ask(d, "ia", "192.168.7.7", tcp(443));
    EXPECT_TRUE(out.reachable) << ::testing::PrintToString(blockers(out));
    EXPECT_EQ(pathOf(out), (Lines{"ia", "rt-a", "att-a", "tgw-rt", "vpn", "192.168.7.7/32"}));
    const auto in = ask(d, "192.168.7.7", "ia", tcp(22));
    EXPECT_TRUE(in.reachable) << ::testing::PrintToString(blockers(in));
    // b has no route back to the data center.
    const auto noReturn = ask(d, "192.168.7.7", "ib", tcp(22));
    EXPECT_EQ(blockers(noReturn), (Lines{"NO_ROUTE return rt-b: route table \"rt-b\" of subnet "
                                         "\"b1\" has no route to 192.168.7.7/32"}));
}

}  // namespace
}  // namespace skydraft
