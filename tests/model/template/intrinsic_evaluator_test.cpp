// Tests of the static evaluation of intrinsics (model/template/intrinsic_evaluator).
#include "template/intrinsic_evaluator.h"

#include <gtest/gtest.h>

namespace skydraft {
namespace {

using nlohmann::json;
using OJ = nlohmann::ordered_json;

SymbolicValue eval(const std::string& expression, const OJ& document = OJ::object(),
                   TemplateOptions options = {}) {
    const IntrinsicEvaluator evaluator(document, std::move(options));
    return evaluator.evaluate(OJ::parse(expression));
}

TemplateOptions inRegion(const std::string& region) {
    TemplateOptions options;
    options.region = region;
    return options;
}

void expectKnown(const SymbolicValue& v, const json& expected) {
    ASSERT_EQ(v.state, SymbolicState::Known) << v.reason;
    EXPECT_EQ(v.value, expected);
}

void expectUnknown(const SymbolicValue& v, const std::string& reasonPart) {
    ASSERT_EQ(v.state, SymbolicState::Unknown) << v.value.dump();
    EXPECT_NE(v.reason.find(reasonPart), std::string::npos) << v.reason;
}

void expectInvalid(const SymbolicValue& v, const std::string& reasonPart) {
    ASSERT_EQ(v.state, SymbolicState::Invalid) << v.value.dump() << v.reason;
    EXPECT_NE(v.reason.find(reasonPart), std::string::npos) << v.reason;
}

// The Fn::Cidr examples of the CloudFormation documentation.
TEST(FnCidr, DocumentedIpv4Example) {
    // !Cidr [ "192.168.0.0/24", 6, 5 ]: six CIDRs with a subnet mask of /27.
    expectKnown(eval(R"({"Fn::Cidr": ["192.168.0.0/24", 6, 5]})"),
                json::array({"192.168.0.0/27", "192.168.0.32/27", "192.168.0.64/27",
                             "192.168.0.96/27", "192.168.0.128/27", "192.168.0.160/27"}));
}

TEST(FnCidr, DocumentedSubnetExamples) {
    // AWS::EC2::Subnet samples: !Select [0, !Cidr [!GetAtt VPC.CidrBlock, 1, 8]] and friends.
    const OJ document = OJ::parse(R"({"Resources": {
        "VPC": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}}}})");
    expectKnown(
        eval(R"({"Fn::Select": [0, {"Fn::Cidr": [{"Fn::GetAtt": ["VPC", "CidrBlock"]}, 1, 8]}]})",
             document),
        "10.0.0.0/24");
    expectKnown(
        eval(R"({"Fn::Select": [2, {"Fn::Cidr": [{"Fn::GetAtt": ["VPC", "CidrBlock"]}, 3, 8]}]})",
             document),
        "10.0.2.0/24");
    // The IPv6 sample: the VPC's Amazon-provided block is known only after deployment.
    expectUnknown(
        eval(
            R"({"Fn::Select": [0, {"Fn::Cidr": [{"Fn::Select": [0, {"Fn::GetAtt": ["VPC", "Ipv6CidrBlocks"]}]}, 1, 64]}]})",
            document),
        "!GetAtt VPC.Ipv6CidrBlocks is known only after deployment");
}

TEST(FnCidr, Ipv6AndStrings) {
    expectKnown(eval(R"({"Fn::Cidr": ["2600:1f16:abc:de00::/56", "2", "64"]})"),
                json::array({"2600:1f16:abc:de00::/64", "2600:1f16:abc:de01::/64"}));
    // A block with host bits starts at its network address.
    expectKnown(eval(R"({"Fn::Cidr": ["10.0.0.5/16", 2, 12]})"),
                json::array({"10.0.0.0/20", "10.0.16.0/20"}));
    expectKnown(eval(R"({"Fn::Cidr": ["10.0.0.0/16", 1, 16]})"), json::array({"10.0.0.0/16"}));
}

