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
            const Element* vpc = ctx.vpcOf(*e);
            if (!vpc) {
                continue;
            }
            for (const json& id : e->property("security_groups")) {
                const Element* sg = id.is_string() ? ctx.element(id.get<std::string>()) : nullptr;
                const Element* sgVpc = sg ? ctx.vpcOf(*sg) : nullptr;
                if (sgVpc && sgVpc != vpc) {
                    out.push_back(makeFinding(kInfo,
                                              describe(*e) + ": " + describe(*sg) + " is in " +
                                                  describe(*sgVpc) + ", not " + describe(*vpc),
                                              {e->id, sg->id}));
                }
            }
        }
    }
}

}  // namespace

constinit const Rule sg002{kInfo, &check};

}  // namespace skydraft::rules
