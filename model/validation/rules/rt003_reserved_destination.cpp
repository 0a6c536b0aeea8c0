// RT003: no route destination inside 169.254.168.0/22 or fd00:ec2::/32.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "RT003", Severity::Error, "Route to a reserved range",
    "AWS reserves 169.254.168.0/22 and fd00:ec2::/32 for instance services (metadata, DNS, "
    "time); no route may have a destination inside them.",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    static const Cidr reserved[] = {*parseCidr("169.254.168.0/22").cidr,
                                    *parseCidr("fd00:ec2::/32").cidr};
    for (const char* kind : {"route_table", "transit_gateway_route_table"}) {
        for (const Element* table : ctx.ofKind(kind)) {
            for (const StaticRoute& r : staticRoutes(ctx, *table)) {
                for (const Cidr& range : reserved) {
                    if (r.cidr && range.contains(*r.cidr)) {
                        out.push_back(makeFinding(kInfo,
                                                  describe(*table) + ": route " + r.destination +
                                                      " is inside the reserved range " +
                                                      range.toString(),
                                                  {table->id}));
                    }
                }
            }
        }
    }
}

}  // namespace

constinit const Rule rt003{kInfo, &check};

}  // namespace skydraft::rules
