// Reachability through route tables, internet gateways, NAT, egress-only gateways, peerings,
// VPN gateways, gateway endpoints and load balancers: each code and its close passing case.
#include "reach_fixture.h"

namespace skydraft {
namespace {

using namespace skydraft::testing;

TEST(ReachRouting, InternetReachesAPublicInstance) {
    const Diagram d = threeTier().build();
    const auto r = ask(d, "internet", "web", tcp(443));
    EXPECT_TRUE(r.reachable) << ::testing::PrintToString(blockers(r));
    EXPECT_EQ(pathOf(r), (Lines{"internet", "igw", "web"}));
    EXPECT_FALSE(ask(d, "internet", "web", tcp(22)).reachable);
}

TEST(ReachRouting, NoPublicIpIsExplainedAndFixed) {
    Diagram d = threeTier().build();
    set(d, "web", "public_ip", false);
    const auto r = ask(d, "internet", "web", tcp(443));
    EXPECT_EQ(blockers(r), (Lines{"NO_PUBLIC_IP inbound web: instance \"web\" has no public IPv4 "
                                  "address or Elastic IP"}));
    EXPECT_EQ(fixTexts(r), (Lines{"assign a public IPv4 address to instance \"web\""}));
    applyFixes(d, r);
    EXPECT_TRUE(ask(d, "internet", "web", tcp(443)).reachable);
}

TEST(ReachRouting, ElasticIpElementCountsAsPublic) {
    Diagram d = threeTier().build();
    set(d, "web", "public_ip", false);
    Element eip;
    eip.id = "eip-web";
    eip.kind = "elastic_ip";
    eip.parent = "app";
    eip.properties = {{"instance", "web"}};
    ASSERT_TRUE(d.addElement(eip).ok());
    EXPECT_TRUE(ask(d, "internet", "web", tcp(443)).reachable);
}

TEST(ReachRouting, NatGatewayCarriesOutboundOnly) {
    Diagram d = threeTier().build();
    set(d, "sg-app", "ingress",
        json::array({{{"protocol", "tcp"},
                      {"from_port", 8080},
                      {"to_port", 8080},
                      {"cidr", "0.0.0.0/0"}}}));
    const auto out = ask(d, "app-1", "internet", tcp(443));
    EXPECT_TRUE(out.reachable) << ::testing::PrintToString(blockers(out));
    EXPECT_EQ(pathOf(out), (Lines{"app-1", "rt-priv", "nat", "rt-pub", "igw", "internet"}));
    const auto in = ask(d, "internet", "app-1", tcp(8080));
    EXPECT_EQ(blockers(in),
              (Lines{"NO_PUBLIC_IP inbound app-1: instance \"app-1\" has no public IPv4 address "
                     "or Elastic IP",
                     "NAT_INBOUND return nat: NAT gateway \"nat\" carries only connections started "
                     "from inside; the internet cannot connect in through it"}));
}

TEST(ReachRouting, NatGatewayNeedsAPublicSubnet) {
    Diagram d = threeTier().build();
    set(d, "rt-pub", "routes", json::array());
    const auto r = ask(d, "app-1", "internet", tcp(443));
    EXPECT_EQ(blockers(r),
              (Lines{"NAT_NO_INTERNET outbound rt-pub: route table \"rt-pub\" of subnet \"pub\" "
                     "has no route to the internet: NAT gateway \"nat\" cannot forward the "
                     "traffic"}));
    EXPECT_EQ(
        fixTexts(r),
        (Lines{"add a route 0.0.0.0/0 -> internet gateway \"igw\" to route table \"rt-pub\""}));
    applyFixes(d, r);
    EXPECT_TRUE(ask(d, "app-1", "internet", tcp(443)).reachable);
}

TEST(ReachRouting, PrivateNatGatewayNeverReachesTheInternet) {
    Diagram d = threeTier().build();
    set(d, "nat", "connectivity", "private");
    set(d, "nat", "elastic_ip", false);
    const auto r = ask(d, "app-1", "internet", tcp(443));
    ASSERT_EQ(r.explanations.size(), 1u);
    EXPECT_EQ(r.explanations[0].code, Code::NatNoInternet);
    EXPECT_EQ(r.explanations[0].component, "nat");
}

TEST(ReachRouting, MissingRouteIsExplainedWithTheRouteToAdd) {
    Diagram d = threeTier().build();
    const auto r = ask(d, "db", "internet", tcp(443));
    EXPECT_EQ(blockers(r), (Lines{"NO_ROUTE outbound rt-data: route table \"rt-data\" of subnet "
                                  "\"data\" has no route to the internet"}));
    EXPECT_EQ(
        fixTexts(r),
        (Lines{"add a route 0.0.0.0/0 -> internet gateway \"igw\" to route table \"rt-data\""}));
    ASSERT_TRUE(r.explanations[0].fix);
    // Routed, the database still has no public address.
    applyFixes(d, r);
    const auto again = ask(d, "db", "internet", tcp(443));
    ASSERT_EQ(again.explanations.size(), 1u);
    EXPECT_EQ(again.explanations[0].code, Code::NoPublicIp);
    EXPECT_EQ(again.explanations[0].fixText, "make database \"db\" publicly accessible");
}

TEST(ReachRouting, EgressOnlyGatewayCarriesNoIpv4) {
    Diagram d = threeTier().build();
    Element eigw;
    eigw.id = "eigw";
    eigw.kind = "egress_only_internet_gateway";
    eigw.parent = "app";
    ASSERT_TRUE(d.addElement(eigw).ok());
    set(d, "rt-data", "routes", json::array({{{"destination", "0.0.0.0/0"}, {"target", "eigw"}}}));
    const auto r = ask(d, "db", "internet", tcp(443));
    ASSERT_EQ(r.explanations.size(), 1u);
    EXPECT_EQ(r.explanations[0].code, Code::EgressOnlyIpv6);
    EXPECT_EQ(r.explanations[0].component, "eigw");
}

TEST(ReachRouting, NoInternetGatewayOnTheVpc) {
    DiagramBuilder b;
    b.vpc("v", "10.5.0.0/16")
        .subnet("s", "v", "10.5.1.0/24")
        .add("sg", "security_group", "v",
             {{"ingress", json::array({{{"protocol", "tcp"},
                                        {"from_port", 22},
                                        {"to_port", 22},
                                        {"cidr", "0.0.0.0/0"}}})}})
        .add("host", "ec2_instance", "s", {{"public_ip", true}, {"security_groups", {"sg"}}});
    const auto r = ask(b.build(), "internet", "host", tcp(22));
    EXPECT_EQ(blockers(r), (Lines{"NO_INTERNET_GATEWAY inbound v: vpc \"v\" has no internet "
                                  "gateway",
                                  "NO_ROUTE return v: subnet \"s\" has no route to the internet"}));
}

/// VPCs a (10.0/16), b (10.1/16) and c (10.2/16); a-b and b-c peered and routed both ways;
/// an instance in each.
DiagramBuilder peered() {
    DiagramBuilder b;
    b.vpc("a", "10.0.0.0/16")
        .vpc("b", "10.1.0.0/16")
        .vpc("c", "10.2.0.0/16")
        .subnet("sa", "a", "10.0.1.0/24")
        .subnet("sb", "b", "10.1.1.0/24")
        .subnet("sc", "c", "10.2.1.0/24")
        .connect("pcx-ab", "vpc_peering", "a", "b")
        .connect("pcx-bc", "vpc_peering", "b", "c")
        .table("rt-a", "a", {"sa"}, {{"10.1.0.0/16", "pcx-ab"}})
        .table("rt-b", "b", {"sb"}, {{"10.0.0.0/16", "pcx-ab"}, {"10.2.0.0/16", "pcx-bc"}})
        .table("rt-c", "c", {"sc"}, {{"10.1.0.0/16", "pcx-bc"}})
        .add("ia", "ec2_instance", "sa", {{"security_groups", {"sg-a"}}})
        .add("ib", "ec2_instance", "sb", {{"security_groups", {"sg-b"}}})
        .add("ic", "ec2_instance", "sc", {{"security_groups", {"sg-c"}}});
    openGroup(b, "sg-a", "a");
    openGroup(b, "sg-b", "b");
    openGroup(b, "sg-c", "c");
    return b;
}

TEST(ReachRouting, PeeringCarriesTrafficBothWays) {
    const auto r = ask(peered().build(), "ia", "ib", tcp(22));
    EXPECT_TRUE(r.reachable) << ::testing::PrintToString(blockers(r));
    EXPECT_EQ(pathOf(r), (Lines{"ia", "rt-a", "pcx-ab", "ib"}));
}

TEST(ReachRouting, PeeringIsNotTransitive) {
    Diagram d = peered().build();
    addRoute(d, "rt-a", "10.2.0.0/16", "pcx-ab");
    const auto r = ask(d, "ia", "ic", tcp(22));
    EXPECT_EQ(blockers(r)[0],
              "PEERING_NOT_TRANSITIVE outbound pcx-ab: peering \"pcx-ab\" reaches only vpc \"b\"; "
              "instance \"ic\" (10.2.1.0/24) in vpc \"c\" is beyond it (peering is not "
              "transitive)");
    EXPECT_EQ(fixTexts(r)[0],
              "peer vpc \"a\" with vpc \"c\" directly, or join them through a transit gateway");
}

TEST(ReachRouting, PeerWithoutTheReturnRoute) {
    Diagram d = peered().build();
    set(d, "rt-b", "routes", json::array({{{"destination", "10.2.0.0/16"}, {"target", "pcx-bc"}}}));
    const auto r = ask(d, "ia", "ib", tcp(22));
    EXPECT_EQ(blockers(r), (Lines{"NO_ROUTE return rt-b: route table \"rt-b\" of subnet \"sb\" "
                                  "has no route to instance \"ia\" (10.0.1.0/24)"}));
    EXPECT_EQ(fixTexts(r),
              (Lines{"add a route 10.0.0.0/16 -> peering \"pcx-ab\" to route table \"rt-b\""}));
    applyFixes(d, r);
    EXPECT_TRUE(ask(d, "ia", "ib", tcp(22)).reachable);
}

TEST(ReachRouting, NoEdgeToEdgeThroughAPeering) {
    Diagram d = peered().build();
    Element igw;
    igw.id = "igw-b";
    igw.kind = "internet_gateway";
    igw.parent = "b";
    ASSERT_TRUE(d.addElement(igw).ok());
    addRoute(d, "rt-a", "0.0.0.0/0", "pcx-ab");
    const auto r = ask(d, "ia", "internet", tcp(443));
    ASSERT_EQ(r.explanations.size(), 1u);
    EXPECT_EQ(blockers(r)[0],
              "EDGE_TO_EDGE outbound pcx-ab: peering \"pcx-ab\" does not carry traffic beyond vpc "
              "\"b\" to the internet (no edge-to-edge routing)");
}

/// VPC "v" with a virtual private gateway routed to the data center 192.168.0.0/16.
DiagramBuilder withVpn() {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16")
        .subnet("s", "v", "10.0.1.0/24")
        .add("vgw", "virtual_private_gateway", "v")
        .add("cgw", "customer_gateway", "", {{"on_premises_cidrs", {"192.168.0.0/16"}}})
        .connect("vpn", "vpn_attachment", "cgw", "vgw", {{"static_routes", {"192.168.0.0/16"}}})
        .table("rt", "v", {"s"}, {{"192.168.0.0/16", "vgw"}})
        .add("host", "ec2_instance", "s", {{"security_groups", {"sg"}}});
    openGroup(b, "sg", "v");
    return b;
}

TEST(ReachRouting, VpnCarriesOnPremisesPrefixesBothWays) {
    const Diagram d = withVpn().build();
    const auto out = ask(d, "host", "192.168.4.7", tcp(443));
    EXPECT_TRUE(out.reachable) << ::testing::PrintToString(blockers(out));
    EXPECT_EQ(pathOf(out), (Lines{"host", "rt", "vgw", "192.168.4.7/32"}));
    const auto in = ask(d, "cgw", "host", tcp(22));
    EXPECT_TRUE(in.reachable) << ::testing::PrintToString(blockers(in));
}

TEST(ReachRouting, VpnDoesNotCarryOtherPrefixes) {
    Diagram d = withVpn().build();
    set(d, "rt", "routes", json::array({{{"destination", "172.16.0.0/12"}, {"target", "vgw"}}}));
    const auto r = ask(d, "host", "172.20.0.5", tcp(443));
    EXPECT_EQ(blockers(r), (Lines{"VPN_NO_ROUTE outbound vgw: no VPN connection or Direct Connect "
                                  "gateway of virtual private gateway \"vgw\" leads to "
                                  "172.20.0.5/32"}));
}

TEST(ReachRouting, GatewayEndpointReachesItsServiceFromAnIsolatedSubnet) {
    Diagram d = threeTier().build();
    Element bucket;
    bucket.id = "assets";
    bucket.kind = "s3_bucket";
    ASSERT_TRUE(d.addElement(bucket).ok());
    const auto without = ask(d, "db", "assets", tcp(443));
    ASSERT_EQ(without.explanations.size(), 1u);
    EXPECT_EQ(without.explanations[0].code, Code::NoRoute);
    Element endpoint;
    endpoint.id = "vpce-s3";
    endpoint.kind = "vpc_endpoint";
    endpoint.parent = "app";
    endpoint.properties = {{"endpoint_type", "gateway"},
                           {"service_name", "com.amazonaws.us-east-1.s3"},
                           {"route_tables", {"rt-data"}}};
    ASSERT_TRUE(d.addElement(endpoint).ok());
    const auto with = ask(d, "db", "assets", tcp(443));
    EXPECT_TRUE(with.reachable) << ::testing::PrintToString(blockers(with));
    EXPECT_EQ(pathOf(with), (Lines{"db", "rt-data", "vpce-s3", "assets"}));
}

/// The three-tier VPC with an internet-facing load balancer "lb" in "pub" (sg-web) forwarding
/// 443 to "app-1" on 8080.
Diagram balanced() {
    DiagramBuilder b = threeTier();
    b.add("lb", "load_balancer", "app",
          {{"scheme", "internet-facing"},
           {"subnets", {"pub"}},
           {"security_groups", {"sg-web"}},
           {"listener_port", 443},
           {"target_port", 8080},
           {"targets", {"app-1"}}});
    return b.build();
}

TEST(ReachRouting, LoadBalancerForwardsListenerPortToTargetPort) {
    const Diagram d = balanced();
    const auto r = ask(d, "internet", "lb", tcp(443));
    EXPECT_TRUE(r.reachable) << ::testing::PrintToString(blockers(r));
    EXPECT_EQ(pathOf(r), (Lines{"internet", "igw", "lb", "rt-pub", "app-1"}));
    // The target behind it is reachable from the internet on its target port, through it.
    const auto target = ask(d, "internet", "app-1", tcp(8080));
    EXPECT_TRUE(target.reachable);
    EXPECT_EQ(pathOf(target), (Lines{"internet", "igw", "lb", "rt-pub", "app-1"}));
}

TEST(ReachRouting, LoadBalancerOnAnotherPortAndATargetThatRefuses) {
    Diagram d = balanced();
    const auto port = ask(d, "internet", "lb", tcp(80));
    ASSERT_FALSE(port.explanations.empty());
    EXPECT_EQ(blockers(port)[0],
              "LISTENER_PORT inbound lb: load balancer \"lb\" listens on port 443, not 80");
    set(d, "sg-app", "ingress", json::array());
    const auto refused = ask(d, "internet", "lb", tcp(443));
    EXPECT_EQ(blockers(refused),
              (Lines{"SECURITY_GROUP_INGRESS inbound sg-app: security group \"sg-app\" of "
                     "instance \"app-1\" admits no inbound tcp 8080 from load balancer \"lb\" "
                     "(10.0.0.0/24)"}));
}

}  // namespace
}  // namespace skydraft
