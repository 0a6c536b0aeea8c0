// VPC009: Amazon-provided IPv6 blocks are /56, at most 5 per VPC.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "VPC009", Severity::Error, "VPC IPv6 blocks",
    "An Amazon-provided IPv6 CIDR of a VPC is a /56, and a VPC has at most 5 IPv6 CIDRs.", ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const Element* vpc : ctx.ofKind("vpc")) {
        const json& list = vpc->property("ipv6_cidrs");
        for (const json& value : list) {
            const auto c = cidrValue(value);
            if (c && c->isV6() && c->prefix() != 56) {
                out.push_back(makeFinding(kInfo,
                                          describe(*vpc) + ": IPv6 CIDR " + c->toString() +
                                              " is " + prefixText(c->prefix()) +
                                              "; an Amazon-provided block is /56",
                                          {vpc->id}));
            }
        }
        if (list.size() > 5) {
            out.push_back(makeFinding(kInfo,
                                      describe(*vpc) + ": " + std::to_string(list.size()) +
                                          " IPv6 CIDRs exceed the limit of 5",
                                      {vpc->id}));
        }
    }
}

}  // namespace

constinit const Rule vpc009{kInfo, &check};

}  // namespace skydraft::rules
