// SG003: a rule references a security group of the same VPC or a same-region peered VPC.
#include <set>

#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "SG003", Severity::Error, "Security group reference outside reach",
    "A security group rule references a group of the same VPC or of a peered VPC in the same "
    "region (across regions it is PEER006).",
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
                const Element* other =
                    ctx.element(rule["source_security_group"].get<std::string>());
                const Element* otherVpc = other ? ctx.vpcOf(*other) : nullptr;
                if (!otherVpc || otherVpc == vpc ||
                    peered.count(std::minmax(vpc->id, otherVpc->id))) {
                    continue;
                }
                out.push_back(makeFinding(kInfo,
                                          describe(*sg) + ": " + direction + " rule references " +
                                              describe(*other) + " of " + describe(*otherVpc) +
                                              ", which is not peered with " + describe(*vpc),
                                          {sg->id, other->id}));
            }
        }
    }
}

}  // namespace

constinit const Rule sg003{kInfo, &check};

}  // namespace skydraft::rules