TEST(FnCidr, RefusesWhatCloudFormationRefuses) {
    expectInvalid(eval(R"({"Fn::Cidr": ["10.0.0.0/16", 0, 8]})"), "count 0 is not from 1 to 256");
    expectInvalid(eval(R"({"Fn::Cidr": ["10.0.0.0/16", 257, 8]})"), "count 257");
    expectInvalid(eval(R"({"Fn::Cidr": ["10.0.0.0/16", 1, 17]})"), "17 host bits do not fit");
    expectInvalid(eval(R"({"Fn::Cidr": ["10.0.0.0/24", 3, 7]})"), "holds 2 blocks of /25, not 3");
    expectInvalid(eval(R"({"Fn::Cidr": ["10.0.0/16", 1, 8]})"), "is not a CIDR");
    expectInvalid(eval(R"({"Fn::Cidr": ["10.0.0.0/16", "x", 8]})"), "whole numbers");
    expectKnown(eval(R"({"Fn::Cidr": ["10.0.0.0/24", 2, 7]})"),
                json::array({"10.0.0.0/25", "10.0.0.128/25"}));
}

TEST(GetAZs, ZonesByIndexWhenTheRegionIsNotKnown) {
    const SymbolicValue second = eval(R"({"Fn::Select": [1, {"Fn::GetAZs": ""}]})");
    ASSERT_EQ(second.state, SymbolicState::ZoneIndex);
    EXPECT_EQ(second.zoneIndex, 1);
    const SymbolicValue first =
        eval(R"({"Fn::Select": ["0", {"Fn::GetAZs": {"Ref": "AWS::Region"}}]})");
    ASSERT_EQ(first.state, SymbolicState::ZoneIndex);
    EXPECT_EQ(first.zoneIndex, 0);
    expectUnknown(eval(R"({"Fn::GetAZs": ""})"), "the zones of the stack's region");
    expectUnknown(eval(R"({"Fn::Join": [",", {"Fn::GetAZs": ""}]})"), "not known");
}

TEST(GetAZs, ZoneNamesWhenTheRegionIsKnown) {
    expectKnown(
        eval(R"({"Fn::Select": [1, {"Fn::GetAZs": ""}]})", OJ::object(), inRegion("us-east-1")),
        "us-east-1b");
    expectKnown(eval(R"({"Fn::GetAZs": "eu-west-1"})"),
                json::array({"eu-west-1a", "eu-west-1b", "eu-west-1c"}));
    expectKnown(eval(R"({"Fn::Join": [",", {"Fn::GetAZs": "ca-central-1"}]})"),
                "ca-central-1a,ca-central-1b,ca-central-1d");
    expectInvalid(eval(R"({"Fn::Select": [3, {"Fn::GetAZs": "eu-west-1"}]})"),
                  "index 3 is out of range: the list has 3 values");
    expectUnknown(eval(R"({"Fn::GetAZs": "us-gov-west-1"})"),
                  "no zone list of the region us-gov-west-1");
}

TEST(Select, ListsAndIndexes) {
    expectKnown(eval(R"({"Fn::Select": ["1", ["apples", "grapes", "oranges"]]})"), "grapes");
    expectInvalid(eval(R"({"Fn::Select": [-1, ["a"]]})"), "not a whole number from 0");
    expectInvalid(eval(R"({"Fn::Select": [0, "a"]})"), "needs a list");
    expectInvalid(eval(R"({"Fn::Select": [0]})"), "needs [index, list]");
    // A list with an unknown member: the known members can still be selected.
    expectKnown(eval(R"({"Fn::Select": [0, ["a", {"Fn::ImportValue": "X"}]]})"), "a");
    expectUnknown(eval(R"({"Fn::Select": [1, ["a", {"Fn::ImportValue": "X"}]]})"),
                  "comes from import X");
}

