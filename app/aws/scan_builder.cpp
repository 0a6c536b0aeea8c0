// Turning a scan's inventory into a diagram: ids, names, tags, defaults, layout, metadata.
#include "aws/scan_builder.h"

#include <algorithm>

#include "auto_layout.h"
#include "aws/aws_response.h"
#include "aws/scan_builder_state.h"
#include "diff/diagram_diff.h"

namespace skydraft::aws {

using nlohmann::json;

namespace {

bool validIdCharacter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == ':';
}

/// What a scan cannot compare with a design, for the diff (see kAwsScanMetadata).
json scanLimits() {
    return {{"unobserved",
             {{"kinds", {"uses", "generic", "direct_connect_gateway", "transit_gateway_peering"}},
              {"properties",
               {{"*", {"needs_internet", "reachable_from_internet"}},
                // CloudFormation cannot make a table the VPC's main one: a deployed design's
                // "main" table is an ordinary table associated with every subnet it serves.
                {"route_table", {"main"}},
                {"customer_gateway", {"on_premises_cidrs"}},
                {"virtual_private_gateway", {"direct_connect_gateway"}}}}}},
            // AWS gives the VPC's default security group to what a design leaves without one.
            {"assigned",
             {{"*", {"security_groups"}},
              {"ec2_instance", {"private_ip"}},
              {"nat_gateway", {"private_ip"}},
              {"s3_bucket", {"bucket_name"}},
              {"vpc", {"ipv6_cidrs"}},
              {"subnet", {"ipv6_cidr"}},
              {"vpc_peering", {"peer_owner_id"}}}}};
}

}  // namespace

std::vector<const json*> ScanBuilder::items(const json& data, const char* action) {
    const auto it = data.find(action);
    return it == data.end() ? std::vector<const json*>() : listOf(*it);
}

const json& ScanBuilder::detail(const json& data, const char* action, const std::string& key) {
    static const json none;
    const auto it = data.find(action);
    if (it == data.end() || !it->is_object()) {
        return none;
    }
    const auto found = it->find(key);
    return found == it->end() ? none : *found;
}

ScanBuilder::Tags ScanBuilder::readTags(const json& tags) {
    Tags out;
    for (const json* tag : listOf(tags)) {
        std::string key = textAt(*tag, "key");
        std::string value = textAt(*tag, "value");
        if (key.empty()) {
            key = textAt(*tag, "Key");
            value = textAt(*tag, "Value");
        }
        if (key == "Name") {
            out.name = value;
        } else if (key == "aws:cloudformation:logical-id") {
            out.logicalId = value;
        } else if (!key.empty() && key.rfind("aws:", 0) != 0) {
            out.rest[key] = value;
        }
    }
    return out;
}

std::string ScanBuilder::freshId(const std::string& awsId) {
    std::string id = awsId;
    for (char& c : id) {
        if (!validIdCharacter(c)) {
            c = '-';
        }
    }
    if (id.empty()) {
        id = "resource";
    }
    std::string unique = id;
    for (int n = 2; m_ids.count(unique); ++n) {
        unique = id + "-" + std::to_string(n);
    }
    m_ids.insert(unique);
    return unique;
}

std::string ScanBuilder::idOf(const std::string& awsId) const {
    const auto it = m_idOfAws.find(awsId);
    return it == m_idOfAws.end() ? std::string() : it->second;
}

std::size_t ScanBuilder::addElement(const std::string& kind, const std::string& awsId,
                                    const std::string& fallbackName, const std::string& parent,
                                    json properties, const json& tags, const std::string& idHint) {
    const Tags t = readTags(tags);
    Element e;
    e.id = freshId(idHint.empty() ? awsId : idHint);
    e.kind = kind;
    e.name = t.name.empty() ? (fallbackName.empty() ? awsId : fallbackName) : t.name;
    e.parent = parent;
    e.tags = t.rest;
    e.properties = std::move(properties);
    e.properties[std::string(kAwsIdProperty)] = awsId;
    if (!t.logicalId.empty()) {
        e.properties["cloudformation"] = {{"logical_id", t.logicalId}};
    }
    m_idOfAws[awsId] = e.id;
    m_index[e.id] = m_elements.size();
    m_elements.push_back(std::move(e));
    return m_elements.size() - 1;
}

