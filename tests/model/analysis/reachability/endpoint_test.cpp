// Query ends: ids, names, logical ids, addresses and the internet; closest names for typos;
// sites of subnets, VPCs, gateways and resources in several subnets; the exposure report.
#include "analysis/reachability/exposure.h"
#include "reach_fixture.h"

namespace skydraft {
namespace {

using namespace skydraft::testing;
using reach::EndpointKind;
using reach::resolveEndpoint;

TEST(ReachEndpoint, ResolvesIdsNamesLogicalIdsAddressesAndTheInternet) {
    DiagramBuilder b = threeTier();
    b.last().name = "orders";
    b.last().properties["cloudformation"] = {{"logical_id", "OrdersDatabase"}};
    const Diagram d = b.build();
    const reach::NetworkIndex index(d);
    EXPECT_EQ(resolveEndpoint(index, "db").endpoint->element->id, "db");
    EXPECT_EQ(resolveEndpoint(index, "orders").endpoint->element->id, "db");
    EXPECT_EQ(resolveEndpoint(index, "OrdersDatabase").endpoint->element->id, "db");
    EXPECT_EQ(resolveEndpoint(index, "internet").endpoint->kind, EndpointKind::Internet);
    const auto address = resolveEndpoint(index, "10.0.20.9");
    ASSERT_TRUE(address.endpoint);
    EXPECT_EQ(address.endpoint->kind, EndpointKind::Address);
    EXPECT_EQ(address.endpoint->address.toString(), "10.0.20.9/32");
    EXPECT_EQ(resolveEndpoint(index, "192.168.0.0/16").endpoint->address.toString(),
              "192.168.0.0/16");
    EXPECT_EQ(index.logicalId("db"), "OrdersDatabase");
}

TEST(ReachEndpoint, UnknownNameListsTheClosestOnes) {
    const Diagram d = threeTier().build();
    const reach::NetworkIndex index(d);
    const auto lookup = resolveEndpoint(index, "sg-wbe");
    EXPECT_FALSE(lookup.endpoint);
    EXPECT_EQ(lookup.error, "no element, name or logical id \"sg-wbe\"");
    ASSERT_FALSE(lookup.suggestions.empty());
    EXPECT_EQ(lookup.suggestions.front(), "sg-web");
}

TEST(ReachEndpoint, AmbiguousNameAsksForAnId) {
    DiagramBuilder b = threeTier();
    b.add("web-2", "ec2_instance", "pub");
    b.last().name = "web";
    const Diagram d = b.build();
    const reach::NetworkIndex index(d);
    const auto lookup = resolveEndpoint(index, "web");
    // The id "web" wins over the name.
    ASSERT_TRUE(lookup.endpoint);
    EXPECT_EQ(lookup.endpoint->element->id, "web");
    DiagramBuilder c = threeTier();
    c.add("x1", "ec2_instance", "pub");
    c.last().name = "twin";
    c.add("x2", "ec2_instance", "pub");
    c.last().name = "twin";
    const Diagram e = c.build();
    const reach::NetworkIndex other(e);
    const auto twin = resolveEndpoint(other, "twin");
    EXPECT_FALSE(twin.endpoint);
    EXPECT_EQ(twin.error, "\"twin\" names 2 elements; use an id");
    EXPECT_EQ(twin.suggestions, (Lines{"x1", "x2"}));
}

TEST(ReachEndpoint, AddressInsideASubnetIsAHostThere) {
    const Diagram d = threeTier().build();
    // A bare host admits the traffic itself; the database's group still decides at the end.
    EXPECT_FALSE(ask(d, "10.0.0.7", "db", tcp(5432)).reachable);
    EXPECT_FALSE(ask(d, "10.0.20.7", "db", tcp(5432)).reachable);
    EXPECT_TRUE(ask(d, "app-1", "10.0.20.7", tcp(5432)).reachable);
    const reach::Reachability r(d);
    std::string error;
    EXPECT_FALSE(r.query(reach::Endpoint::at(*parseCidr("10.0.99.1/32").cidr),
                         reach::Endpoint::internet(), tcp(80), &error));
    EXPECT_EQ(error, "10.0.99.1/32 lies in vpc \"app\" but in none of its subnets");
}

TEST(ReachEndpoint, InternetGatewayAsSourceIsTrafficFromOutside) {
    const Diagram d = threeTier().build();
    const auto r = ask(d, "igw", "web", tcp(443));
    EXPECT_TRUE(r.reachable) << ::testing::PrintToString(blockers(r));
    EXPECT_EQ(pathOf(r), (Lines{"igw", "web"}));
}

TEST(ReachEndpoint, ResourceInSeveralSubnetsTakesTheBestOne) {
    DiagramBuilder b = threeTier();
    b.add("cache", "elasticache_cluster", "app",
          {{"subnets", {"data", "pub"}}, {"security_groups", {"sg-web"}}});
    const Diagram d = b.build();
    // From the internet, only the node in the public subnet could answer (it has no public
    // address, so the most promising path names that as the one blocker).
    const auto r = ask(d, "internet", "cache", tcp(443));
    EXPECT_EQ(blockers(r), (Lines{"NO_PUBLIC_IP inbound cache: cache cluster \"cache\" has no "
                                  "public IPv4 address or Elastic IP"}));
}

TEST(ReachEndpoint, VpcAsEndpointMeansAnyOfItsSubnets) {
    Diagram d = threeTier().build();
    EXPECT_TRUE(ask(d, "app", "internet", tcp(443)).reachable);
    // Hosts of the public subnet get no public address until it auto-assigns them.
    EXPECT_FALSE(ask(d, "internet", "app", tcp(443)).reachable);
    set(d, "pub", "map_public_ip_on_launch", true);
    EXPECT_TRUE(ask(d, "internet", "app", tcp(443)).reachable);
}

TEST(ReachExposure, ListsWhatTheInternetReachesAndOnWhichPorts) {
    DiagramBuilder b = threeTier();
    b.add("lb", "load_balancer", "app",
          {{"scheme", "internet-facing"},
           {"subnets", {"pub"}},
           {"security_groups", {"sg-web"}},
           {"listener_port", 443},
           {"target_port", 8080},
           {"targets", {"app-1"}}});
    const Diagram d = b.build();
    const reach::Reachability r(d);
    const auto exposure = reach::exposureReport(r);
    ASSERT_EQ(exposure.size(), 3u);
    EXPECT_EQ(exposure[0].element->id, "web");
    EXPECT_EQ(exposure[0].ports.at(0).text(), "tcp 443");
    EXPECT_EQ(exposure[1].element->id, "app-1");
    EXPECT_EQ(exposure[1].ports.at(0).text(), "tcp 8080");
    EXPECT_EQ(exposure[1].ports.at(0).via, "lb");
    EXPECT_EQ(exposure[2].element->id, "lb");
    EXPECT_EQ(exposure[2].ports.at(0).text(), "tcp 443");
}

}  // namespace
}  // namespace skydraft