const char* kParameters = R"({
  "Parameters": {
    "Env": {"Type": "String", "Default": "prod", "AllowedValues": ["prod", "dev"]},
    "VpcCidr": {"Type": "String", "Default": "10.1.0.0/16"},
    "Zones": {"Type": "CommaDelimitedList", "Default": "eu-west-1a,eu-west-1b"},
    "ZoneList": {"Type": "List<AWS::EC2::AvailabilityZone::Name>"},
    "Count": {"Type": "Number", "Default": 2, "MinValue": 1, "MaxValue": 4},
    "Owner": {"Type": "String"},
    "Ami": {"Type": "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", "Default": "/aws/service/ami"}
  },
  "Conditions": {
    "IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]},
    "IsDev": {"Fn::Not": [{"Condition": "IsProd"}]},
    "HasOwner": {"Fn::Not": [{"Fn::Equals": [{"Ref": "Owner"}, ""]}]},
    "ProdOrOwner": {"Fn::Or": [{"Condition": "IsProd"}, {"Condition": "HasOwner"}]},
    "DevAndOwner": {"Fn::And": [{"Condition": "IsDev"}, {"Condition": "HasOwner"}]},
    "InIreland": {"Fn::Equals": [{"Ref": "AWS::Region"}, "eu-west-1"]},
    "Loop": {"Fn::Not": [{"Condition": "Loop"}]}
  },
  "Mappings": {
    "RegionMap": {
      "us-east-1": {"Cidr": "10.0.0.0/16", "Size": "large"},
      "eu-west-1": {"Cidr": "10.8.0.0/16", "Size": "large"}
    }
  },
  "Resources": {}
})";

TEST(Ref, ParametersDefaultsAndValuesGiven) {
    const OJ document = OJ::parse(kParameters);
    expectKnown(eval(R"({"Ref": "VpcCidr"})", document), "10.1.0.0/16");
    TemplateOptions options;
    options.parameters["VpcCidr"] = "10.2.0.0/16";
    expectKnown(eval(R"({"Ref": "VpcCidr"})", document, options), "10.2.0.0/16");
    expectKnown(eval(R"({"Ref": "Zones"})", document), json::array({"eu-west-1a", "eu-west-1b"}));
    expectKnown(eval(R"({"Fn::Select": [1, {"Ref": "Zones"}]})", document), "eu-west-1b");
    expectKnown(eval(R"({"Ref": "Count"})", document), 2);
    expectUnknown(eval(R"({"Ref": "Owner"})", document),
                  "parameter Owner has no default (give it with --parameter Owner=VALUE)");
    expectUnknown(eval(R"({"Ref": "Ami"})", document),
                  "read from the SSM parameter /aws/service/ami");
    options.parameters["ZoneList"] = "us-east-1a,us-east-1c";
    expectKnown(eval(R"({"Fn::Select": [1, {"Ref": "ZoneList"}]})", document, options),
                "us-east-1c");
    expectInvalid(eval(R"({"Ref": "Nothing"})", document), "names no parameter or resource");
}

TEST(Ref, PseudoParameters) {
    expectUnknown(eval(R"({"Ref": "AWS::Region"})"), "give it with --region");
    expectKnown(eval(R"({"Ref": "AWS::Region"})", OJ::object(), inRegion("eu-west-2")),
                "eu-west-2");
    expectKnown(eval(R"({"Ref": "AWS::Partition"})", OJ::object(), inRegion("cn-north-1")),
                "aws-cn");
    expectKnown(eval(R"({"Ref": "AWS::Partition"})", OJ::object(), inRegion("us-gov-west-1")),
                "aws-us-gov");
    expectKnown(eval(R"({"Ref": "AWS::URLSuffix"})", OJ::object(), inRegion("us-east-1")),
                "amazonaws.com");
    expectUnknown(eval(R"({"Ref": "AWS::AccountId"})"), "account id is known only at deployment");
    expectUnknown(eval(R"({"Ref": "AWS::StackName"})"),
                  "AWS::StackName is known only at deployment");
    EXPECT_EQ(eval(R"({"Ref": "AWS::NoValue"})").state, SymbolicState::Absent);
    expectInvalid(eval(R"({"Ref": "AWS::Nothing"})"), "no pseudo parameter AWS::Nothing");
    // AWS::NoValue leaves a member out of a list.
    expectKnown(eval(R"(["a", {"Ref": "AWS::NoValue"}, "b"])"), json::array({"a", "b"}));
}

