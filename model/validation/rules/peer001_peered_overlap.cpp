// PEER001: peered VPCs have no overlapping CIDRs.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "PEER001", Severity::Error, "Overlapping peered VPCs",
    "Two VPCs cannot be peered when any of their IPv4 CIDRs overlap (secondary and unused "
    "ones included), nor any of their IPv6 CIDRs.",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const Connection* p : ctx.connectionsOfKind("vpc_peering")) {
        const VpcInfo* a = ctx.vpc(p->from);
        const VpcInfo* b = ctx.vpc(p->to);
        if (!a || !b || a == b) {
            continue;
        }
        std::vector<OwnedCidr> blocks;
        for (const VpcInfo* v : {a, b}) {
            for (const auto* list : {&v->ipv4, &v->ipv6}) {
                for (const Cidr& c : *list) {
                    blocks.push_back({c, v == a ? 0u : 1u});
                }
            }
        }
        bool reported = false;
        sweepOverlaps(std::move(blocks), true, [&](const OwnedCidr& x, const OwnedCidr& y) {
            if (reported) {
                return;
            }
            reported = true;
            const OwnedCidr& ofA = x.owner == 0 ? x : y;
            const OwnedCidr& ofB = x.owner == 0 ? y : x;
            out.push_back(makeFinding(kInfo,
                                      describe(*p) + ": " + ofA.cidr.toString() + " of " +
                                          describe(*a->element) + " overlaps " +
                                          ofB.cidr.toString() + " of " + describe(*b->element),
                                      {p->id, a->element->id, b->element->id}));
        });
    }
}

}  // namespace

constinit const Rule peer001{kInfo, &check};

}  // namespace skydraft::rules
