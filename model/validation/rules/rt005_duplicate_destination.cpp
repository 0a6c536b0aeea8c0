// RT005: two routes of one table have the same destination.
#include <map>

#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{"RT005", Severity::Error, "Duplicate route destination",
                         "A route table holds one route per destination CIDR.", ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const char* kind : {"route_table", "transit_gateway_route_table"}) {
        for (const Element* table : ctx.ofKind(kind)) {
            std::vector<StaticRoute> routes = staticRoutes(ctx, *table);
            std::vector<const StaticRoute*> sorted;
            for (const StaticRoute& r : routes) {
                if (r.cidr && !r.propagated) {
                    sorted.push_back(&r);
                }
            }
            std::stable_sort(sorted.begin(), sorted.end(),
                             [](const StaticRoute* a, const StaticRoute* b) {
                                 return *a->cidr < *b->cidr;
                             });
            for (std::size_t i = 1; i < sorted.size(); ++i) {
                if (*sorted[i]->cidr == *sorted[i - 1]->cidr) {
                    out.push_back(makeFinding(
                        kInfo,
                        describe(*table) + ": " + sorted[i]->cidr->toString() + " is routed to " +
                            ctx.describe(sorted[i - 1]->target) + " and to " +
                            ctx.describe(sorted[i]->target),
                        {table->id}));
                }
            }
        }
    }
}

}  // namespace

constinit const Rule rt005{kInfo, &check};

}  // namespace skydraft::rules
