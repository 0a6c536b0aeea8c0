// TGW001: a VPC attachment has subnets, at most one per zone, all in the attached VPC.
#include <map>

#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "TGW001", Severity::Error, "Transit gateway attachment subnets",
    "A transit gateway VPC attachment has at least one subnet, at most one per availability "
    "zone, all in the attached VPC.",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const Connection* a : ctx.connectionsOfKind("transit_gateway_attachment")) {
        const auto subnets = a->stringListProperty("subnets");
        if (subnets.empty()) {
            out.push_back(makeFinding(kInfo, describe(*a) + ": no subnet", {a->id, a->from}));
            continue;
        }
        std::map<std::string, std::vector<Id>> byZone;  // zones that can be compared only
        std::map<std::string, std::string> labels;
        for (const std::string& id : subnets) {
            const Element* s = ctx.element(id);
            if (!s || s->kind != "subnet") {
                continue;
            }
            if (s->parent != a->from) {
                out.push_back(makeFinding(kInfo,
                                          describe(*a) + ": " + describe(*s) +
                                              " is not in the attached " + ctx.describe(a->from),
                                          {a->id, s->id}));
                continue;
            }
            const SubnetInfo* info = ctx.subnet(*s);
            if (info && (info->zoneRef.isDecided() || info->zoneRef.isNone())) {
                byZone[info->zoneRef.key()].push_back(s->id);
                labels[info->zoneRef.key()] = info->zoneRef.label();
            }
        }
        for (auto& [zone, ids] : byZone) {
            if (ids.size() > 1) {
                std::vector<Id> all{a->id};
                all.insert(all.end(), ids.begin(), ids.end());
                out.push_back(makeFinding(kInfo,
                                          describe(*a) + ": " + std::to_string(ids.size()) +
                                              " subnets in " + labels[zone] +
                                              "; at most one per zone",
                                          std::move(all)));
            }
        }
    }
}

}  // namespace

constinit const Rule tgw001{kInfo, &check};

}  // namespace skydraft::rules
