// EC2001: a resource that lives in subnets has none.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "EC2001", Severity::Error, "Resource without a subnet",
    "A resource that lives in subnets has at least one: a zonal NAT gateway sits in a subnet; "
    "an interface or Gateway Load Balancer endpoint, a load balancer, a database, an Auto "
    "Scaling group, a file system, a cache and a function placed in a VPC list their subnets.",
    "Instances can only be placed in subnets, so the document already keeps them there."};

void check(const ValidationContext& ctx, Findings& out) {
    for (const Element* nat : ctx.ofKind("nat_gateway")) {
        if (isZonalNat(*nat) && !ctx.subnetOf(*nat)) {
            Finding f = makeFinding(kInfo, describe(*nat) + ": zonal, but not in a subnet",
                                    {nat->id});
            f.fix = setPropertyFix("Make it regional", nat->id, "availability_mode", "regional");
            out.push_back(std::move(f));
        }
    }
    for (const char* kind : {"vpc_endpoint", "load_balancer", "rds_instance", "auto_scaling_group",
                             "efs_file_system", "elasticache_cluster", "lambda_function"}) {
        for (const Element* e : ctx.ofKind(kind)) {
            if (e->kind == "vpc_endpoint" && e->stringProperty("endpoint_type") == "gateway") {
                continue;
            }
            if (e->kind == "lambda_function" && e->parent.empty()) {
                continue;
            }
            if (e->property("subnets").empty()) {
                out.push_back(makeFinding(kInfo, describe(*e) + ": no subnet", {e->id}));
            }
        }
    }
}

}  // namespace

constinit const Rule ec2001{kInfo, &check};

}  // namespace skydraft::rules
