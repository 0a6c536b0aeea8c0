// Tests of the pictures' detail line (exporters/share/detail_line), read from the catalogue.
#include "share/detail_line.h"

#include <gtest/gtest.h>

#include "sample_diagrams.h"

namespace skydraft {
namespace {

using testing::element;

TEST(DetailLine, JoinsTheKindsPartsAndLeavesEmptyOnesOut) {
    EXPECT_EQ(detailLine(element("i", "ec2_instance", "s",
                                 {{"instance_type", "t3.micro"}, {"private_ip", "10.0.1.10"}})),
              "t3.micro · 10.0.1.10");
    EXPECT_EQ(detailLine(element("i", "ec2_instance", "s", {{"instance_type", "m5.large"}})),
              "m5.large");
    EXPECT_EQ(detailLine(element(
                  "rds", "rds_instance", "vpc",
                  {{"engine", "postgres"}, {"instance_class", "db.t3.micro"}, {"multi_az", true}})),
              "postgres · db.t3.micro · Multi-AZ");
    EXPECT_EQ(
        detailLine(element("rds", "rds_instance", "vpc",
                           {{"engine", "mysql"}, {"instance_class", ""}, {"multi_az", false}})),
        "mysql");
}

TEST(DetailLine, WordsStandForValues) {
    EXPECT_EQ(detailLine(element("n", "nat_gateway", "s", {{"connectivity", "private"}})),
              "Private NAT gateway");
    EXPECT_EQ(detailLine(element("n", "nat_gateway", "s", {{"connectivity", "public"}})),
              "NAT gateway");
    EXPECT_EQ(detailLine(element("lb", "load_balancer", "vpc",
                                 {{"lb_type", "network"}, {"scheme", "internal"}})),
              "Network LB · internal");
    EXPECT_EQ(detailLine(element("lb", "load_balancer", "vpc",
                                 {{"lb_type", "application"}, {"scheme", "internet-facing"}})),
              "Application LB · internet-facing");
    EXPECT_EQ(detailLine(element("rt", "route_table", "vpc", {{"main", true}})),
              "Route table · main");
    EXPECT_EQ(detailLine(element("rt", "route_table", "vpc", {{"main", false}})), "Route table");
}

TEST(DetailLine, PrefixesRangesAndServiceNames) {
    EXPECT_EQ(detailLine(element("tgw", "transit_gateway", "", {{"amazon_side_asn", 64512}})),
              "Transit gateway · ASN 64512");
    EXPECT_EQ(
        detailLine(element("asg", "auto_scaling_group", "vpc",
                           {{"instance_type", "t3.small"}, {"min_size", 2}, {"max_size", 6}})),
        "Auto Scaling · t3.small · 2–6");
    EXPECT_EQ(detailLine(element(
                  "e", "vpc_endpoint", "vpc",
                  {{"service_name", "com.amazonaws.eu-west-1.s3"}, {"endpoint_type", "gateway"}})),
              "Endpoint · s3 · gateway");
}

TEST(DetailLine, FallsBackToTheDisplayName) {
    EXPECT_EQ(detailLine(element("g", "generic", "", {{"type", "AWS::SNS::Topic"}})),
              "AWS::SNS::Topic");
    EXPECT_EQ(detailLine(element("g", "generic", "")), "Other resource");
    EXPECT_EQ(detailLine(element("b", "s3_bucket", "")), "S3 bucket");
    EXPECT_EQ(detailLine(element("x", "no_such_kind", "")), "no_such_kind");
}

}  // namespace
}  // namespace skydraft
