// Names shared by the CloudFormation exporter and importer: keys, logical ids, symbolic values.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "template/symbolic_value.h"

namespace skydraft::cfn {

/// Element / connection property holding what a template had beyond the modelled properties:
/// {"logical_id": id, "extra": {resource attributes and unmodelled Properties},
///  "symbolic": {property key: intrinsic written back unchanged},
///  "evaluated": {property key: what the intrinsic evaluated to when it is not a known value,
///                see SymbolicValue::toJson(); never written to a template},
///  "aux": {role: {"logical_id": id, "extra": {...}}}, "extra_tags": [...]}.
inline constexpr std::string_view kCfnProperty = kTemplateProperty;
/// Diagram metadata key holding the template's sections Skydraft does not model
/// (Parameters, Conditions, Mappings, Outputs, Rules, Transform, Metadata, Description).
inline constexpr std::string_view kTemplateMetadata = "cloudformation";
/// Key inside a route, rule or entry object holding intrinsics for its fields.
inline constexpr std::string_view kItemSymbolic = kItemSymbolicKey;

/// The SSM public parameter used for the AMI of instances and launch templates.
inline constexpr std::string_view kAmiParameter = "LatestAmiId";
inline constexpr std::string_view kAmiParameterDefault =
    "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";
/// The database master user name parameter.
inline constexpr std::string_view kDbUserParameter = "DatabaseMasterUsername";

/// A logical id from a display name: alphanumeric words joined in PascalCase
/// ("app subnet-a" -> "AppSubnetA"); `fallback` when nothing is left; never starts with a digit.
std::string logicalIdFromName(std::string_view name, std::string_view fallback);

/// The part of a logical id naming a destination CIDR: "Default" for 0.0.0.0/0, "DefaultIpv6"
/// for ::/0, else the CIDR with every other character than letters and digits as "x".
std::string destinationSuffix(const std::string& destination);

/// True when value is an intrinsic function object ({"Ref": ...} or {"Fn::...": ...}).
bool isIntrinsic(const nlohmann::json& value);
bool isIntrinsic(const nlohmann::ordered_json& value);

/// How an unresolved intrinsic is shown in a string property: its YAML short form,
/// e.g. "!Select [0, !GetAZs '']" or "!ImportValue SharedVpcId".
std::string symbolicText(const nlohmann::json& value);

}  // namespace skydraft::cfn
