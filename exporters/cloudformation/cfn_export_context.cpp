// Shared emission of the export: logical ids, resources with what imports kept, tags, refs.
#include "cfn_export_context.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "catalogue/kind_keys.h"
#include "catalogue/resource_catalogue.h"
#include "cfn_kind_mapping.h"
#include "cfn_names.h"
#include "cfn_scalars.h"
#include "zone_ref.h"

namespace skydraft::cfn {

using nlohmann::json;

namespace {

/// The sections kept from an imported template's Parameters, or an empty object.
json keptParameters(const Diagram& d) {
    const auto it = d.metadata().find(kTemplateMetadata);
    if (it == d.metadata().end() || !it->is_object()) {
        return json::object();
    }
    const auto p = it->find("Parameters");
    return p != it->end() && p->is_object() ? *p : json::object();
}

/// Properties in one order for every kind, whatever order its family and the generic mapping
/// wrote them in: the mapping's leading properties, the others alphabetically, the tags last.
OJ sortedProperties(OJ props, std::string_view tagsKey,
                    const std::vector<std::string_view>& leading = {}) {
    auto& items = static_cast<OJ::object_t::Container&>(*props.get_ptr<OJ::object_t*>());
    std::vector<std::size_t> order(items.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    auto rank = [&](std::size_t i) {
        const std::string& key = items[i].first;
        const auto lead = std::find(leading.begin(), leading.end(), key);
        return std::tuple(key == tagsKey, lead - leading.begin(), std::string_view(key));
    };
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return rank(a) < rank(b); });
    OJ sorted = OJ::object();
    auto& out = static_cast<OJ::object_t::Container&>(*sorted.get_ptr<OJ::object_t*>());
    out.reserve(items.size());
    for (std::size_t i : order) {
        out.emplace_back(items[i].first, std::move(items[i].second));
    }
    return sorted;
}

}  // namespace

ExportContext::ExportContext(const Diagram& diagram, const CfnExportOptions& options)
    : m_d(diagram), m_options(options) {
    assignLogicalIds();
    if (m_options.portableZones) {
        std::map<std::string, std::set<std::string>> zonesByRegion;
        for (const auto& e : m_d.elements()) {
            const ZoneRef z = zoneOf(m_d, e);
            if (z.kind == ZoneRef::Kind::Name && z.name.size() > 1) {
                zonesByRegion[z.name.substr(0, z.name.size() - 1)].insert(z.name);
            }
        }
        for (const auto& [region, names] : zonesByRegion) {
            int i = 0;
            for (const auto& name : names) {
                m_portableZone[name] = i++;
            }
        }
    }
    for (const auto& c : m_d.connections()) {
        m_connectionsOf[c.from].push_back(&c);
        m_connectionsOf[c.to].push_back(&c);
    }
    for (const auto& e : m_d.elements()) {
        m_children[e.parent].push_back(&e);
        m_byKind[e.kind].push_back(&e);
    }
}

const json* ExportContext::cfnOf(const json& properties) {
    const auto it = properties.find(kCfnProperty);
    return it != properties.end() && it->is_object() ? &*it : nullptr;
}

const json* ExportContext::symbolic(const json& properties, std::string_view key) {
    const json* c = cfnOf(properties);
    if (!c) {
        return nullptr;
    }
    const auto s = c->find("symbolic");
    if (s == c->end() || !s->is_object()) {
        return nullptr;
    }
    const auto it = s->find(key);
    return it == s->end() ? nullptr : &*it;
}

std::string ExportContext::reserve(const std::string& wanted) {
    std::string id = wanted;
    for (int n = 2; m_used.count(id) > 0; ++n) {
        id = wanted + std::to_string(n);
    }
    m_used.insert(id);
    return id;
}

std::string ExportContext::lid(std::string_view id) const {
    const auto it = m_logical.find(std::string(id));
    return it == m_logical.end() ? std::string() : it->second;
}

