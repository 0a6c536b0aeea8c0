// CloudFormation export: each catalogue kind becomes its resources with the wiring AWS needs.
#include "cloudformation_exporter.h"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "cfn_names.h"
#include "cidr.h"
#include "resource_catalogue.h"

namespace skydraft {

using nlohmann::json;
using OJ = nlohmann::ordered_json;

namespace {

/// The sections kept from an imported template (Parameters, Outputs, Metadata, ...), or an
/// empty object. A hand-edited file can hold anything there, so nothing is assumed.
json keptTemplate(const Diagram& d) {
    const auto it = d.metadata().find(cfn::kTemplateMetadata);
    return it != d.metadata().end() && it->is_object() ? *it : json::object();
}

/// A kept section the template needs as an object; an empty object when absent or not one.
json keptObject(const json& kept, const char* section) {
    const auto it = kept.find(section);
    return it != kept.end() && it->is_object() ? *it : json::object();
}

/// Property keys of each kind that the template itself carries; every other key present on an
/// element is kept verbatim in the layout metadata ("design"), so the round trip is exact.
const std::unordered_map<std::string, std::set<std::string>>& carriedKeys() {
    static const std::unordered_map<std::string, std::set<std::string>> keys = {
        {"vpc",
         {"cidr", "secondary_cidrs", "enable_dns_support", "enable_dns_hostnames",
          "instance_tenancy"}},
        {"subnet",
         {"availability_zone", "cidr", "ipv6_only", "assign_ipv6_on_creation",
          "map_public_ip_on_launch"}},
        {"route_table", {"associations", "routes", "propagating_gateways"}},
        {"internet_gateway", {}},
        {"egress_only_internet_gateway", {}},
        {"nat_gateway", {"connectivity", "availability_mode", "elastic_ip", "private_ip"}},
        {"virtual_private_gateway", {"amazon_side_asn"}},
        {"customer_gateway", {"ip_address", "bgp_asn"}},
        {"transit_gateway",
         {"amazon_side_asn", "default_route_table_association", "default_route_table_propagation"}},
        {"transit_gateway_route_table", {"associations", "propagations", "routes"}},
        {"vpc_endpoint",
         {"endpoint_type", "service_name", "subnets", "route_tables", "security_groups",
          "private_dns_enabled"}},
        {"security_group", {"description", "ingress", "egress"}},
        {"network_acl", {"associations", "entries", "default"}},
        {"elastic_ip", {"instance"}},
        {"ec2_instance",
         {"instance_type", "private_ip", "public_ip", "elastic_ip", "ipv6_address",
          "security_groups"}},
        {"auto_scaling_group",
         {"instance_type", "min_size", "max_size", "desired_capacity", "subnets",
          "security_groups"}},
        {"load_balancer",
         {"lb_type", "scheme", "subnets", "security_groups", "listener_port", "target_port",
          "targets"}},
        {"lambda_function", {"runtime", "handler", "memory_size", "subnets", "security_groups"}},
        {"rds_instance",
         {"engine", "instance_class", "allocated_storage", "multi_az", "publicly_accessible",
          "subnets", "security_groups"}},
        {"dynamodb_table", {"partition_key", "billing_mode"}},
        {"elasticache_cluster", {"engine", "node_type", "num_nodes", "subnets", "security_groups"}},
        {"s3_bucket", {"bucket_name", "versioning"}},
        {"efs_file_system", {"performance_mode", "subnets", "security_groups"}},
        {"generic", {"type", "cfn"}},
        {"vpc_peering", {"peer_owner_id"}},
        {"transit_gateway_attachment", {"subnets"}},
        {"transit_gateway_peering", {}},
        {"vpn_attachment", {"static_routes_only", "static_routes"}},
    };
    return keys;
}

OJ toOrdered(const json& value) {
    return OJ(value);
}

std::string destinationSuffix(const std::string& destination) {
    if (destination == "0.0.0.0/0")
        return "Default";
    if (destination == "::/0")
        return "DefaultIpv6";
    std::string s;
    for (char c : destination) {
        s += std::isalnum(static_cast<unsigned char>(c)) ? c : 'x';
    }
    return s;
}

OJ aclProtocol(const std::string& protocol) {
    if (protocol == "tcp")
        return 6;
    if (protocol == "udp")
        return 17;
    if (protocol == "icmp")
        return 1;
    if (protocol == "-1" || protocol == "all")
        return -1;
    try {
        return std::stoi(protocol);
    } catch (...) {
        return -1;
    }
}

class Exporter {
public:
    Exporter(const Diagram& diagram, const CfnExportOptions& options)
        : m_d(diagram), m_options(options) {}

    OJ run();

private:
    // Logical ids
    void assignLogicalIds();
    std::string reserve(const std::string& wanted);
    std::string lid(std::string_view id) const;
    OJ ref(std::string_view id) const { return OJ{{"Ref", lid(id)}}; }
    OJ getAtt(std::string_view id, std::string attribute) const {
        return OJ{{"Fn::GetAtt", OJ::array({lid(id), std::move(attribute)})}};
    }
    OJ sgId(std::string_view id) const { return getAtt(id, "GroupId"); }
    bool exists(std::string_view id) const { return !lid(id).empty(); }
    std::string auxLid(std::string_view ownerId, const std::string& role,
                       const std::string& suffix);
    static const json* cfnOf(const json& properties);

    // Emission
    OJ& emit(const std::string& logicalId, const std::string& type, OJ properties,
             const json* extra, std::vector<std::string> dependsOn);
    OJ& emitPrimary(const std::string& ownerId, const json& properties, const std::string& type,
                    OJ props, std::vector<std::string> dependsOn = {});
    OJ& emitAux(std::string_view ownerId, const json& ownerProperties, const std::string& role,
                const std::string& suffix, const std::string& type, OJ props,
                std::vector<std::string> dependsOn = {});
    OJ tags(const Element& e, std::string_view type, bool* nameTag) const;
    OJ refList(const std::vector<std::string>& ids, bool securityGroups) const;
    OJ value(const Element& e, std::string_view key, OJ computed) const;
    void addParameter(std::string_view name, OJ definition);
    std::vector<std::string> attachmentOf(std::string_view gatewayId);
    std::vector<std::string> tgwAttachmentsFor(std::string_view vpcId, std::string_view tgwId);
    std::vector<std::string> internetAttachments(std::string_view id);

    // Kinds
    void exportElement(const Element& e, OJ& entry);
    void exportConnection(const Connection& c, OJ& entry);
    void exportVpc(const Element& e);
    void exportSubnet(const Element& e, OJ& entry);
    void exportRouteTable(const Element& e, OJ& entry);
    void exportRoutes(const Element& e, OJ& entry);
    void exportSecurityGroup(const Element& e);
    void exportNetworkAcl(const Element& e, OJ& entry);
    void exportNatGateway(const Element& e, OJ& entry);
    void exportInstance(const Element& e);
    void exportAutoScalingGroup(const Element& e);
    void exportLoadBalancer(const Element& e, OJ& entry);
    void exportLambda(const Element& e);
    void exportRds(const Element& e);
    void exportTgwRouteTable(const Element& e, OJ& entry);
    void exportVpcEndpoint(const Element& e, OJ& entry);
    void exportGeneric(const Element& e);
    void implicitAssociations();

