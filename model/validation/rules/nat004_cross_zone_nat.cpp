// NAT004: a subnet's default route points to a NAT gateway in another availability zone.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "NAT004", Severity::Warning, "NAT gateway in another zone",
    "A subnet's 0.0.0.0/0 route goes to a zonal NAT gateway in another availability zone: the "
    "traffic pays cross-zone charges and fails with that zone.",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    static const Cidr anyV4 = Cidr::v4(0, 0);
    for (const RouteTableInfo& t : ctx.routes().tables()) {
        const Route* route = RouteAnalysis::lookup(t, anyV4);
        const Element* nat = route ? ctx.element(route->target) : nullptr;
        if (!nat || nat->kind != "nat_gateway" || !isZonalNat(*nat)) {
            continue;
        }
        const Element* natSubnet = ctx.subnetOf(*nat);
        if (!natSubnet) {
            continue;
        }
        const SubnetInfo* natInfo = ctx.subnet(*natSubnet);
        if (!natInfo) {
            continue;
        }
        const ZoneRef& natZone = natInfo->zoneRef;
        for (const Element* s : t.subnets) {
            const SubnetInfo* info = ctx.subnet(*s);
            // Zones that cannot be compared (unknown, or a name against an index) are skipped.
            if (!info || !info->zoneRef.comparable(natZone) || info->zoneRef.sameZone(natZone)) {
                continue;
            }
            out.push_back(makeFinding(kInfo,
                                      describe(*s) + ": in " + info->zoneRef.label() +
                                          ", routes 0.0.0.0/0 to " + describe(*nat) + " in " +
                                          natZone.label(),
                                      {s->id, nat->id}));
        }
    }
}

}  // namespace

constinit const Rule nat004{kInfo, &check};

}  // namespace skydraft::rules
