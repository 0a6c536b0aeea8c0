// A kind family's CloudFormation mapping (both directions), and the explicit registry of them.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "diagram.h"

namespace skydraft::cfn {

class ExportContext;
class ImportContext;
class PrimaryReader;
namespace layout {
class Entry;
}

/// How one element or connection kind becomes resources and comes back. The properties the
/// catalogue maps one to one (CfnMapping: a key and a conversion) are written and read by
/// cfn_scalars without the mapping; its functions do everything else.
struct KindMapping {
    std::string_view kind;  ///< the catalogue key
    /// Writes the resources of an element (element kinds) or a connection (connection kinds);
    /// values the template cannot carry go to the layout entry's design.
    void (*exportElement)(ExportContext&, const Element&, layout::Entry&) = nullptr;
    void (*exportConnection)(ExportContext&, const Connection&, layout::Entry&) = nullptr;
    /// Reads the main resource beyond the one-to-one properties; nullptr when there is nothing
    /// more to read.
    void (*importResource)(ImportContext&, PrimaryReader&) = nullptr;
    /// More resource types read as this kind, besides the catalogue's cfnType.
    std::vector<std::string_view> alsoImports = {};
    /// The property of its main resource holding the tags; "" when Skydraft reads none (the
    /// template's tags are then kept as they are).
    std::string_view tagsKey = "Tags";
    /// For a gateway attached to its VPC by an AWS::EC2::VPCGatewayAttachment: the attachment's
    /// property naming it ("InternetGatewayId").
    std::string_view vpcAttachmentField = {};
    /// Imported without layout, it is placed in the VPC of its first subnet.
    bool placedBySubnets = false;
    /// Properties of its main resource written first, in this order; the others follow in
    /// alphabetical order and the tags last. Templates keep the order they always had.
    std::vector<std::string_view> leadingProperties = {};
};

/// A wiring resource type folded into the element it belongs to (a route into the routes of
/// its table): returns false when it does not fit, and the resource stays generic.
struct Fold {
    std::string_view type;
    bool (*fold)(ImportContext&, const std::string& logicalId,
                 const nlohmann::ordered_json& resource) = nullptr;
};

/// A look at every resource of a type before drafts are made, to claim resources that are
/// wiring of it (the Elastic IP a NAT gateway allocates): ImportContext::auxOwners().
struct Claim {
    std::string_view type;
    void (*claim)(ImportContext&, const std::string& logicalId,
                  const nlohmann::ordered_json& resource) = nullptr;
};

/// One family of kinds (catalogue/<family>_kinds.cpp) with its steps that look across
/// resources. Steps run in registry order at fixed points of the export and the import.
struct FamilyMapping {
    std::string_view family;
    std::vector<KindMapping> kinds;
    std::vector<Claim> claims = {};
    std::vector<Fold> folds = {};
    /// Export, after every element's resources (before the connections').
    void (*afterElements)(ExportContext&) = nullptr;
    /// Export, at the end: outputs.
    void (*finishExport)(ExportContext&) = nullptr;
    /// Import, after every wiring resource was folded.
    void (*afterFolds)(ImportContext&) = nullptr;
    /// Import without layout, before elements are placed (and made generic where they cannot
    /// be), and after.
    void (*beforePlacement)(ImportContext&) = nullptr;
    void (*afterPlacement)(ImportContext&) = nullptr;
};

/// The registry: every family, in order (cfn_mapping_registry.cpp lists them explicitly; no
/// self-registration, which a static library would drop).
const std::vector<FamilyMapping>& mappingFamilies();

/// The mapping of a kind, or nullptr.
const KindMapping* kindMapping(std::string_view kind);
/// The kind a resource type is read as (the catalogue's cfnType of a mapped kind, or one of a
/// mapping's alsoImports), or nullptr; connection: whether it is a connection kind.
const KindMapping* mappingForType(std::string_view type, bool* connection);
/// The fold and claim of a resource type, or nullptr.
const Fold* foldFor(std::string_view type);
const Claim* claimFor(std::string_view type);

}  // namespace skydraft::cfn
