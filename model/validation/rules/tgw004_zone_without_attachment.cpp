// TGW004: a subnet routes to a transit gateway from a zone with no attachment subnet.
#include <map>
#include <set>

#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "TGW004", Severity::Warning, "Zone without a transit gateway attachment subnet",
    "Traffic reaches a transit gateway only from the availability zones where its attachment "
    "has a subnet; a subnet in another zone that routes to the transit gateway is cut off.",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    // (vpc, tgw) -> zones of the attachment's subnets; undecided zones make the pair uncheckable.
    std::map<std::pair<std::string, std::string>, std::vector<ZoneRef>> zones;
    std::set<std::pair<std::string, std::string>> undecided;
    for (const Connection* a : ctx.connectionsOfKind("transit_gateway_attachment")) {
        auto& z = zones[{a->from, a->to}];
        for (const std::string& id : a->stringListProperty("subnets")) {
            if (const SubnetInfo* s = ctx.subnet(id)) {
                if (!s->zoneRef.isDecided()) {
                    undecided.insert({a->from, a->to});
                }
                z.push_back(s->zoneRef);
            }
        }
    }
    for (const RouteTableInfo& t : ctx.routes().tables()) {
        std::vector<std::pair<const Element*, const Route*>> gateways;
        for (const Route& r : t.routes) {
            const Element* tgw = ctx.element(r.target);
            if (tgw && tgw->kind == "transit_gateway" &&
                std::none_of(gateways.begin(), gateways.end(),
                             [&](const auto& g) { return g.first == tgw; })) {
                gateways.emplace_back(tgw, &r);
            }
        }
        for (const auto& [tgw, r] : gateways) {
            const std::pair<std::string, std::string> pair{t.vpc ? t.vpc->id : std::string(),
                                                           tgw->id};
            const auto it = zones.find(pair);
            if (it == zones.end() || undecided.count(pair)) {
                continue;  // not attached (RT004), or zones that cannot be compared
            }
            for (const Element* s : t.subnets) {
                const SubnetInfo* info = ctx.subnet(*s);
                if (!info || !info->zoneRef.isDecided()) {
                    continue;
                }
                const ZoneRef& zone = info->zoneRef;
                const bool covered =
                    std::any_of(it->second.begin(), it->second.end(),
                                [&](const ZoneRef& z) { return z.sameZone(zone); });
                const bool comparable =
                    std::all_of(it->second.begin(), it->second.end(),
                                [&](const ZoneRef& z) { return z.comparable(zone); });
                if (!covered && comparable) {
                    out.push_back(makeFinding(kInfo,
                                              describe(*s) + ": routes " +
                                                  r->destination.toString() + " to " +
                                                  describe(*tgw) + " from " + zone.label() +
                                                  ", where the attachment has no subnet",
                                              {s->id, tgw->id}));
                }
            }
        }
    }
}

}  // namespace

constinit const Rule tgw004{kInfo, &check};

}  // namespace skydraft::rules
