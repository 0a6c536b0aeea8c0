// COST004: the same interface endpoints in many VPCs behind one transit gateway, where one
// shared endpoint VPC would cost less.
#include <algorithm>
#include <map>

#include "pricing/cost_estimate.h"
#include "pricing/traffic_path.h"
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "COST004", Severity::Info, "Interface endpoints repeated behind a transit gateway",
    "Interface endpoints are paid per zone and hour in every VPC that has one. When VPCs "
    "attached to the same transit gateway each have endpoints for the same services, one "
    "endpoint VPC behind the transit gateway can serve them all: it costs its own endpoints, "
    "one more attachment, and the transit gateway's processing of the endpoints' data. The "
    "finding appears when that is cheaper, states the saving, and says from how many VPCs "
    "sharing pays.",
    "Sharing needs Route 53 private hosted zones for the endpoints' names (not counted), and "
    "only the endpoints' annotated data_processed_gb is counted as transit gateway traffic."};

/// "ssm", "ecr.api": the service of "com.amazonaws.us-east-1.ssm".
std::string serviceOf(const Element& endpoint) {
    const std::string name = endpoint.stringProperty("service_name");
    int dots = 0;
    for (std::size_t i = 0; i < name.size(); ++i) {
        if (name[i] == '.' && ++dots == 3) {
            return name.substr(i + 1);
        }
    }
    return name;
}

struct Service {
    std::vector<const Element*> endpoints;
    std::vector<std::string> vpcs;
    double zones = 1;  ///< the most zones any of its endpoints covers
};

void check(const ValidationContext& ctx, Findings& out) {
    const PriceTable& table = builtInPriceTable();
    for (const Element* tgw : ctx.ofKind("transit_gateway")) {
        std::vector<const Element*> vpcs;
        for (const Connection* a : ctx.connectionsOfKind("transit_gateway_attachment")) {
            const Element* vpc = ctx.element(a->from);
            if (a->to == tgw->id && vpc && std::find(vpcs.begin(), vpcs.end(), vpc) == vpcs.end()) {
                vpcs.push_back(vpc);
            }
        }
        const std::string region = pricingRegion(ctx.diagram(), tgw);
        const auto zoneHour = table.price(region, "vpc_endpoint.interface.zone_hour");
        const auto attachHour = table.price(region, "transit_gateway.attachment_hour");
        const auto tgwGb = table.price(region, "transit_gateway.gb");
        if (vpcs.size() < 2 || !zoneHour || !attachHour || !tgwGb) {
            continue;
        }
        std::map<std::string, Service> services;
        for (const Element* vpc : vpcs) {
            const VpcInfo* info = ctx.vpc(vpc->id);
            for (const Element* e : info ? info->endpoints : std::vector<const Element*>{}) {
                if (e->stringProperty("endpoint_type") != "interface") {
                    continue;
                }
                Service& s = services[serviceOf(*e)];
                s.endpoints.push_back(e);
                if (std::find(s.vpcs.begin(), s.vpcs.end(), vpc->name) == s.vpcs.end()) {
                    s.vpcs.push_back(vpc->name);
                }
                s.zones =
                    std::max(s.zones, static_cast<double>(e->stringListProperty("subnets").size()));
            }
        }
        double now = 0;     // the repeated services' endpoints as they are
        double shared = 0;  // one endpoint per service in an endpoint VPC
        double gb = 0;
        std::string names;
        std::vector<Id> ids = {tgw->id};
        std::size_t repeated = 0;
        for (const auto& [name, s] : services) {
            if (s.vpcs.size() < 2) {
                continue;
            }
            ++repeated;
            names += (names.empty() ? "" : ", ") + name + " (in " + std::to_string(s.vpcs.size()) +
                     " VPCs)";
            for (const Element* e : s.endpoints) {
                now += std::max<std::size_t>(1, e->stringListProperty("subnets").size()) *
                       kHoursPerMonth * *zoneHour;
                const nlohmann::json& data = e->property("data_processed_gb");
                gb += data.is_number() && data.get<double>() > 0 ? data.get<double>() : 0;
                ids.push_back(e->id);
            }
            shared += s.zones * kHoursPerMonth * *zoneHour;
        }
        if (repeated == 0) {
            continue;
        }
        const double extra = kHoursPerMonth * *attachHour + gb * *tgwGb;
        const double saving = now - shared - extra;
        if (saving <= 0) {
            continue;
        }
        // Each VPC beyond the first saves its endpoints: sharing pays from this many VPCs.
        const double perVpc = shared;
        const int paysFrom = static_cast<int>(std::floor(extra / perVpc)) + 2;
        out.push_back(
            makeFinding(kInfo,
                        describe(*tgw) + ": its VPCs repeat interface endpoints for " + names +
                            ": they cost " + formatMoney(now) +
                            " a month; one endpoint VPC behind it would "
                            "cost " +
                            formatMoney(shared) + " of endpoints + " +
                            formatMoney(kHoursPerMonth * *attachHour) + " for its attachment + " +
                            formatMoney(gb * *tgwGb) + " of processing (" + formatQuantity(gb) +
                            " GB) and save " + formatMoney(saving) +
                            " a month; sharing these services "
                            "pays from " +
                            std::to_string(paysFrom) + " VPCs (prices of " + table.date + ")",
                        std::move(ids)));
    }
}

}  // namespace

constinit const Rule cost004{kInfo, &check};

}  // namespace skydraft::rules
