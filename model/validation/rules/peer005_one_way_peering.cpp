// PEER005: a peering routed in one direction only, or in neither, has no return path.
#include <unordered_map>

#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "PEER005", Severity::Warning, "Peering routed one way",
    "Both VPCs of a peering need a route to the other over it; with routes on one side only, "
    "or none, traffic has no return path.",
    ""};

/// The route tables of a VPC that subnets use (explicitly associated ones and the main one);
/// when there are none, every table of the VPC.
std::vector<const Element*> usedRouteTables(const ValidationContext& ctx, const Id& vpcId) {
    std::vector<const Element*> all;
    std::vector<const Element*> used;
    for (const Element* rt : ctx.ofKind("route_table")) {
        if (rt->parent != vpcId) {
            continue;
        }
        all.push_back(rt);
        if (rt->boolProperty("main") || !rt->stringListProperty("associations").empty()) {
            used.push_back(rt);
        }
    }
    return used.empty() ? all : used;
}

/// Appends the edits that route toVpc's primary CIDR over the peering in every used route
/// table of fromVpc that has no route over it yet.
void addReturnRoutes(const ValidationContext& ctx, const Connection& peering,
                     const Element& fromVpc, const Element& toVpc, Fix& fix) {
    const auto destination = parseCidr(toVpc.stringProperty("cidr"));
    if (!destination) {
        return;
    }
    for (const Element* rt : usedRouteTables(ctx, fromVpc.id)) {
        json routes = rt->property("routes");
        if (!routes.is_array()) {
            routes = json::array();
        }
        bool present = false;
        for (const json& r : routes) {
            present = present || (r.is_object() && r.value("target", std::string()) == peering.id);
        }
        if (present) {
            continue;
        }
        routes.push_back(
            {{"destination", destination.cidr->canonical().toString()}, {"target", peering.id}});
        fix.edits.push_back({"set_property", rt->id, "routes", std::move(routes)});
    }
}

/// Adds the routes the unrouted side (or both) lacks.
std::optional<Fix> returnRouteFix(const ValidationContext& ctx, const Connection& peering) {
    const Element* a = ctx.element(peering.from);
    const Element* b = ctx.element(peering.to);
    if (!a || !b || a == b) {
        return std::nullopt;
    }
    Fix fix;
    addReturnRoutes(ctx, peering, *a, *b, fix);
    addReturnRoutes(ctx, peering, *b, *a, fix);
    if (fix.edits.empty()) {
        return std::nullopt;
    }
    const bool both = fix.edits.size() > 1 && ctx.element(fix.edits.front().target)->parent !=
                                                  ctx.element(fix.edits.back().target)->parent;
    fix.label = both ? "Add routes on both sides" : "Add the return route";
    return fix;
}

void check(const ValidationContext& ctx, Findings& out) {
    // For each peering: whether a table of its "from" VPC and of its "to" VPC route over it.
    std::unordered_map<std::string_view, std::pair<bool, bool>> routed;
    for (const RouteTableInfo& t : ctx.routes().tables()) {
        if (!t.vpc) {
            continue;
        }
        for (const Route& r : t.routes) {
            const Connection* p = ctx.connection(r.target);
            if (!p || p->kind != "vpc_peering") {
                continue;
            }
            auto& sides = routed[p->id];
            sides.first = sides.first || p->from == t.vpc->id;
            sides.second = sides.second || p->to == t.vpc->id;
        }
    }
    for (const Connection* p : ctx.connectionsOfKind("vpc_peering")) {
        if (p->from == p->to) {
            continue;
        }
        const auto it = routed.find(p->id);
        const bool fromSide = it != routed.end() && it->second.first;
        const bool toSide = it != routed.end() && it->second.second;
        if (fromSide && toSide) {
            continue;
        }
        std::string what;
        if (!fromSide && !toSide) {
            what = "no route in either VPC uses it";
        } else {
            const std::string& missing = fromSide ? p->to : p->from;
            what = "routed from " + ctx.describe(fromSide ? p->from : p->to) + " only; " +
                   ctx.describe(missing) + " has no route back";
        }
        Finding f = makeFinding(kInfo, describe(*p) + ": " + what, {p->id, p->from, p->to});
        f.fix = returnRouteFix(ctx, *p);
        out.push_back(std::move(f));
    }
}

}  // namespace

constinit const Rule peer005{kInfo, &check};

}  // namespace skydraft::rules
