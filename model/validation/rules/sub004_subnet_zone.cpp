// SUB004: a subnet is in one availability zone of its VPC's region.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "SUB004", Severity::Error, "Subnet availability zone",
    "A subnet is in exactly one availability zone, and that zone (us-east-1a) belongs to the "
    "VPC's region (us-east-1).",
    ""};

bool zoneInRegion(std::string_view zone, const std::string& region) {
    if (zone.size() <= region.size() || zone.compare(0, region.size(), region) != 0) {
        return false;
    }
    const char next = zone[region.size()];
    return (next >= 'a' && next <= 'z') || next == '-';
}

void check(const ValidationContext& ctx, Findings& out) {
    for (const SubnetInfo& s : ctx.subnets()) {
        const std::string_view zone = s.zone;
        if (zone.empty()) {
            out.push_back(makeFinding(kInfo, describe(*s.element) + ": no availability zone",
                                      {s.element->id}));
            continue;
        }
        if (s.vpc && !s.vpc->region.empty() && !zoneInRegion(zone, s.vpc->region)) {
            out.push_back(makeFinding(kInfo,
                                      describe(*s.element) + ": zone " + std::string(zone) +
                                          " is not in the region " + s.vpc->region + " of " +
                                          describe(*s.vpc->element),
                                      {s.element->id, s.vpc->element->id}));
        }
    }
}

}  // namespace

constinit const Rule sub004{kInfo, &check};

}  // namespace skydraft::rules
