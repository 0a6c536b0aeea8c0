// PEER006: across regions, security group rules cannot reference the peer VPC's groups.
#include <set>

#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "PEER006", Severity::Error, "Security group reference across regions",
    "A security group rule may reference a group of a peered VPC only when both VPCs are in "
    "the same region; across regions, use the peer's CIDR.",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    std::set<std::pair<std::string, std::string>> peered;
    for (const Connection* p : ctx.connectionsOfKind("vpc_peering")) {
        peered.insert(std::minmax(p->from, p->to));
    }
    for (const Element* sg : ctx.ofKind("security_group")) {
        const Element* vpc = ctx.vpcOf(*sg);
        if (!vpc) {
            continue;
        }
        for (const char* direction : {"ingress", "egress"}) {
            for (const json& rule : sg->property(direction)) {
                if (!rule.is_object() || !rule.contains("source_security_group") ||
                    !rule["source_security_group"].is_string()) {
                    continue;
                }
                const Element* other = ctx.element(rule["source_security_group"].get<std::string>());
                const Element* otherVpc = other ? ctx.vpcOf(*other) : nullptr;
                if (!otherVpc || otherVpc == vpc ||
                    !peered.count(std::minmax(vpc->id, otherVpc->id))) {
                    continue;
                }
                const std::string r1 = vpc->stringProperty("region");
                const std::string r2 = otherVpc->stringProperty("region");
                if (r1 == r2) {
                    continue;
                }
                out.push_back(makeFinding(kInfo,
                                          describe(*sg) + ": " + direction + " rule references " +
                                              describe(*other) + " of peered " +
                                              describe(*otherVpc) + " in " + r2 + ", not " + r1,
                                          {sg->id, other->id}));
            }
        }
    }
}

}  // namespace

constinit const Rule peer006{kInfo, &check};

}  // namespace skydraft::rules
