// EC2002: an instance's security groups belong to its subnet's VPC.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{"EC2002", Severity::Error, "Instance security group of another VPC",
                         "An instance's security groups belong to the VPC of its subnet.", ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const Element* e : ctx.ofKind("ec2_instance")) {
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

}  // namespace

constinit const Rule ec2002{kInfo, &check};

}  // namespace skydraft::rules
