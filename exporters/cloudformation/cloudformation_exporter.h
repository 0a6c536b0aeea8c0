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
    /// Write availability zones as Fn::Select [i, Fn::GetAZs ""] instead of their names, so
    /// that the template deploys in any region: i numbers the zones the diagram uses in each
    /// region in name order (us-east-1a and us-east-1c become 0 and 1).
    bool portableZones = false;
};

/// Exports a diagram as a CloudFormation template: AWSTemplateFormatVersion, Description,
/// Metadata, Parameters, Resources and Outputs (plus any sections kept from an imported
/// template). Deterministic: the same diagram gives byte-identical output. Logical ids come
/// from element names. Values unknown at drawing time (the AMI, the database user) become
/// parameters with defaults; no password is ever written.
nlohmann::ordered_json exportCloudFormation(const Diagram& diagram,
                                            const CfnExportOptions& options = {});

}  // namespace skydraft
