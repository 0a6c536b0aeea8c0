// SG002: a resource uses a security group of another VPC.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "SG002", Severity::Error, "Security group of another VPC",
    "A load balancer, database, endpoint, Auto Scaling group, file system or cache uses only "
    "security groups of its own VPC (instances are EC2002, functions LAM001).",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const char* kind : {"load_balancer", "rds_instance", "vpc_endpoint", "auto_scaling_group",
                             "efs_file_system", "elasticache_cluster"}) {
        for (const Element* e : ctx.ofKind(kind)) {
            reportForeignSecurityGroups(ctx, kInfo, *e, out);
        }
    }
}

}  // namespace

constinit const Rule sg002{kInfo, &check};

}  // namespace skydraft::rules
