// PEER003: peering is not transitive; routes over a peering stay within the peer's CIDRs.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "PEER003", Severity::Error, "Transitive peering route",
    "Peering is not transitive: a route in VPC A that targets the peering A-B must have a "
    "destination inside VPC B's CIDRs. A destination reaching another VPC (typically a third "
    "VPC C that B peers with) is never delivered. Destinations that reach no VPC are PEER004.",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    const VpcCidrIndex index(ctx);
    forEachRouteLeavingPeer(ctx, [&](const LeavingRoute& l) {
        const VpcInfo* third = index.overlapping(l.route->destination, [&](const VpcInfo& v) {
            return v.element == l.table->vpc || v.element->id == l.peerId;
        });
        if (!third) {
            return;
        }
        out.push_back(makeFinding(kInfo,
                                  describe(*l.table->vpc) + ": route " +
                                      l.route->destination.toString() + " via " +
                                      describe(*l.peering) +
                                      " leaves the peer's CIDRs; peering is not transitive",
                                  {l.table->vpc->id, l.table->element->id, l.peering->id,
                                   third->element->id}));
    });
}

}  // namespace

constinit const Rule peer003{kInfo, &check};

}  // namespace skydraft::rules