void ExportContext::assignLogicalIds() {
    // Ids written by an imported template come first, so that they keep their names.
    auto importedId = [](const json& properties) -> std::string {
        const json* c = cfnOf(properties);
        if (c && c->contains("logical_id") && (*c)["logical_id"].is_string()) {
            return (*c)["logical_id"].get<std::string>();
        }
        return {};
    };
    auto reserveImported = [&](const std::string& id, const json& properties) {
        const std::string wanted = importedId(properties);
        if (!wanted.empty() && m_used.insert(wanted).second) {
            m_logical[id] = wanted;
        }
        if (const json* c = cfnOf(properties); c && c->contains("aux") && (*c)["aux"].is_object()) {
            for (const auto& [role, aux] : (*c)["aux"].items()) {
                if (aux.contains("logical_id") && aux["logical_id"].is_string()) {
                    m_used.insert(aux["logical_id"].get<std::string>());
                }
            }
        }
    };
    const auto& catalogue = ResourceCatalogue::instance();
    for (const auto& e : m_d.elements()) {
        reserveImported(e.id, e.properties);
    }
    for (const auto& c : m_d.connections()) {
        reserveImported(c.id, c.properties);
    }
    for (const auto& e : m_d.elements()) {
        if (m_logical.count(e.id) == 0) {
            const KindDef* def = catalogue.kind(e.kind);
            m_logical[e.id] = reserve(logicalIdFromName(
                e.name, logicalIdFromName(def ? def->displayName : e.kind, "Resource")));
        }
    }
    for (const auto& c : m_d.connections()) {
        if (m_logical.count(c.id) == 0) {
            const ConnectionKindDef* def = catalogue.connectionKind(c.kind);
            m_logical[c.id] = reserve(logicalIdFromName(
                c.name, logicalIdFromName(def ? def->displayName : c.kind, "Connection")));
        }
    }
    const json parameters = keptParameters(m_d);
    for (const auto& p : parameters.items()) {
        m_used.insert(p.key());
    }
}

std::string ExportContext::auxId(std::string_view ownerId, const std::string& role,
                                 const std::string& suffix) {
    const auto key = std::make_pair(std::string(ownerId), role);
    if (const auto it = m_aux.find(key); it != m_aux.end()) {
        return it->second;
    }
    std::string id;
    const Element* e = m_d.element(ownerId);
    const Connection* c = e ? nullptr : m_d.connection(ownerId);
    const json* cfnProperty = e ? cfnOf(e->properties) : c ? cfnOf(c->properties) : nullptr;
    if (cfnProperty && cfnProperty->contains("aux")) {
        const json& aux = (*cfnProperty)["aux"];
        if (aux.is_object() && aux.contains(role) && aux[role].contains("logical_id") &&
            aux[role]["logical_id"].is_string()) {
            id = aux[role]["logical_id"].get<std::string>();
        }
    }
    if (id.empty()) {
        id = reserve(logicalIdFromName(lid(ownerId) + suffix, "Resource"));
    }
    m_aux[key] = id;
    return id;
}

const std::vector<const Element*>& ExportContext::children(const std::string& parentId) const {
    static const std::vector<const Element*> none;
    const auto it = m_children.find(parentId);
    return it == m_children.end() ? none : it->second;
}

const std::vector<const Connection*>& ExportContext::connectionsOf(const std::string& id) const {
    static const std::vector<const Connection*> none;
    const auto it = m_connectionsOf.find(id);
    return it == m_connectionsOf.end() ? none : it->second;
}

const std::vector<const Element*>& ExportContext::elementsOfKind(std::string_view kind) const {
    static const std::vector<const Element*> none;
    const auto it = m_byKind.find(std::string(kind));
    return it == m_byKind.end() ? none : it->second;
}

OJ ExportContext::value(const Element& e, std::string_view key, OJ computed) const {
    if (const json* intrinsic = symbolic(e.properties, key)) {
        return OJ(*intrinsic);
    }
    return computed;
}

OJ ExportContext::zone(const std::string& name) const {
    const auto it = m_portableZone.find(name);
    if (it == m_portableZone.end()) {
        return OJ(name);
    }
    return OJ{{"Fn::Select", OJ::array({it->second, OJ{{"Fn::GetAZs", ""}}})}};
}