bool ScanBuilder::addConnection(const std::string& kind, const std::string& awsId,
                                const std::string& from, const std::string& to, json properties,
                                const json& tags) {
    const std::string fromId = idOf(from);
    const std::string toId = idOf(to);
    if (fromId.empty() || toId.empty()) {
        note(awsId + " joins " + from + " and " + to +
             ", which are not both in the scan: left out");
        return false;
    }
    const Tags t = readTags(tags);
    Connection c;
    c.id = freshId(awsId);
    c.kind = kind;
    c.name = t.name.empty() ? awsId : t.name;
    c.from = fromId;
    c.to = toId;
    c.properties = std::move(properties);
    c.properties[std::string(kAwsIdProperty)] = awsId;
    if (!t.logicalId.empty()) {
        c.properties["cloudformation"] = {{"logical_id", t.logicalId}};
    }
    m_idOfAws[awsId] = c.id;
    m_connections.push_back(std::move(c));
    return true;
}

std::string ScanBuilder::vpcOfSubnet(const std::string& subnetId) const {
    const auto it = m_index.find(subnetId);
    return it == m_index.end() ? std::string() : m_elements[it->second].parent;
}

json ScanBuilder::subnetIds(const std::vector<std::string>& awsIds) const {
    json ids = json::array();
    for (const auto& awsId : awsIds) {
        const std::string id = idOf(awsId);
        if (!id.empty()) {
            ids.push_back(id);
        }
    }
    return ids;
}

json ScanBuilder::securityGroupIds(const std::vector<std::string>& awsIds) {
    json ids = json::array();
    for (const auto& awsId : awsIds) {
        const std::string id = idOf(awsId);
        ids.push_back(id.empty() ? awsId : id);
        if (!id.empty()) {
            m_usedGroups.insert(id);
        }
    }
    return ids;
}

void ScanBuilder::finishDefaults() {
    // A VPC's default security group (it cannot be deleted) is left out unless something uses it.
    for (const auto& e : m_elements) {
        for (const char* key : {"ingress", "egress"}) {
            for (const auto& rule : e.properties.value(key, json::array())) {
                const std::string group = rule.value("source_security_group", std::string());
                if (!group.empty() && group != e.id) {
                    m_usedGroups.insert(group);
                }
            }
        }
    }
    std::set<std::string> drop;
    for (const auto& id : m_defaultGroups) {
        if (!m_usedGroups.count(id)) {
            drop.insert(id);
            continue;
        }
        // Used, but with the rules AWS gave it: AWS's own, not a design's.
        const Element& group = m_elements[m_index.at(id)];
        const json ingress = group.properties.value("ingress", json::array());
        const json egress = group.properties.value("egress", json::array());
        const bool defaultIngress =
            ingress.empty() ||
            ingress == json::array({{{"protocol", "-1"}, {"source_security_group", id}}});
        const bool defaultEgress =
            egress == json::array({{{"protocol", "-1"}, {"cidr", "0.0.0.0/0"}}}) ||
            egress == json::array({{{"protocol", "-1"}, {"cidr", "0.0.0.0/0"}},
                                   {{"protocol", "-1"}, {"ipv6_cidr", "::/0"}}});
        if (defaultIngress && defaultEgress) {
            m_awsDefaults.insert(id);
        }
    }
    if (drop.empty()) {
        return;
    }
    m_elements.erase(std::remove_if(m_elements.begin(), m_elements.end(),
                                    [&](const Element& e) { return drop.count(e.id) > 0; }),
                     m_elements.end());
    m_index.clear();
    for (std::size_t i = 0; i < m_elements.size(); ++i) {
        m_index[m_elements[i].id] = i;
    }
}

void ScanBuilder::dropIdleDefaultVpcs() {
    // A region's default VPC that holds nothing but what AWS put in it is left out.
    std::set<std::string> drop;
    for (const auto& vpc : m_defaultVpcs) {
        bool idle = true;
        for (const auto& e : m_elements) {
            const std::string& parent = e.parent;
            const bool inVpc = parent == vpc || (m_index.count(parent) &&
                                                 m_elements[m_index.at(parent)].parent == vpc);
            if (!inVpc) {
                continue;
            }
            const bool aws = m_defaultSubnets.count(e.id) || m_mainTables.count(e.id) ||
                             m_defaultGroups.count(e.id) || e.kind == "internet_gateway" ||
                             e.properties.value("default", false) == true;
            idle = idle && aws;
        }
        for (const auto& c : m_connections) {
            idle = idle && c.from != vpc && c.to != vpc;
        }
        if (idle) {
            drop.insert(vpc);
            note("the default VPC " +
                 m_elements[m_index.at(vpc)].properties.value(std::string(kAwsIdProperty), vpc) +
                 " holds nothing but what AWS created with it: left out");
        }
    }
    if (drop.empty()) {
        return;
    }
    auto dropped = [&](const Element& e) {
        for (const Element* at = &e; at != nullptr;) {
            if (drop.count(at->id)) {
                return true;
            }
            const auto it = m_index.find(at->parent);
            at = it == m_index.end() ? nullptr : &m_elements[it->second];
        }
        return false;
    };
    std::vector<bool> gone;
    for (const auto& e : m_elements) {
        gone.push_back(dropped(e));
    }
    std::vector<Element> kept;
    for (std::size_t i = 0; i < m_elements.size(); ++i) {
        if (!gone[i]) {
            kept.push_back(std::move(m_elements[i]));
        }
    }
    m_elements = std::move(kept);
    m_index.clear();
    for (std::size_t i = 0; i < m_elements.size(); ++i) {
        m_index[m_elements[i].id] = i;
    }
}