    const Diagram& m_d;
    const CfnExportOptions& m_options;
    /// Resources in emission order; an ordered_json object would search its keys linearly.
    std::vector<std::pair<std::string, OJ>> m_resources;
    std::unordered_set<std::string> m_emitted;
    OJ m_parameters = OJ::object();
    OJ m_outputs = OJ::object();
    OJ m_owned = OJ::array();
    std::unordered_map<std::string, std::string> m_logical;
    std::unordered_set<std::string> m_used;
    std::map<std::pair<std::string, std::string>, std::string> m_aux;
    std::unordered_map<std::string, std::vector<const Connection*>> m_connectionsOf;
    std::unordered_set<std::string> m_explicitlyAssociated;
    std::unordered_map<std::string, std::vector<const Element*>> m_children;
    std::vector<const Element*> m_loadBalancers;
    std::unordered_map<std::string, bool> m_designKeys;  // keys designed for the current object
};

const json* Exporter::cfnOf(const json& properties) {
    const auto it = properties.find(cfn::kCfnProperty);
    return it != properties.end() && it->is_object() ? &*it : nullptr;
}

std::string Exporter::reserve(const std::string& wanted) {
    std::string id = wanted;
    for (int n = 2; m_used.count(id) > 0; ++n) {
        id = wanted + std::to_string(n);
    }
    m_used.insert(id);
    return id;
}

std::string Exporter::lid(std::string_view id) const {
    const auto it = m_logical.find(std::string(id));
    return it == m_logical.end() ? std::string() : it->second;
}

void Exporter::assignLogicalIds() {
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
            m_logical[e.id] = reserve(cfn::logicalIdFromName(
                e.name, cfn::logicalIdFromName(def ? def->displayName : e.kind, "Resource")));
        }
    }
    for (const auto& c : m_d.connections()) {
        if (m_logical.count(c.id) == 0) {
            const ConnectionKindDef* def = catalogue.connectionKind(c.kind);
            m_logical[c.id] = reserve(cfn::logicalIdFromName(
                c.name, cfn::logicalIdFromName(def ? def->displayName : c.kind, "Connection")));
        }
    }
    const json parameters = keptObject(keptTemplate(m_d), "Parameters");
    for (const auto& p : parameters.items()) {
        m_used.insert(p.key());
    }
}

std::string Exporter::auxLid(std::string_view ownerId, const std::string& role,
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
        id = reserve(cfn::logicalIdFromName(lid(ownerId) + suffix, "Resource"));
    }
    m_aux[key] = id;
    return id;
}

