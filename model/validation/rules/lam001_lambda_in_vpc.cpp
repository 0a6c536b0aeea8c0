// LAM001: a Lambda function in a VPC uses one VPC, and has a NAT route if it needs the internet.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "LAM001", Severity::Warning, "Lambda function networking",
    "A function in a VPC has subnets and security groups of one VPC, and when it needs the "
    "internet each of its subnets routes 0.0.0.0/0 to a NAT gateway (its network interfaces "
    "never get public addresses, so a public subnet does not help).",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    static const Cidr anyV4 = Cidr::v4(0, 0);
    for (const Element* fn : ctx.ofKind("lambda_function")) {
        const auto subnets = listedSubnets(ctx, *fn);
        if (subnets.empty()) {
            continue;
        }
        const Element* vpc = ctx.vpcOf(*fn);
        std::string vpcId = vpc ? vpc->id : subnets.front()->element->parent;
        for (const SubnetInfo* s : subnets) {
            if (s->element->parent != vpcId) {
                out.push_back(makeFinding(kInfo,
                                          describe(*fn) + ": " + describe(*s->element) +
                                              " is in another VPC than " + ctx.describe(vpcId),
                                          {fn->id, s->element->id}));
            }
        }
        for (const json& id : fn->property("security_groups")) {
            const Element* sg = id.is_string() ? ctx.element(id.get<std::string>()) : nullptr;
            const Element* sgVpc = sg ? ctx.vpcOf(*sg) : nullptr;
            if (sgVpc && sgVpc->id != vpcId) {
                out.push_back(makeFinding(kInfo,
                                          describe(*fn) + ": " + describe(*sg) + " is in " +
                                              describe(*sgVpc) + ", not " + ctx.describe(vpcId),
                                          {fn->id, sg->id}));
            }
        }
        if (!fn->boolProperty("needs_internet")) {
            continue;
        }
        for (const SubnetInfo* s : subnets) {
            const auto route = ctx.routes().lookupFromSubnet(*s->element, anyV4);
            const std::string_view kind = route ? ctx.routes().targetKind(route->target) : "";
            if (kind != "nat_gateway" && kind != "transit_gateway") {
                out.push_back(makeFinding(kInfo,
                                          describe(*fn) + ": needs the internet, but " +
                                              describe(*s->element) +
                                              " has no 0.0.0.0/0 route to a NAT gateway",
                                          {fn->id, s->element->id}));
            }
        }
    }
}

}  // namespace

constinit const Rule lam001{kInfo, &check};

}  // namespace skydraft::rules
