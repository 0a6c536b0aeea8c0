// The whole path between two sites: filters at the source, routing, entry from outside,
// filters at the destination, the return route and the stateless return through the ACLs.
#include "analysis/reachability/reachability.h"

#include <algorithm>

#include "analysis/reachability/packet_filters.h"
#include "analysis/reachability/path_walker.h"
#include "catalogue/kind_keys.h"
#include "validation/validation_context.h"

namespace skydraft::reach {

using nlohmann::json;

namespace {

void append(ReachResult& out, const Walk& walk) {
    out.path.insert(out.path.end(), walk.hops.begin(), walk.hops.end());
    out.explanations.insert(out.explanations.end(), walk.blockers.begin(), walk.blockers.end());
}

void add(ReachResult& out, std::optional<Explanation> x) {
    if (x) {
        out.path.push_back(Hop{x->component, std::string(codeKey(x->code)), true});
        out.explanations.push_back(std::move(*x));
    }
}

/// Removes repeated explanations (one component blocking twice in the same way) and marks every
/// hop of a blocking component.
void finish(ReachResult& r) {
    std::vector<Explanation> unique;
    for (Explanation& x : r.explanations) {
        const bool seen = std::any_of(unique.begin(), unique.end(), [&](const Explanation& u) {
            return u.code == x.code && u.component == x.component && u.direction == x.direction;
        });
        if (!seen) {
            unique.push_back(std::move(x));
        }
    }
    r.explanations = std::move(unique);
    std::vector<Hop> hops;
    for (Hop& h : r.path) {
        if (!hops.empty() && hops.back().component == h.component) {
            hops.back().blocked = hops.back().blocked || h.blocked;
            if (hops.back().detail.empty()) {
                hops.back().detail = h.detail;
            }
            continue;
        }
        hops.push_back(std::move(h));
    }
    for (Hop& h : hops) {
        for (const Explanation& x : r.explanations) {
            h.blocked = h.blocked || x.component == h.component;
        }
    }
    r.path = std::move(hops);
    r.reachable = r.explanations.empty();
}

int listenerPort(const Element& balancer, std::string_view key) {
    const json& p = balancer.property(key);
    return p.is_number_integer() ? p.get<int>() : -1;
}

}  // namespace

bool morePromising(const ReachResult& a, const ReachResult& b) {
    if (a.reachable != b.reachable) {
        return a.reachable;
    }
    return a.explanations.size() < b.explanations.size();
}

std::optional<ReachResult> Reachability::query(const Endpoint& from, const Endpoint& to,
                                               const Flow& flow, std::string* error) const {
    const std::vector<Site> sources = sitesOf(m_index, from, error);
    if (sources.empty()) {
        return std::nullopt;
    }
    const std::vector<Site> destinations = sitesOf(m_index, to, error);
    if (destinations.empty()) {
        return std::nullopt;
    }
    std::optional<ReachResult> best;
    for (const Site& s : sources) {
        for (const Site& d : destinations) {
            ReachResult r = between(s, d, flow);
            if (!best || morePromising(r, *best)) {
                best = std::move(r);
            }
            if (best->reachable) {
                return best;
            }
        }
    }
    // A target of load balancers is also reached through them, on their target port.
    if (to.kind == EndpointKind::Element) {
        for (const Element* balancer : m_index.forwardersTo(to.element->id)) {
            const int targetPort = listenerPort(*balancer, "target_port");
            if (flow.hasPorts() && flow.port >= 0 && flow.port != targetPort) {
                continue;
            }
            std::string ignored;
            const auto balancerSites = sitesOf(m_index, Endpoint::of(*balancer), &ignored);
            for (const Site& s : sources) {
                for (const Site& b : balancerSites) {
                    const Flow front{flow.protocol == Protocol::Udp ? Protocol::Udp : Protocol::Tcp,
                                     listenerPort(*balancer, "listener_port")};
                    ReachResult r = forwarded(s, b, front, to.element);
                    const bool throughTarget =
                        std::any_of(r.path.begin(), r.path.end(),
                                    [&](const Hop& h) { return h.component == to.element->id; });
                    if (r.reachable && throughTarget) {
                        return r;
                    }
                }
            }
        }
    }
    return best;
}

ReachResult Reachability::between(const Site& from, const Site& to, const Flow& flow) const {
    if (to.element && to.element->property("targets").is_array() &&
        !to.element->property("targets").empty()) {
        return forwarded(from, to, flow, nullptr);
    }
    return direct(from, to, flow);
}

ReachResult Reachability::forwarded(const Site& from, const Site& balancer, const Flow& flow,
                                    const Element* onlyTarget) const {
    const Element& lb = *balancer.element;
    const int listener = listenerPort(lb, "listener_port");
    const int targetPort = listenerPort(lb, "target_port");
    Flow front = flow;
    ReachResult out;
    if (flow.hasPorts() && flow.port >= 0 && flow.port != listener) {
        Explanation x{
            Code::ListenerPort,
            lb.id,
            Direction::Inbound,
            describe(lb) + " listens on port " + std::to_string(listener) + ", not " +
                std::to_string(flow.port),
            "add a listener for port " + std::to_string(flow.port) + " to " + describe(lb),
            std::nullopt};
        out.explanations.push_back(std::move(x));
    } else {
        front.protocol = flow.protocol == Protocol::Udp ? Protocol::Udp : Protocol::Tcp;
        front.port = listener;
    }
    ReachResult first = direct(from, balancer, front);
    out.path = first.path;
    out.explanations.insert(out.explanations.end(), first.explanations.begin(),
                            first.explanations.end());
    const Flow back{front.protocol, targetPort};
    std::optional<ReachResult> best;
    for (const json& id : lb.property("targets")) {
        const Element* target =
            id.is_string() ? m_index.diagram().element(id.get_ref<const std::string&>()) : nullptr;
        if (!target || target == &lb || (onlyTarget && target != onlyTarget)) {
            continue;
        }
        std::string ignored;
        for (const Site& t : sitesOf(m_index, Endpoint::of(*target), &ignored)) {
            ReachResult r = direct(balancer, t, back);
            if (!best || morePromising(r, *best)) {
                best = std::move(r);
            }
            if (best->reachable) {
                break;
            }
        }
        if (best && best->reachable) {
            break;
        }
    }
    if (best) {
        out.path.insert(out.path.end(), best->path.begin(), best->path.end());
        out.explanations.insert(out.explanations.end(), best->explanations.begin(),
                                best->explanations.end());
    }
    finish(out);
    for (Hop& h : out.path) {
        if (h.component == lb.id) {
            h.detail = "listener " + std::to_string(listener) + " -> target port " +
                       std::to_string(targetPort);
        }
    }
    return out;
}

void Reachability::enter(const Site& from, const Site& to, const Flow& flow,
                         ReachResult& out) const {
    const Element& vpc = *to.vpc;
    const Diagram& d = m_index.diagram();
    PathWalker walker(m_index, flow);
    if (from.outside == Outside::Internet || from.outside == Outside::Service) {
        const Element* igw = m_index.internetGatewayOf(vpc.id);
        if (from.gateway && from.gateway != igw) {
            out.path.push_back(Hop{from.gateway->id, "not attached to " + vpc.id, true});
            out.explanations.push_back(Explanation{
                Code::NoRoute, from.gateway->id, Direction::Inbound,
                describe(*from.gateway) + " is not attached to " + describe(vpc),
                "enter " + describe(vpc) + " through its own internet gateway", std::nullopt});
        } else if (!igw) {
            out.path.push_back(Hop{vpc.id, "no internet gateway", true});
            out.explanations.push_back(
                Explanation{Code::NoInternetGateway, vpc.id, Direction::Inbound,
                            describe(vpc) + " has no internet gateway",
                            "attach an internet gateway to " + describe(vpc), std::nullopt});
        } else if (!from.gateway) {
            out.path.push_back(Hop{igw->id, "from the internet", false});
        }
        if (!to.publicIp) {
            out.explanations.push_back(noPublicIp(m_index, to, Direction::Inbound));
        }
        return;
    }
    // On-premises: through a virtual private gateway of the VPC, or a VPN on a transit gateway
    // the VPC is attached to.
    std::optional<ReachResult> best;
    for (const Connection& vpn : d.connections()) {
        if (std::string_view(vpn.kind) != kinds::kVpnAttachment) {
            continue;
        }
        const bool named =
            from.gateway && (vpn.from == from.gateway->id || vpn.to == from.gateway->id);
        const auto prefixes = m_index.onPremisesPrefixes(vpn);
        const bool covers = std::any_of(prefixes.begin(), prefixes.end(),
                                        [&](const Cidr& c) { return from.addresses.overlaps(c); });
        if (from.gateway ? !named : !covers) {
            continue;
        }
        const Element* gateway = d.element(vpn.to);
        if (!gateway) {
            continue;
        }
        ReachResult attempt;
        if (m_index.routes().attachedVpc(gateway->id) == &vpc) {
            attempt.path.push_back(Hop{vpn.id, "VPN", false});
            attempt.path.push_back(Hop{gateway->id, "into " + vpc.id, false});
        } else if (std::string_view(gateway->kind) == kinds::kTransitGateway &&
                   m_index.attachment(vpc.id, gateway->id)) {
            attempt.path.push_back(Hop{vpn.id, "VPN", false});
            Walk walk;
            walker.transitFrom(*gateway, vpn, from, nullptr, Target::of(m_index, to),
                               Direction::Inbound, 0, walk);
            append(attempt, walk);
        } else {
            continue;
        }
        if (!best || morePromising(attempt, *best) ||
            (attempt.explanations.empty() && !best->explanations.empty())) {
            attempt.reachable = attempt.explanations.empty();
            best = std::move(attempt);
        }
        if (best->reachable) {
            break;
        }
    }
    // Direct Connect: a virtual private gateway of the VPC on the named Direct Connect gateway.
    if ((!best || !best->reachable) && from.gateway &&
        std::string_view(from.gateway->kind) == kinds::kDirectConnectGateway) {
        for (const Element* vgw : m_index.vpnGatewaysOf(vpc.id)) {
            if (vgw->stringProperty("direct_connect_gateway") == from.gateway->id) {
                ReachResult attempt;
                attempt.reachable = true;
                attempt.path.push_back(Hop{vgw->id, "into " + vpc.id, false});
                best = std::move(attempt);
            }
        }
    }
    if (!best) {
        out.path.push_back(Hop{vpc.id, "no path from " + from.addresses.text(), true});
        out.explanations.push_back(
            Explanation{Code::VpnNoRoute, vpc.id, Direction::Inbound,
                        "no VPN connection or Direct Connect gateway brings " +
                            from.addresses.text() + " into " + describe(vpc),
                        "connect " + describe(vpc) +
                            " to the on-premises network (a virtual private "
                            "gateway with a VPN, or a transit gateway attachment)",
                        std::nullopt});
        return;
    }
    out.path.insert(out.path.end(), best->path.begin(), best->path.end());
    out.explanations.insert(out.explanations.end(), best->explanations.begin(),
                            best->explanations.end());
}

ReachResult Reachability::direct(const Site& from, const Site& to, const Flow& flow) const {
    ReachResult out;
    PathWalker walker(m_index, flow);
    const bool sameSubnet = from.subnet && from.subnet == to.subnet;
    const bool fromInside = from.outside == Outside::None && from.subnet;
    const bool toInside = to.outside == Outside::None && to.subnet;
    out.path.push_back(Hop{from.component, "", false});
    bool throughInternet = false;
    if (fromInside) {
        const Peer peer{to.addresses, &to};
        if (!groupsAllow(from, false, flow, peer)) {
            add(out, groupBlock(m_index, from, false, flow, peer, Direction::Outbound));
        }
        if (!sameSubnet) {
            add(out, aclBlock(m_index, *from.subnet, true, flow, to.addresses, false,
                              Code::NaclOutbound, Direction::Outbound));
            const Walk walk =
                walker.route(from, *from.subnet, Target::of(m_index, to), Direction::Outbound);
            append(out, walk);
            throughInternet = walk.throughInternet;
            if (throughInternet && toInside) {
                Site outsider = from;
                outsider.outside = Outside::Internet;
                outsider.gateway = nullptr;
                enter(outsider, to, flow, out);
            }
        }
    } else if (toInside) {
        enter(from, to, flow, out);
    } else if (!from.subnet && from.outside == Outside::None) {
        out.explanations.push_back(Explanation{Code::NotInSubnet, from.component,
                                               Direction::Outbound,
                                               describeSite(m_index, from) + " is in no subnet",
                                               "place it in a subnet", std::nullopt});
    }
    if (!toInside) {
        out.path.push_back(Hop{to.component, "", false});
        if (fromInside && !sameSubnet) {
            add(out, aclBlock(m_index, *from.subnet, false, flow, to.addresses, true,
                              Code::NaclReturn, Direction::Return));
        }
        if (!fromInside) {
            out.explanations.push_back(
                Explanation{Code::NoRoute, to.component, Direction::Outbound,
                            "both ends are outside every VPC: the design has no path between them",
                            "pick an endpoint inside a VPC", std::nullopt});
        }
        finish(out);
        return out;
    }
    const bool outsideSource = !fromInside || throughInternet;
    const Addresses seen = throughInternet ? Addresses::publicInternet() : from.addresses;
    const Peer peer{seen, throughInternet ? nullptr : &from};
    if (!sameSubnet) {
        add(out, aclBlock(m_index, *to.subnet, false, flow, seen, false, Code::NaclInbound,
                          Direction::Inbound));
    }
    if (!groupsAllow(to, true, flow, peer)) {
        add(out, groupBlock(m_index, to, true, flow, peer, Direction::Inbound));
    }
    out.path.push_back(Hop{to.component, "", false});
    if (sameSubnet) {
        finish(out);
        return out;
    }
    // The answer: routed back from the destination's subnet, then through both ACLs again.
    if (outsideSource || to.vpc != from.vpc) {
        Site back = to;
        back.publicIp = true;  // a reply leaves through the address the request came in on
        Target origin = Target::of(m_index, from);
        if (throughInternet) {
            origin =
                Target{Addresses::publicInternet(), nullptr, Outside::Internet, {}, "the internet"};
        }
        const Walk walk = walker.route(back, *to.subnet, origin, Direction::Return);
        const bool home = outsideSource ? walk.arrival != Arrival::None
                                        : walk.arrival == Arrival::Vpc && walk.vpc == from.vpc;
        for (const Explanation& x : walk.blockers) {
            out.explanations.push_back(x);
        }
        if (walk.blockers.empty() && !home) {
            out.explanations.push_back(
                Explanation{Code::NoRoute, to.subnet->id, Direction::Return,
                            "the answer from " + describeSite(m_index, to) +
                                " does not find its way back to " + origin.text,
                            "route " + origin.addresses.text() + " back the way the request came",
                            std::nullopt});
        }
    }
    add(out,
        aclBlock(m_index, *to.subnet, true, flow, seen, true, Code::NaclReturn, Direction::Return));
    if (fromInside) {
        add(out, aclBlock(m_index, *from.subnet, false, flow, to.addresses, true, Code::NaclReturn,
                          Direction::Return));
    }
    finish(out);
    return out;
}

}  // namespace skydraft::reach
