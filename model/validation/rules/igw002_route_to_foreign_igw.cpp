// IGW002: a route to an internet gateway is in a route table of the VPC it is attached to.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "IGW002", Severity::Error, "Route to an internet gateway of another VPC",
    "A route that targets an internet gateway belongs to a route table of the VPC the gateway "
    "is attached to; a detached gateway cannot be a target.",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const Element* table : ctx.ofKind("route_table")) {
        for (const StaticRoute& r : staticRoutes(ctx, *table)) {
            const Element* target = ctx.element(r.target);
            if (!target || target->kind != "internet_gateway") {
                continue;
            }
            const Element* attached = ctx.routes().attachedVpc(target->id);
            if (attached && attached->id == table->parent) {
                continue;
            }
            out.push_back(makeFinding(
                kInfo,
                describe(*table) + ": route " + r.destination + " targets " + describe(*target) +
                    (attached ? ", attached to " + describe(*attached) : ", which is detached"),
                {table->id, target->id}));
        }
    }
}

}  // namespace

constinit const Rule igw002{kInfo, &check};

}  // namespace skydraft::rules
