// IGW003: a resource meant to be reachable from the internet has no public address.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "IGW003", Severity::Warning, "Public resource without a public address",
    "An instance marked reachable from the internet sits in a public subnet but has no public "
    "IPv4 address, Elastic IP or IPv6 address (and the subnet does not assign public IPs on "
    "launch).",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    const std::set<std::string_view> hasEip = instancesWithElasticIp(ctx);
    for (const Element* e : ctx.ofKind("ec2_instance")) {
        if (!e->boolProperty("reachable_from_internet")) {
            continue;
        }
        const Element* subnet = ctx.subnetOf(*e);
        if (!subnet || !ctx.routes().isPublic(*subnet)) {
            continue;
        }
        if (e->boolProperty("public_ip") || e->boolProperty("elastic_ip") ||
            e->boolProperty("ipv6_address") || hasEip.count(e->id) ||
            subnet->boolProperty("map_public_ip_on_launch")) {
            continue;
        }
        out.push_back(makeFinding(kInfo,
                                  describe(*e) +
                                      ": meant to be reachable from the internet, "
                                      "but has no public IP, Elastic IP or IPv6 "
                                      "address in public " +
                                      describe(*subnet),
                                  {e->id, subnet->id}));
    }
}

}  // namespace

constinit const Rule igw003{kInfo, &check};

}  // namespace skydraft::rules
