// The resource catalogue: the one description of every element and connection kind.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "catalogue/kind_def.h"
#include "catalogue/property_def.h"

namespace skydraft {

/// The catalogue. A process-wide immutable singleton built from the family files
/// (catalogue_families.h); lookups are by key. Everything outside model/catalogue and a kind's
/// own mappings asks it instead of comparing kind strings.
class ResourceCatalogue {
public:
    static const ResourceCatalogue& instance();

    const std::vector<KindDef>& kinds() const { return m_kinds; }
    const std::vector<ConnectionKindDef>& connectionKinds() const { return m_connectionKinds; }
    /// nullptr for an unknown key.
    const KindDef* kind(std::string_view key) const;
    const ConnectionKindDef* connectionKind(std::string_view key) const;
    /// The kind whose main CloudFormation type is cfnType, or nullptr.
    const KindDef* kindForCfnType(std::string_view cfnType) const;

    /// The word for an element or connection kind in messages ("NAT gateway", "peering");
    /// "resource" for an unknown key.
    std::string_view label(std::string_view kindKey) const;
    /// The display name of an element or connection kind; the key itself when unknown.
    std::string_view displayName(std::string_view kindKey) const;
    /// The prefix of new ids of an element or connection kind; "item" when unknown.
    std::string_view idPrefix(std::string_view kindKey) const;

    /// How routes of a table of tableKind name an element or connection of kindKey, or nullptr
    /// when they cannot target it.
    const RouteTarget* routeTarget(std::string_view kindKey,
                                   std::string_view tableKind = "route_table") const;
    /// The element and connection kinds routes of a tableKind table may target, in catalogue
    /// order (elements first).
    const std::vector<std::string>& routeTargetKinds(std::string_view tableKind) const;

    /// Checks that value has the JSON shape of def; returns an empty string when it does,
    /// else a message such as "expected a string".
    static std::string checkValue(const PropertyDef& def, const nlohmann::json& value);

private:
    ResourceCatalogue();
    const std::vector<RouteTarget>* routeTargetsOf(std::string_view kindKey) const;

    std::vector<KindDef> m_kinds;
    std::vector<ConnectionKindDef> m_connectionKinds;
    std::unordered_map<std::string_view, const KindDef*> m_kindIndex;
    std::unordered_map<std::string_view, const ConnectionKindDef*> m_connectionIndex;
    std::unordered_map<std::string, std::vector<std::string>> m_routeTargetKinds;
};

}  // namespace skydraft