TEST(Conditions, DecidedFromDefaultsAndValues) {
    const OJ document = OJ::parse(kParameters);
    const IntrinsicEvaluator evaluator(document);
    EXPECT_EQ(evaluator.condition("IsProd"), true);
    EXPECT_EQ(evaluator.condition("IsDev"), false);
    EXPECT_EQ(evaluator.condition("ProdOrOwner"), true);   // decided without the owner
    EXPECT_EQ(evaluator.condition("DevAndOwner"), false);  // likewise
    std::string why;
    EXPECT_EQ(evaluator.condition("HasOwner", &why), std::nullopt);
    EXPECT_NE(why.find("parameter Owner has no default"), std::string::npos) << why;
    EXPECT_EQ(evaluator.condition("InIreland", &why), std::nullopt);
    EXPECT_EQ(evaluator.condition("Loop", &why), std::nullopt);
    EXPECT_NE(why.find("refers to itself"), std::string::npos) << why;
    EXPECT_EQ(evaluator.condition("Missing", &why), std::nullopt);
    EXPECT_NE(why.find("no condition Missing"), std::string::npos) << why;

    TemplateOptions dev;
    dev.parameters["Env"] = "dev";
    dev.region = "eu-west-1";
    const IntrinsicEvaluator devEvaluator(document, dev);
    EXPECT_EQ(devEvaluator.condition("IsDev"), true);
    EXPECT_EQ(devEvaluator.condition("InIreland"), true);
}

TEST(Conditions, IfTakesTheDecidedBranch) {
    const OJ document = OJ::parse(kParameters);
    expectKnown(eval(R"({"Fn::If": ["IsProd", "10.0.0.0/16", "10.9.0.0/16"]})", document),
                "10.0.0.0/16");
    expectKnown(eval(R"({"Fn::If": ["IsDev", "a", {"Fn::Select": [0, ["b"]]}]})", document), "b");
    EXPECT_EQ(eval(R"({"Fn::If": ["IsDev", "a", {"Ref": "AWS::NoValue"}]})", document).state,
              SymbolicState::Absent);
    expectUnknown(eval(R"({"Fn::If": ["HasOwner", "a", "b"]})", document),
                  "depends on the condition HasOwner");
    // Undecided, but both branches agree.
    expectKnown(eval(R"({"Fn::If": ["HasOwner", "same", "same"]})", document), "same");
    const SymbolicValue zone = eval(
        R"({"Fn::If": ["HasOwner", {"Fn::Select": [1, {"Fn::GetAZs": ""}]}, {"Fn::Select": [1, {"Fn::GetAZs": ""}]}]})",
        document);
    EXPECT_EQ(zone.state, SymbolicState::ZoneIndex);
    expectKnown(eval(R"({"Fn::Equals": ["1", 1]})"), true);
}

TEST(FindInMap, LooksUpAndAgrees) {
    const OJ document = OJ::parse(kParameters);
    expectKnown(eval(R"({"Fn::FindInMap": ["RegionMap", "eu-west-1", "Cidr"]})", document),
                "10.8.0.0/16");
    expectKnown(eval(R"({"Fn::FindInMap": ["RegionMap", {"Ref": "AWS::Region"}, "Cidr"]})",
                     document, inRegion("us-east-1")),
                "10.0.0.0/16");
    // The region is not known, but every region of the map gives the same size.
    expectKnown(
        eval(R"({"Fn::FindInMap": ["RegionMap", {"Ref": "AWS::Region"}, "Size"]})", document),
        "large");
    expectUnknown(
        eval(R"({"Fn::FindInMap": ["RegionMap", {"Ref": "AWS::Region"}, "Cidr"]})", document),
        "region is not known");
    expectInvalid(eval(R"({"Fn::FindInMap": ["RegionMap", "ap-south-1", "Cidr"]})", document),
                  "the mapping RegionMap has no ap-south-1.Cidr");
    expectKnown(
        eval(
            R"({"Fn::FindInMap": ["RegionMap", "ap-south-1", "Cidr", {"DefaultValue": "10.9.0.0/16"}]})",
            document),
        "10.9.0.0/16");
    expectInvalid(eval(R"({"Fn::FindInMap": ["Nope", "a", "b"]})", document), "no mapping Nope");
}

