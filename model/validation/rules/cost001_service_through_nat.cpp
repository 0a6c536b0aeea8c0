// COST001: traffic to S3 or DynamoDB through a NAT gateway, where a gateway endpoint is free.
#include "diagram_file.h"
#include "pricing/cost_estimate.h"
#include "pricing/traffic_path.h"
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "COST001", Severity::Warning, "Service traffic paid through a NAT gateway",
    "A workload in a private subnet that sends data to S3 or DynamoDB (gb_per_month on its "
    "'uses' line) through a NAT gateway pays the NAT gateway's per-GB processing charge; a "
    "gateway endpoint for the service on the subnet's route table carries it at no charge. The "
    "finding states the monthly saving at the price table's rates; the fix adds the endpoint "
    "(or associates the VPC's existing one with the route table).",
    "Only traffic annotated on 'uses' lines is counted, and only its NAT processing charge."};

/// The gateway endpoint for the service already in the VPC (on other route tables), if any.
const Element* endpointInVpc(const ValidationContext& ctx, const Element& vpc,
                             const std::string& service) {
    for (const Element* e : ctx.ofKind("vpc_endpoint")) {
        if (e->parent == vpc.id && isGatewayEndpointFor(*e, service)) {
            return e;
        }
    }
    return nullptr;
}

Fix endpointFix(const ValidationContext& ctx, const TrafficPath& traffic, const Element& vpc) {
    const std::string tableId = traffic.table->element->id;
    const std::string tableName = traffic.table->element->name;
    Fix fix;
    if (const Element* existing = endpointInVpc(ctx, vpc, traffic.service)) {
        json tables = json::array();
        for (const std::string& id : existing->stringListProperty("route_tables")) {
            tables.push_back(id);
        }
        tables.push_back(tableId);
        fix.label = "Associate " + existing->name + " with " + tableName;
        fix.edits.push_back({"set_property", existing->id, "route_tables", tables});
        return fix;
    }
    // A new gateway endpoint at the VPC's right edge, for every table that sends the service's
    // traffic through a NAT gateway.
    Element endpoint;
    endpoint.id = ctx.diagram().makeId("vpce");
    endpoint.kind = "vpc_endpoint";
    endpoint.name = traffic.service + "-endpoint";
    endpoint.parent = vpc.id;
    endpoint.geometry = {vpc.geometry.x + std::max(0.0, vpc.geometry.width - 90),
                         vpc.geometry.y + 40, 48, 48};
    const std::string region = vpc.stringProperty("region");
    endpoint.properties = {
        {"endpoint_type", "gateway"},
        {"service_name",
         "com.amazonaws." + (region.empty() ? "us-east-1" : region) + "." + traffic.service},
        {"route_tables", json::array({tableId})}};
    fix.label = "Add a gateway endpoint for " + traffic.service + " on " + tableName;
    fix.edits.push_back({"add_element", endpoint.id, "", elementToJson(endpoint)});
    return fix;
}

void check(const ValidationContext& ctx, Findings& out) {
    const PriceTable& table = builtInPriceTable();
    for (const TrafficPath& traffic : trafficPaths(ctx.diagram(), ctx.routes())) {
        if (traffic.via != TrafficVia::NatGateway || traffic.service.empty()) {
            continue;
        }
        const Element* vpc = ctx.vpcOf(*traffic.natGateway);
        const std::string region = vpc ? vpc->stringProperty("region") : "";
        const auto price = table.price(region, "nat_gateway.gb");
        const std::string saving =
            price ? formatMoney(traffic.gbPerMonth * *price) + " a month (" +
                        formatQuantity(traffic.gbPerMonth) + " GB x " + formatPrice(*price) +
                        " of NAT processing, prices of " + table.date + ")"
                  : "the NAT gateway's per-GB charge (no price for " + region + ")";
        Finding f = makeFinding(
            kInfo,
            describe(*traffic.source) + " sends " + formatQuantity(traffic.gbPerMonth) +
                " GB a month to " + describe(*traffic.destination) + " through " +
                describe(*traffic.natGateway) + ": a gateway endpoint for " + traffic.service +
                " on " + describe(*traffic.table->element) + " would save " + saving,
            {traffic.line->id, traffic.source->id, traffic.natGateway->id,
             traffic.table->element->id});
        if (vpc) {
            f.fix = endpointFix(ctx, traffic, *vpc);
        }
        out.push_back(std::move(f));
    }
}

}  // namespace

constinit const Rule cost001{kInfo, &check};

}  // namespace skydraft::rules
