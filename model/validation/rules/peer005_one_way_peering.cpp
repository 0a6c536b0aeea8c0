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
        out.push_back(makeFinding(kInfo, describe(*p) + ": " + what, {p->id, p->from, p->to}));
    }
}

}  // namespace

constinit const Rule peer005{kInfo, &check};

}  // namespace skydraft::rules
