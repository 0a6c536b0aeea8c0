// RT001: the local route of a VPC CIDR cannot be replaced, except by an ENI or GWLB endpoint.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "RT001", Severity::Error, "Local route replaced",
    "Every route table has a local route for each VPC CIDR; a route with exactly the primary "
    "CIDR as destination may only target a network interface (an instance) or a Gateway Load "
    "Balancer endpoint. Secondary CIDRs are VPC005.",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const VpcInfo& vpc : ctx.vpcs()) {
        if (vpc.ipv4.empty()) {
            continue;
        }
        const Cidr& primary = vpc.ipv4.front();
        for (const Element* table : vpc.routeTables) {
            for (const StaticRoute& r : staticRoutes(ctx, *table)) {
                if (r.cidr && *r.cidr == primary &&
                    !allowedMiddleboxRoute(vpc, ctx, *r.cidr, r.target, true)) {
                    out.push_back(makeFinding(kInfo,
                                              describe(*table) + ": route " + r.destination +
                                                  " to " + ctx.describe(r.target) +
                                                  " replaces the local route of " +
                                                  describe(*vpc.element),
                                              {table->id, vpc.element->id}));
                }
            }
        }
    }
}

}  // namespace

constinit const Rule rt001{kInfo, &check};

}  // namespace skydraft::rules
