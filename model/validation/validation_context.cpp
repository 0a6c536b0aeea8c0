// Builds the shared indexes the rules read: elements by kind, VPC and subnet membership.
#include "validation_context.h"

#include <algorithm>

#include "catalogue/resource_catalogue.h"

namespace skydraft {

using nlohmann::json;

namespace {

template <typename T>
const std::vector<T>& emptyList() {
    static const std::vector<T> none;
    return none;
}

}  // namespace

bool spansSubnets(std::string_view kind) {
    const KindDef* def = ResourceCatalogue::instance().kind(kind);
    return def && def->spansSubnets();
}

std::string inQuotes(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

std::string kindLabel(std::string_view kind) {
    const auto& catalogue = ResourceCatalogue::instance();
    if (!catalogue.kind(kind) && !catalogue.connectionKind(kind)) {
        return std::string(kind);
    }
    return std::string(catalogue.label(kind));
}

std::string describe(const Element& element) {
    return kindLabel(element.kind) + " " +
           inQuotes(element.name.empty() ? element.id : element.name);
}

std::string describe(const Connection& connection) {
    return kindLabel(connection.kind) + " " +
           inQuotes(connection.name.empty() ? connection.id : connection.name);
}

ValidationContext::ValidationContext(const Diagram& diagram)
    : m_diagram(diagram), m_routes(diagram) {
    const auto& elements = diagram.elements();
    for (const Element& e : elements) {
        m_byKind[e.kind].push_back(&e);
    }
    for (const Connection& c : diagram.connections()) {
        m_connectionsByKind[c.kind].push_back(&c);
    }
    const auto& vpcElements = ofKind("vpc");
    m_vpcs.reserve(vpcElements.size());
    for (const Element* e : vpcElements) {
        VpcInfo info;
        info.element = e;
        info.region = e->stringProperty("region");
        info.knownRegion = knownRegion(*e);
        if (auto c = canonicalCidrOf(e->property("cidr")); c && c->isV4()) {
            info.ipv4.push_back(*c);
        }
        for (const json& s : e->property("secondary_cidrs")) {
            if (auto c = canonicalCidrOf(s); c && c->isV4()) {
                info.ipv4.push_back(*c);
            }
        }
        for (const json& s : e->property("ipv6_cidrs")) {
            if (auto c = canonicalCidrOf(s); c && c->isV6()) {
                info.ipv6.push_back(*c);
            }
        }
        m_vpcIndex.emplace(e->id, static_cast<int>(m_vpcs.size()));
        m_vpcs.push_back(std::move(info));
    }
    const auto& subnetElements = ofKind("subnet");
    m_subnets.reserve(subnetElements.size());
    auto flag = [](const Element& e, const char* key) {
        const auto it = e.properties.find(key);
        return it != e.properties.end() && it->is_boolean() && it->get<bool>();
    };
    auto written = [](const Element& e, const char* key) -> std::optional<Cidr> {
        const auto it = e.properties.find(key);
        if (it == e.properties.end() || !it->is_string()) {
            return std::nullopt;
        }
        return parseCidr(it->get_ref<const std::string&>()).cidr;
    };
    for (const Element* e : subnetElements) {
        SubnetInfo info;
        info.element = e;
        info.vpc = vpc(e->parent);
        if (auto c = written(*e, "cidr"); c && c->isV4()) {
            info.ipv4Written = c;
            info.ipv4 = c->canonical();
        }
        if (auto c = written(*e, "ipv6_cidr"); c && c->isV6()) {
            info.ipv6Written = c;
            info.ipv6 = c->canonical();
        }
        if (const auto z = e->properties.find("availability_zone");
            z != e->properties.end() && z->is_string()) {
            info.zone = z->get_ref<const std::string&>();
        }
        info.zoneRef = zoneOf(*e, info.vpc ? std::string_view(info.vpc->knownRegion) : "");
        info.ipv6Only = flag(*e, "ipv6_only");
        info.assignIpv6OnCreation = flag(*e, "assign_ipv6_on_creation");
        info.mapPublicIp = flag(*e, "map_public_ip_on_launch");
        info.table = m_routes.tableOfSubnet(*e);
        info.reach = info.table ? info.table->reach : SubnetReach::Isolated;
        m_subnets.push_back(std::move(info));
    }

    // Containing VPC and subnet of every element. Only VPCs, subnets and transit gateways
    // contain elements, so the parent alone decides: a VPC, or a subnet (and its VPC). The
    // small VPC index is tried first: most parents are VPCs.
    const std::size_t n = elements.size();
    m_vpcOf.assign(n, -1);
    m_subnetOf.assign(n, -1);
    m_parentOf.assign(n, -1);
    for (std::size_t k = 0; k < m_subnets.size(); ++k) {
        const auto i = static_cast<std::size_t>(m_subnets[k].element - elements.data());
        m_subnetOf[i] = static_cast<int>(k);
    }
    for (std::size_t k = 0; k < m_vpcs.size(); ++k) {
        const auto i = static_cast<std::size_t>(m_vpcs[k].element - elements.data());
        m_vpcOf[i] = static_cast<int>(k);
    }
    auto indexOf = [&](const Element* e) { return static_cast<int>(e - elements.data()); };
    for (std::size_t i = 0; i < n; ++i) {
        const Element& e = elements[i];
        if (e.parent.empty()) {
            continue;
        }
        const std::string_view kind = e.kind;
        if (const auto v = m_vpcIndex.find(e.parent); v != m_vpcIndex.end()) {
            const VpcInfo& vpc = m_vpcs[static_cast<std::size_t>(v->second)];
            m_parentOf[i] = indexOf(vpc.element);
            if (kind != "vpc") {
                m_vpcOf[i] = v->second;
            }
            continue;
        }
        const std::size_t p = m_diagram.indexOf(e.parent);
        if (p >= n) {
            continue;
        }
        m_parentOf[i] = static_cast<int>(p);
        if (const int s = m_subnetOf[p];
            s >= 0 && std::string_view(elements[p].kind) == "subnet" && kind != "vpc") {
            const SubnetInfo& subnet = m_subnets[static_cast<std::size_t>(s)];
            if (kind != "subnet") {
                m_subnetOf[i] = s;  // a subnet is its own
            }
            if (subnet.vpc) {
                m_vpcOf[i] = static_cast<int>(subnet.vpc - m_vpcs.data());
            }
        }
    }

    for (std::size_t i = 0; i < n; ++i) {
        const Element& e = elements[i];
        if (m_subnetOf[i] >= 0 && std::string_view(e.kind) != "subnet") {
            m_subnets[static_cast<std::size_t>(m_subnetOf[i])].residents.push_back(&e);
        }
        if (spansSubnets(e.kind)) {
            for (const json& s : e.property("subnets")) {
                if (!s.is_string()) {
                    continue;
                }
                const int k = subnetIndex(s.get_ref<const std::string&>());
                if (k >= 0) {
                    auto& residents = m_subnets[static_cast<std::size_t>(k)].residents;
                    if (residents.empty() || residents.back() != &e) {
                        residents.push_back(&e);
                    }
                }
            }
        }
        if (m_vpcOf[i] < 0 || std::string_view(e.kind) == "vpc") {
            continue;
        }
        VpcInfo& v = m_vpcs[static_cast<std::size_t>(m_vpcOf[i])];
        v.members.push_back(&e);
        const std::string_view k = e.kind;  // compares the length first
        if (k == "subnet") {
            v.subnets.push_back(&e);
            v.subnetInfos.push_back(&m_subnets[static_cast<std::size_t>(m_subnetOf[i])]);
        } else if (k == "route_table") {
            v.routeTables.push_back(&e);
        } else if (k == "network_acl") {
            v.networkAcls.push_back(&e);
        } else if (k == "security_group") {
            v.securityGroups.push_back(&e);
        } else if (k == "internet_gateway") {
            v.internetGateways.push_back(&e);
        } else if (k == "egress_only_internet_gateway") {
            v.egressOnlyGateways.push_back(&e);
        } else if (k == "virtual_private_gateway") {
            v.virtualPrivateGateways.push_back(&e);
        } else if (k == "nat_gateway") {
            v.natGateways.push_back(&e);
        } else if (k == "vpc_endpoint") {
            v.endpoints.push_back(&e);
        }
    }

    for (const Connection& c : diagram.connections()) {
        if (c.kind == "vpc_peering") {
            const auto a = m_vpcIndex.find(c.from);
            const auto b = m_vpcIndex.find(c.to);
            if (a != m_vpcIndex.end()) {
                m_vpcs[static_cast<std::size_t>(a->second)].peerings.push_back(&c);
            }
            if (b != m_vpcIndex.end() && (a == m_vpcIndex.end() || a->second != b->second)) {
                m_vpcs[static_cast<std::size_t>(b->second)].peerings.push_back(&c);
            }
        } else if (c.kind == "transit_gateway_attachment") {
            if (const auto a = m_vpcIndex.find(c.from); a != m_vpcIndex.end()) {
                m_vpcs[static_cast<std::size_t>(a->second)].transitGatewayAttachments.push_back(&c);
            }
            for (const json& s : c.property("subnets")) {
                if (!s.is_string()) {
                    continue;
                }
                const int k = subnetIndex(s.get_ref<const std::string&>());
                if (k >= 0) {
                    m_subnets[static_cast<std::size_t>(k)].attachments.push_back(&c);
                }
            }
        }
    }
}

const std::vector<const Element*>& ValidationContext::ofKind(std::string_view kind) const {
    const auto it = m_byKind.find(kind);
    return it == m_byKind.end() ? emptyList<const Element*>() : it->second;
}

const std::vector<const Connection*>& ValidationContext::connectionsOfKind(
    std::string_view kind) const {
    const auto it = m_connectionsByKind.find(kind);
    return it == m_connectionsByKind.end() ? emptyList<const Connection*>() : it->second;
}

const Element* ValidationContext::vpcOf(const Element& element) const {
    const auto& elements = m_diagram.elements();
    const std::size_t i = static_cast<std::size_t>(&element - elements.data());
    if (i >= elements.size() || m_vpcOf[i] < 0) {
        return nullptr;
    }
    return m_vpcs[static_cast<std::size_t>(m_vpcOf[i])].element;
}

const Element* ValidationContext::subnetOf(const Element& element) const {
    const auto& elements = m_diagram.elements();
    const std::size_t i = static_cast<std::size_t>(&element - elements.data());
    if (i >= elements.size() || m_subnetOf[i] < 0) {
        return nullptr;
    }
    return m_subnets[static_cast<std::size_t>(m_subnetOf[i])].element;
}

const Element* ValidationContext::parentOf(const Element& element) const {
    const auto& elements = m_diagram.elements();
    const std::size_t i = static_cast<std::size_t>(&element - elements.data());
    if (i >= elements.size() || m_parentOf[i] < 0) {
        return nullptr;
    }
    return &elements[static_cast<std::size_t>(m_parentOf[i])];
}

const VpcInfo* ValidationContext::vpc(std::string_view vpcId) const {
    const auto it = m_vpcIndex.find(vpcId);
    return it == m_vpcIndex.end() ? nullptr : &m_vpcs[static_cast<std::size_t>(it->second)];
}

const SubnetInfo* ValidationContext::subnet(std::string_view subnetId) const {
    const int k = subnetIndex(subnetId);
    return k < 0 ? nullptr : &m_subnets[static_cast<std::size_t>(k)];
}

int ValidationContext::subnetIndex(std::string_view id) const {
    // The diagram's own id index: no second map of every subnet id per validation.
    const auto& elements = m_diagram.elements();
    const std::size_t i = m_diagram.indexOf(id);
    return i < elements.size() && elements[i].kind == "subnet" ? m_subnetOf[i] : -1;
}

const SubnetInfo* ValidationContext::subnet(const Element& subnet) const {
    const auto& elements = m_diagram.elements();
    const auto i = static_cast<std::size_t>(&subnet - elements.data());
    if (i >= elements.size() || subnet.kind != "subnet" || m_subnetOf[i] < 0) {
        return nullptr;
    }
    return &m_subnets[static_cast<std::size_t>(m_subnetOf[i])];
}

std::string ValidationContext::describe(std::string_view id) const {
    if (const Element* e = element(id)) {
        return skydraft::describe(*e);
    }
    if (const Connection* c = connection(id)) {
        return skydraft::describe(*c);
    }
    return inQuotes(id);
}

}  // namespace skydraft
