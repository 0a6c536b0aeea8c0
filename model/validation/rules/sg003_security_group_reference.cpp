// SG003: a rule references a security group of the same VPC or a same-region peered VPC.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "SG003", Severity::Error, "Security group reference outside reach",
    "A security group rule references a group of the same VPC or of a peered VPC in the same "
    "region (across regions it is PEER006).",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    forEachCrossVpcGroupReference(ctx, [&](const CrossVpcGroupReference& ref) {
        if (ref.peered) {
            return;
        }
        out.push_back(makeFinding(kInfo,
                                  describe(*ref.group) + ": " + ref.direction +
                                      " rule references " + describe(*ref.other) + " of " +
                                      describe(*ref.otherVpc) + ", which is not peered with " +
                                      describe(*ref.vpc),
                                  {ref.group->id, ref.other->id}));
    });
}

}  // namespace

constinit const Rule sg003{kInfo, &check};

}  // namespace skydraft::rules
