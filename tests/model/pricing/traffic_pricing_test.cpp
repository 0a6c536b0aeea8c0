// Traffic annotated on "uses" lines is priced along the path the route tables give it: NAT
// processing and the zones crossed to reach the NAT gateway, zones crossed inside a VPC or over
// a peering, transit gateway processing, regions; and data transfer to the internet in the
// table's volume tiers.
#include <gtest/gtest.h>

#include "pricing/traffic_path.h"
#include "pricing_test_support.h"

namespace skydraft {
namespace {

using nlohmann::json;
using namespace test;

std::string formulaOf(const CostReport& report, std::string_view id) {
    const CostLine* line = lineOf(report, id);
    return line ? line->formula() : std::string("(no line)");
}

/// Two VPCs with a subnet in zone a and one in zone b each; the second in region2.
Diagram twoVpcs(const std::string& region2 = "us-east-1") {
    Diagram d;
    auto vpc = [&](const std::string& id, const std::string& cidr, const std::string& region) {
        EXPECT_TRUE(
            d.addElement(make(id, "vpc", "", {{"cidr", cidr + ".0.0/16"}, {"region", region}})));
        EXPECT_TRUE(
            d.addElement(make(id + "-a", "subnet", id,
                              {{"cidr", cidr + ".0.0/24"}, {"availability_zone", region + "a"}})));
        EXPECT_TRUE(
            d.addElement(make(id + "-b", "subnet", id,
                              {{"cidr", cidr + ".1.0/24"}, {"availability_zone", region + "b"}})));
        EXPECT_TRUE(d.addElement(
            make("i-" + id + "-a", "ec2_instance", id + "-a", {{"instance_type", "t3.micro"}})));
        EXPECT_TRUE(d.addElement(
            make("i-" + id + "-b", "ec2_instance", id + "-b", {{"instance_type", "t3.micro"}})));
    };
    vpc("one", "10.1", "us-east-1");
    vpc("two", "10.2", region2);
    return d;
}

/// Each VPC's subnets route the other VPC's range to target.
void routeBetween(Diagram& d, const std::string& target) {
    EXPECT_TRUE(
        d.addElement(make("rt-one", "route_table", "one",
                          {{"associations", {"one-a", "one-b"}},
                           {"routes", {{{"destination", "10.2.0.0/16"}, {"target", target}}}}})));
    EXPECT_TRUE(
        d.addElement(make("rt-two", "route_table", "two",
                          {{"associations", {"two-a", "two-b"}},
                           {"routes", {{{"destination", "10.1.0.0/16"}, {"target", target}}}}})));
}

TEST(TrafficPricing, CrossingZonesToANatGatewayPaysTransferBothWays) {
    Diagram d = threeTier();
    ASSERT_TRUE(d.removeElement("vpce-s3"));
    ASSERT_TRUE(d.setProperty("rt-app-b", "routes",
                              json::array({{{"destination", "0.0.0.0/0"}, {"target", "nat-a"}}})));
    ASSERT_TRUE(d.addConnection(uses("to-s3", "i-app-b", "s3-assets", 1000)));
    const CostReport report = estimateCost(d, table());
    EXPECT_EQ(formulaOf(report, "to-s3"),
              "Traffic app-b to static-assets: 1000 GB through NAT gateway nat-a x $0.045 + 2 x "
              "1000 GB across zones to NAT gateway nat-a x $0.01 = $65.00");
    EXPECT_DOUBLE_EQ(lineOf(report, "to-s3")->monthly,
                     1000 * at("nat_gateway.gb") + 2 * 1000 * at("data_transfer.inter_zone.gb"));
    // From its own zone's NAT gateway there is no transfer term.
    ASSERT_TRUE(d.addConnection(uses("from-a", "i-app-a", "s3-assets", 10)));
    EXPECT_EQ(formulaOf(estimateCost(d, table()), "from-a"),
              "Traffic app-a to static-assets: 10 GB through NAT gateway nat-a x $0.045 = $0.45");
}

TEST(TrafficPricing, InsideAVpcOnlyCrossingZonesCosts) {
    Diagram d = twoVpcs();
    ASSERT_TRUE(d.addConnection(uses("cross", "i-one-a", "i-one-b", 100)));
    ASSERT_TRUE(d.addConnection(uses("same", "i-one-a", "i-one-a", 100)));
    const CostReport report = estimateCost(d, table());
    EXPECT_EQ(formulaOf(report, "cross"),
              "Traffic i-one-a to i-one-b: 2 x 100 GB across zones x $0.01 = $2.00");
    EXPECT_EQ(lineOf(report, "same"), nullptr);
    // To a database spanning subnets: the zone of its first subnet.
    Diagram t = threeTier();
    ASSERT_TRUE(t.addConnection(uses("db", "i-app-b", "db-orders", 50)));
    EXPECT_EQ(formulaOf(estimateCost(t, table()), "db"),
              "Traffic app-b to orders-db: 2 x 50 GB across zones x $0.01 = $1.00");
}

TEST(TrafficPricing, PeeringsChargeZonesAndRegionsTransitGatewaysProcessing) {
    Diagram d = twoVpcs();
    ASSERT_TRUE(d.addConnection({"pcx", "vpc_peering", "pcx", "one", "two", json::object(), {}}));
    routeBetween(d, "pcx");
    ASSERT_TRUE(d.addConnection(uses("same-zone", "i-one-a", "i-two-a", 300)));
    ASSERT_TRUE(d.addConnection(uses("cross-zone", "i-one-a", "i-two-b", 300)));
    CostReport report = estimateCost(d, table());
    EXPECT_EQ(lineOf(report, "same-zone"), nullptr);  // free within a zone
    EXPECT_EQ(formulaOf(report, "cross-zone"),
              "Traffic i-one-a to i-two-b: 2 x 300 GB across zones x $0.01 = $6.00");

    Diagram far = twoVpcs("eu-west-1");
    ASSERT_TRUE(far.addConnection({"pcx", "vpc_peering", "pcx", "one", "two", json::object(), {}}));
    routeBetween(far, "pcx");
    ASSERT_TRUE(far.addConnection(uses("across", "i-one-a", "i-two-a", 300)));
    EXPECT_EQ(formulaOf(estimateCost(far, table()), "across"),
              "Traffic i-one-a to i-two-a: 300 GB across regions x $0.02 = $6.00");

    Diagram hub = twoVpcs();
    ASSERT_TRUE(hub.addElement(make("tgw", "transit_gateway", "", {{"region", "us-east-1"}})));
    for (const char* vpc : {"one", "two"}) {
        ASSERT_TRUE(hub.addConnection({std::string("att-") + vpc,
                                       "transit_gateway_attachment",
                                       "",
                                       vpc,
                                       "tgw",
                                       {{"subnets", {std::string(vpc) + "-a"}}},
                                       {}}));
    }
    routeBetween(hub, "tgw");
    ASSERT_TRUE(hub.addConnection(uses("hub", "i-one-a", "i-two-b", 300)));
    report = estimateCost(hub, table());
    EXPECT_EQ(formulaOf(report, "hub"),
              "Traffic i-one-a to i-two-b: 300 GB through transit gateway tgw x $0.02 = $6.00");
    EXPECT_EQ(lineOf(report, "hub")->vpc, "one");
}

TEST(TrafficPricing, InternetTransferTakesTheLowerTiersAboveTenTerabytes) {
    Diagram d = network();
    ASSERT_TRUE(d.addElement(make("nat", "nat_gateway", "sub-a", {{"internet_gb", 60000}})));
    ASSERT_TRUE(d.addElement(make("web", "ec2_instance", "sub-a",
                                  {{"instance_type", "t3.micro"}, {"internet_gb", 1000}})));
    const CostReport report = estimateCost(d, table());
    EXPECT_EQ(formulaOf(report, "web"),
              "EC2 instance web: 730 h x $0.0104 + 1000 GB to the internet x $0.09 = $97.59");
    const CostLine* tiers = lineOf(report, "data-transfer-tiers-us-east-1");
    ASSERT_NE(tiers, nullptr);
    EXPECT_EQ(tiers->formula(),
              "Data transfer to the internet, volume tiers in us-east-1: 40960 GB over 10 TB "
              "(tier price less the first tier's) x -$0.005 + 9800 GB over 50 TB (tier price "
              "less the first tier's) x -$0.02 = -$400.80");
    // 61,000 GB priced tier by tier, by hand.
    const double first = at("data_transfer.internet.gb");
    const double byHand = 10240 * first + 40960 * at("data_transfer.internet.gb.next_40tb") +
                          9800 * at("data_transfer.internet.gb.next_100tb");
    double internet = tiers->monthly;
    for (const CostLine& line : report.lines) {
        for (const CostTerm& term : line.terms) {
            internet += term.priceKey == "data_transfer.internet.gb" ? term.monthly : 0;
        }
    }
    EXPECT_NEAR(internet, byHand, 1e-6);
    // Under 10 TB there is no tier line.
    ASSERT_TRUE(d.setProperty("nat", "internet_gb", 5000));
    EXPECT_EQ(lineOf(estimateCost(d, table()), "data-transfer-tiers-us-east-1"), nullptr);
}

}  // namespace
}  // namespace skydraft
