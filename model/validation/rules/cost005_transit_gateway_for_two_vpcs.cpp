// COST005: a transit gateway that only joins two VPCs, where a peering would do for less.
#include <algorithm>

#include "pricing/cost_estimate.h"
#include "pricing/traffic_path.h"
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "COST005", Severity::Info, "Transit gateway where a peering would do",
    "A transit gateway whose only attachments are two VPCs with ranges that do not overlap pays "
    "two attachments by the hour and processing per GB, where a VPC peering between the two "
    "has no hourly charge and no processing charge (traffic that crosses zones pays inter-zone "
    "transfer on a peering, taken off the saving). The finding states the saving.",
    "Keep the transit gateway when more networks will join it: the finding sees only the "
    "design."};

void check(const ValidationContext& ctx, Findings& out) {
    const PriceTable& table = builtInPriceTable();
    std::vector<TrafficPath> paths;
    bool pathsBuilt = false;
    for (const Element* tgw : ctx.ofKind("transit_gateway")) {
        std::vector<const Connection*> attachments;
        bool other = false;
        for (const Connection* c : ctx.diagram().connectionsOf(tgw->id)) {
            if (c->kind == "transit_gateway_attachment") {
                attachments.push_back(c);
            } else if (c->kind != "uses") {
                other = true;  // a VPN, a peering of gateways, Direct Connect...
            }
        }
        if (other || attachments.size() != 2 || attachments[0]->from == attachments[1]->from) {
            continue;
        }
        const VpcInfo* a = ctx.vpc(attachments[0]->from);
        const VpcInfo* b = ctx.vpc(attachments[1]->from);
        if (!a || !b || a->ipv4.empty() || b->ipv4.empty()) {
            continue;
        }
        const bool overlap = std::any_of(a->ipv4.begin(), a->ipv4.end(), [&](const Cidr& x) {
            return std::any_of(b->ipv4.begin(), b->ipv4.end(),
                               [&](const Cidr& y) { return x.overlaps(y); });
        });
        const std::string region = pricingRegion(ctx.diagram(), tgw);
        const auto attachHour = table.price(region, "transit_gateway.attachment_hour");
        const auto tgwGb = table.price(region, "transit_gateway.gb");
        const auto interZone = table.price(region, "data_transfer.inter_zone.gb");
        if (overlap || !attachHour || !tgwGb || !interZone) {
            continue;
        }
        double gb = 0;
        double crossZoneGb = 0;
        for (const Connection* c : attachments) {
            const nlohmann::json& data = c->property("data_processed_gb");
            gb += data.is_number() && data.get<double>() > 0 ? data.get<double>() : 0;
        }
        if (!pathsBuilt) {
            paths = trafficPaths(ctx.diagram(), ctx.routes());
            pathsBuilt = true;
        }
        for (const TrafficPath& path : paths) {
            if (path.via == TrafficVia::TransitGateway && path.transitGateway == tgw) {
                gb += path.gbPerMonth;
                crossZoneGb += path.crossZone ? path.gbPerMonth : 0;
            }
        }
        const double hours = 2 * kHoursPerMonth * *attachHour;
        const double processing = gb * *tgwGb;
        const double peeringTransfer = 2 * crossZoneGb * *interZone;
        const double saving = hours + processing - peeringTransfer;
        if (saving <= 0) {
            continue;
        }
        out.push_back(
            makeFinding(kInfo,
                        describe(*tgw) + ": joins only " + describe(*a->element) + " and " +
                            describe(*b->element) + ": a peering between them would save " +
                            formatMoney(saving) + " a month (2 attachments x 730 h x " +
                            formatPrice(*attachHour) + " + " + formatQuantity(gb) + " GB x " +
                            formatPrice(*tgwGb) + " of processing" +
                            (peeringTransfer > 0 ? " - " + formatMoney(peeringTransfer) +
                                                       " of inter-zone transfer on the peering"
                                                 : std::string()) +
                            ", prices of " + table.date + ")",
                        {tgw->id, attachments[0]->id, attachments[1]->id}));
    }
}

}  // namespace

constinit const Rule cost005{kInfo, &check};

}  // namespace skydraft::rules
