// ELB002: a load balancer has at most one subnet per zone, all in its VPC.
#include <map>

#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "ELB002", Severity::Error, "Load balancer subnets",
    "A load balancer has at most one subnet per availability zone, and all its subnets are in "
    "the load balancer's VPC.",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const Element* lb : ctx.ofKind("load_balancer")) {
        const Element* vpc = ctx.vpcOf(*lb);
        std::map<std::string, std::vector<Id>> byZone;  // zones that can be compared only
        std::map<std::string, std::string> labels;
        for (const SubnetInfo* s : listedSubnets(ctx, *lb)) {
            if (vpc && s->element->parent != vpc->id) {
                out.push_back(makeFinding(
                    kInfo,
                    describe(*lb) + ": " + describe(*s->element) + " is not in " + describe(*vpc),
                    {lb->id, s->element->id}));
                continue;
            }
            if (s->zoneRef.isDecided() || s->zoneRef.isNone()) {
                byZone[s->zoneRef.key()].push_back(s->element->id);
                labels[s->zoneRef.key()] = s->zoneRef.label();
            }
        }
        for (auto& [zone, ids] : byZone) {
            if (ids.size() > 1) {
                std::vector<Id> all{lb->id};
                all.insert(all.end(), ids.begin(), ids.end());
                out.push_back(makeFinding(kInfo,
                                          describe(*lb) + ": " + std::to_string(ids.size()) +
                                              " subnets in " + labels[zone] +
                                              "; at most one per zone",
                                          std::move(all)));
            }
        }
    }
}

}  // namespace

constinit const Rule elb002{kInfo, &check};

}  // namespace skydraft::rules
