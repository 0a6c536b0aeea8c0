// Diagram -> deployable CloudFormation template (ordered JSON), with the layout in Metadata.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "diagram.h"

namespace skydraft {

/// Options of the CloudFormation export.
struct CfnExportOptions {
    /// Write the canvas layout under Metadata.Skydraft, so that importing the template
    /// restores the diagram exactly.
    bool includeLayout = true;
    /// Template Description; empty: the one imported with the diagram, else one from its name.
    std::string description;
};

/// Exports a diagram as a CloudFormation template: AWSTemplateFormatVersion, Description,
/// Metadata, Parameters, Resources and Outputs (plus any sections kept from an imported
/// template). Deterministic: the same diagram gives byte-identical output. Logical ids come
/// from element names. Values unknown at drawing time (the AMI, the database user) become
/// parameters with defaults; no password is ever written.
nlohmann::ordered_json exportCloudFormation(const Diagram& diagram,
                                            const CfnExportOptions& options = {});

}  // namespace skydraft
