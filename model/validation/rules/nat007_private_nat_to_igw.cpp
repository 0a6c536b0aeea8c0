// NAT007: traffic of a private NAT gateway routed to an internet gateway is dropped.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "NAT007", Severity::Warning, "Private NAT gateway routed to the internet",
    "A private NAT gateway has no public address: its subnet's route to an internet gateway "
    "drops the traffic it translates.",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    static const Cidr anyV4 = Cidr::v4(0, 0);
    for (const Element* nat : ctx.ofKind("nat_gateway")) {
        if (nat->stringProperty("connectivity") != "private") {
            continue;
        }
        const Element* subnet = ctx.subnetOf(*nat);
        if (!subnet) {
            continue;
        }
        const auto route = ctx.routes().lookupFromSubnet(*subnet, anyV4);
        const Element* target = route ? ctx.element(route->target) : nullptr;
        if (target && target->kind == "internet_gateway") {
            out.push_back(makeFinding(kInfo,
                                      describe(*nat) + ": private, but " + describe(*subnet) +
                                          " routes 0.0.0.0/0 to " + describe(*target) +
                                          "; its traffic is dropped",
                                      {nat->id, subnet->id, target->id}));
        }
    }
}

}  // namespace

constinit const Rule nat007{kInfo, &check};

}  // namespace skydraft::rules