OJ& Exporter::emit(const std::string& logicalId, const std::string& type, OJ properties,
                   const json* extra, std::vector<std::string> dependsOn) {
    OJ resource = OJ::object();
    resource["Type"] = type;
    if (extra && extra->contains("Condition")) {
        resource["Condition"] = toOrdered((*extra)["Condition"]);
    }
    if (extra && extra->contains("DependsOn")) {
        const json& more = (*extra)["DependsOn"];
        if (more.is_string()) {
            dependsOn.push_back(more.get<std::string>());
        } else if (more.is_array()) {
            for (const auto& d : more) {
                if (d.is_string())
                    dependsOn.push_back(d.get<std::string>());
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
            properties[k] = toOrdered(v);
        }
    }
    resource["Properties"] = std::move(properties);
    if (extra) {
        for (const auto& [k, v] : extra->items()) {
            if (k != "Condition" && k != "DependsOn" && k != "Properties" && k != "Type") {
                resource[k] = toOrdered(v);
            }
        }
    }
    m_emitted.insert(logicalId);
    m_resources.emplace_back(logicalId, std::move(resource));
    return m_resources.back().second;
}

OJ& Exporter::emitPrimary(const std::string& ownerId, const json& properties,
                          const std::string& type, OJ props, std::vector<std::string> dependsOn) {
    const json* c = cfnOf(properties);
    const json* extra = c && c->contains("extra") ? &(*c)["extra"] : nullptr;
    if (c && c->contains("extra_tags") && (*c)["extra_tags"].is_array()) {
        OJ& tagList = props["Tags"];
        if (!tagList.is_array())
            tagList = OJ::array();
        for (const auto& t : (*c)["extra_tags"])
            tagList.push_back(toOrdered(t));
    }
    const std::string original = c && c->contains("type") && (*c)["type"].is_string()
                                     ? (*c)["type"].get<std::string>()
                                     : type;
    return emit(lid(ownerId), original, std::move(props), extra, std::move(dependsOn));
}

OJ& Exporter::emitAux(std::string_view ownerId, const json& ownerProperties,
                      const std::string& role, const std::string& suffix, const std::string& type,
                      OJ props, std::vector<std::string> dependsOn) {
    const std::string id = auxLid(ownerId, role, suffix);
    const json* c = cfnOf(ownerProperties);
    const json* extra = nullptr;
    if (c && c->contains("aux") && (*c)["aux"].is_object() && (*c)["aux"].contains(role) &&
        (*c)["aux"][role].contains("extra")) {
        extra = &(*c)["aux"][role]["extra"];
    }
    return emit(id, type, std::move(props), extra, std::move(dependsOn));
}

OJ Exporter::tags(const Element& e, std::string_view type, bool* nameTag) const {
    OJ list = OJ::array();
    bool nameElsewhere = false;
    if (const json* c = cfnOf(e.properties); c && c->contains("extra_tags")) {
        for (const auto& t : (*c)["extra_tags"]) {
            if (t.is_object() && t.value("Key", json()) == "Name")
                nameElsewhere = true;
        }
    }
    const bool synthesized = e.tags.count("Name") == 0 && !e.name.empty() && !nameElsewhere;
    if (nameTag)
        *nameTag = synthesized;
    auto add = [&](const std::string& k, const std::string& v) {
        if (type == "AWS::AutoScaling::AutoScalingGroup") {
            list.push_back(OJ{{"Key", k}, {"PropagateAtLaunch", true}, {"Value", v}});
        } else {
            list.push_back(OJ{{"Key", k}, {"Value", v}});
        }
    };
    if (synthesized)
        add("Name", e.name);
    for (const auto& [k, v] : e.tags)
        add(k, v);
    return list;
}

OJ Exporter::refList(const std::vector<std::string>& ids, bool securityGroups) const {
    OJ list = OJ::array();
    for (const auto& id : ids) {
        if (exists(id))
            list.push_back(securityGroups ? sgId(id) : ref(id));
    }
    return list;
}

OJ Exporter::value(const Element& e, std::string_view key, OJ computed) const {
    const json* c = cfnOf(e.properties);
    if (c && c->contains("symbolic") && (*c)["symbolic"].contains(key)) {
        return toOrdered((*c)["symbolic"][std::string(key)]);
    }
    return computed;
}

void Exporter::addParameter(std::string_view name, OJ definition) {
    if (!m_parameters.contains(name)) {
        m_parameters[std::string(name)] = std::move(definition);
    }
}

/// The VPCGatewayAttachment of an attached internet or VPN gateway.
std::vector<std::string> Exporter::attachmentOf(std::string_view gatewayId) {
    const Element* g = m_d.element(gatewayId);
    if (!g || g->parent.empty() || !m_d.element(g->parent))
        return {};
    return {auxLid(g->id, "attachment", "Attachment")};
}

/// The attachments of the internet gateways of the VPC around an element, which EIPs wait for.
std::vector<std::string> Exporter::internetAttachments(std::string_view id) {
    std::vector<std::string> deps;
    if (const Element* vpc = m_d.ancestorOfKind(id, "vpc")) {
        for (const Element* g : m_children[vpc->id]) {
            if (g->kind == "internet_gateway") {
                for (auto& a : attachmentOf(g->id)) {
                    deps.push_back(a);
                }
            }
        }
    }
    return deps;
}

std::vector<std::string> Exporter::tgwAttachmentsFor(std::string_view vpcId,
                                                     std::string_view tgwId) {
    std::vector<std::string> ids;
    for (const Connection* c : m_connectionsOf[std::string(vpcId)]) {
        if (c->kind == "transit_gateway_attachment" && c->from == vpcId &&
            (tgwId.empty() || c->to == tgwId) && exists(c->to)) {
            ids.push_back(lid(c->id));
        }
    }
    return ids;
}

OJ Exporter::run() {
    assignLogicalIds();
    for (const auto& c : m_d.connections()) {
        m_connectionsOf[c.from].push_back(&c);
        m_connectionsOf[c.to].push_back(&c);
    }
    for (const auto& e : m_d.elements()) {
        m_children[e.parent].push_back(&e);
        if (e.kind == "load_balancer") {
            m_loadBalancers.push_back(&e);
        }
    }
    for (const Element* rt : m_d.elementsOfKind("route_table")) {
        for (const auto& s : rt->stringListProperty("associations")) {
            m_explicitlyAssociated.insert(s);
        }
    }
    const auto& keysOf = carriedKeys();
    auto entryFor = [&](const std::string& id, const std::string& kind, const std::string& name,
                        const json& properties, const std::vector<std::string>& suppressions) {
        OJ entry = OJ::object();
        entry["id"] = id;
        entry["kind"] = kind;
        entry["name"] = name;
        entry["logicalId"] = lid(id);
        OJ keys = OJ::array();
        OJ design = OJ::object();
        const auto it = keysOf.find(kind);
        for (const auto& [k, v] : properties.items()) {
            keys.push_back(k);
            if (it == keysOf.end() || it->second.count(k) == 0) {
                design[k] = toOrdered(v);
            }
        }
        entry["keys"] = std::move(keys);
        entry["design"] = std::move(design);
        if (!suppressions.empty())
            entry["suppressions"] = suppressions;
        return entry;
    };

    OJ elements = OJ::array();
    for (const auto& e : m_d.elements()) {
        OJ entry = entryFor(e.id, e.kind, e.name, e.properties, e.suppressions);
        if (!e.parent.empty())
            entry["parent"] = e.parent;
        entry["geometry"] =
            OJ::array({e.geometry.x, e.geometry.y, e.geometry.width, e.geometry.height});
        exportElement(e, entry);
        if (!m_emitted.count(lid(e.id))) {
            entry.erase("logicalId");
            if (!e.tags.empty())
                entry["tags"] = e.tags;
        }
        if (entry["design"].empty())
            entry.erase("design");
        elements.push_back(std::move(entry));
    }
    implicitAssociations();
    OJ connections = OJ::array();
    for (const auto& c : m_d.connections()) {
        OJ entry = entryFor(c.id, c.kind, c.name, c.properties, c.suppressions);
        entry["from"] = c.from;
        entry["to"] = c.to;
        exportConnection(c, entry);
        if (!m_emitted.count(lid(c.id)))
            entry.erase("logicalId");
        if (entry["design"].empty())
            entry.erase("design");
        connections.push_back(std::move(entry));
    }

    const json leftovers = keptTemplate(m_d);
    OJ out = OJ::object();
    out["AWSTemplateFormatVersion"] =
        toOrdered(leftovers.value("AWSTemplateFormatVersion", json("2010-09-09")));
    bool generatedDescription = false;
    if (!m_options.description.empty()) {
        out["Description"] = m_options.description;
        generatedDescription = !leftovers.contains("Description");
    } else if (leftovers.contains("Description")) {
        out["Description"] = toOrdered(leftovers["Description"]);
    } else {
        out["Description"] = m_d.name().empty() ? std::string("Skydraft diagram")
                                                : "Skydraft diagram: " + m_d.name();
        generatedDescription = true;
    }
    if (leftovers.contains("Transform"))
        out["Transform"] = toOrdered(leftovers["Transform"]);

    OJ parameters = toOrdered(keptObject(leftovers, "Parameters"));
    OJ generatedParameters = OJ::array();
    for (const auto& [k, v] : m_parameters.items()) {
        if (!parameters.contains(k)) {
            parameters[k] = v;
            generatedParameters.push_back(k);
        }
    }
    OJ outputs = toOrdered(keptObject(leftovers, "Outputs"));
    OJ generatedOutputs = OJ::array();
    for (const Element* vpc : m_d.elementsOfKind("vpc")) {
        const std::string name = lid(vpc->id) + "Id";
        if (!outputs.contains(name) && !m_used.count(name)) {
            outputs[name] =
                OJ{{"Description", "Id of the VPC " + vpc->name}, {"Value", ref(vpc->id)}};
            generatedOutputs.push_back(name);
        }
    }

    OJ metadata = toOrdered(keptObject(leftovers, "Metadata"));
    if (m_options.includeLayout) {
        OJ layout = OJ::object();
        layout["version"] = cfn::kMetadataVersion;
        layout["name"] = m_d.name();
        json documentMetadata = m_d.metadata();
        documentMetadata.erase(std::string(cfn::kTemplateMetadata));
        if (!documentMetadata.empty())
            layout["metadata"] = toOrdered(documentMetadata);
        layout["generated"] = OJ{{"description", generatedDescription},
                                 {"parameters", generatedParameters},
                                 {"outputs", generatedOutputs}};
        if (!m_owned.empty())
            layout["owned"] = m_owned;
        layout["elements"] = std::move(elements);
        layout["connections"] = std::move(connections);
        metadata[std::string(cfn::kMetadataKey)] = std::move(layout);
    }
    if (!metadata.empty())
        out["Metadata"] = std::move(metadata);
    if (!parameters.empty())
        out["Parameters"] = std::move(parameters);
    for (const char* section : {"Rules", "Mappings", "Conditions"}) {
        if (leftovers.contains(section))
            out[section] = toOrdered(leftovers[section]);
    }
    OJ resources = OJ::object();
    auto& list = static_cast<OJ::object_t::Container&>(*resources.get_ptr<OJ::object_t*>());
    list.reserve(m_resources.size());
    for (auto& [id, resource] : m_resources) {
        list.emplace_back(id, std::move(resource));
    }
    out["Resources"] = std::move(resources);
    if (!outputs.empty())
        out["Outputs"] = std::move(outputs);
    return out;
}

void Exporter::exportElement(const Element& e, OJ& entry) {
    const std::string& k = e.kind;
    if (k == "vpc")
        return exportVpc(e);
    if (k == "subnet")
        return exportSubnet(e, entry);
    if (k == "route_table")
        return exportRouteTable(e, entry);
    if (k == "security_group")
        return exportSecurityGroup(e);
    if (k == "network_acl")
        return exportNetworkAcl(e, entry);
    if (k == "nat_gateway")
        return exportNatGateway(e, entry);
    if (k == "ec2_instance")
        return exportInstance(e);
    if (k == "auto_scaling_group")
        return exportAutoScalingGroup(e);
    if (k == "load_balancer")
        return exportLoadBalancer(e, entry);
    if (k == "lambda_function")
        return exportLambda(e);
    if (k == "rds_instance")
        return exportRds(e);
    if (k == "transit_gateway_route_table")
        return exportTgwRouteTable(e, entry);
    if (k == "vpc_endpoint")
        return exportVpcEndpoint(e, entry);
    if (k == "generic")
        return exportGeneric(e);
    const std::string type = ResourceCatalogue::instance().kind(k)->cfnType;
    const bool attached = !e.parent.empty() && exists(e.parent);
    OJ p = OJ::object();
    if (k == "internet_gateway") {
        p["Tags"] = tags(e, type, nullptr);
        emitPrimary(e.id, e.properties, type, std::move(p));
        if (attached) {
            emitAux(e.id, e.properties, "attachment", "Attachment",
                    "AWS::EC2::VPCGatewayAttachment",
                    OJ{{"InternetGatewayId", ref(e.id)}, {"VpcId", ref(e.parent)}});
        }
    } else if (k == "egress_only_internet_gateway") {
        if (!attached)
            return;
        p["VpcId"] = ref(e.parent);
        emitPrimary(e.id, e.properties, type, std::move(p));
    } else if (k == "virtual_private_gateway") {
        p["Type"] = "ipsec.1";
        p["AmazonSideAsn"] = toOrdered(e.property("amazon_side_asn"));
        p["Tags"] = tags(e, type, nullptr);
        emitPrimary(e.id, e.properties, type, std::move(p));
        if (attached) {
            emitAux(e.id, e.properties, "attachment", "Attachment",
                    "AWS::EC2::VPCGatewayAttachment",
                    OJ{{"VpcId", ref(e.parent)}, {"VpnGatewayId", ref(e.id)}});
        }
    } else if (k == "customer_gateway") {
        p["Type"] = "ipsec.1";
        p["BgpAsn"] = value(e, "bgp_asn", toOrdered(e.property("bgp_asn")));
        p["IpAddress"] = value(e, "ip_address", toOrdered(e.property("ip_address")));
        p["Tags"] = tags(e, type, nullptr);
        emitPrimary(e.id, e.properties, type, std::move(p));
    } else if (k == "transit_gateway") {
        p["AmazonSideAsn"] = toOrdered(e.property("amazon_side_asn"));
        p["DefaultRouteTableAssociation"] =
            e.boolProperty("default_route_table_association") ? "enable" : "disable";
        p["DefaultRouteTablePropagation"] =
            e.boolProperty("default_route_table_propagation") ? "enable" : "disable";
        p["Tags"] = tags(e, type, nullptr);
        emitPrimary(e.id, e.properties, type, std::move(p));
    } else if (k == "elastic_ip") {
        p["Domain"] = "vpc";
        const std::string instance = e.stringProperty("instance");
        if (exists(instance))
            p["InstanceId"] = ref(instance);
        p["Tags"] = tags(e, type, nullptr);
        std::vector<std::string> deps = internetAttachments(e.parent.empty() ? instance : e.id);
        emitPrimary(e.id, e.properties, type, std::move(p), deps);
    } else if (k == "dynamodb_table") {
        const std::string key = e.stringProperty("partition_key");
        p["AttributeDefinitions"] = OJ::array({OJ{{"AttributeName", key}, {"AttributeType", "S"}}});
        p["KeySchema"] = OJ::array({OJ{{"AttributeName", key}, {"KeyType", "HASH"}}});
        const std::string billing = e.stringProperty("billing_mode");
        p["BillingMode"] = billing;
        if (billing == "PROVISIONED") {
            p["ProvisionedThroughput"] = OJ{{"ReadCapacityUnits", 5}, {"WriteCapacityUnits", 5}};
        }
        p["Tags"] = tags(e, type, nullptr);
        emitPrimary(e.id, e.properties, type, std::move(p));
    } else if (k == "elasticache_cluster") {
        p["Engine"] = e.stringProperty("engine");
        p["CacheNodeType"] = e.stringProperty("node_type");
        p["NumCacheNodes"] = toOrdered(e.property("num_nodes"));
        const OJ subnets = refList(e.stringListProperty("subnets"), false);
        if (!subnets.empty()) {
            const std::string group = auxLid(e.id, "subnet_group", "SubnetGroup");
            emitAux(e.id, e.properties, "subnet_group", "SubnetGroup",
                    "AWS::ElastiCache::SubnetGroup",
                    OJ{{"Description", "Subnets of " + e.name}, {"SubnetIds", subnets}});
            p["CacheSubnetGroupName"] = OJ{{"Ref", group}};
        }
        const OJ groups = refList(e.stringListProperty("security_groups"), true);
        if (!groups.empty())
            p["VpcSecurityGroupIds"] = groups;
        p["Tags"] = tags(e, type, nullptr);
        emitPrimary(e.id, e.properties, type, std::move(p));
    } else if (k == "s3_bucket") {
        const std::string bucketName = e.stringProperty("bucket_name");
        if (!bucketName.empty())
            p["BucketName"] = value(e, "bucket_name", bucketName);
        if (e.boolProperty("versioning")) {
            p["VersioningConfiguration"] = OJ{{"Status", "Enabled"}};
        }
        p["Tags"] = tags(e, type, nullptr);
        emitPrimary(e.id, e.properties, type, std::move(p));
    } else if (k == "efs_file_system") {
        p["PerformanceMode"] = e.stringProperty("performance_mode");
        OJ fsTags = tags(e, type, nullptr);
        if (!fsTags.empty())
            p["FileSystemTags"] = std::move(fsTags);
        emitPrimary(e.id, e.properties, type, std::move(p));
        const OJ groups = refList(e.stringListProperty("security_groups"), true);
        for (const auto& s : e.stringListProperty("subnets")) {
            if (!exists(s))
                continue;
            emitAux(
                e.id, e.properties, "mount:" + s, lid(s) + "Mount", "AWS::EFS::MountTarget",
                OJ{{"FileSystemId", ref(e.id)}, {"SecurityGroups", groups}, {"SubnetId", ref(s)}});
        }
    }
    // direct_connect_gateway has no CloudFormation resource type: it lives in the layout only.
}

void Exporter::exportVpc(const Element& e) {
    const std::string type = "AWS::EC2::VPC";
    OJ p = OJ::object();
    p["CidrBlock"] = value(e, "cidr", toOrdered(e.property("cidr")));
    p["EnableDnsHostnames"] = e.boolProperty("enable_dns_hostnames");
    p["EnableDnsSupport"] = e.boolProperty("enable_dns_support");
    p["InstanceTenancy"] = e.stringProperty("instance_tenancy");
    p["Tags"] = tags(e, type, nullptr);
    emitPrimary(e.id, e.properties, type, std::move(p));
    const auto secondary = e.stringListProperty("secondary_cidrs");
    for (std::size_t i = 0; i < secondary.size(); ++i) {
        emitAux(e.id, e.properties, "cidr:" + secondary[i],
                "Cidr" + destinationSuffix(secondary[i]), "AWS::EC2::VPCCidrBlock",
                OJ{{"CidrBlock", secondary[i]}, {"VpcId", ref(e.id)}});
    }
    const auto ipv6 = e.stringListProperty("ipv6_cidrs");
    for (std::size_t i = 0; i < ipv6.size(); ++i) {
        const std::string role = "ipv6:" + std::to_string(i);
        emitAux(e.id, e.properties, role, "Ipv6Cidr" + std::to_string(i + 1),
                "AWS::EC2::VPCCidrBlock",
                OJ{{"AmazonProvidedIpv6CidrBlock", true}, {"VpcId", ref(e.id)}});
    }
}

void Exporter::exportSubnet(const Element& e, OJ& entry) {
    const std::string type = "AWS::EC2::Subnet";
    if (!exists(e.parent))
        return;
    const Element* vpc = m_d.element(e.parent);
    OJ p = OJ::object();
    std::vector<std::string> deps;
    const std::string zone = e.stringProperty("availability_zone");
    if (!zone.empty() || cfnOf(e.properties)) {
        p["AvailabilityZone"] = value(e, "availability_zone", zone);
        if (p["AvailabilityZone"] == "")
            p.erase("AvailabilityZone");
    }
    const std::string cidr = e.stringProperty("cidr");
    if (!cidr.empty()) {
        p["CidrBlock"] = value(e, "cidr", cidr);
        const auto parsed = parseIpv4Cidr(cidr);
        for (const auto& s : vpc->stringListProperty("secondary_cidrs")) {
            const auto block = parseIpv4Cidr(s);
            if (parsed && block && block.cidr->contains(*parsed.cidr)) {
                deps.push_back(auxLid(vpc->id, "cidr:" + s, "Cidr" + destinationSuffix(s)));
            }
        }
    }
    const std::string ipv6 = e.stringProperty("ipv6_cidr");
    const auto vpcIpv6 = vpc->stringListProperty("ipv6_cidrs");
    if (!ipv6.empty()) {
        const auto sub = parseIpv6Cidr(ipv6);
        for (std::size_t i = 0; i < vpcIpv6.size(); ++i) {
            const auto block = parseIpv6Cidr(vpcIpv6[i]);
            if (!sub || !block || !block.cidr->contains(*sub.cidr) || sub.cidr->prefix() != 64 ||
                block.cidr->prefix() > 64) {
                continue;
            }
            const auto index =
                static_cast<long long>((sub.cidr->first() - block.cidr->first()) >> 64);
            const int count = 1 << (64 - block.cidr->prefix() > 8 ? 8 : 64 - block.cidr->prefix());
            p["Ipv6CidrBlock"] = OJ{
                {"Fn::Select",
                 OJ::array(
                     {index, OJ{{"Fn::Cidr",
                                 OJ::array({OJ{{"Fn::Select",
                                                OJ::array({i, getAtt(vpc->id, "Ipv6CidrBlocks")})}},
                                            count, 64})}}})}};
            deps.push_back(
                auxLid(vpc->id, "ipv6:" + std::to_string(i), "Ipv6Cidr" + std::to_string(i + 1)));
            break;
        }
    }
    if (e.boolProperty("ipv6_only"))
        p["Ipv6Native"] = true;
    else if (e.properties.contains("ipv6_only"))
        p["Ipv6Native"] = false;
    if (e.properties.contains("assign_ipv6_on_creation") ||
        e.boolProperty("assign_ipv6_on_creation")) {
        p["AssignIpv6AddressOnCreation"] = e.boolProperty("assign_ipv6_on_creation");
    }
    p["MapPublicIpOnLaunch"] = e.boolProperty("map_public_ip_on_launch");
    p["VpcId"] = ref(e.parent);
    p["Tags"] = tags(e, type, nullptr);
    emitPrimary(e.id, e.properties, type, std::move(p), deps);
    (void)entry;
}

void Exporter::exportRouteTable(const Element& e, OJ& entry) {
    const std::string type = "AWS::EC2::RouteTable";
    if (!exists(e.parent))
        return;
    OJ p = OJ::object();
    p["VpcId"] = ref(e.parent);
    p["Tags"] = tags(e, type, nullptr);
    emitPrimary(e.id, e.properties, type, std::move(p));
    for (const auto& s : e.stringListProperty("associations")) {
        if (!exists(s))
            continue;
        emitAux(e.id, e.properties, "assoc:" + s, lid(s) + "Association",
                "AWS::EC2::SubnetRouteTableAssociation",
                OJ{{"RouteTableId", ref(e.id)}, {"SubnetId", ref(s)}});
    }
    exportRoutes(e, entry);
    for (const auto& g : e.stringListProperty("propagating_gateways")) {
        if (!exists(g))
            continue;
        emitAux(e.id, e.properties, "propagation:" + g, lid(g) + "Propagation",
                "AWS::EC2::VPNGatewayRoutePropagation",
                OJ{{"RouteTableIds", OJ::array({ref(e.id)})}, {"VpnGatewayId", ref(g)}},
                attachmentOf(g));
    }
    if (e.boolProperty("main")) {
        // The subnets left to the main table get an explicit association, written on the
        // layout as design so that the import restores the list as drawn.
        entry["design"]["associations"] = toOrdered(e.property("associations"));
    }
}

void Exporter::exportRoutes(const Element& e, OJ& entry) {
    const json& routes = e.property("routes");
    if (!routes.is_array())
        return;
    bool lossy = false;
    const Element* vpc = m_d.element(e.parent);
    for (const auto& route : routes) {
        const std::string destination = route.value("destination", "");
        const std::string target = route.value("target", "");
        const json symbolic = route.value(std::string(cfn::kItemSymbolic), json::object());
        if (route.value("propagated", false) || destination.empty()) {
            lossy = true;
            continue;
        }
        OJ p = OJ::object();
        if (symbolic.contains("destination")) {
            p["DestinationCidrBlock"] = toOrdered(symbolic["destination"]);
        } else if (destination.rfind("pl-", 0) == 0) {
            // A gateway endpoint writes its prefix-list routes itself (RouteTableIds).
            lossy = true;
            continue;
        } else if (destination.find(':') != std::string::npos) {
            p["DestinationIpv6CidrBlock"] = destination;
        } else {
            p["DestinationCidrBlock"] = destination;
        }
        std::vector<std::string> deps;
        const Element* te = m_d.element(target);
        const Connection* tc = te ? nullptr : m_d.connection(target);
        if (symbolic.contains("target_field")) {
            const std::string field = symbolic["target_field"].get<std::string>();
            if (symbolic.contains("target")) {
                p[field] = toOrdered(symbolic["target"]);
            } else if (exists(target)) {
                p[field] = ref(target);
            } else {
                lossy = true;
                continue;
            }
        } else if (te && exists(te->id)) {
            if (te->kind == "internet_gateway" || te->kind == "virtual_private_gateway") {
                p["GatewayId"] = ref(te->id);
                deps = attachmentOf(te->id);
            } else if (te->kind == "nat_gateway") {
                p["NatGatewayId"] = ref(te->id);
            } else if (te->kind == "egress_only_internet_gateway") {
                p["EgressOnlyInternetGatewayId"] = ref(te->id);
            } else if (te->kind == "transit_gateway") {
                p["TransitGatewayId"] = ref(te->id);
                deps = tgwAttachmentsFor(vpc ? vpc->id : "", te->id);
            } else if (te->kind == "vpc_endpoint") {
                p["VpcEndpointId"] = ref(te->id);
            } else if (te->kind == "ec2_instance") {
                p["InstanceId"] = ref(te->id);
            } else {
                lossy = true;
                continue;
            }
        } else if (tc && tc->kind == "vpc_peering" && exists(tc->id)) {
            p["VpcPeeringConnectionId"] = ref(tc->id);
        } else if (tc && tc->kind == "transit_gateway_attachment" && exists(tc->to)) {
            p["TransitGatewayId"] = ref(tc->to);
            deps = {lid(tc->id)};
            lossy = true;
        } else {
            lossy = true;
            continue;
        }
        p["RouteTableId"] = ref(e.id);
        emitAux(e.id, e.properties, "route:" + destination,
                "Route" + destinationSuffix(destination), "AWS::EC2::Route", std::move(p), deps);
    }
    if (lossy)
        entry["design"]["routes"] = toOrdered(routes);
}

void Exporter::implicitAssociations() {
    // Never rely on the main route table implicitly: every subnet gets an explicit association,
    // with the table drawn as main or, when there is none, with an empty table of the VPC's.
    for (const Element* vpc : m_d.elementsOfKind("vpc")) {
        std::vector<const Element*> loose;
        const Element* mainTable = nullptr;
        for (const Element* child : m_children[vpc->id]) {
            if (child->kind == "subnet" && m_explicitlyAssociated.count(child->id) == 0) {
                loose.push_back(child);
            }
            if (child->kind == "route_table" && child->boolProperty("main") && !mainTable) {
                mainTable = child;
            }
        }
        if (loose.empty())
            continue;
        std::string table;
        if (mainTable) {
            table = lid(mainTable->id);
        } else {
            table = auxLid(vpc->id, "local_route_table", "LocalRouteTable");
            emit(table, "AWS::EC2::RouteTable",
                 OJ{{"VpcId", ref(vpc->id)},
                    {"Tags", OJ::array({OJ{{"Key", "Name"}, {"Value", vpc->name + " local"}}})}},
                 nullptr, {});
            m_owned.push_back(table);
        }
        for (const Element* s : loose) {
            const std::string id = auxLid(mainTable ? mainTable->id : vpc->id, "assoc:" + s->id,
                                          lid(s->id) + "Association");
            emit(id, "AWS::EC2::SubnetRouteTableAssociation",
                 OJ{{"RouteTableId", OJ{{"Ref", table}}}, {"SubnetId", ref(s->id)}}, nullptr, {});
            m_owned.push_back(id);
        }
    }
}

OJ ruleToCfn(const json& rule, bool egress) {
    OJ r = OJ::object();
    const json symbolic = rule.value(std::string(cfn::kItemSymbolic), json::object());
    auto field = [&](const char* key, const char* cfnKey) {
        if (symbolic.contains(key))
            r[cfnKey] = OJ(symbolic[key]);
        else if (rule.contains(key))
            r[cfnKey] = OJ(rule[key]);
    };
    field("cidr", "CidrIp");
    field("ipv6_cidr", "CidrIpv6");
    field("prefix_list", egress ? "DestinationPrefixListId" : "SourcePrefixListId");
    field("description", "Description");
    if (symbolic.contains("source_security_group")) {
        r[egress ? "DestinationSecurityGroupId" : "SourceSecurityGroupId"] =
            OJ(symbolic["source_security_group"]);
    }
    if (symbolic.contains("extra")) {
        for (const auto& [k, v] : symbolic["extra"].items())
            r[k] = OJ(v);
    }
    field("from_port", "FromPort");
    OJ protocol = OJ(rule.value("protocol", json("-1")));
    r["IpProtocol"] = protocol;
    field("to_port", "ToPort");
    return r;
}

void Exporter::exportSecurityGroup(const Element& e) {
    const std::string type = "AWS::EC2::SecurityGroup";
    if (!exists(e.parent))
        return;
    OJ p = OJ::object();
    p["GroupDescription"] = value(e, "description", e.stringProperty("description"));
    struct Separate {
        json rule;
        bool egress;
        std::size_t index;
    };
    std::vector<Separate> separate;
    for (const bool egress : {false, true}) {
        const json& rules = e.property(egress ? "egress" : "ingress");
        if (!rules.is_array())
            continue;
        // A rule read from a template's inline list stays inline.
        auto keptInline = [](const json& r) {
            return r.value(std::string(cfn::kItemSymbolic), json::object()).value("inline", false);
        };
        const bool referencesGroups = std::any_of(rules.begin(), rules.end(), [&](const json& r) {
            return r.contains("source_security_group") && !keptInline(r);
        });
        OJ inline_ = OJ::array();
        for (std::size_t i = 0; i < rules.size(); ++i) {
            if (referencesGroups && !keptInline(rules[i])) {
                separate.push_back({rules[i], egress, i});
            } else {
                OJ r = ruleToCfn(rules[i], egress);
                const std::string other = rules[i].value("source_security_group", "");
                if (!other.empty() &&
                    !r.contains(egress ? "DestinationSecurityGroupId" : "SourceSecurityGroupId")) {
                    if (!exists(other))
                        continue;
                    r[egress ? "DestinationSecurityGroupId" : "SourceSecurityGroupId"] =
                        sgId(other);
                }
                inline_.push_back(std::move(r));
            }
        }
        const bool markerNeeded = egress && (referencesGroups || rules.empty()) &&
                                  std::none_of(rules.begin(), rules.end(), keptInline);
        if (markerNeeded) {
            // An empty list must remove the default allow-all egress rule.
            inline_.push_back(OJ{{"CidrIp", "255.255.255.255/32"},
                                 {"Description", "Disallow all traffic"},
                                 {"FromPort", 252},
                                 {"IpProtocol", "icmp"},
                                 {"ToPort", 86}});
        }
        if (!inline_.empty()) {
            p[egress ? "SecurityGroupEgress" : "SecurityGroupIngress"] = std::move(inline_);
        }
    }
    p["VpcId"] = ref(e.parent);
    p["Tags"] = tags(e, type, nullptr);
    emitPrimary(e.id, e.properties, type, std::move(p));
    // Rules naming other groups are separate resources so that groups never depend on each
    // other in a cycle.
    for (const auto& s : separate) {
        OJ r = ruleToCfn(s.rule, s.egress);
        const std::string other = s.rule.value("source_security_group", "");
        OJ p2 = OJ::object();
        p2["GroupId"] = sgId(e.id);
        for (auto& [k, v] : r.items())
            p2[k] = v;
        if (!other.empty() && exists(other)) {
            p2[s.egress ? "DestinationSecurityGroupId" : "SourceSecurityGroupId"] = sgId(other);
        } else if (!other.empty()) {
            continue;
        }
        const std::string role = (s.egress ? "egress:" : "ingress:") + std::to_string(s.index);
        emitAux(e.id, e.properties, role,
                (s.egress ? "Egress" : "Ingress") + std::to_string(s.index + 1),
                s.egress ? "AWS::EC2::SecurityGroupEgress" : "AWS::EC2::SecurityGroupIngress",
                std::move(p2));
    }
}

void Exporter::exportNetworkAcl(const Element& e, OJ& entry) {
    const std::string type = "AWS::EC2::NetworkAcl";
    if (e.boolProperty("default") || !exists(e.parent)) {
        // The default ACL comes with the VPC; CloudFormation cannot declare it.
        for (const auto& [k, v] : e.properties.items())
            entry["design"][k] = toOrdered(v);
        return;
    }
    OJ p = OJ::object();
    p["VpcId"] = ref(e.parent);
    p["Tags"] = tags(e, type, nullptr);
    emitPrimary(e.id, e.properties, type, std::move(p));
    const json& entries = e.property("entries");
    if (entries.is_array()) {
        for (const auto& en : entries) {
            const bool egress = en.value("egress", false);
            const json symbolic = en.value(std::string(cfn::kItemSymbolic), json::object());
            OJ q = OJ::object();
            if (symbolic.contains("cidr"))
                q["CidrBlock"] = OJ(symbolic["cidr"]);
            else if (en.contains("cidr"))
                q["CidrBlock"] = OJ(en["cidr"]);
            if (en.contains("ipv6_cidr"))
                q["Ipv6CidrBlock"] = OJ(en["ipv6_cidr"]);
            q["Egress"] = egress;
            if (en.contains("icmp_type") || en.contains("icmp_code")) {
                q["Icmp"] = OJ{{"Code", OJ(en.value("icmp_code", json(-1)))},
                               {"Type", OJ(en.value("icmp_type", json(-1)))}};
            }
            q["NetworkAclId"] = ref(e.id);
            if (en.contains("from_port") || en.contains("to_port")) {
                q["PortRange"] = OJ{{"From", OJ(en.value("from_port", json(0)))},
                                    {"To", OJ(en.value("to_port", json(65535)))}};
            }
            q["Protocol"] = aclProtocol(en.value("protocol", "-1"));
            q["RuleAction"] = en.value("rule_action", "allow");
            q["RuleNumber"] = OJ(en.value("rule_number", json(100)));
            const std::string number =
                en.contains("rule_number") ? en["rule_number"].dump() : "100";
            emitAux(e.id, e.properties, (egress ? "egress:" : "ingress:") + number,
                    (egress ? "Egress" : "Ingress") + number, "AWS::EC2::NetworkAclEntry",
                    std::move(q));
        }
    }
    for (const auto& s : e.stringListProperty("associations")) {
        if (!exists(s))
            continue;
        emitAux(e.id, e.properties, "assoc:" + s, lid(s) + "Association",
                "AWS::EC2::SubnetNetworkAclAssociation",
                OJ{{"NetworkAclId", ref(e.id)}, {"SubnetId", ref(s)}});
    }
}

void Exporter::exportNatGateway(const Element& e, OJ& entry) {
    const std::string type = "AWS::EC2::NatGateway";
    const Element* subnet = m_d.element(e.parent);
    if (!subnet || subnet->kind != "subnet" ||
        e.stringProperty("availability_mode") == "regional") {
        // A regional NAT gateway has no resource in the CloudFormation specification yet.
        for (const auto& [k, v] : e.properties.items())
            entry["design"][k] = toOrdered(v);
        return;
    }
    OJ p = OJ::object();
    const bool isPublic = e.stringProperty("connectivity") != "private";
    if (isPublic && e.boolProperty("elastic_ip")) {
        std::vector<std::string> deps = internetAttachments(e.id);
        const std::string eip = auxLid(e.id, "eip", "Eip");
        emitAux(
            e.id, e.properties, "eip", "Eip", "AWS::EC2::EIP",
            OJ{{"Domain", "vpc"}, {"Tags", OJ::array({OJ{{"Key", "Name"}, {"Value", e.name}}})}},
            deps);
        p["AllocationId"] = OJ{{"Fn::GetAtt", OJ::array({eip, "AllocationId"})}};
    }
    p["ConnectivityType"] = isPublic ? "public" : "private";
    const std::string ip = e.stringProperty("private_ip");
    if (!ip.empty())
        p["PrivateIpAddress"] = ip;
    p["SubnetId"] = ref(subnet->id);
    p["Tags"] = tags(e, type, nullptr);
    emitPrimary(e.id, e.properties, type, std::move(p));
}

void Exporter::exportInstance(const Element& e) {
    const std::string type = "AWS::EC2::Instance";
    if (!exists(e.parent))
        return;
    addParameter(cfn::kAmiParameter,
                 OJ{{"Type", "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>"},
                    {"Default", cfn::kAmiParameterDefault},
                    {"Description", "The latest Amazon Linux 2023 image, from SSM"}});
    OJ p = OJ::object();
    p["ImageId"] = OJ{{"Ref", cfn::kAmiParameter}};
    p["InstanceType"] = value(e, "instance_type", e.stringProperty("instance_type"));
    const OJ groups = refList(e.stringListProperty("security_groups"), true);
    const std::string ip = e.stringProperty("private_ip");
    if (e.boolProperty("public_ip")) {
        OJ nic = OJ::object();
        nic["AssociatePublicIpAddress"] = true;
        nic["DeviceIndex"] = "0";
        if (!groups.empty())
            nic["GroupSet"] = groups;
        if (e.boolProperty("ipv6_address"))
            nic["Ipv6AddressCount"] = 1;
        if (!ip.empty())
            nic["PrivateIpAddress"] = ip;
        nic["SubnetId"] = ref(e.parent);
        p["NetworkInterfaces"] = OJ::array({nic});
    } else {
        if (e.boolProperty("ipv6_address"))
            p["Ipv6AddressCount"] = 1;
        if (!ip.empty())
            p["PrivateIpAddress"] = ip;
        if (!groups.empty())
            p["SecurityGroupIds"] = groups;
        p["SubnetId"] = ref(e.parent);
    }
    p["Tags"] = tags(e, type, nullptr);
    emitPrimary(e.id, e.properties, type, std::move(p));
    if (e.boolProperty("elastic_ip")) {
        std::vector<std::string> deps = internetAttachments(e.id);
        emitAux(e.id, e.properties, "eip", "Eip", "AWS::EC2::EIP",
                OJ{{"Domain", "vpc"}, {"InstanceId", ref(e.id)}}, deps);
    }
}

void Exporter::exportAutoScalingGroup(const Element& e) {
    const std::string type = "AWS::AutoScaling::AutoScalingGroup";
    addParameter(cfn::kAmiParameter,
                 OJ{{"Type", "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>"},
                    {"Default", cfn::kAmiParameterDefault},
                    {"Description", "The latest Amazon Linux 2023 image, from SSM"}});
    OJ data = OJ::object();
    data["ImageId"] = OJ{{"Ref", cfn::kAmiParameter}};
    data["InstanceType"] = value(e, "instance_type", e.stringProperty("instance_type"));
    const OJ groups = refList(e.stringListProperty("security_groups"), true);
    if (!groups.empty())
        data["SecurityGroupIds"] = groups;
    const std::string lt = auxLid(e.id, "launch_template", "LaunchTemplate");
    emitAux(e.id, e.properties, "launch_template", "LaunchTemplate", "AWS::EC2::LaunchTemplate",
            OJ{{"LaunchTemplateData", data}});
    OJ p = OJ::object();
    auto count = [&](const char* key) { return std::to_string(e.property(key).get<long long>()); };
    p["DesiredCapacity"] = count("desired_capacity");
    p["LaunchTemplate"] =
        OJ{{"LaunchTemplateId", OJ{{"Ref", lt}}},
           {"Version", OJ{{"Fn::GetAtt", OJ::array({lt, "LatestVersionNumber"})}}}};
    p["MaxSize"] = count("max_size");
    p["MinSize"] = count("min_size");
    OJ targetGroups = OJ::array();
    for (const Element* lb : m_loadBalancers) {
        const auto targets = lb->stringListProperty("targets");
        if (std::find(targets.begin(), targets.end(), e.id) != targets.end() && exists(lb->id)) {
            targetGroups.push_back(OJ{{"Ref", auxLid(lb->id, "target_group", "TargetGroup")}});
        }
    }
    if (!targetGroups.empty())
        p["TargetGroupARNs"] = std::move(targetGroups);
    p["VPCZoneIdentifier"] = refList(e.stringListProperty("subnets"), false);
    p["Tags"] = tags(e, type, nullptr);
    emitPrimary(e.id, e.properties, type, std::move(p));
}

void Exporter::exportLoadBalancer(const Element& e, OJ& entry) {
    const std::string type = "AWS::ElasticLoadBalancingV2::LoadBalancer";
    const std::string lbType = e.stringProperty("lb_type");
    OJ p = OJ::object();
    if (lbType != "gateway")
        p["Scheme"] = e.stringProperty("scheme");
    const OJ groups = refList(e.stringListProperty("security_groups"), true);
    if (!groups.empty() && lbType != "gateway")
        p["SecurityGroups"] = groups;
    p["Subnets"] = refList(e.stringListProperty("subnets"), false);
    p["Type"] = lbType;
    p["Tags"] = tags(e, type, nullptr);
    emitPrimary(e.id, e.properties, type, std::move(p));
    if (lbType == "gateway") {
        for (const char* key : {"scheme", "listener_port", "target_port", "security_groups"}) {
            if (e.properties.contains(key))
                entry["design"][key] = toOrdered(e.properties[key]);
        }
    }
    const std::string protocol = lbType == "application" ? "HTTP"
                                 : lbType == "network"   ? "TCP"
                                                         : "GENEVE";
    const OJ targetPort = lbType == "gateway" ? OJ(6081) : toOrdered(e.property("target_port"));
    OJ tg = OJ::object();
    tg["Port"] = targetPort;
    tg["Protocol"] = protocol;
    tg["TargetType"] = "instance";
    OJ instances = OJ::array();
    std::vector<std::string> canonical;
    const auto targets = e.stringListProperty("targets");
    for (const auto& t : targets) {
        const Element* te = m_d.element(t);
        if (te && te->kind == "ec2_instance" && exists(t)) {
            instances.push_back(OJ{{"Id", ref(t)}, {"Port", targetPort}});
            canonical.push_back(t);
        }
    }
    for (const Element* asg : m_d.elementsOfKind("auto_scaling_group")) {
        if (std::find(targets.begin(), targets.end(), asg->id) != targets.end()) {
            canonical.push_back(asg->id);
        }
    }
    if (canonical != targets && e.properties.contains("targets")) {
        entry["design"]["targets"] = toOrdered(e.properties["targets"]);
    }
    if (!instances.empty())
        tg["Targets"] = std::move(instances);
    if (const Element* vpc = m_d.ancestorOfKind(e.id, "vpc"))
        tg["VpcId"] = ref(vpc->id);
    const std::string tgId = auxLid(e.id, "target_group", "TargetGroup");
    emitAux(e.id, e.properties, "target_group", "TargetGroup",
            "AWS::ElasticLoadBalancingV2::TargetGroup", std::move(tg));
    OJ listener = OJ::object();
    listener["DefaultActions"] =
        OJ::array({OJ{{"TargetGroupArn", OJ{{"Ref", tgId}}}, {"Type", "forward"}}});
    listener["LoadBalancerArn"] = ref(e.id);
    if (lbType != "gateway") {
        listener["Port"] = toOrdered(e.property("listener_port"));
        listener["Protocol"] = protocol;
    }
    emitAux(e.id, e.properties, "listener", "Listener", "AWS::ElasticLoadBalancingV2::Listener",
            std::move(listener));
}

void Exporter::exportLambda(const Element& e) {
    const std::string type = "AWS::Lambda::Function";
    const json* c = cfnOf(e.properties);
    const json extraProps =
        c ? c->value("extra", json::object()).value("Properties", json::object()) : json::object();
    OJ p = OJ::object();
    const std::string runtime = e.stringProperty("runtime");
    if (!extraProps.contains("Code")) {
        p["Code"] = OJ{{"ZipFile", runtime.rfind("nodejs", 0) == 0
                                       ? "exports.handler = async () => ({});\n"
                                       : "def handler(event, context):\n    return {}\n"}};
    }
    p["Handler"] = e.stringProperty("handler");
    p["MemorySize"] = toOrdered(e.property("memory_size"));
    const OJ subnets = refList(e.stringListProperty("subnets"), false);
    const OJ groups = refList(e.stringListProperty("security_groups"), true);
    if (!extraProps.contains("Role")) {
        const std::string policy =
            subnets.empty() ? "AWSLambdaBasicExecutionRole" : "AWSLambdaVPCAccessExecutionRole";
        const std::string role = auxLid(e.id, "role", "Role");
        emit(role, "AWS::IAM::Role",
             OJ{{"AssumeRolePolicyDocument",
                 OJ{{"Version", "2012-10-17"},
                    {"Statement",
                     OJ::array({OJ{{"Effect", "Allow"},
                                   {"Principal", OJ{{"Service", "lambda.amazonaws.com"}}},
                                   {"Action", "sts:AssumeRole"}}})}}},
                {"ManagedPolicyArns",
                 OJ::array({OJ{{"Fn::Sub", "arn:${AWS::Partition}:iam::aws:policy/service-role/" +
                                               policy}}})}},
             nullptr, {});
        m_owned.push_back(role);
        p["Role"] = OJ{{"Fn::GetAtt", OJ::array({role, "Arn"})}};
    }
    p["Runtime"] = runtime;
    if (!subnets.empty() || !groups.empty()) {
        p["VpcConfig"] = OJ{{"SecurityGroupIds", groups}, {"SubnetIds", subnets}};
    }
    p["Tags"] = tags(e, type, nullptr);
    emitPrimary(e.id, e.properties, type, std::move(p));
}

void Exporter::exportRds(const Element& e) {
    const std::string type = "AWS::RDS::DBInstance";
    addParameter(cfn::kDbUserParameter,
                 OJ{{"Type", "String"},
                    {"Default", "dbadmin"},
                    {"Description",
                     "Master user of the databases; the password is generated "
                     "and kept in Secrets Manager"}});
    OJ p = OJ::object();
    p["AllocatedStorage"] = std::to_string(e.property("allocated_storage").get<long long>());
    p["DBInstanceClass"] = e.stringProperty("instance_class");
    const OJ subnets = refList(e.stringListProperty("subnets"), false);
    if (!subnets.empty()) {
        const std::string group = auxLid(e.id, "subnet_group", "SubnetGroup");
        emitAux(e.id, e.properties, "subnet_group", "SubnetGroup", "AWS::RDS::DBSubnetGroup",
                OJ{{"DBSubnetGroupDescription", "Subnets of " + e.name}, {"SubnetIds", subnets}});
        p["DBSubnetGroupName"] = OJ{{"Ref", group}};
    }
    p["Engine"] = e.stringProperty("engine");
    p["ManageMasterUserPassword"] = true;
    p["MasterUsername"] = OJ{{"Ref", cfn::kDbUserParameter}};
    p["MultiAZ"] = e.boolProperty("multi_az");
    p["PubliclyAccessible"] = e.boolProperty("publicly_accessible");
    const OJ groups = refList(e.stringListProperty("security_groups"), true);
    if (!groups.empty())
        p["VPCSecurityGroups"] = groups;
    p["Tags"] = tags(e, type, nullptr);
    emitPrimary(e.id, e.properties, type, std::move(p));
}

void Exporter::exportTgwRouteTable(const Element& e, OJ& entry) {
    const std::string type = "AWS::EC2::TransitGatewayRouteTable";
    if (!exists(e.parent))
        return;
    OJ p = OJ::object();
    p["TransitGatewayId"] = ref(e.parent);
    p["Tags"] = tags(e, type, nullptr);
    emitPrimary(e.id, e.properties, type, std::move(p));
    auto attachable = [&](const std::string& id) {
        const Connection* c = m_d.connection(id);
        return c && exists(id) &&
               (c->kind == "transit_gateway_attachment" || c->kind == "transit_gateway_peering");
    };
    for (const char* key : {"associations", "propagations"}) {
        const bool association = std::string_view(key) == "associations";
        bool lossy = false;
        for (const auto& a : e.stringListProperty(key)) {
            if (!attachable(a)) {
                lossy = true;
                continue;
            }
            emitAux(e.id, e.properties, std::string(association ? "assoc:" : "propagation:") + a,
                    lid(a) + (association ? "Association" : "Propagation"),
                    association ? "AWS::EC2::TransitGatewayRouteTableAssociation"
                                : "AWS::EC2::TransitGatewayRouteTablePropagation",
                    OJ{{"TransitGatewayAttachmentId", ref(a)},
                       {"TransitGatewayRouteTableId", ref(e.id)}});
        }
        if (lossy)
            entry["design"][key] = toOrdered(e.property(key));
    }
    const json& routes = e.property("routes");
    bool lossy = false;
    if (routes.is_array()) {
        for (const auto& r : routes) {
            const std::string destination = r.value("destination", "");
            const std::string target = r.value("target", "");
            OJ q = OJ::object();
            if (target.empty() || target == "blackhole") {
                q["Blackhole"] = true;
            } else if (attachable(target)) {
                q["TransitGatewayAttachmentId"] = ref(target);
            } else {
                lossy = true;
                continue;
            }
            if (r.value("propagated", false)) {
                lossy = true;
                continue;
            }
            q["DestinationCidrBlock"] = destination;
            q["TransitGatewayRouteTableId"] = ref(e.id);
            emitAux(e.id, e.properties, "route:" + destination,
                    "Route" + destinationSuffix(destination), "AWS::EC2::TransitGatewayRoute",
                    std::move(q));
        }
    }
    if (lossy)
        entry["design"]["routes"] = toOrdered(routes);
}

void Exporter::exportVpcEndpoint(const Element& e, OJ& entry) {
    const std::string type = "AWS::EC2::VPCEndpoint";
    if (!exists(e.parent))
        return;
    const std::string endpointType = e.stringProperty("endpoint_type");
    OJ p = OJ::object();
    if (endpointType == "interface") {
        p["PrivateDnsEnabled"] = e.boolProperty("private_dns_enabled");
    } else if (e.properties.contains("private_dns_enabled")) {
        entry["design"]["private_dns_enabled"] = toOrdered(e.properties["private_dns_enabled"]);
    }
    const OJ tables = refList(e.stringListProperty("route_tables"), false);
    if (!tables.empty())
        p["RouteTableIds"] = tables;
    const OJ groups = refList(e.stringListProperty("security_groups"), true);
    if (!groups.empty())
        p["SecurityGroupIds"] = groups;
    p["ServiceName"] = value(e, "service_name", e.stringProperty("service_name"));
    const OJ subnets = refList(e.stringListProperty("subnets"), false);
    if (!subnets.empty())
        p["SubnetIds"] = subnets;
    p["VpcEndpointType"] = endpointType == "gateway"     ? "Gateway"
                           : endpointType == "interface" ? "Interface"
                                                         : "GatewayLoadBalancer";
    p["VpcId"] = ref(e.parent);
    emitPrimary(e.id, e.properties, type, std::move(p));
}

void Exporter::exportGeneric(const Element& e) {
    const json& fragment = e.property("cfn");
    OJ resource = OJ::object();
    resource["Type"] = e.stringProperty("type");
    if (fragment.is_object()) {
        for (const auto& [k, v] : fragment.items()) {
            if (k != "Type")
                resource[k] = toOrdered(v);
        }
    }
    m_emitted.insert(lid(e.id));
    m_resources.emplace_back(lid(e.id), std::move(resource));
}

void Exporter::exportConnection(const Connection& c, OJ& entry) {
    const std::string& k = c.kind;
    if (!exists(c.from) || !exists(c.to))
        return;
    const std::string type = ResourceCatalogue::instance().connectionKind(k)->cfnType;
    OJ p = OJ::object();
    if (k == "vpc_peering") {
        const std::string owner = c.stringProperty("peer_owner_id");
        if (!owner.empty())
            p["PeerOwnerId"] = owner;
        const Element* from = m_d.element(c.from);
        const Element* to = m_d.element(c.to);
        if (from->stringProperty("region") != to->stringProperty("region")) {
            p["PeerRegion"] = to->stringProperty("region");
        }
        p["PeerVpcId"] = ref(c.to);
        p["VpcId"] = ref(c.from);
        p["Tags"] = OJ::array({OJ{{"Key", "Name"}, {"Value", c.name}}});
        emitPrimary(c.id, c.properties, type, std::move(p));
    } else if (k == "transit_gateway_attachment") {
        p["SubnetIds"] = refList(c.stringListProperty("subnets"), false);
        p["TransitGatewayId"] = ref(c.to);
        p["VpcId"] = ref(c.from);
        p["Tags"] = OJ::array({OJ{{"Key", "Name"}, {"Value", c.name}}});
        emitPrimary(c.id, c.properties, type, std::move(p));
    } else if (k == "transit_gateway_peering") {
        p["PeerAccountId"] = OJ{{"Ref", "AWS::AccountId"}};
        p["PeerRegion"] = m_d.element(c.to)->stringProperty("region");
        p["PeerTransitGatewayId"] = ref(c.to);
        p["TransitGatewayId"] = ref(c.from);
        p["Tags"] = OJ::array({OJ{{"Key", "Name"}, {"Value", c.name}}});
        emitPrimary(c.id, c.properties, type, std::move(p));
    } else if (k == "vpn_attachment") {
        const bool toTgw = m_d.element(c.to)->kind == "transit_gateway";
        p["CustomerGatewayId"] = ref(c.from);
        const bool staticOnly = c.property("static_routes_only").is_boolean() &&
                                c.property("static_routes_only").get<bool>();
        p["StaticRoutesOnly"] = staticOnly;
        p[toTgw ? "TransitGatewayId" : "VpnGatewayId"] = ref(c.to);
        p["Type"] = "ipsec.1";
        p["Tags"] = OJ::array({OJ{{"Key", "Name"}, {"Value", c.name}}});
        emitPrimary(c.id, c.properties, type, std::move(p));
        const auto routes = c.stringListProperty("static_routes");
        if (toTgw || !staticOnly) {
            if (c.properties.contains("static_routes")) {
                entry["design"]["static_routes"] = toOrdered(c.properties["static_routes"]);
            }
        } else {
            for (const auto& r : routes) {
                emitAux(c.id, c.properties, "route:" + r, "Route" + destinationSuffix(r),
                        "AWS::EC2::VPNConnectionRoute",
                        OJ{{"DestinationCidrBlock", r}, {"VpnConnectionId", ref(c.id)}});
            }
        }
    }
    // "uses" connections have no resource; they live in the layout only.
}

}  // namespace

nlohmann::ordered_json exportCloudFormation(const Diagram& diagram,
                                            const CfnExportOptions& options) {
    return Exporter(diagram, options).run();
}

}  // namespace skydraft
