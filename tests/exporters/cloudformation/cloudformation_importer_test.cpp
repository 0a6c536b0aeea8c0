// Tests of the CloudFormation import: fixtures written by hand and by AWS CDK, errors, layout.
#include <gtest/gtest.h>

#include "cfn_names.h"
#include "cloudformation_exporter.h"
#include "cloudformation_importer.h"
#include "sample_diagrams.h"

namespace skydraft {
namespace {

using nlohmann::json;
using test::readSourceFile;

Diagram importFixture(const std::string& path) {
    CfnImportResult r = importCloudFormation(readSourceFile(path));
    if (!r)
        ADD_FAILURE() << path << ": " << r.error->toString();
    return r ? *r.diagram : Diagram();
}

std::size_t countKind(const Diagram& d, const std::string& kind) {
    return d.elementsOfKind(kind).size();
}

TEST(CloudFormationImport, HandWrittenYamlWithShortTags) {
    const Diagram d = importFixture("tests/fixtures/cloudformation/yaml/vpc_public_private.yaml");
    ASSERT_TRUE(d.element("VPC"));
    const Element& vpc = *d.element("VPC");
    EXPECT_EQ(vpc.kind, "vpc");
    EXPECT_EQ(vpc.properties["cidr"], "10.192.0.0/16");  // the parameter's default
    EXPECT_EQ(vpc.properties["cloudformation"]["symbolic"]["cidr"], (json{{"Ref", "VpcCIDR"}}));
    const Element& subnet = *d.element("PublicSubnet1");
    EXPECT_EQ(subnet.parent, "VPC");
    EXPECT_EQ(subnet.properties["cidr"], "10.192.10.0/24");
    EXPECT_EQ(subnet.properties["availability_zone"], "!Select [0, !GetAZs '']");
    EXPECT_EQ(subnet.properties["map_public_ip_on_launch"], true);
    EXPECT_EQ(d.element("PrivateSubnet1")->properties["availability_zone"],
              "!Select [0, !GetAZs '']");
    EXPECT_EQ(d.element("InternetGateway")->parent, "VPC");
    const Element& nat = *d.element("NatGateway1");
    EXPECT_EQ(nat.parent, "PublicSubnet1");
    EXPECT_EQ(nat.properties["elastic_ip"], true);
    EXPECT_FALSE(d.element("NatGateway1EIP"));
    const Element& publicRt = *d.element("PublicRouteTable");
    EXPECT_EQ(publicRt.properties["associations"], (json{"PublicSubnet1", "PublicSubnet2"}));
    EXPECT_EQ(publicRt.properties["routes"],
              (json::array({{{"destination", "0.0.0.0/0"}, {"target", "InternetGateway"}}})));
    EXPECT_EQ(d.element("PrivateRouteTable1")->properties["routes"][0]["target"], "NatGateway1");
    const json& ingress = d.element("WebServerSecurityGroup")->properties["ingress"];
    ASSERT_EQ(ingress.size(), 2u);
    EXPECT_EQ(ingress[0]["cidr"], "0.0.0.0/0");
    EXPECT_EQ(ingress[0]["from_port"], 80);
    EXPECT_EQ(ingress[1]["source_security_group"], "NoIngressSecurityGroup");
    EXPECT_EQ(d.elements().size(), 11u);
    const json& kept = d.metadata()["cloudformation"];
    EXPECT_EQ(kept["Parameters"].size(), 6u);
    EXPECT_TRUE(kept["Outputs"].contains("PublicSubnets"));
}

TEST(CloudFormationImport, UnmodelledResourcesStayGeneric) {
    const Diagram d =
        importFixture("tests/fixtures/cloudformation/yaml/instance_bucket_lambda.yaml");
    EXPECT_EQ(d.element("ProdVolume")->kind, "generic");
    EXPECT_EQ(d.element("ProdVolume")->properties["type"], "AWS::EC2::Volume");
    EXPECT_EQ(d.element("ProdVolume")->properties["cfn"]["Condition"], "CreateProdResources");
    EXPECT_EQ(d.element("FunctionRole")->kind, "generic");
    const Element& instance = *d.element("Ec2Instance");
    EXPECT_EQ(instance.kind, "ec2_instance");
    EXPECT_EQ(instance.parent, "AppSubnet");
    EXPECT_EQ(instance.properties["instance_type"], "t3.micro");
    EXPECT_EQ(instance.properties["security_groups"], (json{"InstanceSecurityGroup"}));
    EXPECT_TRUE(instance.properties["cloudformation"]["extra"]["Properties"].contains("UserData"));
    EXPECT_EQ(d.element("LogBucket")->properties["versioning"], true);
    EXPECT_EQ(d.element("LogBucket")->properties["cloudformation"]["extra"]["DeletionPolicy"],
              "Retain");
    EXPECT_EQ(d.element("Table")->properties["partition_key"], "pk");
    EXPECT_EQ(d.element("Function")->kind, "lambda_function");
    EXPECT_EQ(d.element("Function")->parent, "");
    EXPECT_EQ(d.element("AppSubnet")->properties["availability_zone"],
              "!Select [0, !GetAZs !Ref 'AWS::Region']");
    EXPECT_TRUE(d.metadata()["cloudformation"].contains("Conditions"));
    EXPECT_TRUE(d.metadata()["cloudformation"].contains("Mappings"));
}

TEST(CloudFormationImport, TransitGatewayVpnAndAcls) {
    const Diagram d = importFixture("tests/fixtures/cloudformation/yaml/transit_gateway_vpn.yaml");
    EXPECT_EQ(d.element("TransitGateway")->properties["default_route_table_association"], false);
    EXPECT_EQ(d.element("TransitGateway")->properties["amazon_side_asn"], 64600);
    EXPECT_EQ(d.element("SpokeVpc")->properties["secondary_cidrs"], (json{"100.64.0.0/16"}));
    const Connection& att = *d.connection("SpokeAttachment");
    EXPECT_EQ(att.kind, "transit_gateway_attachment");
    EXPECT_EQ(att.from, "SpokeVpc");
    EXPECT_EQ(att.to, "TransitGateway");
    const Element& table = *d.element("HubRouteTable");
    EXPECT_EQ(table.parent, "TransitGateway");
    EXPECT_EQ(table.properties["associations"], (json{"SpokeAttachment"}));
    EXPECT_EQ(table.properties["propagations"], (json{"SpokeAttachment"}));
    EXPECT_EQ(table.properties["routes"],
              (json::array({{{"destination", "10.99.0.0/16"}, {"target", ""}}})));
    const json& route = d.element("SpokeRouteTable")->properties["routes"][0];
    EXPECT_EQ(route["destination"], "192.168.0.0/16");
    EXPECT_EQ(route["target"], "TransitGateway");
    const Element& acl = *d.element("SpokeAcl");
    EXPECT_EQ(acl.properties["associations"], (json{"SpokeSubnetB"}));
    ASSERT_EQ(acl.properties["entries"].size(), 2u);
    EXPECT_EQ(acl.properties["entries"][0]["protocol"], "tcp");
    EXPECT_EQ(acl.properties["entries"][0]["from_port"], 443);
    EXPECT_EQ(acl.properties["entries"][1]["egress"], true);
    const Connection& vpn = *d.connection("DataCentreVpn");
    EXPECT_EQ(vpn.from, "DataCentre");
    EXPECT_EQ(vpn.to, "TransitGateway");
    EXPECT_EQ(d.element("DataCentre")->properties["ip_address"], "198.51.100.7");
}

TEST(CloudFormationImport, CdkThreeTierVpc) {
    const Diagram d = importFixture("tests/fixtures/cloudformation/cdk/ThreeTierVpc.json");
    EXPECT_EQ(countKind(d, "vpc"), 1u);
    EXPECT_EQ(countKind(d, "subnet"), 6u);
    EXPECT_EQ(countKind(d, "nat_gateway"), 2u);
    EXPECT_EQ(countKind(d, "route_table"), 6u);
    EXPECT_EQ(countKind(d, "internet_gateway"), 1u);
    EXPECT_EQ(countKind(d, "elastic_ip"), 0u);
    EXPECT_EQ(countKind(d, "generic"), 0u);
    for (const Element* s : d.elementsOfKind("subnet")) {
        EXPECT_EQ(s->parent, "Vpc8378EB38");
        EXPECT_EQ(s->stringProperty("availability_zone").rfind("!Select [", 0), 0u) << s->id;
    }
    const Element* nat = d.element("VpcPublicSubnet1NATGateway4D7517AA");
    ASSERT_TRUE(nat);
    EXPECT_EQ(nat->parent, "VpcPublicSubnet1Subnet5C2D37C4");
    EXPECT_EQ(nat->name, "ThreeTierVpc/Vpc/PublicSubnet1");
    EXPECT_EQ(d.element("VpcPrivateSubnet1RouteTableB2C5B500")->properties["routes"][0]["target"],
              "VpcPublicSubnet1NATGateway4D7517AA");
}

TEST(CloudFormationImport, CdkPeeringAndWebTier) {
    const Diagram peered = importFixture("tests/fixtures/cloudformation/cdk/PeeredVpcs.json");
    EXPECT_EQ(countKind(peered, "vpc"), 2u);
    ASSERT_EQ(peered.connections().size(), 1u);
    EXPECT_EQ(peered.connections()[0].kind, "vpc_peering");
    std::size_t peeringRoutes = 0;
    for (const Element* rt : peered.elementsOfKind("route_table")) {
        for (const auto& r : rt->property("routes")) {
            if (r["target"] == "Peering")
                ++peeringRoutes;
        }
    }
    EXPECT_EQ(peeringRoutes, 4u);
    const Diagram web = importFixture("tests/fixtures/cloudformation/cdk/WebTier.json");
    EXPECT_EQ(web.element("VpcPublicSubnet1Subnet5C2D37C4")->properties["availability_zone"],
              "eu-west-1a");
    EXPECT_EQ(web.element("Vpc8378EB38")->properties["region"], "eu-west-1");
    const Element& lb = *web.element("Lb1928D9D6");
    EXPECT_EQ(lb.properties["listener_port"], 80);
    EXPECT_EQ(lb.properties["target_port"], 8080);
    EXPECT_EQ(lb.parent, "Vpc8378EB38");
    const json& app = web.element("AppSg898BCA4E")->properties["ingress"];
    ASSERT_EQ(app.size(), 1u);
    EXPECT_EQ(app[0]["source_security_group"], "LbSg2402C069");
    EXPECT_EQ(web.element("VpcS3A5408339")->properties["endpoint_type"], "gateway");
    EXPECT_EQ(web.element("VpcSsm0F56837D")->properties["endpoint_type"], "interface");
}

TEST(CloudFormationImport, ResourcesOfOtherStacksStayGeneric) {
    const Diagram d = importFixture("tests/fixtures/cloudformation/yaml/spoke_with_imports.yaml");
    for (const char* id :
         {"SharedSubnet", "SharedInstance", "SharedRouteTable", "SharedRoute", "SharedAssociation",
          "SpokeAttachment", "PeeringToLegacy", "DatabaseSubnetGroup", "Database"}) {
        ASSERT_TRUE(d.element(id)) << id;
        EXPECT_EQ(d.element(id)->kind, "generic") << id;
    }
    EXPECT_EQ(d.element("SpokeVpc")->properties["instance_tenancy"], "dedicated");
    const json& routes = d.element("SpokeRouteTable")->properties["routes"];
    ASSERT_EQ(routes.size(), 2u);
    EXPECT_EQ(routes[0]["target"], "!Ref TransitGatewayId");
    EXPECT_EQ(routes[1]["target"], "PeeringToLegacy");
    EXPECT_EQ(routes[1]["cfn_symbolic"]["target_field"], "VpcPeeringConnectionId");
    EXPECT_EQ(d.element("AppSecurityGroup")->properties["ingress"][0]["source_security_group"],
              "sg-0fedcba9876543210");
}

TEST(CloudFormationImport, ErrorsNameTheResourceAndProperty) {
    const std::string bad = R"(Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  AppSubnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: 10.0.300.0/24
)";
    const CfnImportResult r = importCloudFormation(bad);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error->path, "Resources.AppSubnet.Properties.CidrBlock");
    EXPECT_EQ(r.error->toString().rfind(
                  "Resources.AppSubnet.Properties.CidrBlock: \"10.0.300.0/24\" is not a CIDR", 0),
              0u)
        << r.error->toString();

