// Routing through a VPC: route table lookup and the gateways, peerings and NAT it leads to.
#include "analysis/reachability/path_walker.h"

#include <algorithm>

#include "analysis/reachability/packet_filters.h"
#include "catalogue/kind_keys.h"
#include "catalogue/resource_catalogue.h"
#include "validation/validation_context.h"

namespace skydraft::reach {

using nlohmann::json;

namespace {

Hop hop(Id component, std::string detail, bool blocked = false) {
    return Hop{std::move(component), std::move(detail), blocked};
}

Explanation explain(Code code, Id component, Direction direction, std::string message,
                    std::string fixText, std::optional<Fix> fix = std::nullopt) {
    return Explanation{
        code,          std::move(component), direction, std::move(message), std::move(fixText),
        std::move(fix)};
}

std::string describeId(const NetworkIndex& index, std::string_view id) {
    if (const Element* e = index.diagram().element(id)) {
        return describe(*e);
    }
    if (const Connection* c = index.diagram().connection(id)) {
        return describe(*c);
    }
    return inQuotes(id);
}

/// The CIDR to look up for a target: the default route for the whole internet.
Cidr lookupCidr(const Target& target) {
    return target.addresses.internet ? Cidr::v4(0, 0) : target.addresses.cidr;
}

/// The destination a route to target should carry: the target VPC's CIDR holding it, the
/// default route for the internet, else the target's own block.
std::string routeDestination(const NetworkIndex& index, const Target& target) {
    if (target.addresses.internet) {
        return "0.0.0.0/0";
    }
    if (target.vpc) {
        for (const Cidr& c : index.routes().vpcCidrs(target.vpc->id)) {
            if (c.contains(target.addresses.cidr)) {
                return c.toString();
            }
        }
    }
    return target.addresses.cidr.toString();
}

/// The gateway or connection a missing route from vpc to target should use, or "".
std::string suggestedRouteTarget(const NetworkIndex& index, const Element& vpc,
                                 const Target& target) {
    const Diagram& d = index.diagram();
    if (target.vpc) {
        for (const Connection* c : d.connectionsOf(vpc.id)) {
            if (std::string_view(c->kind) == kinds::kVpcPeering &&
                (c->from == target.vpc->id || c->to == target.vpc->id) && c->from != c->to) {
                return c->id;
            }
            if (std::string_view(c->kind) == kinds::kTransitGatewayAttachment &&
                index.attachment(target.vpc->id, c->to)) {
                return c->to;
            }
        }
        return {};
    }
    if (target.outside == Outside::Internet || target.outside == Outside::Service) {
        const Element* igw = index.internetGatewayOf(vpc.id);
        return igw ? igw->id : std::string();
    }
    if (target.outside == Outside::OnPremises) {
        const auto& vgws = index.vpnGatewaysOf(vpc.id);
        return vgws.empty() ? std::string() : vgws.front()->id;
    }
    return {};
}

}  // namespace

Target Target::of(const NetworkIndex& index, const Site& site) {
    Target t;
    t.addresses = site.addresses;
    t.vpc = site.outside == Outside::None ? site.vpc : nullptr;
    t.outside = site.outside;
    t.service = site.service;
    t.text = describeSite(index, site);
    if (site.outside == Outside::None || site.outside == Outside::OnPremises) {
        if (t.text != site.addresses.text()) {
            t.text += " (" + site.addresses.text() + ")";
        }
    }
    return t;
}

Explanation noPublicIp(const NetworkIndex& index, const Site& site, Direction direction) {
    const std::string who = describeSite(index, site);
    const Element* e = site.element;
    const KindDef* kind = e ? ResourceCatalogue::instance().kind(e->kind) : nullptr;
    Explanation x;
    x.code = Code::NoPublicIp;
    x.direction = direction;
    x.component = site.component;
    x.message = who + " has no public IPv4 address or Elastic IP";
    auto fixWith = [&](const Id& id, const std::string& key, json value, std::string label,
                       std::string text) {
        Fix fix;
        fix.label = std::move(label);
        fix.edits.push_back({"set_property", id, key, std::move(value)});
        x.fix = std::move(fix);
        x.fixText = std::move(text);
    };
    if (kind && kind->property("connectivity")) {
        if (e->stringProperty("connectivity") == "private") {
            x.code = Code::NatNoInternet;
            x.message = who + " is a private NAT gateway: its traffic cannot reach the internet";
            x.fixText = "make " + who + " a public NAT gateway with an Elastic IP";
            return x;
        }
        fixWith(e->id, "elastic_ip", true, "Give it an Elastic IP",
                "give " + who + " an Elastic IP");
    } else if (kind && kind->property("public_ip")) {
        fixWith(e->id, "public_ip", true, "Assign a public IPv4 address",
                "assign a public IPv4 address to " + who);
    } else if (kind && kind->property("publicly_accessible")) {
        fixWith(e->id, "publicly_accessible", true, "Make it publicly accessible",
                "make " + who + " publicly accessible");
    } else if (kind && kind->property("scheme")) {
        fixWith(e->id, "scheme", "internet-facing", "Make it internet-facing",
                "make " + who + " internet-facing");
    } else if (!e && site.subnet && site.component == site.subnet->id) {
        fixWith(site.subnet->id, "map_public_ip_on_launch", true, "Auto-assign public IPv4",
                "auto-assign public IPv4 addresses in " + who);
    } else {
        x.fixText = "give " + who + " a public IPv4 address or an Elastic IP";
    }
    return x;
}

void PathWalker::block(Walk& walk, Explanation explanation) const {
    if (!walk.hops.empty()) {
        walk.hops.back().blocked = true;
    }
    walk.blockers.push_back(std::move(explanation));
}

Walk PathWalker::route(const Site& source, const Element& subnet, const Target& target,
                       Direction direction) const {
    Walk walk;
    routeFrom(source, subnet, target, direction, 0, walk);
    return walk;
}

void PathWalker::routeFrom(const Site& source, const Element& subnet, const Target& target,
                           Direction direction, int depth, Walk& walk) const {
    const Diagram& d = m_index.diagram();
    const Element* vpc = d.element(subnet.parent);
    if (!vpc) {
        return;
    }
    if (depth > kMaxRoutingDepth) {
        walk.hops.push_back(hop(subnet.id, "routing loop"));
        block(walk, explain(Code::NoRoute, subnet.id, direction,
                            "routing from " + describe(subnet) + " loops through more than " +
                                std::to_string(kMaxRoutingDepth) + " gateways",
                            "remove the routing loop"));
        return;
    }
    const RouteTableInfo* table = m_index.routes().tableOfSubnet(subnet);
    const Id tableId = table ? table->element->id : vpc->id;
    if (target.outside == Outside::Service && table) {
        for (const Element* endpoint : m_index.gatewayEndpointsOf(table->element->id)) {
            const std::string name = endpoint->stringProperty("service_name");
            const std::string suffix = "." + target.service;
            if (name.size() >= suffix.size() &&
                name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
                walk.hops.push_back(hop(tableId, "prefix list of " + describe(*endpoint)));
                walk.hops.push_back(hop(endpoint->id, "gateway endpoint for " + target.service));
                walk.arrival = Arrival::Service;
                walk.entry = endpoint;
                return;
            }
        }
    }
    const auto found = m_index.routes().lookupFromSubnet(subnet, lookupCidr(target));
    if (!found) {
        walk.hops.push_back(hop(tableId, "no route to " + target.addresses.text(), true));
        Explanation x = explain(Code::NoRoute, tableId, direction,
                                (table ? describe(*table->element) + " of " : std::string()) +
                                    describe(subnet) + " has no route to " + target.text,
                                "");
        const std::string via = suggestedRouteTarget(m_index, *vpc, target);
        const std::string destination = routeDestination(m_index, target);
        if (via.empty()) {
            x.fixText = "add a route to " + destination + " in " + describeId(m_index, tableId);
        } else {
            x.fixText = "add a route " + destination + " -> " + describeId(m_index, via) + " to " +
                        describeId(m_index, tableId);
            if (table) {
                json routes = table->element->property("routes");
                if (!routes.is_array()) {
                    routes = json::array();
                }
                routes.push_back({{"destination", destination}, {"target", via}});
                Fix fix;
                fix.label = "Route " + destination + " via " + describeId(m_index, via);
                fix.edits.push_back({"set_property", tableId, "routes", std::move(routes)});
                x.fix = std::move(fix);
            }
        }
        walk.blockers.push_back(std::move(x));
        return;
    }
    const Route& r = *found;
    walk.hops.push_back(
        hop(tableId, "route " + r.destination.toString() + " -> " + std::string(r.target)));
    if (r.origin == RouteOrigin::Local) {
        if (!target.vpc || target.vpc == vpc) {
            walk.arrival = Arrival::Vpc;
            walk.vpc = vpc;
            return;
        }
        block(walk, explain(Code::NoRoute, tableId, direction,
                            describe(*vpc) + " takes " + target.addresses.text() +
                                " for its own range; " + target.text + " in " +
                                describe(*target.vpc) + " is unreachable from it",
                            "give " + describe(*target.vpc) + " a range that does not overlap " +
                                describe(*vpc)));
        return;
    }
    const std::string_view kind = m_index.routes().targetKind(r.target);
    if (kind.empty()) {
        block(walk, explain(Code::NoRoute, tableId, direction,
                            describe(*table->element) + " routes " + r.destination.toString() +
                                " to " + inQuotes(r.target) + ", which is not in the design",
                            "point the route at an existing gateway or connection"));
        return;
    }
    const RouteTarget* def = ResourceCatalogue::instance().routeTarget(kind);
    const Element* targetElement = d.element(r.target);
    const Connection* targetConnection = d.connection(r.target);
    if (def && def->reach == RouteReach::Internet && targetElement) {
        viaInternetGateway(source, *vpc, *targetElement, target, direction, walk);
    } else if (def && def->reach == RouteReach::OnPremises && targetElement) {
        viaVpnGateway(*vpc, *targetElement, target, direction, walk);
    } else if (kind == kinds::kEgressOnlyInternetGateway) {
        walk.hops.push_back(hop(std::string(r.target), "egress-only internet gateway"));
        block(walk, explain(Code::EgressOnlyIpv6, std::string(r.target), direction,
                            describeId(m_index, r.target) +
                                " carries outbound IPv6 only; IPv4 traffic to " + target.text +
                                " is dropped",
                            "route IPv4 through a NAT gateway or an internet gateway"));
    } else if (kind == kinds::kNatGateway && targetElement) {
        viaNat(source, *targetElement, target, direction, depth, walk);
    } else if (kind == kinds::kVpcPeering && targetConnection) {
        viaPeering(*vpc, *targetConnection, target, direction, walk);
    } else if (kind == kinds::kTransitGateway && targetElement) {
        viaTransitGateway(source, subnet, *vpc, *targetElement, target, direction, depth, walk);
    } else if (kind == kinds::kTransitGatewayAttachment && targetConnection) {
        if (const Element* gateway = d.element(targetConnection->to)) {
            viaTransitGateway(source, subnet, *vpc, *gateway, target, direction, depth, walk);
        }
    } else if (targetElement && m_index.subnetOf(*targetElement)) {
        // A middlebox (an instance or an endpoint's interface) forwards from its own subnet.
        walk.hops.push_back(hop(targetElement->id, "forwards the traffic"));
        Site box = siteIn(m_index, *targetElement, *m_index.subnetOf(*targetElement));
        box.publicIp = source.publicIp;
        routeFrom(box, *m_index.subnetOf(*targetElement), target, direction, depth + 1, walk);
    } else {
        block(walk,
              explain(Code::NoRoute, tableId, direction,
                      describeId(m_index, r.target) + " does not forward traffic to " + target.text,
                      "route " + target.addresses.text() + " through a gateway"));
    }
}

void PathWalker::viaInternetGateway(const Site& source, const Element& vpc, const Element& gateway,
                                    const Target& target, Direction direction, Walk& walk) const {
    walk.hops.push_back(hop(gateway.id, "to the internet"));
    walk.entry = &gateway;
    if (m_index.routes().attachedVpc(gateway.id) != &vpc) {
        block(walk, explain(Code::NoRoute, gateway.id, direction,
                            describe(gateway) + " is not attached to " + describe(vpc),
                            "route through the internet gateway attached to " + describe(vpc)));
        return;
    }
    if (target.outside == Outside::OnPremises || (target.outside == Outside::None && !target.vpc)) {
        block(walk, explain(Code::NoRoute, gateway.id, direction,
                            target.addresses.text() +
                                " is a private address: the internet does not route it",
                            "route " + target.addresses.text() +
                                " through a VPN, Direct Connect or transit gateway"));
        return;
    }
    if (!source.publicIp && direction != Direction::Return) {
        walk.blockers.push_back(noPublicIp(m_index, source, direction));
        walk.hops.back().blocked = true;
    }
    walk.arrival = Arrival::Internet;
    walk.throughInternet = target.outside == Outside::None;
}

void PathWalker::viaVpnGateway(const Element& vpc, const Element& gateway, const Target& target,
                               Direction direction, Walk& walk) const {
    walk.hops.push_back(hop(gateway.id, "to on-premises"));
    walk.entry = &gateway;
    if (m_index.routes().attachedVpc(gateway.id) != &vpc) {
        block(walk, explain(Code::NoRoute, gateway.id, direction,
                            describe(gateway) + " is not attached to " + describe(vpc),
                            "attach " + describe(gateway) + " to " + describe(vpc)));
        return;
    }
    bool carried = !gateway.stringProperty("direct_connect_gateway").empty();
    for (const Connection* vpn : m_index.vpnsTo(gateway.id)) {
        for (const Cidr& c : m_index.onPremisesPrefixes(*vpn)) {
            carried = carried || target.addresses.overlaps(c);
        }
    }
    if (target.outside == Outside::OnPremises && carried) {
        walk.arrival = Arrival::OnPremises;
        return;
    }
    block(walk, explain(Code::VpnNoRoute, gateway.id, direction,
                        "no VPN connection or Direct Connect gateway of " + describe(gateway) +
                            " leads to " + target.text,
                        "add " + target.addresses.text() +
                            " to the static routes of a VPN connection to " + describe(gateway)));
}

void PathWalker::viaNat(const Site& source, const Element& nat, const Target& target,
                        Direction direction, int depth, Walk& walk) const {
    walk.hops.push_back(hop(nat.id, "translates the source address"));
    if (direction == Direction::Return) {
        block(walk, explain(Code::NatInbound, nat.id, direction,
                            describe(nat) + " carries only connections started from inside; " +
                                target.text + " cannot connect in through it",
                            "put the destination in a public subnet with a public IP, or behind "
                            "an internet-facing load balancer"));
        return;
    }
    const Element* natSubnet = m_index.subnetOf(nat);
    if (!natSubnet) {
        // A regional NAT gateway reaches the internet through its VPC's internet gateway.
        const Element* vpc = m_index.vpcOf(nat);
        if (vpc && m_index.internetGatewayOf(vpc->id) && target.outside == Outside::Internet) {
            walk.arrival = Arrival::Internet;
            return;
        }
        block(walk, explain(Code::NatNoInternet, nat.id, direction,
                            describe(nat) + " has no way to " + target.text,
                            "attach an internet gateway to the NAT gateway's VPC"));
        return;
    }
    const Peer from{source.addresses, &source};
    const Peer to{target.addresses, nullptr};
    if (natSubnet != source.subnet) {
        if (auto x = aclBlock(m_index, *natSubnet, false, m_flow, from.addresses, false,
                              Code::NaclInbound, direction)) {
            block(walk, std::move(*x));
        }
        if (auto x = aclBlock(m_index, *natSubnet, true, m_flow, from.addresses, true,
                              Code::NaclReturn, Direction::Return)) {
            block(walk, std::move(*x));
        }
    }
    if (auto x = aclBlock(m_index, *natSubnet, true, m_flow, to.addresses, false,
                          Code::NaclOutbound, direction)) {
        block(walk, std::move(*x));
    }
    if (auto x = aclBlock(m_index, *natSubnet, false, m_flow, to.addresses, true, Code::NaclReturn,
                          Direction::Return)) {
        block(walk, std::move(*x));
    }
    const Site natSite = siteIn(m_index, nat, *natSubnet);
    const std::size_t before = walk.blockers.size();
    routeFrom(natSite, *natSubnet, target, direction, depth + 1, walk);
    for (std::size_t i = before; i < walk.blockers.size(); ++i) {
        if (walk.blockers[i].code == Code::NoRoute &&
            walk.blockers[i].component ==
                (m_index.routes().tableOfSubnet(*natSubnet)
                     ? m_index.routes().tableOfSubnet(*natSubnet)->element->id
                     : natSubnet->parent)) {
            walk.blockers[i].code = Code::NatNoInternet;
            walk.blockers[i].message += ": " + describe(nat) + " cannot forward the traffic";
        }
    }
}

void PathWalker::viaPeering(const Element& vpc, const Connection& peering, const Target& target,
                            Direction direction, Walk& walk) const {
    walk.hops.push_back(hop(peering.id, "peering"));
    const Id& peerId = peering.from == vpc.id ? peering.to : peering.from;
    const Element* peer = m_index.diagram().element(peerId);
    if (!peer || (peering.from != vpc.id && peering.to != vpc.id)) {
        block(walk, explain(Code::NoRoute, peering.id, direction,
                            describe(peering) + " does not include " + describe(vpc),
                            "route through a peering of " + describe(vpc)));
        return;
    }
    if (target.outside != Outside::None) {
        block(walk,
              explain(Code::EdgeToEdge, peering.id, direction,
                      describe(peering) + " does not carry traffic beyond " + describe(*peer) +
                          " to " + target.text + " (no edge-to-edge routing)",
                      "give " + describe(vpc) + " its own gateway to " + target.addresses.text()));
        return;
    }
    const auto& cidrs = m_index.routes().vpcCidrs(peer->id);
    const bool inPeer = std::any_of(cidrs.begin(), cidrs.end(), [&](const Cidr& c) {
        return c.contains(target.addresses.cidr);
    });
    if (inPeer && (!target.vpc || target.vpc == peer)) {
        walk.arrival = Arrival::Vpc;
        walk.vpc = peer;
        return;
    }
    const std::string where = target.vpc ? " in " + describe(*target.vpc) : std::string();
    block(walk, explain(Code::PeeringNotTransitive, peering.id, direction,
                        describe(peering) + " reaches only " + describe(*peer) + "; " +
                            target.text + where + " is beyond it (peering is not transitive)",
                        target.vpc ? "peer " + describe(vpc) + " with " + describe(*target.vpc) +
                                         " directly, or join them through a transit gateway"
                                   : "route " + target.addresses.text() + " elsewhere"));
}

}  // namespace skydraft::reach
