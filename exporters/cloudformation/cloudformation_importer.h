// CloudFormation template (JSON or YAML) -> Diagram, restoring the layout Skydraft exported.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagram.h"
#include "template/intrinsic_evaluator.h"

namespace skydraft {

/// Why a template could not be imported, and where.
struct CfnImportError {
    std::string path;  ///< e.g. "Resources.AppSubnet.Properties.CidrBlock"; "" for syntax errors
    std::string message;
    std::size_t line = 0;  ///< 1-based, for syntax errors
    std::size_t column = 0;
    /// "Resources.AppSubnet.Properties.CidrBlock: \"10.0.300.0/24\" is not a CIDR"
    std::string toString() const;
};

/// The imported diagram, or the error; warnings list the values kept symbolic.
struct CfnImportResult {
    std::optional<Diagram> diagram;
    std::optional<CfnImportError> error;
    std::vector<std::string> warnings;
    explicit operator bool() const { return diagram.has_value(); }
};

/// Imports a template. Resources map to catalogue kinds through the catalogue's
/// CloudFormation types; wiring resources (attachments, routes, associations, rules, subnet
/// groups, listeners, ...) fold into the properties of the element they belong to; every other
/// resource becomes a "generic" element written back unchanged.
///
/// Intrinsics are evaluated as CloudFormation evaluates them (IntrinsicEvaluator), with the
/// parameter values and the region of `options`; without --region the stack's region is the one
/// every literal subnet zone names, if any. A value evaluated to a known one shows it (a
/// parameter's default, a zone of a known region, a CIDR of Fn::Cidr); the element's
/// "cloudformation" property keeps the intrinsic itself under "symbolic", which the exporter
/// writes back unchanged. A value that cannot be decided shows the intrinsic's YAML short form
/// (availability_zone = "!Select [0, !GetAZs '']"), and "evaluated" keeps what it is: a zone by
/// index in the region, or unknown with the reason. A parameter value for a parameter the
/// template does not declare, or outside its AllowedValues, is an error. Everything
/// else the template says about a modelled resource that Skydraft does not model (unmodelled
/// properties, DependsOn, Condition, Metadata, deletion policies, logical ids) is kept there
/// too, and template sections (Parameters, Conditions, Mappings, Outputs, ...) are kept in the
/// diagram metadata under "cloudformation". With Skydraft layout metadata the diagram is
/// restored exactly; without it the importer lays it out (VPCs, availability-zone columns of
/// subnets, resources in their subnets, gateways on the VPC edge).
CfnImportResult importCloudFormation(std::string_view text, const TemplateOptions& options = {});

/// The same, from an already parsed template.
CfnImportResult importCloudFormationTemplate(const nlohmann::ordered_json& document,
                                             const TemplateOptions& options = {});

}  // namespace skydraft
