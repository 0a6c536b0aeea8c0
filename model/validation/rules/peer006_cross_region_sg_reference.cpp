// PEER006: across regions, security group rules cannot reference the peer VPC's groups.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "PEER006", Severity::Error, "Security group reference across regions",
    "A security group rule may reference a group of a peered VPC only when both VPCs are in "
    "the same region; across regions, use the peer's CIDR.",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    forEachCrossVpcGroupReference(ctx, [&](const CrossVpcGroupReference& ref) {
        const std::string r1 = ref.vpc->stringProperty("region");
        const std::string r2 = ref.otherVpc->stringProperty("region");
        if (!ref.peered || r1 == r2) {
            return;
        }
        out.push_back(makeFinding(kInfo,
                                  describe(*ref.group) + ": " + ref.direction +
                                      " rule references " + describe(*ref.other) + " of peered " +
                                      describe(*ref.otherVpc) + " in " + r2 + ", not " + r1,
                                  {ref.group->id, ref.other->id}));
    });
}

}  // namespace

constinit const Rule peer006{kInfo, &check};

}  // namespace skydraft::rules
