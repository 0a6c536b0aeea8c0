// The findings that save money, COST002-COST005: each fires on the design it is about, states
// the saving at the table's prices, and stays quiet when the change would not save anything.
#include <gtest/gtest.h>

#include "pricing_test_support.h"

namespace skydraft {
namespace {

using nlohmann::json;
using namespace test;

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

/// The three-tier example with its S3 endpoint removed and zone b's app subnet sent to nat-a.
Diagram crossZoneNat(int gb) {
    Diagram d = threeTier();
    EXPECT_TRUE(d.removeElement("vpce-s3"));
    EXPECT_TRUE(d.setProperty("rt-app-b", "routes",
                              json::array({{{"destination", "0.0.0.0/0"}, {"target", "nat-a"}}})));
    EXPECT_TRUE(d.addConnection(uses("to-s3", "i-app-b", "s3-assets", gb)));
    return d;
}

TEST(Cost002, ANatGatewayInTheZoneSavesTheTransfer) {
    const auto findings = findingsOf(crossZoneNat(1000), "COST002");
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].severity, Severity::Info);
    EXPECT_TRUE(has(findings[0].message,
                    "send 1000 GB a month to NAT gateway \"nat-a\" in another zone: 2 x 1000 GB "
                    "x $0.01 of inter-zone transfer = $20.00 a month; a route table for "
                    "us-east-1b that sends them to NAT gateway \"nat-b\" (in their zone) would "
                    "save $20.00 a month"))
        << findings[0].message;
    EXPECT_EQ(findings[0].elements[0], "subnet-app-b");
}

TEST(Cost002, WithoutOneItFiresOnlyWhenANewNatGatewayPays) {
    Diagram d = crossZoneNat(1000);
    ASSERT_TRUE(d.removeElement("nat-b"));
    // $20 of transfer a month is less than a NAT gateway's $36.50: nothing to save.
    EXPECT_TRUE(findingsOf(d, "COST002").empty());
    ASSERT_TRUE(d.setConnectionProperty("to-s3", "gb_per_month", 5000));
    const auto findings = findingsOf(d, "COST002");
    ASSERT_EQ(findings.size(), 1u);
    const double nat = 730 * (at("nat_gateway.hour") + at("public_ipv4.hour"));
    EXPECT_TRUE(has(findings[0].message, "a NAT gateway in us-east-1b (" + formatMoney(nat) +
                                             " a month) would save " +
                                             formatMoney(2 * 5000 * 0.01 - nat) +
                                             " a month: it pays above 1825 GB a month"))
        << findings[0].message;
}

TEST(Cost003, AnElasticIpNothingUsesCostsItsHours) {
    Diagram d = network();
    ASSERT_TRUE(
        d.addElement(make("web", "ec2_instance", "sub-a", {{"instance_type", "t3.micro"}})));
    ASSERT_TRUE(d.addElement(make("eip-used", "elastic_ip", "vpc", {{"instance", "web"}})));
    ASSERT_TRUE(d.addElement(make("eip-idle", "elastic_ip", "vpc")));
    const auto findings = findingsOf(d, "COST003");
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].elements, std::vector<Id>{"eip-idle"});
    EXPECT_TRUE(has(findings[0].message,
                    "associated with nothing in the design; releasing it would save $3.65 a "
                    "month (730 h x $0.005"))
        << findings[0].message;
}

/// n VPCs on one transit gateway, each with an interface endpoint for ssm in two subnets.
Diagram endpointsBehindHub(int n, int gb = 0) {
    Diagram d;
    EXPECT_TRUE(d.addElement(make("tgw", "transit_gateway", "", {{"region", "us-east-1"}})));
    for (int i = 0; i < n; ++i) {
        const std::string v = "vpc" + std::to_string(i);
        const std::string net = "10." + std::to_string(i);
        EXPECT_TRUE(
            d.addElement(make(v, "vpc", "", {{"cidr", net + ".0.0/16"}, {"region", "us-east-1"}})));
        EXPECT_TRUE(d.addElement(make(v + "-a", "subnet", v, {{"cidr", net + ".0.0/24"}})));
        EXPECT_TRUE(d.addElement(make(v + "-b", "subnet", v, {{"cidr", net + ".1.0/24"}})));
        EXPECT_TRUE(d.addElement(make(v + "-ssm", "vpc_endpoint", v,
                                      {{"endpoint_type", "interface"},
                                       {"service_name", "com.amazonaws.us-east-1.ssm"},
                                       {"subnets", {v + "-a", v + "-b"}},
                                       {"data_processed_gb", gb}})));
        EXPECT_TRUE(d.addConnection({"att-" + v,
                                     "transit_gateway_attachment",
                                     "",
                                     v,
                                     "tgw",
                                     {{"subnets", {v + "-a"}}},
                                     {}}));
    }
    return d;
}

TEST(Cost004, SharedEndpointsPayFromTheCountItStates) {
    // One endpoint in two zones: $14.60 a month; the endpoint VPC's attachment: $36.50.
    EXPECT_TRUE(findingsOf(endpointsBehindHub(3), "COST004").empty());  // 43.80 < 14.60 + 36.50
    const auto findings = findingsOf(endpointsBehindHub(4), "COST004");
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_TRUE(has(findings[0].message,
                    "repeat interface endpoints for ssm (in 4 VPCs): they cost $58.40 a month; "
                    "one endpoint VPC behind it would cost $14.60 of endpoints + $36.50 for its "
                    "attachment + $0.00 of processing (0 GB) and save $7.30 a month; sharing "
                    "these services pays from 4 VPCs"))
        << findings[0].message;
    // The endpoints' data then crosses the transit gateway: 4 x 100 GB x $0.02 = $8 > $7.30.
    EXPECT_TRUE(findingsOf(endpointsBehindHub(4, 100), "COST004").empty());
    EXPECT_EQ(findingsOf(endpointsBehindHub(6, 100), "COST004").size(), 1u);
}

TEST(Cost005, ATransitGatewayForTwoVpcsCostsMoreThanAPeering) {
    Diagram d = endpointsBehindHub(2);
    ASSERT_TRUE(d.setConnectionProperty("att-vpc0", "data_processed_gb", 100));
    const auto findings = findingsOf(d, "COST005");
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_TRUE(has(findings[0].message,
                    "joins only vpc \"vpc0\" and vpc \"vpc1\": a peering between them would save "
                    "$75.00 a month (2 attachments x 730 h x $0.05 + 100 GB x $0.02 of "
                    "processing"))
        << findings[0].message;
    // A third network, or ranges a peering cannot join, keep the transit gateway.
    Diagram vpn = d;
    ASSERT_TRUE(vpn.addElement(make("cgw", "customer_gateway")));
    ASSERT_TRUE(vpn.addConnection({"vpn", "vpn_attachment", "", "cgw", "tgw", json::object(), {}}));
    EXPECT_TRUE(findingsOf(vpn, "COST005").empty());
    Diagram overlap = d;
    ASSERT_TRUE(overlap.setProperty("vpc1", "cidr", "10.0.0.0/16"));
    EXPECT_TRUE(findingsOf(overlap, "COST005").empty());
    EXPECT_TRUE(findingsOf(endpointsBehindHub(3), "COST005").empty());
}

}  // namespace
}  // namespace skydraft
