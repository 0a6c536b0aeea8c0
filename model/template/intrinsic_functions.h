// The names of CloudFormation's intrinsic functions and of their YAML short-form tags.
#pragma once

#include <string_view>

namespace skydraft {

/// True for a function CloudFormation defines: "Ref", "Condition" and the "Fn::..." functions
/// of templates, of the AWS::LanguageExtensions transform and of template Rules.
bool isCloudFormationFunction(std::string_view name);

/// True for a YAML short-form tag CloudFormation reads, given without its "!" ("GetAtt",
/// "Select", "Ref", ...): the function "Fn::" + tag, or Ref and Condition.
bool isCloudFormationTag(std::string_view tag);

}  // namespace skydraft