TEST(SubAndJoin, KnownValuesOnly) {
    const OJ document = OJ::parse(kParameters);
    expectKnown(eval(R"({"Fn::Sub": "${Env}-${AWS::Region}-${!Literal}"})", document,
                     inRegion("us-east-2")),
                "prod-us-east-2-${Literal}");
    expectKnown(
        eval(R"({"Fn::Sub": ["${Net}.0.0/16", {"Net": {"Fn::Join": [".", ["10", "3"]]}}]})"),
        "10.3.0.0/16");
    expectUnknown(eval(R"({"Fn::Sub": "arn:${AWS::Partition}:s3:::${AWS::AccountId}"})", document,
                       inRegion("us-east-1")),
                  "account id");
    expectKnown(eval(R"({"Fn::Join": ["-", ["a", 1, true]]})"), "a-1-true");
    expectInvalid(eval(R"({"Fn::Join": ["-", [["a"]]]})"), "joins strings");
    expectUnknown(eval(R"({"Fn::Join": ["", ["vpc-", {"Fn::ImportValue": "SharedVpc"}]]})"),
                  "comes from import SharedVpc");
    expectKnown(eval(R"({"Fn::Select": [1, {"Fn::Split": [",", "a,b,c"]}]})"), "b");
    expectKnown(eval(R"({"Fn::Base64": "hello"})"), "aGVsbG8=");
    expectKnown(eval(R"({"Fn::Length": [1, 2, 3]})"), 3);
}

TEST(GetAtt, ModelledAttributesFollowTheTemplate) {
    const OJ document = OJ::parse(R"({"Resources": {
      "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.4.0.0/16"}},
      "SubnetA": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"},
          "AvailabilityZone": {"Fn::Select": [1, {"Fn::GetAZs": ""}]},
          "CidrBlock": {"Fn::Select": [0, {"Fn::Cidr": [{"Fn::GetAtt": "Vpc.CidrBlock"}, 4, 8]}]}}},
      "SubnetB": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"},
          "AvailabilityZone": {"Fn::GetAtt": ["SubnetA", "AvailabilityZone"]}}},
      "Server": {"Type": "AWS::EC2::Instance", "Properties": {"SubnetId": {"Ref": "SubnetA"}}},
      "Lb": {"Type": "AWS::ElasticLoadBalancingV2::LoadBalancer", "Properties": {}},
      "Loop1": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": {"Fn::GetAtt": "Loop2.CidrBlock"}}},
      "Loop2": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": {"Fn::GetAtt": "Loop1.CidrBlock"}}}
    }})");
    expectKnown(eval(R"({"Fn::GetAtt": ["SubnetA", "CidrBlock"]})", document), "10.4.0.0/24");
    const SymbolicValue zone = eval(R"({"Fn::GetAtt": ["SubnetB", "AvailabilityZone"]})", document);
    ASSERT_EQ(zone.state, SymbolicState::ZoneIndex);
    EXPECT_EQ(zone.zoneIndex, 1);
    const SymbolicValue serverZone =
        eval(R"({"Fn::GetAtt": ["Server", "AvailabilityZone"]})", document);
    ASSERT_EQ(serverZone.state, SymbolicState::ZoneIndex);
    EXPECT_EQ(serverZone.zoneIndex, 1);
    expectKnown(
        eval(R"({"Fn::GetAtt": ["Server", "AvailabilityZone"]})", document, inRegion("us-west-2")),
        "us-west-2b");
    expectUnknown(eval(R"({"Fn::GetAtt": ["Lb", "DNSName"]})", document),
                  "!GetAtt Lb.DNSName is known only after deployment");
    expectUnknown(eval(R"({"Ref": "Vpc"})", document),
                  "the id of resource Vpc is assigned at deployment");
    expectInvalid(eval(R"({"Fn::GetAtt": ["Loop1", "CidrBlock"]})", document),
                  "circular reference");
    expectInvalid(eval(R"({"Fn::GetAtt": ["Nope", "CidrBlock"]})", document), "names no resource");
}