    const CfnImportResult dangling = importCloudFormation(
        "Resources:\n  S:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Nope\n");
    ASSERT_FALSE(dangling);
    EXPECT_EQ(dangling.error->toString(),
              "Resources.S.Properties.VpcId: !Ref Nope names no resource or parameter");

    const CfnImportResult noType = importCloudFormation("{\"Resources\": {\"X\": {}}}");
    ASSERT_FALSE(noType);
    EXPECT_EQ(noType.error->toString(), "Resources.X: a resource needs a string Type");

    const CfnImportResult syntax = importCloudFormation("Resources:\n  A: [1,\n");
    ASSERT_FALSE(syntax);
    EXPECT_EQ(syntax.error->toString().rfind("line ", 0), 0u);

    const CfnImportResult none = importCloudFormation("AWSTemplateFormatVersion: '2010-09-09'\n");
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error->toString(), "Resources: missing or not an object");
}

TEST(CloudFormationImport, LaysOutWithoutMetadata) {
    const Diagram d = importFixture("tests/fixtures/cloudformation/cdk/WebTier.json");
    const Element& vpc = *d.element("Vpc8378EB38");
    EXPECT_GT(vpc.geometry.width, 0);
    std::set<double> columns;
    for (const Element* s : d.elementsOfKind("subnet")) {
        const Geometry& g = s->geometry;
        EXPECT_GE(g.x, vpc.geometry.x);
        EXPECT_LE(g.x + g.width, vpc.geometry.x + vpc.geometry.width);
        EXPECT_GE(g.y, vpc.geometry.y);
        EXPECT_LE(g.y + g.height, vpc.geometry.y + vpc.geometry.height);
        columns.insert(g.x);
    }
    EXPECT_EQ(columns.size(), 3u);  // one column per availability zone
    const Element& nat = *d.element("VpcPublicSubnet1NATGateway4D7517AA");
    const Element& subnet = *d.element("VpcPublicSubnet1Subnet5C2D37C4");
    EXPECT_GE(nat.geometry.x, subnet.geometry.x);
    EXPECT_LE(nat.geometry.y + nat.geometry.height, subnet.geometry.y + subnet.geometry.height);
    const Element& igw = *d.element("VpcIGWD7BA715C");
    EXPECT_LT(igw.geometry.y, vpc.geometry.y);  // on the VPC's top edge
    EXPECT_GT(igw.geometry.y + igw.geometry.height, vpc.geometry.y);
}

}  // namespace
}  // namespace skydraft

