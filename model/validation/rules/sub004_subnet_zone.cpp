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
        const ZoneRef& zone = s.zoneRef;
        switch (zone.kind) {
            case ZoneRef::Kind::None:
                out.push_back(makeFinding(kInfo, describe(*s.element) + ": no availability zone",
                                          {s.element->id}));
                break;
            case ZoneRef::Kind::Name:
                if (s.vpc && !s.vpc->region.empty() && !zoneInRegion(zone.name, s.vpc->region)) {
                    out.push_back(makeFinding(kInfo,
                                              describe(*s.element) + ": zone " + zone.name +
                                                  " is not in the region " + s.vpc->region +
                                                  " of " + describe(*s.vpc->element),
                                              {s.element->id, s.vpc->element->id}));
                }
                break;
            case ZoneRef::Kind::Invalid:
                if (zone.index >= 0 && s.vpc) {  // an index past the region's zones
                    out.push_back(makeFinding(kInfo,
                                              describe(*s.element) + ": " + zone.expression +
                                                  " has no zone in " + describe(*s.vpc->element) +
                                                  ": " + zone.reason,
                                              {s.element->id, s.vpc->element->id}));
                }
                break;
            case ZoneRef::Kind::Index:    // a zone of whatever region the stack is deployed in
            case ZoneRef::Kind::Unknown:  // decided at deployment: not wrong
                break;
        }
    }
}

}  // namespace

constinit const Rule sub004{kInfo, &check};

}  // namespace skydraft::rules