OJ ExportContext::tags(const Element& e, bool propagateAtLaunch) const {
    OJ list = OJ::array();
    bool nameElsewhere = false;
    if (const json* c = cfnOf(e.properties); c && c->contains("extra_tags")) {
        for (const auto& t : (*c)["extra_tags"]) {
            if (t.is_object() && t.value("Key", json()) == "Name") {
                nameElsewhere = true;
            }
        }
    }
    auto add = [&](const std::string& k, const std::string& v) {
        if (propagateAtLaunch) {
            list.push_back(OJ{{"Key", k}, {"PropagateAtLaunch", true}, {"Value", v}});
        } else {
            list.push_back(OJ{{"Key", k}, {"Value", v}});
        }
    };
    if (e.tags.count("Name") == 0 && !e.name.empty() && !nameElsewhere) {
        add("Name", e.name);
    }
    for (const auto& [k, v] : e.tags) {
        add(k, v);
    }
    return list;
}

OJ ExportContext::refList(const std::vector<std::string>& ids, bool securityGroups) const {
    OJ list = OJ::array();
    for (const auto& id : ids) {
        if (exists(id)) {
            list.push_back(securityGroups ? groupId(id) : ref(id));
        }
    }
    return list;
}

OJ& ExportContext::emit(const std::string& logicalId, const std::string& type, OJ properties,
                        const json* extra, std::vector<std::string> dependsOn) {
    OJ resource = OJ::object();
    resource["Type"] = type;
    if (extra && extra->contains("Condition")) {
        resource["Condition"] = OJ((*extra)["Condition"]);
    }
    if (extra && extra->contains("DependsOn")) {
        const json& more = (*extra)["DependsOn"];
        if (more.is_string()) {
            dependsOn.push_back(more.get<std::string>());
        } else if (more.is_array()) {
            for (const auto& d : more) {
                if (d.is_string()) {
                    dependsOn.push_back(d.get<std::string>());
                }
            }
        }
    }
    std::vector<std::string> unique;
    for (auto& d : dependsOn) {
        if (!d.empty() && std::find(unique.begin(), unique.end(), d) == unique.end()) {
            unique.push_back(std::move(d));
        }
    }
    if (unique.size() == 1) {
        resource["DependsOn"] = unique.front();
    } else if (!unique.empty()) {
        resource["DependsOn"] = unique;
    }
    if (extra && extra->contains("Properties") && (*extra)["Properties"].is_object()) {
        for (const auto& [k, v] : (*extra)["Properties"].items()) {
            properties[k] = OJ(v);
        }
    }
    resource["Properties"] = std::move(properties);
    if (extra) {
        for (const auto& [k, v] : extra->items()) {
            if (k != "Condition" && k != "DependsOn" && k != "Properties" && k != "Type") {
                resource[k] = OJ(v);
            }
        }
    }
    m_emitted.insert(logicalId);
    m_resources.emplace_back(logicalId, std::move(resource));
    return m_resources.back().second;
}

OJ& ExportContext::emitMain(const std::string& ownerId, const json& properties,
                            const std::string& type, OJ props, const KindMapping* mapping,
                            std::vector<std::string> dependsOn) {
    static const std::vector<std::string_view> none;
    props = sortedProperties(std::move(props), mapping ? mapping->tagsKey : "Tags",
                             mapping ? mapping->leadingProperties : none);
    const json* c = cfnOf(properties);
    const json* extra = c && c->contains("extra") ? &(*c)["extra"] : nullptr;
    if (c && c->contains("extra_tags") && (*c)["extra_tags"].is_array()) {
        OJ& tagList = props["Tags"];
        if (!tagList.is_array()) {
            tagList = OJ::array();
        }
        for (const auto& t : (*c)["extra_tags"]) {
            tagList.push_back(OJ(t));
        }
    }
    const std::string original = c && c->contains("type") && (*c)["type"].is_string()
                                     ? (*c)["type"].get<std::string>()
                                     : type;
    return emit(lid(ownerId), original, std::move(props), extra, std::move(dependsOn));
}

