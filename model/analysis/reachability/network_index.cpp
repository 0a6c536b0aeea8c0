// Builds the reachability indexes in one pass over the elements and connections.
#include "analysis/reachability/network_index.h"

#include <algorithm>

#include "catalogue/kind_keys.h"
#include "catalogue/resource_catalogue.h"

namespace skydraft::reach {

using nlohmann::json;

namespace {

template <typename T>
const std::vector<T>& emptyList() {
    static const std::vector<T> none;
    return none;
}

/// An IPv4 CIDR property value, canonical; nullopt for anything else.
std::optional<Cidr> parsed(const json& value) {
    auto cidr = canonicalCidrOf(value);
    if (!cidr || !cidr->isV4()) {
        return std::nullopt;
    }
    return cidr;
}

void sortBlocks(std::vector<std::pair<Cidr, const Element*>>& blocks) {
    std::stable_sort(blocks.begin(), blocks.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
}

}  // namespace

const Element* ownerOf(const std::vector<std::pair<Cidr, const Element*>>& blocks,
                       const Cidr& address) {
    auto it = std::upper_bound(
        blocks.begin(), blocks.end(), address,
        [](const Cidr& a, const auto& block) { return a.first() < block.first.first(); });
    // Blocks are disjoint in a valid design; look back a little for nested or overlapping ones.
    for (int steps = 0; it != blocks.begin() && steps < 8; ++steps) {
        --it;
        if (it->first.contains(address)) {
            return it->second;
        }
    }
    return nullptr;
}

NetworkIndex::NetworkIndex(const Diagram& diagram) : m_diagram(&diagram), m_routes(diagram) {
    const auto& catalogue = ResourceCatalogue::instance();
    std::vector<const Element*> nacls;
    std::vector<const Element*> tgwTables;
    std::vector<const Element*> gateways;
    for (const Element& e : diagram.elements()) {
        const std::string_view kind = e.kind;
        if (kind == kinds::kSubnet) {
            m_subnets[e.parent].push_back(&e);
            if (auto c = parsed(e.property("cidr"))) {
                m_subnetsByAddress.emplace_back(*c, &e);
            }
        } else if (kind == kinds::kVpc) {
            for (const Cidr& c : m_routes.vpcCidrs(e.id)) {
                if (c.isV4()) {
                    m_vpcsByAddress.emplace_back(c, &e);
                }
            }
        } else if (kind == kinds::kNetworkAcl) {
            nacls.push_back(&e);
        } else if (kind == kinds::kTransitGatewayRouteTable) {
            tgwTables.push_back(&e);
        } else if (kind == kinds::kTransitGateway) {
            gateways.push_back(&e);
        } else if (kind == kinds::kElasticIp) {
            const json& instance = e.property("instance");
            if (instance.is_string()) {
                m_elasticIps[instance.get_ref<const std::string&>()] = true;
            }
        }
        if (const RouteTarget* t = catalogue.routeTarget(kind)) {
            if (const Element* vpc = m_routes.attachedVpc(e.id)) {
                if (t->reach == RouteReach::Internet) {
                    m_internetGateways.emplace(vpc->id, &e);
                } else if (t->reach == RouteReach::OnPremises) {
                    m_vpnGateways[vpc->id].push_back(&e);
                }
            }
        }
        for (const json& target : e.property("targets")) {
            if (target.is_string()) {
                m_forwarders[target.get_ref<const std::string&>()].push_back(&e);
            }
        }
        if (e.stringProperty("endpoint_type") == "gateway") {
            for (const json& table : e.property("route_tables")) {
                if (table.is_string()) {
                    m_gatewayEndpoints[table.get_ref<const std::string&>()].push_back(&e);
                }
            }
        }
    }
    sortBlocks(m_subnetsByAddress);
    sortBlocks(m_vpcsByAddress);

    for (const Element* acl : nacls) {
        if (acl->boolProperty("default")) {
            m_defaultNacl.emplace(acl->parent, acl);
        }
        for (const json& s : acl->property("associations")) {
            if (!s.is_string()) {
                continue;
            }
            const Element* subnet = diagram.element(s.get_ref<const std::string&>());
            if (subnet && subnet->parent == acl->parent) {
                m_naclOfSubnet.emplace(subnet->id, acl);
            }
        }
    }

    std::unordered_map<std::string_view, std::vector<const Connection*>> attachmentsOf;
    for (const Connection& c : diagram.connections()) {
        const std::string_view kind = c.kind;
        if (kind == kinds::kTransitGatewayAttachment) {
            m_attachments.emplace(c.from + "\n" + c.to, &c);
            attachmentsOf[c.to].push_back(&c);
        } else if (kind == kinds::kVpnAttachment) {
            m_vpns[c.to].push_back(&c);
            attachmentsOf[c.to].push_back(&c);
        } else if (kind == kinds::kTransitGatewayPeering) {
            attachmentsOf[c.from].push_back(&c);
            attachmentsOf[c.to].push_back(&c);
        }
    }
    auto connections = [&](const Element& table, std::string_view key) {
        std::vector<const Connection*> out;
        for (const json& id : table.property(key)) {
            if (id.is_string()) {
                if (const Connection* c = diagram.connection(id.get_ref<const std::string&>())) {
                    out.push_back(c);
                }
            }
        }
        return out;
    };
    std::unordered_map<std::string_view, bool> explicitTables;
    for (const Element* t : tgwTables) {
        m_tgwTables.push_back(TgwTable{t, diagram.element(t->parent),
                                       connections(*t, "associations"),
                                       connections(*t, "propagations")});
        explicitTables[t->parent] = true;
    }
    for (const Element* g : gateways) {
        if (explicitTables.count(g->id)) {
            continue;
        }
        TgwTable implicit{nullptr, g, {}, {}};
        for (const Connection* a : attachmentsOf[g->id]) {
            if (g->boolProperty("default_route_table_association")) {
                implicit.associations.push_back(a);
            }
            if (g->boolProperty("default_route_table_propagation") &&
                std::string_view(a->kind) != kinds::kTransitGatewayPeering) {
                implicit.propagations.push_back(a);
            }
        }
        m_tgwTables.push_back(std::move(implicit));
    }
    for (std::size_t i = 0; i < m_tgwTables.size(); ++i) {
        const TgwTable& t = m_tgwTables[i];
        if (t.gateway) {
            m_tablesOfGateway[t.gateway->id].push_back(i);
        }
        for (const Connection* a : t.associations) {
            m_tableOfAttachment.emplace(a->id, i);
        }
    }
}

const Element* NetworkIndex::vpcOf(const Element& element) const {
    return m_diagram->ancestorOfKind(element.id, kinds::kVpc);
}

const Element* NetworkIndex::subnetOf(const Element& element) const {
    return m_diagram->ancestorOfKind(element.id, kinds::kSubnet);
}

std::optional<Cidr> NetworkIndex::subnetCidr(const Element& subnet) const {
    return parsed(subnet.property("cidr"));
}

const Element* NetworkIndex::naclOf(const Element& subnet) const {
    if (const auto it = m_naclOfSubnet.find(subnet.id); it != m_naclOfSubnet.end()) {
        return it->second;
    }
    const auto it = m_defaultNacl.find(subnet.parent);
    return it == m_defaultNacl.end() ? nullptr : it->second;
}

const Element* NetworkIndex::subnetAt(const Cidr& address) const {
    return ownerOf(m_subnetsByAddress, address);
}

const Element* NetworkIndex::vpcAt(const Cidr& address) const {
    return ownerOf(m_vpcsByAddress, address);
}

const std::vector<const Element*>& NetworkIndex::subnetsOf(std::string_view vpcId) const {
    const auto it = m_subnets.find(vpcId);
    return it == m_subnets.end() ? emptyList<const Element*>() : it->second;
}

const Element* NetworkIndex::internetGatewayOf(std::string_view vpcId) const {
    const auto it = m_internetGateways.find(vpcId);
    return it == m_internetGateways.end() ? nullptr : it->second;
}

const std::vector<const Element*>& NetworkIndex::vpnGatewaysOf(std::string_view vpcId) const {
    const auto it = m_vpnGateways.find(vpcId);
    return it == m_vpnGateways.end() ? emptyList<const Element*>() : it->second;
}

bool NetworkIndex::hasElasticIp(std::string_view instanceId) const {
    return m_elasticIps.count(instanceId) > 0;
}

const std::vector<const Element*>& NetworkIndex::forwardersTo(std::string_view id) const {
    const auto it = m_forwarders.find(id);
    return it == m_forwarders.end() ? emptyList<const Element*>() : it->second;
}

const std::vector<const Element*>& NetworkIndex::gatewayEndpointsOf(
    std::string_view tableId) const {
    const auto it = m_gatewayEndpoints.find(tableId);
    return it == m_gatewayEndpoints.end() ? emptyList<const Element*>() : it->second;
}

const Connection* NetworkIndex::attachment(std::string_view vpcId,
                                           std::string_view gatewayId) const {
    const auto it = m_attachments.find(std::string(vpcId) + "\n" + std::string(gatewayId));
    return it == m_attachments.end() ? nullptr : it->second;
}

const TgwTable* NetworkIndex::tableOfAttachment(std::string_view attachmentId) const {
    const auto it = m_tableOfAttachment.find(attachmentId);
    return it == m_tableOfAttachment.end() ? nullptr : &m_tgwTables[it->second];
}

std::vector<const TgwTable*> NetworkIndex::tablesOf(std::string_view gatewayId) const {
    std::vector<const TgwTable*> out;
    if (const auto it = m_tablesOfGateway.find(gatewayId); it != m_tablesOfGateway.end()) {
        for (std::size_t i : it->second) {
            out.push_back(&m_tgwTables[i]);
        }
    }
    return out;
}

std::vector<TgwRoute> NetworkIndex::routesOf(const TgwTable& table) const {
    std::vector<TgwRoute> out;
    if (table.element) {
        int index = 0;
        for (const json& r : table.element->property("routes")) {
            const int position = index++;
            if (!r.is_object()) {
                continue;
            }
            const auto destination = parsed(r.value("destination", json()));
            if (!destination) {
                continue;
            }
            const std::string target = r.value("target", std::string());
            const Connection* attachment = m_diagram->connection(target);
            if (!attachment && !target.empty() && target != "blackhole") {
                continue;  // a target outside the design carries nothing (DIA003 reports it)
            }
            out.push_back(
                TgwRoute{*destination, attachment, r.value("propagated", false), position});
        }
    }
    for (const Connection* p : table.propagations) {
        if (std::string_view(p->kind) == kinds::kTransitGatewayAttachment) {
            for (const Cidr& c : m_routes.vpcCidrs(p->from)) {
                if (c.isV4()) {
                    out.push_back(TgwRoute{c, p, true, -1});
                }
            }
        } else if (std::string_view(p->kind) == kinds::kVpnAttachment) {
            for (const Cidr& c : onPremisesPrefixes(*p)) {
                out.push_back(TgwRoute{c, p, true, -1});
            }
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const TgwRoute& a, const TgwRoute& b) {
        if (a.destination.prefix() != b.destination.prefix()) {
            return a.destination.prefix() > b.destination.prefix();
        }
        return !a.propagated && b.propagated;
    });
    return out;
}

const std::vector<const Connection*>& NetworkIndex::vpnsTo(std::string_view gatewayId) const {
    const auto it = m_vpns.find(gatewayId);
    return it == m_vpns.end() ? emptyList<const Connection*>() : it->second;
}

std::vector<Cidr> NetworkIndex::onPremisesPrefixes(const Connection& vpn) const {
    std::vector<Cidr> out;
    for (const json& c : vpn.property("static_routes")) {
        if (auto p = parsed(c)) {
            out.push_back(*p);
        }
    }
    const json& staticOnly = vpn.property("static_routes_only");
    if (staticOnly.is_boolean() && !staticOnly.get<bool>()) {
        if (const Element* cgw = m_diagram->element(vpn.from)) {
            for (const json& c : cgw->property("on_premises_cidrs")) {
                if (auto p = parsed(c)) {
                    out.push_back(*p);
                }
            }
        }
    }
    return out;
}

std::vector<Cidr> NetworkIndex::customerPrefixes(const Element& customerGateway) const {
    std::vector<Cidr> out;
    for (const json& c : customerGateway.property("on_premises_cidrs")) {
        if (auto p = parsed(c)) {
            out.push_back(*p);
        }
    }
    for (const Connection* vpn : m_diagram->connectionsOf(customerGateway.id)) {
        if (std::string_view(vpn->kind) != kinds::kVpnAttachment) {
            continue;
        }
        for (const json& c : vpn->property("static_routes")) {
            if (auto p = parsed(c); p && std::find(out.begin(), out.end(), *p) == out.end()) {
                out.push_back(*p);
            }
        }
    }
    return out;
}

std::string NetworkIndex::logicalId(std::string_view id) const {
    const json* properties = nullptr;
    if (const Element* e = m_diagram->element(id)) {
        properties = &e->properties;
    } else if (const Connection* c = m_diagram->connection(id)) {
        properties = &c->properties;
    }
    if (!properties) {
        return {};
    }
    const auto cfn = properties->find("cloudformation");
    if (cfn == properties->end() || !cfn->is_object()) {
        return {};
    }
    const auto logical = cfn->find("logical_id");
    return logical != cfn->end() && logical->is_string() ? logical->get<std::string>()
                                                         : std::string();
}

}  // namespace skydraft::reach
