// The Skydraft layout in Metadata: entries written by the export, read back by the import.
#include "cfn_layout_metadata.h"

#include "catalogue/resource_catalogue.h"
#include "cfn_import_context.h"
#include "cfn_names.h"
#include "version.h"

namespace skydraft::cfn::layout {

using nlohmann::json;
using OJ = nlohmann::ordered_json;

namespace {

/// The property keys of each kind that templates carry (CfnMapping::carried()).
const std::unordered_map<std::string, std::unordered_set<std::string>>& carriedKeys() {
    static const auto keys = [] {
        std::unordered_map<std::string, std::unordered_set<std::string>> result;
        const auto& catalogue = ResourceCatalogue::instance();
        auto add = [&](const std::string& kind, const std::vector<PropertyDef>& properties) {
            auto& set = result[kind];
            for (const auto& def : properties) {
                if (def.cfn.carried()) {
                    set.insert(def.key);
                }
            }
        };
        for (const auto& def : catalogue.kinds()) {
            add(def.key, def.properties);
        }
        for (const auto& def : catalogue.connectionKinds()) {
            add(def.key, def.properties);
        }
        return result;
    }();
    return keys;
}

const PropertyDef* propertyOf(const std::string& kind, const std::string& key) {
    const auto& catalogue = ResourceCatalogue::instance();
    if (const KindDef* def = catalogue.kind(kind)) {
        return def->property(key);
    }
    if (const ConnectionKindDef* def = catalogue.connectionKind(kind)) {
        return def->property(key);
    }
    return nullptr;
}

}  // namespace

Entry::Entry(const std::string& id, const std::string& kind, const std::string& name,
             const std::string& logicalId, const json& properties,
             const std::vector<std::string>& suppressions) {
    m_entry = OJ::object();
    m_entry[kId] = id;
    m_entry[kKind] = kind;
    m_entry[kEntryName] = name;
    m_entry[kLogicalId] = logicalId;
    OJ keys = OJ::array();
    OJ design = OJ::object();
    const auto& carried = carriedKeys();
    const auto it = carried.find(kind);
    for (const auto& [k, v] : properties.items()) {
        keys.push_back(k);
        if (it == carried.end() || it->second.count(k) == 0) {
            design[k] = OJ(v);
        }
    }
    m_entry[kKeys] = std::move(keys);
    m_entry[kDesign] = std::move(design);
    if (!suppressions.empty()) {
        m_entry[kSuppressions] = suppressions;
    }
}

void Entry::keep(std::string_view key, const json& value) {
    m_entry[kDesign][std::string(key)] = OJ(value);
}

void Entry::keepAll(const json& properties) {
    for (const auto& [k, v] : properties.items()) {
        keep(k, v);
    }
}

void Entry::set(std::string_view key, OJ value) {
    m_entry[std::string(key)] = std::move(value);
}

void Entry::erase(std::string_view key) {
    m_entry.erase(std::string(key));
}

OJ Entry::take() {
    if (m_entry[kDesign].empty()) {
        m_entry.erase(kDesign);
    }
    return std::move(m_entry);
}

OJ object(const Diagram& diagram, Written written) {
    OJ layout = OJ::object();
    layout[kVersionKey] = kVersion;
    // What wrote the template, as `skydraft --version` prints it.
    layout[kGenerator] = "skydraft " + std::string(skydraftVersion());
    layout[kName] = diagram.name();
    json documentMetadata = diagram.metadata();
    documentMetadata.erase(std::string(cfn::kTemplateMetadata));
    if (!documentMetadata.empty()) {
        layout[kMetadata] = OJ(documentMetadata);
    }
    layout[kGenerated] = OJ{{kGeneratedDescription, written.generatedDescription},
                            {kGeneratedParameters, std::move(written.generatedParameters)},
                            {kGeneratedOutputs, std::move(written.generatedOutputs)}};
    if (!written.owned.empty()) {
        layout[kOwned] = std::move(written.owned);
    }
    layout[kElements] = std::move(written.elements);
    layout[kConnections] = std::move(written.connections);
    return layout;
}

const json& Imported::section(const char* name) const {
    static const json empty = json::array();
    const auto it = layout.find(name);
    return it != layout.end() && it->is_array() ? *it : empty;
}

const json* Imported::entry(const std::string& id) const {
    const auto it = byId.find(id);
    return it == byId.end() ? nullptr : it->second;
}

bool Imported::generated(const char* list, const std::string& name) const {
    const json generated = layout.value(kGenerated, json::object());
    for (const auto& g : generated.value(list, json::array())) {
        if (g == name) {
            return true;
        }
    }
    return false;
}

bool Imported::generatedDescription() const {
    const json generated = layout.value(kGenerated, json::object());
    return generated.value(kGeneratedDescription, false);
}

json exactProperties(const json& entry, const std::string& kind, const json& read) {
    json exact = json::object();
    const json design = entry.value(kDesign, json::object());
    for (const auto& key : entry.value(kKeys, json::array())) {
        const std::string k = key.get<std::string>();
        if (design.contains(k)) {
            exact[k] = design[k];
        } else if (read.contains(k)) {
            exact[k] = read[k];
        } else {
            const PropertyDef* def = propertyOf(kind, k);
            if (def && !def->defaultValue.is_null()) {
                exact[k] = def->defaultValue;
            }
        }
    }
    return exact;
}

Imported read(const OJ& templ) {
    Imported result;
    if (!templ.contains("Metadata") || !templ["Metadata"].is_object()) {
        return result;
    }
    const OJ& meta = templ["Metadata"];
    if (!meta.contains(kMetadataKey)) {
        return result;
    }
    const std::string where = std::string("Metadata.") + kMetadataKey;
    const OJ& layout = meta[kMetadataKey];
    if (!layout.is_object() || layout.value(kVersionKey, 0) != kVersion) {
        fail(where, "unsupported layout version");
    }
    result.present = true;
    result.layout = json(layout);
    for (const char* section : {kElements, kConnections}) {
        if (!result.layout.contains(section)) {
            continue;
        }
        if (!result.layout[std::string(section)].is_array()) {
            fail(where + "." + std::string(section), "expected an array");
        }
        for (const auto& entry : result.layout[std::string(section)]) {
            if (!entry.is_object() || !entry.contains(kId) || !entry[kId].is_string() ||
                !entry.contains(kKind) || !entry[kKind].is_string()) {
                fail(where + "." + std::string(section), "each entry needs an id and a kind");
            }
            if (entry.contains(kLogicalId) && entry[kLogicalId].is_string()) {
                result.byLogicalId[entry[kLogicalId].get<std::string>()] = &entry;
            }
        }
    }
    for (const char* section : {kElements, kConnections}) {
        for (const auto& entry : result.section(section)) {
            result.byId[entry[kId].get<std::string>()] = &entry;
        }
    }
    for (const auto& o : result.layout.value(kOwned, json::array())) {
        if (o.is_string()) {
            result.owned.insert(o.get<std::string>());
        }
    }
    return result;
}

}  // namespace skydraft::cfn::layout