OJ& ExportContext::emitPrimary(const Element& e, OJ props, std::vector<std::string> dependsOn) {
    const KindDef* def = ResourceCatalogue::instance().kind(e.kind);
    const KindMapping* mapping = kindMapping(e.kind);
    if (def) {
        writeMappedProperties(*this, def->properties, e.properties, props);
    }
    return emitMain(e.id, e.properties, def ? def->cfnType : std::string(), std::move(props),
                    mapping, std::move(dependsOn));
}

OJ& ExportContext::emitPrimary(const Connection& c, OJ props, std::vector<std::string> dependsOn) {
    const ConnectionKindDef* def = ResourceCatalogue::instance().connectionKind(c.kind);
    const KindMapping* mapping = kindMapping(c.kind);
    if (def) {
        writeMappedProperties(*this, def->properties, c.properties, props);
    }
    return emitMain(c.id, c.properties, def ? def->cfnType : std::string(), std::move(props),
                    mapping, std::move(dependsOn));
}

OJ& ExportContext::emitAux(std::string_view ownerId, const json& ownerProperties,
                           const std::string& role, const std::string& suffix,
                           const std::string& type, OJ props, std::vector<std::string> dependsOn) {
    const std::string id = auxId(ownerId, role, suffix);
    const json* c = cfnOf(ownerProperties);
    const json* extra = nullptr;
    if (c && c->contains("aux") && (*c)["aux"].is_object() && (*c)["aux"].contains(role) &&
        (*c)["aux"][role].contains("extra")) {
        extra = &(*c)["aux"][role]["extra"];
    }
    return emit(id, type, std::move(props), extra, std::move(dependsOn));
}

void ExportContext::emitOwned(const std::string& logicalId, const std::string& type, OJ props) {
    emit(logicalId, type, std::move(props), nullptr, {});
    m_owned.push_back(logicalId);
}

void ExportContext::emitResource(const std::string& logicalId, OJ resource) {
    m_emitted.insert(logicalId);
    m_resources.emplace_back(logicalId, std::move(resource));
}

void ExportContext::addParameter(std::string_view name, OJ definition) {
    if (!m_parameters.contains(name)) {
        m_parameters[std::string(name)] = std::move(definition);
    }
}

void ExportContext::addOutput(const std::string& name, OJ definition) {
    m_outputs.emplace_back(name, std::move(definition));
}

std::vector<std::string> ExportContext::vpcAttachment(const Element& gateway) {
    if (gateway.parent.empty() || !m_d.element(gateway.parent)) {
        return {};
    }
    return {auxId(gateway.id, "attachment", "Attachment")};
}

void ExportContext::emitVpcAttachment(const Element& gateway) {
    const KindMapping* mapping = kindMapping(gateway.kind);
    if (!mapping || mapping->vpcAttachmentField.empty() || gateway.parent.empty() ||
        !exists(gateway.parent)) {
        return;
    }
    OJ props = OJ::object();
    props[std::string(mapping->vpcAttachmentField)] = ref(gateway.id);
    props["VpcId"] = ref(gateway.parent);
    emitAux(gateway.id, gateway.properties, "attachment", "Attachment",
            "AWS::EC2::VPCGatewayAttachment", sortedProperties(std::move(props), {}));
}

std::vector<std::string> ExportContext::internetAttachments(std::string_view id) {
    std::vector<std::string> deps;
    const auto& catalogue = ResourceCatalogue::instance();
    if (const Element* vpc = m_d.ancestorOfKind(id, kinds::kVpc)) {
        for (const Element* g : children(vpc->id)) {
            const RouteTarget* target = catalogue.routeTarget(g->kind);
            if (target && target->reach == RouteReach::Internet) {
                for (auto& a : vpcAttachment(*g)) {
                    deps.push_back(a);
                }
            }
        }
    }
    return deps;
}

}  // namespace skydraft::cfn
