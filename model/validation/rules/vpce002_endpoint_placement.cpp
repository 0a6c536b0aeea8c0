// VPCE002: how each endpoint type is placed: route tables, subnets per zone, one subnet.
#include <map>

#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "VPCE002", Severity::Error, "Endpoint placement",
    "A gateway endpoint is associated with route tables, not subnets; an interface endpoint "
    "sits in subnets, at most one per availability zone, with security groups; a Gateway Load "
    "Balancer endpoint sits in exactly one subnet. An endpoint without subnets is EC2001.",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const Element* e : ctx.ofKind("vpc_endpoint")) {
        const std::string type = e->stringProperty("endpoint_type");
        const auto subnets = listedSubnets(ctx, *e);
        if (type == "gateway") {
            if (!e->property("subnets").empty()) {
                out.push_back(makeFinding(
                    kInfo, describe(*e) + ": a gateway endpoint takes route tables, not subnets",
                    {e->id}));
            }
            if (e->property("route_tables").empty()) {
                out.push_back(makeFinding(
                    kInfo, describe(*e) + ": a gateway endpoint without route tables", {e->id}));
            }
            continue;
        }
        if (type == "gateway_load_balancer") {
            if (e->property("subnets").size() > 1) {
                out.push_back(makeFinding(kInfo,
                                          describe(*e) +
                                              ": a Gateway Load Balancer endpoint "
                                              "sits in exactly one subnet, not " +
                                              std::to_string(e->property("subnets").size()),
                                          {e->id}));
            }
            continue;
        }
        std::map<std::string, std::vector<Id>> byZone;  // zones that can be compared only
        std::map<std::string, std::string> labels;
        for (const SubnetInfo* s : subnets) {
            if (s->zoneRef.isDecided() || s->zoneRef.isNone()) {
                byZone[s->zoneRef.key()].push_back(s->element->id);
                labels[s->zoneRef.key()] = s->zoneRef.label();
            }
        }
        for (auto& [zone, ids] : byZone) {
            if (ids.size() > 1) {
                std::vector<Id> all{e->id};
                all.insert(all.end(), ids.begin(), ids.end());
                out.push_back(makeFinding(kInfo,
                                          describe(*e) + ": " + std::to_string(ids.size()) +
                                              " subnets in " + labels[zone] +
                                              "; at most one per zone",
                                          std::move(all)));
            }
        }
        if (!subnets.empty() && e->property("security_groups").empty()) {
            out.push_back(makeFinding(
                kInfo, describe(*e) + ": an interface endpoint without security groups", {e->id}));
        }
    }
}

}  // namespace

constinit const Rule vpce002{kInfo, &check};

}  // namespace skydraft::rules
