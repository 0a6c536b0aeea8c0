// NAT006: a NAT gateway's own subnet routes 0.0.0.0/0 to a NAT gateway (a loop).
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "NAT006", Severity::Error, "NAT gateway routing loop",
    "The subnet a NAT gateway sits in sends 0.0.0.0/0 to a NAT gateway (itself or another), so "
    "its traffic never leaves.",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    static const Cidr anyV4 = Cidr::v4(0, 0);
    for (const Element* nat : ctx.ofKind("nat_gateway")) {
        const Element* subnet = ctx.subnetOf(*nat);
        if (!subnet) {
            continue;
        }
        const auto route = ctx.routes().lookupFromSubnet(*subnet, anyV4);
        const Element* target = route ? ctx.element(route->target) : nullptr;
        if (target && target->kind == "nat_gateway") {
            std::vector<Id> ids{nat->id, subnet->id};
            if (target != nat) {
                ids.push_back(target->id);
            }
            out.push_back(makeFinding(kInfo,
                                      describe(*nat) + ": its " + describe(*subnet) +
                                          " routes 0.0.0.0/0 to " + describe(*target) +
                                          ", a loop",
                                      std::move(ids)));
        }
    }
}

}  // namespace

constinit const Rule nat006{kInfo, &check};

}  // namespace skydraft::rules
