// Route analysis: effective route tables, longest-prefix match and its tie-breaks, reach.
#include "analysis/route_analysis.h"

#include "diagram_builder.h"

namespace skydraft {
namespace {

using namespace skydraft::testing;

Cidr cidr(const char* text) {
    return *parseCidr(text).cidr;
}

TEST(RouteAnalysis, ExplicitAssociationElseMainTable) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16")
        .subnet("s1", "v", "10.0.1.0/24")
        .subnet("s2", "v", "10.0.2.0/24")
        .table("main", "v", {}, {}, true)
        .table("own", "v", {"s2"});
    const Diagram d = b.build();
    const RouteAnalysis ra(d);
    ASSERT_NE(ra.tableOfSubnet("s1"), nullptr);
    EXPECT_EQ(ra.tableOfSubnet("s1")->element->id, "main");
    EXPECT_EQ(ra.tableOfSubnet("s2")->element->id, "own");
    EXPECT_EQ(ra.mainTableOf("v")->element->id, "main");
}

TEST(RouteAnalysis, WithoutAMainTableOnlyLocalRoutesApply) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16").subnet("s", "v", "10.0.1.0/24");
    const Diagram d = b.build();
    const RouteAnalysis ra(d);
    EXPECT_EQ(ra.tableOfSubnet("s"), nullptr);
    const auto local = ra.lookupFromSubnet("s", cidr("10.0.9.9/32"));
    ASSERT_TRUE(local);
    EXPECT_EQ(local->target, "local");
    EXPECT_FALSE(ra.lookupFromSubnet("s", cidr("8.8.8.8/32")));
}

TEST(RouteAnalysis, LongestPrefixWins) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16")
        .vpc("p", "10.1.0.0/16")
        .add("igw", "internet_gateway", "v")
        .subnet("s", "v", "10.0.1.0/24")
        .table("t", "v", {"s"}, {{"0.0.0.0/0", "igw"}, {"10.1.0.0/16", "pcx"}})
        .connect("pcx", "vpc_peering", "v", "p");
    const Diagram d = b.build();
    const RouteAnalysis ra(d);
    EXPECT_EQ(ra.lookupFromSubnet("s", cidr("10.1.2.3/32"))->target, "pcx");
    EXPECT_EQ(ra.lookupFromSubnet("s", cidr("10.2.0.1/32"))->target, "igw");
    EXPECT_EQ(ra.lookupFromSubnet("s", cidr("10.0.200.1/32"))->target, "local");
    // A destination wider than every specific route falls to the default route.
    EXPECT_EQ(ra.lookupFromSubnet("s", cidr("10.0.0.0/8"))->target, "igw");
}

TEST(RouteAnalysis, LocalBeatsStaticAndStaticBeatsPropagatedForEqualPrefixes) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16")
        .add("vgw", "virtual_private_gateway", "v")
        .add("cgw", "customer_gateway", "", {{"on_premises_cidrs", {"192.168.0.0/16"}}})
        .add("eni", "ec2_instance", "s")
        .subnet("s", "v", "10.0.1.0/24")
        .add("t", "route_table", "v",
             {{"associations", {"s"}},
              {"propagating_gateways", {"vgw"}},
              {"routes",
               {{{"destination", "172.16.0.0/12"}, {"target", "eni"}},
                {{"destination", "10.0.0.0/16"}, {"target", "eni"}}}}})
        .connect(
            "vpn", "vpn_attachment", "cgw", "vgw",
            {{"static_routes_only", true}, {"static_routes", {"172.16.0.0/12", "192.168.1.0/24"}}});
    const Diagram d = b.build();
    const RouteAnalysis ra(d);
    const RouteTableInfo* t = ra.table("t");
    ASSERT_NE(t, nullptr);
    const Route* same = RouteAnalysis::lookup(*t, cidr("172.16.5.0/24"));
    EXPECT_EQ(same->target, "eni");
    EXPECT_EQ(same->origin, RouteOrigin::Static);
    const Route* propagated = RouteAnalysis::lookup(*t, cidr("192.168.1.7/32"));
    EXPECT_EQ(propagated->target, "vgw");
    EXPECT_EQ(propagated->origin, RouteOrigin::Propagated);
    const Route* local = RouteAnalysis::lookup(*t, cidr("10.0.1.1/32"));
    EXPECT_EQ(local->origin, RouteOrigin::Local);
    // With static routes only, the customer gateway's other ranges are not propagated.
    EXPECT_EQ(RouteAnalysis::lookup(*t, cidr("192.168.9.0/24")), nullptr);
}

