// Names shared by the CloudFormation exporter and importer: keys, logical ids, symbolic values.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace skydraft::cfn {

/// The template Metadata key holding the Skydraft layout.
inline constexpr std::string_view kMetadataKey = "Skydraft";
/// Version of the layout metadata this build writes and reads.
inline constexpr int kMetadataVersion = 1;

/// Element / connection property holding what a template had beyond the modelled properties:
/// {"logical_id": id, "extra": {resource attributes and unmodelled Properties},
///  "symbolic": {property key: intrinsic written back unchanged},
///  "aux": {role: {"logical_id": id, "extra": {...}}}, "extra_tags": [...]}.
inline constexpr std::string_view kCfnProperty = "cloudformation";
/// Diagram metadata key holding the template's sections Skydraft does not model
/// (Parameters, Conditions, Mappings, Outputs, Rules, Transform, Metadata, Description).
inline constexpr std::string_view kTemplateMetadata = "cloudformation";
/// Key inside a route, rule or entry object holding intrinsics for its fields.
inline constexpr std::string_view kItemSymbolic = "cfn_symbolic";

/// The SSM public parameter used for the AMI of instances and launch templates.
inline constexpr std::string_view kAmiParameter = "LatestAmiId";
inline constexpr std::string_view kAmiParameterDefault =
    "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";
/// The database master user name parameter.
inline constexpr std::string_view kDbUserParameter = "DatabaseMasterUsername";

/// A logical id from a display name: alphanumeric words joined in PascalCase
/// ("app subnet-a" -> "AppSubnetA"); `fallback` when nothing is left; never starts with a digit.
std::string logicalIdFromName(std::string_view name, std::string_view fallback);

/// True when value is an intrinsic function object ({"Ref": ...} or {"Fn::...": ...}).
bool isIntrinsic(const nlohmann::json& value);
bool isIntrinsic(const nlohmann::ordered_json& value);

/// How an unresolved intrinsic is shown in a string property: its YAML short form,
/// e.g. "!Select [0, !GetAZs '']" or "!ImportValue SharedVpcId".
std::string symbolicText(const nlohmann::json& value);

}  // namespace skydraft::cfn
