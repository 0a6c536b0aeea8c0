// Tests of the CloudFormation export: conformance to the specification and the wiring AWS needs.
#include <gtest/gtest.h>

#include "cfn_names.h"
#include "cfn_spec_check.h"
#include "cloudformation_exporter.h"
#include "diagram_file.h"
#include "sample_diagrams.h"
#include "version.h"

namespace skydraft {
namespace {

using OJ = nlohmann::ordered_json;
using test::allKindsDiagram;
using test::checkAgainstSpecification;

std::string join(const std::vector<std::string>& lines) {
    std::string s;
    for (const auto& l : lines)
        s += l + "\n";
    return s;
}

std::vector<std::string> resourcesOfType(const OJ& t, const std::string& type) {
    std::vector<std::string> ids;
    for (const auto& [id, r] : t["Resources"].items()) {
        if (r["Type"] == type)
            ids.push_back(id);
    }
    return ids;
}

TEST(CloudFormationExport, AllKindsConformToTheSpecification) {
    const OJ t = exportCloudFormation(allKindsDiagram());
    const auto problems = checkAgainstSpecification(t);
    EXPECT_TRUE(problems.empty()) << join(problems);
}

TEST(CloudFormationExport, ExamplesConformToTheSpecification) {
    const auto examples = test::exampleDiagrams();
    ASSERT_GE(examples.size(), 3u);
    for (const auto& [name, d] : examples) {
        const auto problems = checkAgainstSpecification(exportCloudFormation(d));
        EXPECT_TRUE(problems.empty()) << name << "\n" << join(problems);
    }
}

TEST(CloudFormationExport, PlantedFaultsExportWithUniqueLogicalIds) {
    // The faulty example routes 10.2.0.0/16 twice in one table: one AWS::EC2::Route is written, the
    // repeated route is kept in the layout, and the template names no resource twice.
    LoadResult loaded =
        loadDiagram(test::readSourceFile("examples/faulty/planted-faults.skydraft"));
    ASSERT_TRUE(loaded) << loaded.error->toString();
    const OJ t = exportCloudFormation(*loaded.diagram);
    const auto problems = checkAgainstSpecification(t);
    EXPECT_TRUE(problems.empty()) << join(problems);
    EXPECT_EQ(resourcesOfType(t, "AWS::EC2::Route").size(), 3u);  // not 4
}

TEST(CloudFormationExport, GeneratedDiagramsConformToTheSpecification) {
    for (const auto& [vpcs, zones, instances] :
         {std::tuple{1, 1, 0}, std::tuple{3, 2, 2}, std::tuple{6, 3, 1}}) {
        const auto problems = checkAgainstSpecification(
            exportCloudFormation(test::generatedDiagram(vpcs, zones, instances)));
        EXPECT_TRUE(problems.empty()) << vpcs << " VPCs\n" << join(problems);
    }
}

TEST(CloudFormationExport, TheCheckerFindsBrokenTemplates) {
    OJ t = exportCloudFormation(allKindsDiagram());
    t["Resources"]["PublicA"]["Properties"]["CidrBlok"] = "10.0.0.0/24";
    t["Resources"]["PublicA"]["Properties"]["MapPublicIpOnLaunch"] = "yes";
    t["Resources"]["PublicA"]["Properties"].erase("VpcId");
    t["Resources"]["PublicRoutes"]["DependsOn"] = "Nothing";
    t["Resources"]["Web"]["Properties"]["VpcId"] = OJ{{"Ref", "NoSuchVpc"}};
    t["Resources"]["MainVPC"]["DependsOn"] = "PublicRoutes";
    const auto problems = checkAgainstSpecification(t);
    const std::string all = join(problems);
    EXPECT_NE(all.find("Resources.PublicA.Properties.CidrBlok: no such property"),
              std::string::npos)
        << all;
    EXPECT_NE(all.find("Resources.PublicA.Properties.MapPublicIpOnLaunch: expected a boolean"),
              std::string::npos)
        << all;
    EXPECT_NE(all.find("Resources.PublicA.Properties.VpcId: required property missing"),
              std::string::npos)
        << all;
    EXPECT_NE(all.find("Resources.PublicRoutes.DependsOn: \"Nothing\" names no resource"),
              std::string::npos)
        << all;
    EXPECT_NE(all.find("Ref NoSuchVpc names nothing"), std::string::npos) << all;
    EXPECT_NE(all.find("dependency cycle"), std::string::npos) << all;
}

TEST(CloudFormationExport, IsDeterministic) {
    const Diagram d = allKindsDiagram();
    EXPECT_EQ(exportCloudFormation(d).dump(2), exportCloudFormation(d).dump(2));
    const Diagram g = test::generatedDiagram(4, 2, 2);
    EXPECT_EQ(exportCloudFormation(g).dump(), exportCloudFormation(g).dump());
}

TEST(CloudFormationExport, SectionsInOrder) {
    const OJ t = exportCloudFormation(allKindsDiagram());
    std::vector<std::string> keys;
    for (const auto& [k, v] : t.items())
        keys.push_back(k);
    EXPECT_EQ(keys, (std::vector<std::string>{"AWSTemplateFormatVersion", "Description", "Metadata",
                                              "Parameters", "Resources", "Outputs"}));
    EXPECT_EQ(t["AWSTemplateFormatVersion"], "2010-09-09");
    EXPECT_EQ(t["Description"], "Skydraft diagram: Every kind");
    EXPECT_EQ(t["Outputs"]["MainVPCId"]["Value"], (OJ{{"Ref", "MainVPC"}}));
}

TEST(CloudFormationExport, LogicalIdsComeFromNamesAndAreStable) {
    EXPECT_EQ(cfn::logicalIdFromName("app subnet-a", "X"), "AppSubnetA");
    EXPECT_EQ(cfn::logicalIdFromName("3rd tier", "X"), "R3rdTier");
    EXPECT_EQ(cfn::logicalIdFromName("  ", "Fallback"), "Fallback");
    Diagram d = allKindsDiagram();
    const OJ before = exportCloudFormation(d);
    EXPECT_TRUE(before["Resources"].contains("PublicA"));
    EXPECT_TRUE(before["Resources"].contains("OrdersDB"));
    // Renaming one element changes its own id and its wiring's (its Elastic IP), its Name tag
    // and the references to it, nothing else: every other resource keeps its id, its place and
    // its content.
    ASSERT_TRUE(d.setName("bastion", "Jump host"));
    const OJ after = exportCloudFormation(d);
    const auto renamed = [](const std::string& id) {
        return id.rfind("Bastion", 0) == 0 ? "JumpHost" + id.substr(7) : id;
    };
    std::vector<std::string> expectedIds, afterIds, changed;
    for (const auto& [id, r] : before["Resources"].items()) {
        expectedIds.push_back(renamed(id));
    }
    for (const auto& [id, r] : after["Resources"].items()) {
        afterIds.push_back(id);
    }
    EXPECT_EQ(afterIds, expectedIds);
    for (const auto& [id, r] : before["Resources"].items()) {
        std::string text = r.dump();
        for (const auto& [from, to] :
             {std::pair{"\"Bastion\"", "\"JumpHost\""},
              std::pair{"\"Value\":\"JumpHost\"", "\"Value\":\"Jump host\""}}) {
            for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
                text.replace(at, std::string(from).size(), to);
                at += std::string(to).size();
            }
        }
        if (text != r.dump()) {
            changed.push_back(id);
        }
        EXPECT_EQ(after["Resources"].value(renamed(id), OJ()).dump(), text) << id;
    }
    EXPECT_EQ(changed, (std::vector<std::string>{"Bastion", "BastionEip"}));
}

TEST(CloudFormationExport, DuplicateNamesGetUniqueIds) {
    Diagram d;
    Element a;
    a.id = "a";
    a.kind = "s3_bucket";
    a.name = "Logs";
    Element b = a;
    b.id = "b";
    ASSERT_TRUE(d.assign({a, b}, {}));
    const OJ t = exportCloudFormation(d);
    EXPECT_TRUE(t["Resources"].contains("Logs"));
    EXPECT_TRUE(t["Resources"].contains("Logs2"));
}

TEST(CloudFormationExport, GatewaysAreAttachedAndRoutesWaitForTheAttachment) {
    const OJ t = exportCloudFormation(allKindsDiagram());
    const OJ& r = t["Resources"];
    EXPECT_EQ(r["InternetGatewayAttachment"]["Type"], "AWS::EC2::VPCGatewayAttachment");
    EXPECT_EQ(r["InternetGatewayAttachment"]["Properties"]["InternetGatewayId"],
              (OJ{{"Ref", "InternetGateway"}}));
    EXPECT_EQ(r["VPNGatewayAttachment"]["Properties"]["VpnGatewayId"], (OJ{{"Ref", "VPNGateway"}}));
    EXPECT_EQ(r["PublicRoutesRouteDefault"]["DependsOn"], "InternetGatewayAttachment");
    EXPECT_EQ(r["PublicRoutesRouteDefault"]["Properties"]["GatewayId"],
              (OJ{{"Ref", "InternetGateway"}}));
    // A NAT route needs no DependsOn; a transit gateway route waits for the VPC's attachment.
    EXPECT_FALSE(r["AppRoutesRouteDefault"].contains("DependsOn"));
    EXPECT_EQ(r["AppRoutesRoute192x168x0x0x16"]["DependsOn"], "MainAttachment");
    EXPECT_EQ(r["AppRoutesRoute10x1x0x0x16"]["Properties"]["VpcPeeringConnectionId"],
              (OJ{{"Ref", "MainToPeer"}}));
    EXPECT_EQ(r["AppRoutesRouteDefaultIpv6"]["Properties"]["EgressOnlyInternetGatewayId"],
              (OJ{{"Ref", "EgressOnly"}}));
    EXPECT_EQ(r["AppRoutesVPNGatewayPropagation"]["DependsOn"], "VPNGatewayAttachment");
}

TEST(CloudFormationExport, PublicNatGatewaysGetAnElasticIp) {
    const OJ t = exportCloudFormation(allKindsDiagram());
    const OJ& r = t["Resources"];
    EXPECT_EQ(r["NATAEip"]["Type"], "AWS::EC2::EIP");
    EXPECT_EQ(r["NATAEip"]["Properties"]["Domain"], "vpc");
    EXPECT_EQ(r["NATAEip"]["DependsOn"], "InternetGatewayAttachment");
    EXPECT_EQ(r["NATA"]["Properties"]["AllocationId"],
              (OJ{{"Fn::GetAtt", OJ::array({"NATAEip", "AllocationId"})}}));
    EXPECT_EQ(r["PrivateNAT"]["Properties"]["ConnectivityType"], "private");
    EXPECT_FALSE(r["PrivateNAT"]["Properties"].contains("AllocationId"));
}

TEST(CloudFormationExport, EverySubnetHasAnExplicitRouteTableAssociation) {
    const OJ t = exportCloudFormation(allKindsDiagram());
    std::map<std::string, int> associated;
    for (const auto& id : resourcesOfType(t, "AWS::EC2::SubnetRouteTableAssociation")) {
        associated[t["Resources"][id]["Properties"]["SubnetId"]["Ref"].get<std::string>()]++;
    }
    for (const auto& id : resourcesOfType(t, "AWS::EC2::Subnet")) {
        EXPECT_EQ(associated[id], 1) << id;
    }
    // The loose subnet of the peer VPC joins the table drawn as main.
    EXPECT_EQ(t["Resources"]["PeerMainLooseAssociation"]["Properties"]["RouteTableId"],
              (OJ{{"Ref", "PeerMain"}}));
}

TEST(CloudFormationExport, SecondaryCidrsComeFirst) {
    const OJ t = exportCloudFormation(allKindsDiagram());
    const OJ& r = t["Resources"];
    EXPECT_EQ(r["MainVPCCidr100x64x0x0x16"]["Properties"]["CidrBlock"], "100.64.0.0/16");
    EXPECT_EQ(r["AppA"]["DependsOn"], "MainVPCCidr100x64x0x0x16");
    EXPECT_FALSE(r["PublicB"].contains("DependsOn"));
    EXPECT_EQ(r["PublicA"]["DependsOn"], "MainVPCIpv6Cidr1");
    EXPECT_EQ(
        r["PublicA"]["Properties"]["Ipv6CidrBlock"].dump(),
        R"({"Fn::Select":[1,{"Fn::Cidr":[{"Fn::Select":[0,{"Fn::GetAtt":["MainVPC","Ipv6CidrBlocks"]}]},256,64]}]})");
}

TEST(CloudFormationExport, AnAllProtocolRuleNamesNoPorts) {
    // The planted-faults example keeps from_port 0 / to_port 0 on its allow-all egress rule:
    // CloudFormation ignores ports for protocol -1 and cfn-lint warns (W3687) when they are
    // written.
    LoadResult loaded =
        loadDiagram(test::readSourceFile("examples/faulty/planted-faults.skydraft"));
    ASSERT_TRUE(loaded) << loaded.error->toString();
    int allProtocol = 0;
    int tcp = 0;
    const OJ t = exportCloudFormation(*loaded.diagram);
    for (const auto& [id, r] : t["Resources"].items()) {
        for (const char* key : {"SecurityGroupIngress", "SecurityGroupEgress"}) {
            for (const OJ& rule : r.value("Properties", OJ::object()).value(key, OJ::array())) {
                if (rule["IpProtocol"] == "-1") {
                    ++allProtocol;
                    EXPECT_FALSE(rule.contains("FromPort") || rule.contains("ToPort")) << id;
                } else if (rule["IpProtocol"] == "tcp") {
                    ++tcp;
                    EXPECT_TRUE(rule.contains("FromPort") && rule.contains("ToPort")) << id;
                }
            }
        }
    }
    EXPECT_GE(allProtocol, 1);
    EXPECT_GE(tcp, 1);
}

TEST(CloudFormationExport, SecurityGroupsReferenceEachOtherWithoutCycles) {
    const OJ t = exportCloudFormation(allKindsDiagram());
    const OJ& r = t["Resources"];
    EXPECT_EQ(r["Web"]["Properties"]["SecurityGroupIngress"].size(), 2u);
    EXPECT_FALSE(r["App"]["Properties"].contains("SecurityGroupIngress"));
    EXPECT_EQ(r["AppIngress1"]["Type"], "AWS::EC2::SecurityGroupIngress");
    EXPECT_EQ(r["AppIngress1"]["Properties"]["SourceSecurityGroupId"],
              (OJ{{"Fn::GetAtt", OJ::array({"Web", "GroupId"})}}));
    EXPECT_EQ(r["AppEgress1"]["Properties"]["DestinationSecurityGroupId"],
              (OJ{{"Fn::GetAtt", OJ::array({"Db", "GroupId"})}}));
    // Separate egress rules replace the default allow-all rule.
    EXPECT_EQ(r["App"]["Properties"]["SecurityGroupEgress"][0]["CidrIp"], "255.255.255.255/32");
    EXPECT_EQ(r["Db"]["Properties"]["SecurityGroupEgress"][0]["Description"],
              "Disallow all traffic");
}

TEST(CloudFormationExport, NetworkAclsWithEntriesAndAssociations) {
    const OJ t = exportCloudFormation(allKindsDiagram());
    const OJ& r = t["Resources"];
    EXPECT_EQ(r["AppACLIngress100"]["Properties"]["Protocol"], 6);
    EXPECT_EQ(r["AppACLIngress100"]["Properties"]["PortRange"], (OJ{{"From", 8080}, {"To", 8080}}));
    EXPECT_EQ(r["AppACLEgress100"]["Properties"]["Egress"], true);
    EXPECT_EQ(r["AppACLIngress200"]["Properties"]["RuleAction"], "deny");
    EXPECT_EQ(r["AppACLAppAAssociation"]["Type"], "AWS::EC2::SubnetNetworkAclAssociation");
    EXPECT_TRUE(resourcesOfType(t, "AWS::EC2::NetworkAcl") == std::vector<std::string>{"AppACL"});
}

TEST(CloudFormationExport, UnknownValuesBecomeParametersAndNoPasswordIsWritten) {
    const OJ t = exportCloudFormation(allKindsDiagram());
    EXPECT_EQ(t["Parameters"]["LatestAmiId"]["Type"],
              "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>");
    EXPECT_EQ(t["Parameters"]["LatestAmiId"]["Default"],
              "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64");
    EXPECT_EQ(t["Resources"]["Web1"]["Properties"]["ImageId"], (OJ{{"Ref", "LatestAmiId"}}));
    const OJ& db = t["Resources"]["OrdersDB"]["Properties"];
    EXPECT_EQ(db["ManageMasterUserPassword"], true);
    EXPECT_EQ(db["MasterUsername"], (OJ{{"Ref", "DatabaseMasterUsername"}}));
    EXPECT_EQ(db["DBSubnetGroupName"], (OJ{{"Ref", "OrdersDBSubnetGroup"}}));
    const std::string text = t.dump();
    EXPECT_EQ(text.find("\"MasterUserPassword\""), std::string::npos);
    EXPECT_EQ(text.find("\"ami-"), std::string::npos);
}

TEST(CloudFormationExport, LoadBalancersLambdaAndEndpoints) {
    const OJ t = exportCloudFormation(allKindsDiagram());
    const OJ& r = t["Resources"];
    EXPECT_EQ(r["WebALBListener"]["Properties"]["Port"], 443);
    EXPECT_EQ(r["WebALBListener"]["Properties"]["DefaultActions"][0]["TargetGroupArn"],
              (OJ{{"Ref", "WebALBTargetGroup"}}));
    EXPECT_EQ(r["WebALBTargetGroup"]["Properties"]["Targets"],
              (OJ::array({OJ{{"Id", OJ{{"Ref", "App1"}}}, {"Port", 8080}}})));
    EXPECT_EQ(r["AppFleet"]["Properties"]["TargetGroupARNs"],
              (OJ::array({OJ{{"Ref", "WebALBTargetGroup"}}})));
    EXPECT_EQ(r["InternalNLB"]["Properties"]["Scheme"], "internal");
    EXPECT_EQ(r["Worker"]["Properties"]["VpcConfig"]["SubnetIds"],
              (OJ::array({OJ{{"Ref", "AppA"}}, OJ{{"Ref", "AppB"}}})));
    EXPECT_FALSE(r["EdgeHook"]["Properties"].contains("VpcConfig"));
    EXPECT_EQ(r["S3Endpoint"]["Properties"]["VpcEndpointType"], "Gateway");
    EXPECT_EQ(r["S3Endpoint"]["Properties"]["RouteTableIds"],
              (OJ::array({OJ{{"Ref", "AppRoutes"}}})));
    EXPECT_EQ(r["SSMEndpoint"]["Properties"]["VpcEndpointType"], "Interface");
    EXPECT_EQ(r["SSMEndpoint"]["Properties"]["PrivateDnsEnabled"], true);
}

TEST(CloudFormationExport, TransitGatewayWiring) {
    const OJ t = exportCloudFormation(allKindsDiagram());
    const OJ& r = t["Resources"];
    EXPECT_EQ(r["MainAttachment"]["Type"], "AWS::EC2::TransitGatewayAttachment");
    EXPECT_EQ(r["MainAttachment"]["Properties"]["SubnetIds"].size(), 2u);
    EXPECT_EQ(r["CoreTGW"]["Properties"]["DefaultRouteTableAssociation"], "disable");
    EXPECT_EQ(r["CoreRoutesMainAttachmentAssociation"]["Type"],
              "AWS::EC2::TransitGatewayRouteTableAssociation");
    EXPECT_EQ(r["CoreRoutesMainAttachmentPropagation"]["Type"],
              "AWS::EC2::TransitGatewayRouteTablePropagation");
    EXPECT_EQ(r["CoreRoutesRoute10x99x0x0x16"]["Properties"]["Blackhole"], true);
    EXPECT_EQ(r["WestPeering"]["Properties"]["PeerRegion"], "us-west-2");
    EXPECT_EQ(r["VPNToVGWRoute172x16x0x0x12"]["Type"], "AWS::EC2::VPNConnectionRoute");
    EXPECT_EQ(r["VPNToTGW"]["Properties"]["TransitGatewayId"], (OJ{{"Ref", "CoreTGW"}}));
}

TEST(CloudFormationExport, LayoutGoesToMetadata) {
    const OJ t = exportCloudFormation(allKindsDiagram());
    const OJ& layout = t["Metadata"]["Skydraft"];
    EXPECT_EQ(layout["version"], 1);
    EXPECT_EQ(layout["generator"], "skydraft " + std::string(skydraftVersion()));
    EXPECT_EQ(layout["elements"][0]["id"], "vpc-main");
    EXPECT_EQ(layout["elements"][0]["geometry"], (OJ::array({0.0, 0.0, 1200.0, 900.0})));
    EXPECT_EQ(layout["elements"][0]["design"]["region"], "eu-west-1");
    CfnExportOptions noLayout;
    noLayout.includeLayout = false;
    EXPECT_FALSE(exportCloudFormation(allKindsDiagram(), noLayout).contains("Metadata"));
}

}  // namespace
}  // namespace skydraft