namespace skydraft {
namespace {

/// Replaces the value at every position of a template, one at a time, by values of other
/// shapes: the importer must answer with a diagram or an error, never throw or crash.
TEST(CloudFormationImport, SurvivesValuesOfEveryShape) {
    const nlohmann::ordered_json original = nlohmann::ordered_json::parse(
        test::readSourceFile("tests/fixtures/cloudformation/cdk/WebTier.json"));
    const std::vector<nlohmann::ordered_json> replacements = {
        nullptr,
        7,
        "x",
        nlohmann::ordered_json::array(),
        nlohmann::ordered_json::object(),
        nlohmann::ordered_json{{"Ref", "Nope"}},
        nlohmann::ordered_json::array({1, "a"})};
    const nlohmann::ordered_json flat = original.flatten();
    std::size_t imported = 0;
    std::size_t refused = 0;
    std::size_t index = 0;
    for (const auto& [pointer, value] : flat.items()) {
        const auto& replacement = replacements[index++ % replacements.size()];
        nlohmann::ordered_json damaged = flat;
        damaged[pointer] = replacement;
        nlohmann::ordered_json document;
        try {
            document = damaged.unflatten();
        } catch (const nlohmann::json::exception&) {
            continue;
        }
        const CfnImportResult r = importCloudFormationTemplate(document);
        EXPECT_TRUE(r.diagram.has_value() != r.error.has_value()) << pointer;
        if (r) {
            EXPECT_NO_THROW(exportCloudFormation(*r.diagram)) << pointer;
        }
        (r ? imported : refused)++;
    }
    EXPECT_GT(imported, 50u);
    EXPECT_GT(refused, 20u);
}

}  // namespace
}  // namespace skydraft

