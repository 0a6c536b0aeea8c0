// The names of CloudFormation's intrinsic functions and of their YAML short-form tags.
#include "template/intrinsic_functions.h"

#include <algorithm>
#include <array>

namespace skydraft {

namespace {

// Template functions, condition functions, the AWS::LanguageExtensions functions and the
// functions of template Rules, without their "Fn::" prefix.
constexpr std::array<std::string_view, 26> kFunctions = {
    "Base64",       "Cidr",      "FindInMap",
    "ForEach",      "GetAtt",    "GetAZs",
    "ImportValue",  "Join",      "Length",
    "Select",       "Split",     "Sub",
    "ToJsonString", "Transform", "And",
    "Equals",       "If",        "Not",
    "Or",           "Contains",  "EachMemberEquals",
    "EachMemberIn", "RefAll",    "ValueOf",
    "ValueOfAll",   "Implies"};

bool isFunctionSuffix(std::string_view name) {
    return std::find(kFunctions.begin(), kFunctions.end(), name) != kFunctions.end();
}

}  // namespace

bool isCloudFormationFunction(std::string_view name) {
    if (name == "Ref" || name == "Condition") {
        return true;
    }
    return name.starts_with("Fn::") && isFunctionSuffix(name.substr(4));
}

bool isCloudFormationTag(std::string_view tag) {
    return tag == "Ref" || tag == "Condition" || (tag != "ForEach" && isFunctionSuffix(tag));
}

}  // namespace skydraft
