// NAT005: a NAT gateway cannot be used from another network through a peering.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "NAT005", Severity::Error, "NAT gateway used from another network",
    "Traffic that arrives over a VPC peering, a VPN or Direct Connect cannot leave through the "
    "receiving VPC's NAT gateway. Found when a route sends a destination outside the peer's "
    "CIDRs over a peering and the peer VPC routes it to a NAT gateway.",
    "Only peering is checked: the on-premises side's routing over VPN and Direct Connect is "
    "not part of a design. Through a transit gateway, a NAT gateway does serve other VPCs "
    "(centralized egress)."};

void check(const ValidationContext& ctx, Findings& out) {
    for (const RouteTableInfo& t : ctx.routes().tables()) {
        if (!t.vpc) {
            continue;
        }
        for (const Route& r : t.routes) {
            if (r.origin != RouteOrigin::Static) {
                continue;
            }
            const Connection* peering = ctx.connection(r.target);
            if (!peering || peering->kind != "vpc_peering") {
                continue;
            }
            const std::string& peerId = peering->from == t.vpc->id ? peering->to : peering->from;
            const VpcInfo* peer = ctx.vpc(peerId);
            if (!peer || peer->element == t.vpc) {
                continue;
            }
            const auto& cidrs = ctx.routes().vpcCidrs(peerId);
            if (std::any_of(cidrs.begin(), cidrs.end(),
                            [&](const Cidr& c) { return c.contains(r.destination); })) {
                continue;
            }
            for (const Element* peerTable : peer->routeTables) {
                const RouteTableInfo* pt = ctx.routes().table(peerTable->id);
                const Route* pr = pt ? RouteAnalysis::lookup(*pt, r.destination) : nullptr;
                const Element* nat = pr ? ctx.element(pr->target) : nullptr;
                if (nat && nat->kind == "nat_gateway") {
                    out.push_back(makeFinding(
                        kInfo,
                        describe(*t.element) + ": route " + r.destination.toString() + " via " +
                            describe(*peering) + " would use " + describe(*nat) + " of " +
                            describe(*peer->element) + "; a NAT gateway does not serve peered "
                                                       "networks",
                        {t.element->id, peering->id, nat->id}));
                    break;
                }
            }
        }
    }
}

}  // namespace

constinit const Rule nat005{kInfo, &check};

}  // namespace skydraft::rules
