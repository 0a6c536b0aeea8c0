// SUB006: an IPv6 subnet CIDR is a /64 inside one of the VPC's IPv6 blocks.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "SUB006", Severity::Error, "Subnet IPv6 CIDR",
    "A subnet's IPv6 CIDR needs an IPv6 block on the VPC, lies inside it, and is a /64.", ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const SubnetInfo& s : ctx.subnets()) {
        if (!s.ipv6 || !s.vpc) {
            continue;
        }
        const std::string subject = describe(*s.element) + ": IPv6 CIDR " + s.ipv6->toString();
        if (s.vpc->ipv6.empty()) {
            out.push_back(makeFinding(kInfo,
                                      subject + " needs an IPv6 block on " +
                                          describe(*s.vpc->element),
                                      {s.element->id, s.vpc->element->id}));
            continue;
        }
        if (s.ipv6->prefix() != 64) {
            out.push_back(makeFinding(kInfo,
                                      subject + " is " + prefixText(s.ipv6->prefix()) +
                                          "; a subnet IPv6 CIDR must be /64",
                                      {s.element->id}));
        }
        if (std::none_of(s.vpc->ipv6.begin(), s.vpc->ipv6.end(),
                         [&](const Cidr& c) { return c.contains(*s.ipv6); })) {
            out.push_back(makeFinding(kInfo,
                                      subject + " is outside the IPv6 blocks of " +
                                          describe(*s.vpc->element),
                                      {s.element->id, s.vpc->element->id}));
        }
    }
}

}  // namespace

constinit const Rule sub006{kInfo, &check};

}  // namespace skydraft::rules
