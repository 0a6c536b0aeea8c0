// The resource catalogue: assembles the family files and answers per-kind questions.
#include "catalogue/resource_catalogue.h"

#include <algorithm>

#include "catalogue/catalogue_families.h"

namespace skydraft {

using nlohmann::json;

const ResourceCatalogue& ResourceCatalogue::instance() {
    static const ResourceCatalogue catalogue;
    return catalogue;
}

ResourceCatalogue::ResourceCatalogue() {
    catalogue::addNetworkKinds(m_kinds);
    catalogue::addRoutingKinds(m_kinds);
    catalogue::addSecurityKinds(m_kinds);
    catalogue::addHybridKinds(m_kinds);
    catalogue::addComputeKinds(m_kinds);
    catalogue::addDataKinds(m_kinds);
    catalogue::addOtherKinds(m_kinds);
    catalogue::addConnectionKinds(m_connectionKinds);

    // Element::property() falls back to the catalogue for every absent key, so kind lookups are
    // hot in validation: index them once (the vectors never change after this point).
    for (const auto& def : m_kinds) {
        m_kindIndex.emplace(def.key, &def);
    }
    for (const auto& def : m_connectionKinds) {
        m_connectionIndex.emplace(def.key, &def);
    }
    auto addTargets = [this](const std::string& key, const std::vector<RouteTarget>& targets) {
        for (const auto& target : targets) {
            m_routeTargetKinds[target.tableKind].push_back(key);
        }
    };
    for (const auto& def : m_kinds) {
        addTargets(def.key, def.routeTargets);
    }
    for (const auto& def : m_connectionKinds) {
        addTargets(def.key, def.routeTargets);
    }
    // The "target" field of every route list names the kinds routes of that table may target.
    for (auto& def : m_kinds) {
        for (auto& property : def.properties) {
            if (property.type != PropertyType::RouteList) {
                continue;
            }
            for (auto& field : property.itemSchema) {
                if (field.key == "target") {
                    field.referenceKinds = routeTargetKinds(def.key);
                }
            }
        }
    }
}

const KindDef* ResourceCatalogue::kind(std::string_view key) const {
    const auto it = m_kindIndex.find(key);
    return it == m_kindIndex.end() ? nullptr : it->second;
}

const ConnectionKindDef* ResourceCatalogue::connectionKind(std::string_view key) const {
    const auto it = m_connectionIndex.find(key);
    return it == m_connectionIndex.end() ? nullptr : it->second;
}

const KindDef* ResourceCatalogue::kindForCfnType(std::string_view cfnType) const {
    if (cfnType.empty()) {
        return nullptr;
    }
    for (const auto& def : m_kinds) {
        if (def.cfnType == cfnType) {
            return &def;
        }
    }
    return nullptr;
}

std::string_view ResourceCatalogue::label(std::string_view kindKey) const {
    if (const KindDef* def = kind(kindKey)) {
        return def->label;
    }
    if (const ConnectionKindDef* def = connectionKind(kindKey)) {
        return def->label;
    }
    return "resource";
}

std::string_view ResourceCatalogue::displayName(std::string_view kindKey) const {
    if (const KindDef* def = kind(kindKey)) {
        return def->displayName;
    }
    if (const ConnectionKindDef* def = connectionKind(kindKey)) {
        return def->displayName;
    }
    return kindKey;
}

std::string_view ResourceCatalogue::idPrefix(std::string_view kindKey) const {
    if (const KindDef* def = kind(kindKey)) {
        return def->idPrefix;
    }
    if (const ConnectionKindDef* def = connectionKind(kindKey)) {
        return def->idPrefix;
    }
    return "item";
}

const std::vector<RouteTarget>* ResourceCatalogue::routeTargetsOf(std::string_view kindKey) const {
    if (const KindDef* def = kind(kindKey)) {
        return &def->routeTargets;
    }
    if (const ConnectionKindDef* def = connectionKind(kindKey)) {
        return &def->routeTargets;
    }
    return nullptr;
}

const RouteTarget* ResourceCatalogue::routeTarget(std::string_view kindKey,
                                                  std::string_view tableKind) const {
    const auto* targets = routeTargetsOf(kindKey);
    return targets ? routeTargetIn(*targets, tableKind) : nullptr;
}

const std::vector<std::string>& ResourceCatalogue::routeTargetKinds(
    std::string_view tableKind) const {
    static const std::vector<std::string> none;
    const auto it = m_routeTargetKinds.find(std::string(tableKind));
    return it == m_routeTargetKinds.end() ? none : it->second;
}

namespace {

bool isStringArray(const json& value) {
    return value.is_array() &&
           std::all_of(value.begin(), value.end(), [](const json& v) { return v.is_string(); });
}

bool isObjectArray(const json& value) {
    return value.is_array() &&
           std::all_of(value.begin(), value.end(), [](const json& v) { return v.is_object(); });
}

}  // namespace

std::string ResourceCatalogue::checkValue(const PropertyDef& def, const json& value) {
    switch (def.type) {
        case PropertyType::String:
        case PropertyType::Ipv4Cidr:
        case PropertyType::Ipv6Cidr:
        case PropertyType::IpAddress:
        case PropertyType::Region:
        case PropertyType::Zone:
        case PropertyType::Reference:
            return value.is_string() ? "" : "expected a string";
        case PropertyType::Enum:
            if (!value.is_string()) {
                return "expected a string";
            }
            if (std::find(def.enumValues.begin(), def.enumValues.end(), value.get<std::string>()) ==
                def.enumValues.end()) {
                std::string allowed;
                for (const auto& v : def.enumValues) {
                    allowed += (allowed.empty() ? "" : ", ") + v;
                }
                return "expected one of " + allowed;
            }
            return "";
        case PropertyType::Bool:
            return value.is_boolean() ? "" : "expected true or false";
        case PropertyType::Integer:
            return value.is_number_integer() ? "" : "expected a whole number";
        case PropertyType::CidrList:
        case PropertyType::ReferenceList:
        case PropertyType::StringList:
            return isStringArray(value) ? "" : "expected an array of strings";
        case PropertyType::RouteList:
            if (!isObjectArray(value)) {
                return "expected an array of routes";
            }
            for (const auto& route : value) {
                if (!route.contains("destination") || !route["destination"].is_string() ||
                    !route.contains("target") || !route["target"].is_string()) {
                    return "each route needs a string \"destination\" and \"target\"";
                }
            }
            return "";
        case PropertyType::RuleList:
        case PropertyType::AclEntryList:
            return isObjectArray(value) ? "" : "expected an array of objects";
        case PropertyType::Object:
            return value.is_object() ? "" : "expected an object";
    }
    return "";
}

}  // namespace skydraft
