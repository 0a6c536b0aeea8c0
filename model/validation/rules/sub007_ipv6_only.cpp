// SUB007: IPv6-only subnets and IPv6 assignment on creation need IPv6 blocks.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "SUB007", Severity::Error, "IPv6-only subnet prerequisites",
    "An IPv6-only subnet needs an IPv6 block on its VPC and an IPv6 CIDR of its own; assigning "
    "IPv6 addresses on creation needs an IPv6 CIDR on the subnet.",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const SubnetInfo& s : ctx.subnets()) {
        const Element& e = *s.element;
        if (s.ipv6Only) {
            if (s.vpc && s.vpc->ipv6.empty()) {
                out.push_back(makeFinding(kInfo,
                                          describe(e) + ": IPv6-only, but " +
                                              describe(*s.vpc->element) + " has no IPv6 block",
                                          {e.id, s.vpc->element->id}));
            } else if (!s.ipv6) {
                out.push_back(
                    makeFinding(kInfo, describe(e) + ": IPv6-only without an IPv6 CIDR", {e.id}));
            }
        } else if (s.assignIpv6OnCreation && !s.ipv6) {
            out.push_back(makeFinding(
                kInfo, describe(e) + ": assigns IPv6 on creation without an IPv6 CIDR", {e.id}));
        }
    }
}

}  // namespace

constinit const Rule sub007{kInfo, &check};

}  // namespace skydraft::rules