TEST(RouteAnalysis, BgpPropagatesTheCustomerGatewaysRanges) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16")
        .add("vgw", "virtual_private_gateway", "v")
        .add("cgw", "customer_gateway", "", {{"on_premises_cidrs", {"192.168.0.0/16"}}})
        .add("t", "route_table", "v", {{"propagating_gateways", {"vgw"}}})
        .connect("vpn", "vpn_attachment", "cgw", "vgw", {{"static_routes_only", false}});
    const Diagram d = b.build();
    const RouteAnalysis ra(d);
    const Route* r = RouteAnalysis::lookup(*ra.table("t"), cidr("192.168.9.0/24"));
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->target, "vgw");
    EXPECT_EQ(r->origin, RouteOrigin::Propagated);
}

TEST(RouteAnalysis, PropagationNeedsTheGatewayAttachedToTheTablesVpc) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16")
        .vpc("w", "10.1.0.0/16")
        .add("vgw", "virtual_private_gateway", "w")
        .add("cgw", "customer_gateway", "", {{"on_premises_cidrs", {"192.168.0.0/16"}}})
        .add("t", "route_table", "v", {{"propagating_gateways", {"vgw"}}})
        .connect("vpn", "vpn_attachment", "cgw", "vgw", {{"static_routes_only", false}});
    const Diagram d = b.build();
    const RouteAnalysis ra(d);
    EXPECT_EQ(RouteAnalysis::lookup(*ra.table("t"), cidr("192.168.0.1/32")), nullptr);
}

TEST(RouteAnalysis, ClassifiesSubnetsPublicPrivateAndVpnOnly) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    b.subnet("vpn-only", "app", "10.0.20.0/24")
        .add("vgw", "virtual_private_gateway", "app")
        .table("rt-vpn", "app", {"vpn-only"}, {{"192.168.0.0/16", "vgw"}});
    const Diagram d = b.build();
    const RouteAnalysis ra(d);
    EXPECT_EQ(ra.reach("app-pub-a"), SubnetReach::Public);
    EXPECT_EQ(ra.reach("app-priv-a"), SubnetReach::Private);
    EXPECT_EQ(ra.reach("vpn-only"), SubnetReach::VpnOnly);
    EXPECT_EQ(subnetReachKey(SubnetReach::VpnOnly), "vpn-only");
}

TEST(RouteAnalysis, AnInternetGatewayOfAnotherVpcDoesNotMakeASubnetPublic) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16")
        .vpc("w", "10.1.0.0/16")
        .add("igw-w", "internet_gateway", "w")
        .subnet("s", "v", "10.0.1.0/24")
        .table("t", "v", {"s"}, {{"0.0.0.0/0", "igw-w"}});
    const Diagram d = b.build();
    EXPECT_EQ(RouteAnalysis(d).reach("s"), SubnetReach::Isolated);
}

TEST(RouteAnalysis, ARouteToTheInternetGatewayForAnyDestinationMakesASubnetPublic) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16")
        .add("igw", "internet_gateway", "v")
        .subnet("s", "v", "10.0.1.0/24")
        .table("t", "v", {"s"}, {{"8.8.8.0/24", "igw"}});
    const Diagram d = b.build();
    const RouteAnalysis ra(d);
    EXPECT_EQ(ra.reach("s"), SubnetReach::Public);
    // Public, yet 0.0.0.0/0 does not go to the internet gateway (what NAT002/NAT003 ask).
    EXPECT_FALSE(ra.routesDefaultToInternet(*d.element("s")));
}

TEST(RouteAnalysis, LocalRoutesOnlyIsIsolatedAndAnyOtherExitIsPrivate) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16")
        .vpc("w", "10.1.0.0/16")
        .subnet("alone", "v", "10.0.1.0/24")
        .subnet("peered", "v", "10.0.2.0/24")
        .subnet("no-table", "w", "10.1.1.0/24")
        .table("t-alone", "v", {"alone"}, {})
        .table("t-peered", "v", {"peered"}, {{"10.1.0.0/16", "pcx"}})
        .connect("pcx", "vpc_peering", "v", "w");
    const Diagram d = b.build();
    const RouteAnalysis ra(d);
    EXPECT_EQ(ra.reach("alone"), SubnetReach::Isolated);
    EXPECT_EQ(ra.reach("peered"), SubnetReach::Private);
    EXPECT_EQ(ra.reach("no-table"), SubnetReach::Isolated);
    EXPECT_EQ(subnetReachKey(SubnetReach::Isolated), "isolated");
    EXPECT_EQ(parseSubnetReach("vpn-only"), SubnetReach::VpnOnly);
    EXPECT_EQ(parseSubnetReach("elsewhere"), std::nullopt);
}

}  // namespace
}  // namespace skydraft
