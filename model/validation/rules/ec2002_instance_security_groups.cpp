// EC2002: an instance's security groups belong to its subnet's VPC.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{"EC2002", Severity::Error, "Instance security group of another VPC",
                         "An instance's security groups belong to the VPC of its subnet.", ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const Element* e : ctx.ofKind("ec2_instance")) {
        reportForeignSecurityGroups(ctx, kInfo, *e, out);
    }
}

}  // namespace

constinit const Rule ec2002{kInfo, &check};

}  // namespace skydraft::rules
