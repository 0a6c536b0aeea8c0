// SUB001: a subnet's IPv4 CIDR is /16 to /28.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{"SUB001", Severity::Error, "Subnet CIDR size",
                         "A subnet's IPv4 CIDR has a prefix length from /16 to /28.", ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const SubnetInfo& s : ctx.subnets()) {
        const Element* subnet = s.element;
        const auto& c = s.ipv4Written;
        if (!c || (c->prefix() >= 16 && c->prefix() <= 28)) {
            continue;
        }
        const std::string suggestion = withPrefix(*c, c->prefix() < 16 ? 16 : 28).toString();
        Finding f = makeFinding(kInfo,
                                describe(*subnet) + ": CIDR " + c->toString() + " is " +
                                    prefixText(c->prefix()) +
                                    "; a subnet CIDR must be /16 to /28",
                                {subnet->id});
        f.fix = setPropertyFix("Use " + suggestion, subnet->id, "cidr", suggestion);
        out.push_back(std::move(f));
    }
}

}  // namespace

constinit const Rule sub001{kInfo, &check};

}  // namespace skydraft::rules
