// VPC001: a VPC's primary IPv4 CIDR is /16 to /28.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "VPC001", Severity::Error, "VPC primary CIDR size",
    "The primary IPv4 CIDR of a VPC has a prefix length from /16 (65,536 addresses) to /28 "
    "(16 addresses); AWS refuses any other size.",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const Element* vpc : ctx.ofKind("vpc")) {
        const auto c = cidrValue(vpc->property("cidr"));
        if (!c || !c->isV4() || (c->prefix() >= 16 && c->prefix() <= 28)) {
            continue;
        }
        const int wanted = c->prefix() < 16 ? 16 : 28;
        const std::string suggestion = withPrefix(*c, wanted).toString();
        Finding f = makeFinding(kInfo,
                                describe(*vpc) + ": CIDR " + c->toString() + " is " +
                                    prefixText(c->prefix()) +
                                    "; a VPC CIDR must be /16 to /28",
                                {vpc->id});
        f.fix = setPropertyFix("Use " + suggestion, vpc->id, "cidr", suggestion);
        out.push_back(std::move(f));
    }
}

}  // namespace

constinit const Rule vpc001{kInfo, &check};

}  // namespace skydraft::rules
