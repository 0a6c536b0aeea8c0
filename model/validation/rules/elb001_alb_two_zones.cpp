// ELB001: an Application Load Balancer spans at least two availability zones.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "ELB001", Severity::Error, "Application Load Balancer in one zone",
    "An Application Load Balancer needs subnets in at least two distinct availability zones.", ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const Element* lb : ctx.ofKind("load_balancer")) {
        if (lb->stringProperty("lb_type") != "application") {
            continue;
        }
        const auto subnets = listedSubnets(ctx, *lb);
        if (subnets.empty()) {
            continue;  // EC2001
        }
        const SubnetZones zones = zonesOf(subnets);
        if (zones.keys.size() >= 2) {
            continue;
        }
        std::vector<Id> ids{lb->id};
        for (const SubnetInfo* s : subnets) {
            ids.push_back(s->element->id);
        }
        if (!zones.undecided.empty()) {
            out.push_back(makeFinding(kInfo, Severity::Info,
                                      describe(*lb) + ": cannot check zone spread: " +
                                          undecidedZoneText(*zones.undecided.front()),
                                      std::move(ids)));
            continue;
        }
        out.push_back(makeFinding(kInfo,
                                  describe(*lb) + ": subnets only in " + zones.labels.front() +
                                      "; an Application Load Balancer needs two zones",
                                  std::move(ids)));
    }
}

}  // namespace

constinit const Rule elb001{kInfo, &check};

}  // namespace skydraft::rules
