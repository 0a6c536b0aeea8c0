// COST002: traffic sent across zones to reach a NAT gateway, where one in its own zone is cheaper.
#include <cmath>
#include <map>

#include "pricing/cost_estimate.h"
#include "pricing/traffic_path.h"
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "COST002", Severity::Info, "Traffic crosses zones to a NAT gateway",
    "Subnets whose route table sends the traffic annotated on their workloads' 'uses' lines to a "
    "NAT gateway in another availability zone pay inter-zone data transfer (out of one zone and "
    "into the other) on top of the NAT processing. When the VPC has a NAT gateway in the "
    "subnets' own zone, a route table per zone saves all of it; otherwise the finding appears "
    "only when the transfer costs more than a NAT gateway of the zone would (its hours and its "
    "public IPv4), and says from which volume it pays.",
    "Only traffic annotated on 'uses' lines is counted."};

struct Crossing {
    const Element* nat = nullptr;
    const Element* subnet = nullptr;  ///< the first subnet of the zone sending through it
    ZoneRef zone;
    std::string region;
    double gb = 0;
    std::vector<Id> lines;
};

/// A zonal NAT gateway of the VPC in the zone, of the same connectivity as nat.
const Element* natInZone(const ValidationContext& ctx, const Element& nat, const ZoneRef& zone) {
    const Element* vpc = ctx.vpcOf(nat);
    const VpcInfo* info = vpc ? ctx.vpc(vpc->id) : nullptr;
    if (!info) {
        return nullptr;
    }
    for (const Element* other : info->natGateways) {
        const Element* subnet = ctx.subnetOf(*other);
        const SubnetInfo* s = subnet ? ctx.subnet(*subnet) : nullptr;
        if (other != &nat && isZonalNat(*other) && s && s->zoneRef.sameZone(zone) &&
            other->stringProperty("connectivity") == nat.stringProperty("connectivity")) {
            return other;
        }
    }
    return nullptr;
}

void check(const ValidationContext& ctx, Findings& out) {
    std::map<std::pair<std::string, std::string>, Crossing> crossings;  // (nat, zone key)
    std::vector<std::pair<std::string, std::string>> order;
    for (const TrafficPath& path : trafficPaths(ctx.diagram(), ctx.routes())) {
        if (path.via != TrafficVia::NatGateway || !path.crossZoneToNat) {
            continue;
        }
        const SubnetInfo* info = ctx.subnet(*path.subnet);
        if (!info) {
            continue;
        }
        const auto key = std::make_pair(path.natGateway->id, info->zoneRef.key());
        auto [it, added] = crossings.try_emplace(key);
        if (added) {
            order.push_back(key);
            it->second = {path.natGateway, path.subnet, info->zoneRef, path.region, 0, {}};
        }
        it->second.gb += path.gbPerMonth;
        it->second.lines.push_back(path.line->id);
    }
    const PriceTable& table = builtInPriceTable();
    for (const auto& key : order) {
        const Crossing& c = crossings.at(key);
        const auto transfer = table.price(c.region, "data_transfer.inter_zone.gb");
        if (!transfer) {
            continue;  // no price: the cost estimate names the gap
        }
        const double charge = 2 * c.gb * *transfer;
        const std::string what = describe(*c.subnet) + " and the subnets of " + c.zone.label() +
                                 " send " + formatQuantity(c.gb) + " GB a month to " +
                                 describe(*c.nat) + " in another zone: 2 x " +
                                 formatQuantity(c.gb) + " GB x " + formatPrice(*transfer) +
                                 " of inter-zone transfer = " + formatMoney(charge) + " a month";
        std::vector<Id> ids = {c.subnet->id, c.nat->id};
        ids.insert(ids.end(), c.lines.begin(), c.lines.end());
        if (const Element* local = natInZone(ctx, *c.nat, c.zone)) {
            out.push_back(makeFinding(kInfo,
                                      what + "; a route table for " + c.zone.label() +
                                          " that sends them to " + describe(*local) +
                                          " (in their zone) would save " + formatMoney(charge) +
                                          " a month (prices of " + table.date + ")",
                                      std::move(ids)));
            continue;
        }
        const auto natHour = table.price(c.region, "nat_gateway.hour");
        const auto ipv4Hour = table.price(c.region, "public_ipv4.hour");
        if (!natHour || !ipv4Hour) {
            continue;
        }
        const bool isPublic = c.nat->stringProperty("connectivity") != "private";
        const double newNat = kHoursPerMonth * (*natHour + (isPublic ? *ipv4Hour : 0));
        if (charge <= newNat) {
            continue;  // a NAT gateway of the zone would cost more than the transfer
        }
        out.push_back(makeFinding(kInfo,
                                  what + "; a NAT gateway in " + c.zone.label() + " (" +
                                      formatMoney(newNat) + " a month) would save " +
                                      formatMoney(charge - newNat) + " a month: it pays above " +
                                      formatQuantity(std::ceil(newNat / (2 * *transfer))) +
                                      " GB a month (prices of " + table.date + ")",
                                  std::move(ids)));
    }
}

}  // namespace

constinit const Rule cost002{kInfo, &check};

}  // namespace skydraft::rules
