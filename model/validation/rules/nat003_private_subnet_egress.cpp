// NAT003: a private subnet whose resources need the internet routes 0.0.0.0/0 to a NAT gateway.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "NAT003", Severity::Error, "Private subnet without a NAT route",
    "A private subnet holding instances or Auto Scaling groups that need the internet routes "
    "0.0.0.0/0 to a NAT gateway of the same VPC (or to a transit gateway, for centralized "
    "egress). Functions are LAM001.",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    static const Cidr anyV4 = Cidr::v4(0, 0);
    for (const SubnetInfo& s : ctx.subnets()) {
        if (s.ipv6Only || ctx.routes().routesDefaultToInternet(*s.element)) {
            continue;
        }
        const auto users = internetUsers(s, false);
        if (users.empty()) {
            continue;
        }
        const auto route = ctx.routes().lookupFromSubnet(*s.element, anyV4);
        const Element* target = route ? ctx.element(route->target) : nullptr;
        if (target && target->kind == "transit_gateway") {
            continue;
        }
        if (target && target->kind == "nat_gateway" && s.vpc &&
            ctx.vpcOf(*target) == s.vpc->element) {
            continue;
        }
        std::vector<Id> ids{s.element->id};
        for (const Element* u : users) {
            ids.push_back(u->id);
        }
        std::string why = "has no 0.0.0.0/0 route";
        if (target && target->kind == "nat_gateway") {
            why = "routes 0.0.0.0/0 to " + describe(*target) + " of another VPC";
            ids.push_back(target->id);
        } else if (route && route->destination.prefix() == 0) {
            why = "routes 0.0.0.0/0 to " + ctx.describe(route->target) + ", not a NAT gateway";
        }
        out.push_back(makeFinding(kInfo,
                                  describe(*s.element) + ": " + describe(*users.front()) +
                                      " needs the internet, but the subnet " + why,
                                  std::move(ids)));
    }
}

}  // namespace

constinit const Rule nat003{kInfo, &check};

}  // namespace skydraft::rules
