// Tests of template text parsing: JSON, YAML, short-form tags and their long forms.
#include <gtest/gtest.h>

#include "cfn_yaml.h"

namespace skydraft {
namespace {

using OJ = nlohmann::ordered_json;

TEST(CfnYaml, ShortFormsBecomeLongForms) {
    const auto r = parseCfnTemplateText(R"(Resources:
  A:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      AvailabilityZone: !Select [0, !GetAZs '']
      CidrBlock: !GetAtt Vpc.CidrBlock
      Name: !Sub '${AWS::StackName}-a'
      List: !Join [",", [!Ref A, !ImportValue Shared]]
      Cond: !If [IsProd, !Base64 x, !Ref "AWS::NoValue"]
      Count: 3
      Flag: true
      Quoted: "3"
      Version: 2012-10-17
)");
    ASSERT_TRUE(r.ok()) << r.error;
    const OJ& p = r.value["Resources"]["A"]["Properties"];
    EXPECT_EQ(p["VpcId"], (OJ{{"Ref", "Vpc"}}));
    EXPECT_EQ(p["AvailabilityZone"], (OJ{{"Fn::Select", OJ::array({0, OJ{{"Fn::GetAZs", ""}}})}}));
    EXPECT_EQ(p["CidrBlock"], (OJ{{"Fn::GetAtt", OJ::array({"Vpc", "CidrBlock"})}}));
    EXPECT_EQ(p["Name"], (OJ{{"Fn::Sub", "${AWS::StackName}-a"}}));
    EXPECT_EQ(p["List"].dump(), R"({"Fn::Join":[",",[{"Ref":"A"},{"Fn::ImportValue":"Shared"}]]})");
    EXPECT_EQ(p["Cond"].dump(),
              R"({"Fn::If":["IsProd",{"Fn::Base64":"x"},{"Ref":"AWS::NoValue"}]})");
    EXPECT_EQ(p["Count"], 3);
    EXPECT_EQ(p["Flag"], true);
    EXPECT_EQ(p["Quoted"], "3");
    EXPECT_EQ(p["Version"], "2012-10-17");
}

TEST(CfnYaml, KeepsKeyOrder) {
    const auto r = parseCfnTemplateText("Resources:\n  Zeta: {Type: X}\n  Alpha: {Type: Y}\n");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.value["Resources"].begin().key(), "Zeta");
}

TEST(CfnYaml, DetectsJson) {
    EXPECT_TRUE(looksLikeJson("  \n{\"Resources\": {}}"));
    EXPECT_FALSE(looksLikeJson("Resources: {}"));
    const auto r = parseCfnTemplateText("{\"Resources\": {\"A\": {\"Type\": \"T\"}}}");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.value["Resources"]["A"]["Type"], "T");
}

TEST(CfnYaml, ReportsSyntaxErrorPositions) {
    const auto yaml = parseCfnTemplateText("Resources:\n  A: [1, 2\n  B: 3\n");
    EXPECT_FALSE(yaml.ok());
    EXPECT_EQ(yaml.line, 3u);
    const auto json = parseCfnTemplateText("{\n  \"Resources\": {,}\n}");
    EXPECT_FALSE(json.ok());
    EXPECT_EQ(json.line, 2u);
}

}  // namespace
}  // namespace skydraft