namespace skydraft {
namespace {

// Found by cloudformation_import_fuzz: a YAML template with a byte that is not UTF-8 imported,
// and exporting it again threw from the JSON writer.
TEST(CloudFormationImporterHostile, InvalidUtf8IsRefusedWithItsPosition) {
    const std::string text = "AWSTemplateFormatVersion: \"2010-09-09\"\nDescription: caf\xB1\n";
    const CfnImportResult result = importCloudFormation(text);
    ASSERT_FALSE(result.diagram.has_value());
    ASSERT_TRUE(result.error.has_value());
    EXPECT_EQ(result.error->message, "the template is not valid UTF-8");
    EXPECT_EQ(result.error->line, 2u);
    EXPECT_EQ(result.error->column, 17u);
}

}  // namespace
}  // namespace skydraft

namespace skydraft {
namespace {

// Found by cloudformation_import_fuzz: a YAML escape that decodes to a lone byte.
TEST(CloudFormationImporterHostile, YamlEscapeThatIsNotUtf8IsRefused) {
    const std::string text =
        "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Assets:\n    Type: "
        "AWS::S3::Bucket\n"
        "    Properties:\n      BucketName: \"a\\x85b\"\n";
    const CfnImportResult result = importCloudFormation(text);
    if (result.diagram) {
        // yaml-cpp encoded the escape as UTF-8: then every writer must be able to print it.
        EXPECT_NO_THROW((void)exportCloudFormation(*result.diagram).dump());
    } else {
        ASSERT_TRUE(result.error.has_value());
        EXPECT_EQ(result.error->message,
                  "the template has a string that is not valid UTF-8 (an escape such as \\x85 "
                  "in a YAML string)");
    }
}

}  // namespace
}  // namespace skydraft