ScanDiagram ScanBuilder::build() {
    ScanDiagram result;
    const json& regions = m_inventory.value("regions", json::object());
    std::set<std::string> scanned;
    if (regions.is_object()) {
        for (const auto& [region, data] : regions.items()) {
            if (!data.is_object()) {
                continue;
            }
            scanned.insert(region);
            readVpcs(region, data);
            readSubnets(data);
            readGateways(region, data);
            readVpn(data);
            readTransitGateways(data);
            readSecurityGroups(data);
            readInterfaces(data);
            readInstances(data);
            readAddresses(data);
            readEndpoints(data);
            readNetworkAcls(data);
            readLoadBalancers(data);
            readAutoScaling(data);
            readDatabases(data);
            readLambda(data);
            readFileSystems(data);
            readTables(data);
        }
        // Peerings join VPCs of any two regions, and routes target peerings: both come last.
        for (const auto& [region, data] : regions.items()) {
            if (data.is_object()) {
                readPeerings(data);
            }
        }
        for (const auto& [region, data] : regions.items()) {
            if (data.is_object()) {
                readRouteTables(data);
            }
        }
        resolveEndpointRouteTables();
    }
    readBuckets(scanned);
    finishDefaults();
    dropIdleDefaultVpcs();
    autoLayout(m_elements);

    Diagram diagram;
    const std::string account = m_inventory.value("account", std::string());
    std::string regionList;
    for (const auto& region : scanned) {
        regionList += (regionList.empty() ? "" : ", ") + region;
    }
    diagram.setName("AWS account " + (account.empty() ? std::string("(unknown)") : account) +
                    (regionList.empty() ? "" : " (" + regionList + ")"));
    json metadata = scanLimits();
    metadata["account"] = account;
    metadata["regions"] = json(std::vector<std::string>(scanned.begin(), scanned.end()));
    metadata["scanned_at"] = m_inventory.value("scanned_at", std::string());
    json warnings = m_inventory.value("warnings", json::array());
    for (const auto& n : m_notes) {
        warnings.push_back(n);
    }
    metadata["warnings"] = warnings;
    json defaults = json::array();
    for (const auto& e : m_elements) {
        if (m_awsDefaults.count(e.id)) {
            defaults.push_back(e.id);
        }
    }
    metadata["defaults"] = defaults;
    diagram.setMetadata({{std::string(kAwsScanMetadata), metadata}});
    Diagram::Problem problem;
    std::vector<std::string> names;
    for (const auto& e : m_elements) {
        names.push_back(e.id);
    }
    for (const auto& c : m_connections) {
        names.push_back(c.id);
    }
    const std::size_t elementCount = m_elements.size();
    if (Status s = diagram.assign(std::move(m_elements), std::move(m_connections), &problem); !s) {
        const std::size_t index =
            problem.inConnections ? elementCount + problem.index : problem.index;
        result.error = "the scanned resource " + (index < names.size() ? names[index] : "?") +
                       " does not fit the diagram (" + problem.field + "): " + s.error;
        return result;
    }
    result.diagram = std::move(diagram);
    result.notes = m_notes;
    return result;
}

ScanDiagram buildScanDiagram(const Inventory& inventory) {
    if (!inventory.is_object()) {
        ScanDiagram result;
        result.error = "the scan inventory is not an object";
        return result;
    }
    try {
        return ScanBuilder(inventory).build();
    } catch (const std::exception& e) {
        ScanDiagram result;
        result.error = std::string("an answer of an unexpected shape: ") + e.what();
        return result;
    }
}

}  // namespace skydraft::aws
