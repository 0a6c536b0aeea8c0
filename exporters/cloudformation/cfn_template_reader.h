// Reading a template's text for the import: the limits, then JSON or YAML (cfn_yaml).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "cloudformation_importer.h"

namespace skydraft::cfn {

/// A template read from text, or why it cannot be.
struct TemplateText {
    nlohmann::ordered_json value;
    std::optional<CfnImportError> error;
};

/// Refuses text over kMaxDocumentBytes, with a NUL byte or invalid UTF-8 (with its position),
/// that does not parse (parseCfnTemplateText: syntax errors with their position, YAML limits),
/// or that holds a string no JSON writer can print; else the parsed template.
TemplateText readTemplateText(std::string_view text);

}  // namespace skydraft::cfn
