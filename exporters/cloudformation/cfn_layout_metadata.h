// The Skydraft layout kept in a template's Metadata: its keys, its entries, reading it back.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "diagram.h"

namespace skydraft::cfn::layout {

/// The template Metadata key holding the layout.
inline constexpr char kMetadataKey[] = "Skydraft";
/// Version of the layout this build writes and reads.
inline constexpr int kVersion = 1;

/// Keys of the layout object.
inline constexpr char kVersionKey[] = "version";
inline constexpr char kGenerator[] = "generator";  ///< what wrote it: "skydraft <version>"
inline constexpr char kName[] = "name";            ///< the diagram's name
inline constexpr char kMetadata[] = "metadata";    ///< the diagram's own metadata
/// What the export generated rather than kept from an imported template:
/// {"description": bool, "parameters": [names], "outputs": [names]}.
inline constexpr char kGenerated[] = "generated";
inline constexpr char kGeneratedDescription[] = "description";
inline constexpr char kGeneratedParameters[] = "parameters";
inline constexpr char kGeneratedOutputs[] = "outputs";
/// Logical ids of resources the export adds on its own (an empty route table for subnets left
/// to the main one, a Lambda function's role): the import drops them.
inline constexpr char kOwned[] = "owned";
inline constexpr char kElements[] = "elements";
inline constexpr char kConnections[] = "connections";

/// Keys of one element or connection entry.
inline constexpr char kId[] = "id";
inline constexpr char kKind[] = "kind";
inline constexpr char kEntryName[] = "name";
/// The logical id of its main resource; absent when it has none.
inline constexpr char kLogicalId[] = "logicalId";
/// Every property key it has, in order: the import restores exactly these.
inline constexpr char kKeys[] = "keys";
/// Property values the template does not carry.
inline constexpr char kDesign[] = "design";
inline constexpr char kSuppressions[] = "suppressions";
inline constexpr char kParent[] = "parent";
inline constexpr char kGeometry[] = "geometry";  ///< [x, y, width, height]
/// Tags of an element without a resource to carry them.
inline constexpr char kTags[] = "tags";
inline constexpr char kFrom[] = "from";
inline constexpr char kTo[] = "to";

/// The entry of one element or connection while it is exported.
class Entry {
public:
    /// id, kind, name, logical id, its property keys, and the values of those the template does
    /// not carry (CfnMapping::carried()) as design.
    Entry(const std::string& id, const std::string& kind, const std::string& name,
          const std::string& logicalId, const nlohmann::json& properties,
          const std::vector<std::string>& suppressions);

    /// Keeps a value in the design, so that the import restores it from there: for values the
    /// template carries only in part (routes it cannot express, a gateway load balancer's
    /// scheme).
    void keep(std::string_view key, const nlohmann::json& value);
    /// Keeps every property in the design (the element has no resource).
    void keepAll(const nlohmann::json& properties);
    void set(std::string_view key, nlohmann::ordered_json value);
    void erase(std::string_view key);
    /// The finished entry; an empty design is dropped.
    nlohmann::ordered_json take();

private:
    nlohmann::ordered_json m_entry;
};

/// The layout object written under Metadata.Skydraft.
struct Written {
    bool generatedDescription = false;
    nlohmann::ordered_json generatedParameters = nlohmann::ordered_json::array();
    nlohmann::ordered_json generatedOutputs = nlohmann::ordered_json::array();
    nlohmann::ordered_json owned = nlohmann::ordered_json::array();
    nlohmann::ordered_json elements = nlohmann::ordered_json::array();
    nlohmann::ordered_json connections = nlohmann::ordered_json::array();
};
nlohmann::ordered_json object(const Diagram& diagram, Written written);

/// A layout read back from a template. Its lookups point into `layout`: not copyable.
struct Imported {
    Imported() = default;
    Imported(const Imported&) = delete;
    Imported& operator=(const Imported&) = delete;
    Imported(Imported&&) = default;
    Imported& operator=(Imported&&) = default;

    bool present = false;
    nlohmann::json layout = nlohmann::json::object();
    /// Entries by the logical id of their resource, and by element or connection id.
    std::unordered_map<std::string, const nlohmann::json*> byLogicalId;
    std::unordered_map<std::string, const nlohmann::json*> byId;
    std::unordered_set<std::string> owned;

    /// Entries of the elements, then of the connections.
    const nlohmann::json& section(const char* name) const;
    const nlohmann::json* entry(const std::string& id) const;
    /// True when the export generated the named parameter or output (list: kGeneratedParameters
    /// or kGeneratedOutputs), or the description.
    bool generated(const char* list, const std::string& name) const;
    bool generatedDescription() const;
};

/// The properties of an element or connection restored from its entry: exactly the keys it
/// had, design values first, then the values read from the template, then catalogue defaults.
nlohmann::json exactProperties(const nlohmann::json& entry, const std::string& kind,
                               const nlohmann::json& read);

/// Reads Metadata.Skydraft of a template; throws ImportFailure (cfn_import_context.h) when it
/// has the wrong version or shape.
Imported read(const nlohmann::ordered_json& templ);

}  // namespace skydraft::cfn::layout
