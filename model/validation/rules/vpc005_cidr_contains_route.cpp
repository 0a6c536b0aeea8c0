// VPC005: a secondary VPC CIDR must not equal or contain a route destination of the VPC.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "VPC005", Severity::Error, "VPC CIDR covers an existing route",
    "AWS refuses to add a CIDR to a VPC that is equal to or larger than the destination of a "
    "route in any of the VPC's route tables. Checked for secondary CIDRs; routes inside the "
    "primary CIDR are RT001 and RT002, and the middlebox routes they allow are allowed here.",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const VpcInfo& vpc : ctx.vpcs()) {
        if (vpc.ipv4.size() < 2) {
            continue;
        }
        for (const Element* table : vpc.routeTables) {
            for (const StaticRoute& r : staticRoutes(ctx, *table)) {
                if (!r.cidr || r.propagated) {
                    continue;
                }
                for (std::size_t i = 1; i < vpc.ipv4.size(); ++i) {
                    if (vpc.ipv4[i].contains(*r.cidr) &&
                        !allowedMiddleboxRoute(vpc, ctx, *r.cidr, r.target,
                                               vpc.ipv4[i] == *r.cidr)) {
                        out.push_back(makeFinding(
                            kInfo,
                            describe(*vpc.element) + ": secondary CIDR " +
                                vpc.ipv4[i].toString() + " contains the route " +
                                r.cidr->toString() + " of " + describe(*table),
                            {vpc.element->id, table->id}));
                        break;
                    }
                }
            }
        }
    }
}

}  // namespace

constinit const Rule vpc005{kInfo, &check};

}  // namespace skydraft::rules