namespace skydraft {
namespace {

// Found by cloudformation_import_fuzz (ten-minute run): `Outputs:` holding a string imported,
// and exporting the diagram threw when the exporter added its VPC outputs to that string.
TEST(CloudFormationImporterHostile, SectionsThatMustBeObjectsAreRefused) {
    for (const char* section : {"Outputs", "Mappings", "Conditions", "Metadata", "Rules"}) {
        const std::string text = std::string(
                                     "Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n"
                                     "    Properties:\n      CidrBlock: 10.0.0.0/16\n") +
                                 section + ": TransitGa !GetAtt LogBucket.Arn\n";
        const CfnImportResult result = importCloudFormation(text);
        ASSERT_FALSE(result) << section;
        EXPECT_EQ(result.error->toString(), std::string(section) + ": expected an object");
    }
}

// The same kept sections can be edited by hand in a .skydraft file: the exporter uses only
// objects where the template needs objects, and keeps the rest of the diagram.
TEST(CloudFormationExporterHostile, KeptSectionsOfTheWrongTypeAreIgnored) {
    const CfnImportResult imported = importCloudFormation(
        "Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n"
        "    Properties:\n      CidrBlock: 10.0.0.0/16\n");
    ASSERT_TRUE(imported);
    for (const nlohmann::json& kept :
         {nlohmann::json("text"), nlohmann::json{{"Outputs", "text"}, {"Parameters", 7}},
          nlohmann::json{{"Metadata", nlohmann::json::array({1})}}}) {
        Diagram d = *imported.diagram;
        nlohmann::json metadata = d.metadata();
        metadata[std::string(cfn::kTemplateMetadata)] = kept;
        d.setMetadata(metadata);
        nlohmann::ordered_json out;
        ASSERT_NO_THROW(out = exportCloudFormation(d)) << kept.dump();
        EXPECT_EQ(out["Outputs"]["VpcId"]["Value"], nlohmann::ordered_json({{"Ref", "Vpc"}}))
            << kept.dump();
        EXPECT_TRUE(out["Resources"].contains("Vpc"));
    }
}

}  // namespace
}  // namespace skydraft
