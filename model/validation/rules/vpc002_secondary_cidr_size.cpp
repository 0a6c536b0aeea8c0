// VPC002: each secondary IPv4 CIDR of a VPC is /16 to /28.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "VPC002", Severity::Error, "VPC secondary CIDR size",
    "Every secondary IPv4 CIDR associated with a VPC has a prefix length from /16 to /28.", ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const Element* vpc : ctx.ofKind("vpc")) {
        const json& list = vpc->property("secondary_cidrs");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const auto c = cidrValue(list[i]);
            if (!c || !c->isV4() || (c->prefix() >= 16 && c->prefix() <= 28)) {
                continue;
            }
            const std::string suggestion =
                withPrefix(*c, c->prefix() < 16 ? 16 : 28).toString();
            json fixed = list;
            fixed[i] = suggestion;
            Finding f = makeFinding(kInfo,
                                    describe(*vpc) + ": secondary CIDR " + c->toString() +
                                        " is " + prefixText(c->prefix()) +
                                        "; a VPC CIDR must be /16 to /28",
                                    {vpc->id});
            f.fix = setPropertyFix("Use " + suggestion, vpc->id, "secondary_cidrs", fixed);
            out.push_back(std::move(f));
        }
    }
}

}  // namespace

constinit const Rule vpc002{kInfo, &check};

}  // namespace skydraft::rules
