// VPN003: routes to, or propagation from, a virtual private gateway need it attached there.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "VPN003", Severity::Error, "Virtual private gateway of another VPC",
    "A route table routes to, or takes propagated routes from, only the virtual private gateway "
    "attached to its own VPC.",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const Element* table : ctx.ofKind("route_table")) {
        auto attachedHere = [&](const Element& gw) {
            const Element* vpc = ctx.routes().attachedVpc(gw.id);
            return vpc && vpc->id == table->parent;
        };
        for (const StaticRoute& r : staticRoutes(ctx, *table)) {
            const Element* gw = ctx.element(r.target);
            if (gw && gw->kind == "virtual_private_gateway" && !attachedHere(*gw)) {
                out.push_back(makeFinding(kInfo,
                                          describe(*table) + ": route " + r.destination +
                                              " targets " + describe(*gw) +
                                              ", which is not attached to this VPC",
                                          {table->id, gw->id}));
            }
        }
        for (const json& id : table->property("propagating_gateways")) {
            const Element* gw = id.is_string() ? ctx.element(id.get<std::string>()) : nullptr;
            if (gw && gw->kind == "virtual_private_gateway" && !attachedHere(*gw)) {
                out.push_back(makeFinding(kInfo,
                                          describe(*table) + ": propagates routes from " +
                                              describe(*gw) +
                                              ", which is not attached to this VPC",
                                          {table->id, gw->id}));
            }
        }
    }
}

}  // namespace

constinit const Rule vpn003{kInfo, &check};

}  // namespace skydraft::rules
