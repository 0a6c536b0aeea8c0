// Route analysis: effective route tables, propagated routes and longest-prefix matching.
#include "analysis/route_analysis.h"

#include <algorithm>

#include "catalogue/kind_keys.h"

namespace skydraft {

using nlohmann::json;

namespace {

const std::vector<Cidr>& emptyCidrs() {
    static const std::vector<Cidr> none;
    return none;
}

void addParsed(std::vector<Cidr>& out, const json& value) {
    if (value.is_string()) {
        if (auto parsed = parseCidr(value.get_ref<const std::string&>())) {
            out.push_back(parsed.cidr->canonical());
        }
    }
}

const Cidr& defaultRoute(IpFamily family) {
    static const Cidr v4 = Cidr::v4(0, 0);
    static const Cidr v6 = Cidr::v6(0, 0);
    return family == IpFamily::V4 ? v4 : v6;
}

}  // namespace

std::string_view subnetReachKey(SubnetReach reach) {
    switch (reach) {
        case SubnetReach::Public:
            return "public";
        case SubnetReach::Private:
            return "private";
        case SubnetReach::VpnOnly:
            return "vpn-only";
        case SubnetReach::Isolated:
            return "isolated";
    }
    return "isolated";
}

std::optional<SubnetReach> parseSubnetReach(std::string_view key) {
    for (SubnetReach r :
         {SubnetReach::Public, SubnetReach::Private, SubnetReach::VpnOnly, SubnetReach::Isolated}) {
        if (subnetReachKey(r) == key) {
            return r;
        }
    }
    return std::nullopt;
}

std::string_view subnetReachLabel(SubnetReach reach) {
    switch (reach) {
        case SubnetReach::Public:
            return "Public";
        case SubnetReach::Private:
            return "Private";
        case SubnetReach::VpnOnly:
            return "VPN-only";
        case SubnetReach::Isolated:
            return "Isolated";
    }
    return "Isolated";
}

RouteAnalysis::RouteAnalysis(const Diagram& diagram) : m_diagram(&diagram) {
    const auto& elements = diagram.elements();
    std::unordered_map<std::string_view, std::vector<const Connection*>> vpnsByGateway;
    for (const Connection& c : diagram.connections()) {
        if (c.kind == kinds::kVpnAttachment) {
            vpnsByGateway[c.to].push_back(&c);
        }
    }
    // One pass sorts out the three kinds the analysis reads (string_view comparisons check the
    // length first: this loop runs over every element of large diagrams).
    std::vector<const Element*> vpcElements;
    std::vector<const Element*> tableElements;
    std::vector<std::size_t> subnetIndexes;
    for (std::size_t i = 0; i < elements.size(); ++i) {
        const std::string_view kind = elements[i].kind;
        if (kind == kinds::kSubnet) {
            subnetIndexes.push_back(i);
        } else if (kind == kinds::kRouteTable) {
            tableElements.push_back(&elements[i]);
        } else if (kind == kinds::kVpc) {
            vpcElements.push_back(&elements[i]);
        }
    }
    m_vpcs.reserve(vpcElements.size());
    for (const Element* vpcElement : vpcElements) {
        const Element& e = *vpcElement;
        {
            VpcRoutes& v = m_vpcs[e.id];
            addParsed(v.cidrs, e.property("cidr"));
            for (const auto& c : e.property("secondary_cidrs")) {
                addParsed(v.cidrs, c);
            }
            for (const auto& c : e.property("ipv6_cidrs")) {
                addParsed(v.cidrs, c);
            }
            for (const Cidr& c : v.cidrs) {
                v.localRoutes.push_back(Route{c, "local", RouteOrigin::Local, -1, {}});
            }
        }
    }
    m_tables.reserve(tableElements.size());
    m_tableIndex.reserve(tableElements.size());
    for (const Element* tableElement : tableElements) {
        const Element& e = *tableElement;
        RouteTableInfo info;
        info.element = &e;
        info.vpc = diagram.element(e.parent);
        info.main = e.boolProperty("main");
        const json& routes = e.property("routes");
        if (routes.is_array()) {
            int index = 0;
            for (const json& r : routes) {
                const int position = index++;
                if (!r.is_object()) {
                    continue;
                }
                const auto d = r.find("destination");
                const auto t = r.find("target");
                WrittenRoute written;
                written.index = position;
                if (d != r.end() && d->is_string()) {
                    written.destination = d->get_ref<const std::string&>();
                }
                if (t != r.end() && t->is_string()) {
                    written.target = t->get_ref<const std::string&>();
                }
                written.propagated = r.value("propagated", false);
                if (auto parsed = parseCidr(written.destination)) {
                    written.cidr = parsed.cidr->canonical();
                    info.routes.push_back(
                        Route{*written.cidr, written.target,
                              written.propagated ? RouteOrigin::Propagated : RouteOrigin::Static,
                              position, written.destination});
                }
                info.written.push_back(written);
            }
        }
        for (const json& g : e.property("propagating_gateways")) {
            if (!g.is_string()) {
                continue;
            }
            const std::string& gateway = g.get_ref<const std::string&>();
            const Element* attached = attachedVpc(gateway);
            if (!attached || attached != info.vpc) {
                continue;
            }
            const auto vpns = vpnsByGateway.find(gateway);
            if (vpns == vpnsByGateway.end()) {
                continue;
            }
            for (const Connection* vpn : vpns->second) {
                std::vector<Cidr> prefixes;
                for (const json& c : vpn->property("static_routes")) {
                    addParsed(prefixes, c);
                }
                const json& staticOnly = vpn->property("static_routes_only");
                if (staticOnly.is_boolean() && !staticOnly.get<bool>()) {
                    if (const Element* cgw = diagram.element(vpn->from)) {
                        for (const json& c : cgw->property("on_premises_cidrs")) {
                            addParsed(prefixes, c);
                        }
                    }
                }
                for (const Cidr& p : prefixes) {
                    info.routes.push_back(Route{p, gateway, RouteOrigin::Propagated, -1, {}});
                }
            }
        }
        if (const VpcRoutes* v = info.vpc ? vpc(info.vpc->id) : nullptr) {
            info.routes.insert(info.routes.end(), v->localRoutes.begin(), v->localRoutes.end());
        }
        std::stable_sort(info.routes.begin(), info.routes.end(),
                         [](const Route& a, const Route& b) {
                             if (a.destination.isV4() != b.destination.isV4()) {
                                 return a.destination.isV4();
                             }
                             if (a.destination.prefix() != b.destination.prefix()) {
                                 return a.destination.prefix() > b.destination.prefix();
                             }
                             return a.origin < b.origin;
                         });
        info.defaultRouteToInternetV4 =
            toInternetGatewayOf(lookup(info, defaultRoute(IpFamily::V4)), info.vpc);
        info.defaultRouteToInternetV6 =
            toInternetGatewayOf(lookup(info, defaultRoute(IpFamily::V6)), info.vpc);
        info.reach = classify(info);
        const int index = static_cast<int>(m_tables.size());
        m_tableIndex.emplace(e.id, index);
        if (info.main && info.vpc) {
            auto it = m_vpcs.find(info.vpc->id);
            if (it != m_vpcs.end() && it->second.mainTable < 0) {
                it->second.mainTable = index;
            }
        }
        m_tables.push_back(std::move(info));
    }

    // Effective tables: the first explicit association with a table of the subnet's own VPC,
    // else the VPC's main table.
    m_tableOfElement.assign(elements.size(), -1);
    for (std::size_t i = 0; i < m_tables.size(); ++i) {
        for (const json& s : m_tables[i].element->property("associations")) {
            if (!s.is_string()) {
                continue;
            }
            const std::size_t subnet = diagram.indexOf(s.get_ref<const std::string&>());
            if (subnet >= elements.size() ||
                std::string_view(elements[subnet].kind) != kinds::kSubnet) {
                continue;
            }
            m_associations.push_back({subnet, static_cast<int>(i)});
            const RouteTableInfo& t = m_tables[i];
            if (m_tableOfElement[subnet] < 0 && t.vpc && t.vpc->id == elements[subnet].parent) {
                m_tableOfElement[subnet] = static_cast<int>(i);
            }
        }
    }
    for (const std::size_t i : subnetIndexes) {
        const Element& e = elements[i];
        if (m_tableOfElement[i] < 0) {
            if (const VpcRoutes* v = vpc(e.parent)) {
                m_tableOfElement[i] = v->mainTable;
            }
        }
        if (m_tableOfElement[i] >= 0) {
            m_tables[static_cast<std::size_t>(m_tableOfElement[i])].subnets.push_back(&e);
        }
    }
}

const RouteAnalysis::VpcRoutes* RouteAnalysis::vpc(std::string_view vpcId) const {
    const auto it = m_vpcs.find(vpcId);
    return it == m_vpcs.end() ? nullptr : &it->second;
}

const RouteTableInfo* RouteAnalysis::table(std::string_view routeTableId) const {
    const auto it = m_tableIndex.find(routeTableId);
    return it == m_tableIndex.end() ? nullptr : &m_tables[static_cast<std::size_t>(it->second)];
}

const RouteTableInfo* RouteAnalysis::tableOfSubnet(std::string_view subnetId) const {
    const Element* subnet = m_diagram->element(subnetId);
    return subnet ? tableOfSubnet(*subnet) : nullptr;
}

const RouteTableInfo* RouteAnalysis::tableOfSubnet(const Element& subnet) const {
    const auto& elements = m_diagram->elements();
    const auto i = static_cast<std::size_t>(&subnet - elements.data());
    if (i >= elements.size() || m_tableOfElement[i] < 0) {
        return nullptr;
    }
    return &m_tables[static_cast<std::size_t>(m_tableOfElement[i])];
}

const RouteTableInfo* RouteAnalysis::mainTableOf(std::string_view vpcId) const {
    const VpcRoutes* v = vpc(vpcId);
    return v && v->mainTable >= 0 ? &m_tables[static_cast<std::size_t>(v->mainTable)] : nullptr;
}

const Route* RouteAnalysis::lookup(const RouteTableInfo& table, const Cidr& destination) {
    for (const Route& r : table.routes) {
        if (r.destination.contains(destination)) {
            return &r;
        }
    }
    return nullptr;
}

std::optional<Route> RouteAnalysis::lookupFromSubnet(std::string_view subnetId,
                                                     const Cidr& destination) const {
    const Element* subnet = m_diagram->element(subnetId);
    return subnet ? lookupFromSubnet(*subnet, destination) : std::nullopt;
}

std::optional<Route> RouteAnalysis::lookupFromSubnet(const Element& subnet,
                                                     const Cidr& destination) const {
    if (const RouteTableInfo* t = tableOfSubnet(subnet)) {
        if (const Route* r = lookup(*t, destination)) {
            return *r;
        }
        return std::nullopt;
    }
    if (const VpcRoutes* v = vpc(subnet.parent)) {
        for (const Route& r : v->localRoutes) {
            if (r.destination.contains(destination)) {
                return r;
            }
        }
    }
    return std::nullopt;
}

SubnetReach RouteAnalysis::classify(const RouteTableInfo& table) const {
    const auto& catalogue = ResourceCatalogue::instance();
    bool leaves = false;
    bool vpn = false;
    for (const Route& r : table.routes) {
        if (r.origin == RouteOrigin::Local) {
            continue;
        }
        const std::string_view kind = targetKind(r.target);
        if (kind.empty()) {
            continue;  // not in the design (RT004 and DIA003 report it)
        }
        const RouteTarget* target = catalogue.routeTarget(kind, table.element->kind);
        const RouteReach targetReach = target ? target->reach : RouteReach::Network;
        if (targetReach == RouteReach::Internet) {
            if (attachedVpc(r.target) == table.vpc && table.vpc) {
                return SubnetReach::Public;
            }
            continue;  // another VPC's internet gateway carries nothing (IGW002)
        }
        leaves = true;
        vpn = vpn || targetReach == RouteReach::OnPremises;
    }
    if (vpn) {
        return SubnetReach::VpnOnly;
    }
    return leaves ? SubnetReach::Private : SubnetReach::Isolated;
}

bool RouteAnalysis::toInternetGatewayOf(const Route* route, const Element* vpc) const {
    if (!route || !vpc || route->origin == RouteOrigin::Local) {
        return false;
    }
    const Element* target = m_diagram->element(route->target);
    if (!target) {
        return false;
    }
    const RouteTarget* def = ResourceCatalogue::instance().routeTarget(target->kind);
    return def && def->reach == RouteReach::Internet && attachedVpc(route->target) == vpc;
}

SubnetReach RouteAnalysis::reach(std::string_view subnetId) const {
    const Element* subnet = m_diagram->element(subnetId);
    return subnet ? reach(*subnet) : SubnetReach::Isolated;
}

SubnetReach RouteAnalysis::reach(const Element& subnet) const {
    const RouteTableInfo* t = tableOfSubnet(subnet);
    return t ? t->reach : SubnetReach::Isolated;
}

bool RouteAnalysis::routesDefaultToInternet(const Element& subnet) const {
    const RouteTableInfo* t = tableOfSubnet(subnet);
    return t && t->defaultRouteToInternetV4;
}

std::string_view RouteAnalysis::targetKind(std::string_view targetId) const {
    if (const Element* e = m_diagram->element(targetId)) {
        return e->kind;
    }
    if (const Connection* c = m_diagram->connection(targetId)) {
        return c->kind;
    }
    return {};
}

const Element* RouteAnalysis::attachedVpc(std::string_view gatewayId) const {
    const Element* gateway = m_diagram->element(gatewayId);
    if (!gateway || gateway->parent.empty()) {
        return nullptr;
    }
    const Element* parent = m_diagram->element(gateway->parent);
    return parent && parent->kind == kinds::kVpc ? parent : nullptr;
}

const std::vector<Cidr>& RouteAnalysis::vpcCidrs(std::string_view vpcId) const {
    const VpcRoutes* v = vpc(vpcId);
    return v ? v->cidrs : emptyCidrs();
}

}  // namespace skydraft
