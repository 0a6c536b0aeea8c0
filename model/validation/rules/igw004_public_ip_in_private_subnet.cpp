// IGW004: a resource with a public IP sits in a subnet with no route to an internet gateway.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "IGW004", Severity::Warning, "Public IP in a private subnet",
    "An instance with a public IPv4 or Elastic IP sits in a subnet whose route table has no "
    "0.0.0.0/0 route to an internet gateway: the address is unreachable.",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    const std::set<std::string_view> hasEip = instancesWithElasticIp(ctx);
    for (const Element* e : ctx.ofKind("ec2_instance")) {
        if (!e->boolProperty("public_ip") && !e->boolProperty("elastic_ip") &&
            !hasEip.count(e->id)) {
            continue;
        }
        const Element* subnet = ctx.subnetOf(*e);
        if (!subnet || ctx.routes().isPublic(*subnet)) {
            continue;
        }
        out.push_back(makeFinding(kInfo,
                                  describe(*e) + ": has a public IP, but " + describe(*subnet) +
                                      " has no route to an internet gateway",
                                  {e->id, subnet->id}));
    }
}

}  // namespace

constinit const Rule igw004{kInfo, &check};

}  // namespace skydraft::rules
