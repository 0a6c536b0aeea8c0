// PEER004: no edge-to-edge routing through a peering (the peer's gateways are not shared).
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "PEER004", Severity::Error, "Edge-to-edge routing through a peering",
    "A VPC cannot use its peer's internet gateway, NAT gateway, VPN, Direct Connect or gateway "
    "endpoint: a route over a peering whose destination is outside the peer's CIDRs and every "
    "other VPC's (0.0.0.0/0, an on-premises range) is dropped at the peer.",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    const VpcCidrIndex index(ctx);
    forEachRouteLeavingPeer(ctx, [&](const LeavingRoute& l) {
        const VpcInfo* other = index.overlapping(l.route->destination, [&](const VpcInfo& v) {
            return v.element == l.table->vpc || v.element->id == l.peerId;
        });
        if (other) {
            return;
        }
        out.push_back(makeFinding(kInfo,
                                  describe(*l.table->vpc) + ": route " +
                                      l.route->destination.toString() + " via " +
                                      describe(*l.peering) + " leads beyond " +
                                      ctx.describe(l.peerId) +
                                      "; a peering does not share the peer's gateways",
                                  {l.table->vpc->id, l.table->element->id, l.peering->id}));
    });
}

}  // namespace

constinit const Rule peer004{kInfo, &check};

}  // namespace skydraft::rules
