// The inventory -> diagram mapping on its own: what AWS created by itself, what the design
// shows, and answers of unexpected shapes.
#include <gtest/gtest.h>

#include "aws/scan_builder.h"
#include "diff/diagram_diff.h"

namespace skydraft::aws {
namespace {

using nlohmann::json;

json tagged(const char* name) {
    return json::array({{{"key", "Name"}, {"value", name}}});
}

/// A region with one VPC (default or not), a subnet, its main route table and default group.
json region(bool defaultVpc) {
    return {
        {"DescribeVpcs",
         {{{"vpcId", "vpc-1"}, {"cidrBlock", "172.31.0.0/16"}, {"isDefault", defaultVpc}}}},
        {"DescribeSubnets",
         {{{"subnetId", "subnet-1"},
           {"vpcId", "vpc-1"},
           {"cidrBlock", "172.31.0.0/20"},
           {"availabilityZone", "us-east-1a"},
           {"defaultForAz", defaultVpc}}}},
        {"DescribeRouteTables",
         {{{"routeTableId", "rtb-main"},
           {"vpcId", "vpc-1"},
           {"associationSet", {{{"main", "true"}}}},
           {"routeSet",
            {{{"destinationCidrBlock", "172.31.0.0/16"},
              {"gatewayId", "local"},
              {"origin", "CreateRouteTable"}}}}}}},
        {"DescribeSecurityGroups",
         {{{"groupId", "sg-default"},
           {"groupName", "default"},
           {"vpcId", "vpc-1"},
           {"ipPermissions", {{{"ipProtocol", "-1"}, {"groups", {{{"groupId", "sg-default"}}}}}}},
           {"ipPermissionsEgress",
            {{{"ipProtocol", "-1"}, {"ipRanges", {{{"cidrIp", "0.0.0.0/0"}}}}}}}}}}};
}

Diagram build(const json& data) {
    const ScanDiagram scanned =
        buildScanDiagram({{"account", "1"}, {"regions", {{"us-east-1", data}}}});
    if (!scanned.diagram) {
        throw std::runtime_error(scanned.error);
    }
    return *scanned.diagram;
}

TEST(ScanBuilder, ADefaultVpcWithNothingButItsDefaultsIsLeftOut) {
    const ScanDiagram scanned =
        buildScanDiagram({{"account", "1"}, {"regions", {{"us-east-1", region(true)}}}});
    ASSERT_TRUE(scanned.diagram);
    EXPECT_TRUE(scanned.diagram->elements().empty());
    EXPECT_EQ(scanned.notes, std::vector<std::string>{"the default VPC vpc-1 holds nothing but "
                                                      "what AWS created with it: left out"});
}

TEST(ScanBuilder, ADefaultVpcSomethingRunsInStaysWithWhatItUses) {
    json data = region(true);
    data["DescribeInstances"] = {{{"instancesSet",
                                   {{{"instanceId", "i-1"},
                                     {"instanceType", "t3.micro"},
                                     {"subnetId", "subnet-1"},
                                     {"instanceState", {{"name", "running"}}},
                                     {"groupSet", {{{"groupId", "sg-default"}}}},
                                     {"tagSet", tagged("web")}}}}}};
    const Diagram d = build(data);
    std::vector<std::string> ids;
    for (const auto& e : d.elements()) {
        ids.push_back(e.id);
    }
    // The main table stays: it serves the subnet (no explicit association); the default group
    // stays: the instance uses it. Both are AWS's own, which the diff leaves out.
    EXPECT_EQ(ids,
              (std::vector<std::string>{"vpc-1", "subnet-1", "sg-default", "i-1", "rtb-main"}));
    EXPECT_EQ(d.metadata()["aws_scan"]["defaults"], json::array({"sg-default", "rtb-main"}));
    EXPECT_EQ(d.element("i-1")->properties["security_groups"], json::array({"sg-default"}));
    EXPECT_EQ(d.element("rtb-main")->properties["main"], true);
}

TEST(ScanBuilder, AnExplicitlyAssociatedSubnetLeavesTheEmptyMainTableOut) {
    json data = region(false);
    data["DescribeRouteTables"].push_back({{"routeTableId", "rtb-app"},
                                           {"vpcId", "vpc-1"},
                                           {"associationSet", {{{"subnetId", "subnet-1"}}}},
                                           {"tagSet", tagged("app")}});
    const Diagram d = build(data);
    EXPECT_EQ(d.element("rtb-main"), nullptr);
    ASSERT_NE(d.element("rtb-app"), nullptr);
    EXPECT_EQ(d.element("rtb-app")->name, "app");
    EXPECT_EQ(d.element("rtb-app")->properties["associations"], json::array({"subnet-1"}));
    EXPECT_EQ(d.element("sg-default"), nullptr);  // nothing uses it
}

TEST(ScanBuilder, TheDiagramSaysWhatAScanCannotCompare) {
    const Diagram d = build(region(false));
    const json& scan = d.metadata()[std::string(kAwsScanMetadata)];
    EXPECT_EQ(scan["account"], "1");
    EXPECT_EQ(scan["regions"], json::array({"us-east-1"}));
    EXPECT_EQ(scan["unobserved"]["kinds"], json::array({"uses", "generic", "direct_connect_gateway",
                                                        "transit_gateway_peering"}));
    EXPECT_EQ(scan["assigned"]["ec2_instance"], json::array({"private_ip"}));
    EXPECT_EQ(d.name(), "AWS account 1 (us-east-1)");
}

TEST(ScanBuilder, AnswersOfUnexpectedShapesGiveAReasonNotACrash) {
    for (const json& odd :
         {json{{"DescribeVpcs", "not a list"}},
          json{{"DescribeVpcs", {{{"vpcId", 42}, {"cidrBlock", json::array()}}}}},
          json{{"DescribeSubnets", {{{"subnetId", "s"}, {"vpcId", "nowhere"}}}}},
          json{{"DescribeRouteTables", {{{"routeTableId", "r"}, {"routeSet", 7}}}}},
          json{{"DescribeVpcs", {{{"vpcId", "vpc-1"}, {"cidrBlock", "10.0.0.0/16"}}}},
               {"DescribeSecurityGroups",
                {{{"groupId", "sg/1"}, {"vpcId", "vpc-1"}, {"ipPermissions", {{{"x", 1}}}}}}}}}) {
        const ScanDiagram scanned =
            buildScanDiagram({{"account", "1"}, {"regions", {{"us-east-1", odd}}}});
        EXPECT_TRUE(scanned.diagram.has_value() || !scanned.error.empty()) << odd.dump();
    }
    EXPECT_EQ(buildScanDiagram(json::array()).error, "the scan inventory is not an object");
}

TEST(ScanBuilder, IdsThatAreNotValidElementIdsAreMadeValid) {
    json data = region(false);
    data["DescribeSecurityGroups"].push_back(
        {{"groupId", "sg/odd id"}, {"groupName", "odd"}, {"vpcId", "vpc-1"}});
    data["DescribeInstances"] = {{{"instancesSet",
                                   {{{"instanceId", "i-1"},
                                     {"instanceType", "t3.micro"},
                                     {"subnetId", "subnet-1"},
                                     {"groupSet", {{{"groupId", "sg/odd id"}}}}}}}}};
    const Diagram d = build(data);
    ASSERT_NE(d.element("sg-odd-id"), nullptr);
    EXPECT_EQ(d.element("sg-odd-id")->properties["aws_id"], "sg/odd id");
    EXPECT_EQ(d.element("i-1")->properties["security_groups"], json::array({"sg-odd-id"}));
}

}  // namespace
}  // namespace skydraft::aws
