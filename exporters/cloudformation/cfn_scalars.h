// Properties the catalogue maps one to one (CfnMapping), written and read in both directions.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "catalogue/property_def.h"

namespace skydraft::cfn {

class ExportContext;
class PrimaryReader;

/// Writes into props every property of defs that has a CloudFormation key and a conversion
/// other than Custom, from an element's or connection's properties (catalogue defaults for the
/// unset ones): the intrinsic an imported template had if any, else the value converted
/// (CfnValue), left out when optional and unset or empty.
void writeMappedProperties(const ExportContext& context, const std::vector<PropertyDef>& defs,
                           const nlohmann::json& properties, nlohmann::ordered_json& props);

/// Reads the same properties of a main resource: strings, enumerations and CIDRs as strings
/// (intrinsics kept symbolic), booleans, whole numbers (also written as strings), "enable" /
/// "disable", Refs and lists of Refs; CfnMapping::absent for the keys a template leaves out.
void readMappedProperties(PrimaryReader& reader, const std::vector<PropertyDef>& defs);

}  // namespace skydraft::cfn
