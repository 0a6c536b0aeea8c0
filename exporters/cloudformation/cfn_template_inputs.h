// What a template asks for before it is imported: its parameters and whether the region
// changes what it means, as the designer's import dialog shows them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cloudformation_importer.h"

namespace skydraft {

/// One entry of a template's Parameters section, its scalars as text.
struct TemplateParameter {
    std::string name;
    std::string type = "String";  ///< "String", "Number", "AWS::EC2::VPC::Id", ...
    std::optional<std::string> defaultValue;
    std::string description;
    std::vector<std::string> allowedValues;
    bool noEcho = false;
};

/// The inputs of a template, or why it cannot be read.
struct TemplateInputs {
    std::vector<TemplateParameter> parameters;
    /// The template refers to AWS::Region or Fn::GetAZs: its zones depend on the region.
    bool usesRegion = false;
    std::optional<CfnImportError> error;
};

/// Reads the template text (with the importer's limits) and lists its inputs in the order the
/// template declares them; a Parameters section that is not an object is an error.
TemplateInputs readTemplateInputs(std::string_view text);

}  // namespace skydraft
