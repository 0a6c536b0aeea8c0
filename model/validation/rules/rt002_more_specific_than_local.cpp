// RT002: a route inside the local range must be a whole subnet to a NAT gateway, ENI or GWLBe.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "RT002", Severity::Error, "Route more specific than local",
    "A route whose destination lies inside the VPC's primary CIDR is allowed only when the "
    "destination is exactly a subnet's CIDR and the target a NAT gateway, a network interface "
    "(an instance) or a Gateway Load Balancer endpoint (middlebox routing).",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const VpcInfo& vpc : ctx.vpcs()) {
        if (vpc.ipv4.empty()) {
            continue;
        }
        const Cidr& primary = vpc.ipv4.front();
        for (const Element* table : vpc.routeTables) {
            for (const StaticRoute& r : staticRoutes(ctx, *table)) {
                if (!r.cidr || *r.cidr == primary || !primary.contains(*r.cidr) ||
                    allowedMiddleboxRoute(vpc, ctx, *r.cidr, r.target, false)) {
                    continue;
                }
                out.push_back(makeFinding(kInfo,
                                          describe(*table) + ": route " + r.destination + " to " +
                                              ctx.describe(r.target) +
                                              " is more specific than the local route " +
                                              primary.toString(),
                                          {table->id}));
            }
        }
    }
}

}  // namespace

constinit const Rule rt002{kInfo, &check};

}  // namespace skydraft::rules