TEST(Evaluator, ImportsAndUnknownFunctions) {
    expectUnknown(eval(R"({"Fn::ImportValue": "SharedZone"})"), "comes from import SharedZone");
    expectUnknown(eval(R"({"Fn::ImportValue": {"Fn::Sub": "${AWS::StackName}-Zone"}})"),
                  "comes from import !Sub '${AWS::StackName}-Zone'");
    expectInvalid(eval(R"({"Fn::Nonsense": "10.0.0.0/16"})"),
                  "CloudFormation has no function Fn::Nonsense");
    expectUnknown(eval(R"({"Fn::Transform": {"Name": "AWS::Include"}})"),
                  "Fn::Transform is evaluated only by CloudFormation");
    expectKnown(eval(R"({"Key": "Name", "Value": {"Fn::Join": ["-", ["a", "b"]]}})"),
                json{{"Key", "Name"}, {"Value", "a-b"}});
}

TEST(Evaluator, GrowthIsBounded) {
    // Each VPC's CIDR is its predecessor's twice over: 2^60 characters if nothing stopped it.
    OJ document = OJ::parse(R"({"Resources": {"V0": {"Type": "AWS::EC2::VPC",
        "Properties": {"CidrBlock": "10.0.0.0/16"}}}})");
    for (int i = 1; i <= 60; ++i) {
        const std::string previous = "V" + std::to_string(i - 1);
        const std::string att = R"({"Fn::GetAtt": [")" + previous + R"(", "CidrBlock"]})";
        document["Resources"]["V" + std::to_string(i)] = OJ::parse(
            R"({"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": {"Fn::Join": ["", [)" + att +
            ", " + att + "]]}}}");
    }
    expectUnknown(eval(R"({"Fn::GetAtt": ["V60", "CidrBlock"]})", document), "too long");
    // Deep nesting gives up instead of exhausting the stack.
    std::string deep = "\"x\"";
    for (int i = 0; i < 400; ++i) {
        deep = R"({"Fn::Select": [0, [)" + deep + "]]}";
    }
    expectUnknown(eval(deep), "nested too deeply");
}

TEST(Evaluator, OptionErrorsNameTheParameter) {
    const OJ document = OJ::parse(kParameters);
    TemplateOptions options;
    options.parameters = {{"Env", "test"}, {"Count", "9"}, {"Nope", "1"}, {"Owner", "me"}};
    const IntrinsicEvaluator evaluator(document, options);
    const auto errors = evaluator.optionErrors();
    ASSERT_EQ(errors.size(), 3u);
    EXPECT_EQ(errors[0], "--parameter Count=9: above the parameter's MaxValue 4");
    EXPECT_EQ(errors[1],
              "--parameter Env=test: not one of the parameter's AllowedValues [\"prod\",\"dev\"]");
    EXPECT_EQ(errors[2], "--parameter Nope: the template has no parameter Nope");
}

TEST(Evaluator, WithoutTemplate) {
    const IntrinsicEvaluator evaluator;
    EXPECT_EQ(
        evaluator.evaluate(json::parse(R"({"Fn::Select": [2, {"Fn::GetAZs": ""}]})")).zoneIndex, 2);
    expectUnknown(evaluator.evaluate(json::parse(R"({"Ref": "Param"})")),
                  "names something of the template");
}

}  // namespace
}  // namespace skydraft
