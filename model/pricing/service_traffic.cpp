// The path of service traffic: the source subnet's route table, its NAT gateway, its endpoints.
#include "pricing/service_traffic.h"

#include "catalogue/kind_keys.h"
#include "cidr.h"

namespace skydraft {

namespace {

/// The subnet an element runs in: its parent chain's subnet, else the first of its "subnets".
const Element* subnetOf(const Diagram& diagram, const Element& element) {
    if (const Element* subnet = diagram.ancestorOfKind(element.id, kinds::kSubnet)) {
        return subnet;
    }
    for (const std::string& id : element.stringListProperty("subnets")) {
        if (const Element* subnet = diagram.element(id); subnet && subnet->kind == kinds::kSubnet) {
            return subnet;
        }
    }
    return nullptr;
}

/// A gateway endpoint for the service whose route tables include the table.
const Element* endpointFor(const Diagram& diagram, const std::string& service,
                           const std::string& tableId) {
    for (const Element* e : diagram.elementsOfKind(kinds::kVpcEndpoint)) {
        if (!isGatewayEndpointFor(*e, service)) {
            continue;
        }
        for (const std::string& table : e->stringListProperty("route_tables")) {
            if (table == tableId) {
                return e;
            }
        }
    }
    return nullptr;
}

}  // namespace

bool isGatewayEndpointFor(const Element& endpoint, std::string_view service) {
    return endpoint.kind == kinds::kVpcEndpoint &&
           endpoint.stringProperty("endpoint_type") == "gateway" && !service.empty() &&
           endpoint.stringProperty("service_name").ends_with("." + std::string(service));
}

std::string gatewayService(std::string_view kind) {
    if (kind == kinds::kS3Bucket) {
        return "s3";
    }
    if (kind == kinds::kDynamoDbTable) {
        return "dynamodb";
    }
    return "";
}

std::vector<ServiceTraffic> serviceTraffic(const Diagram& diagram, const RouteAnalysis& routes) {
    std::vector<ServiceTraffic> out;
    // Any public address: the services' own ranges are prefix lists, not CIDRs of the design.
    static const Cidr publicAddress = *parseCidr("52.216.0.1/32").cidr;
    for (const Connection& line : diagram.connections()) {
        if (line.kind != kinds::kUses) {
            continue;
        }
        const nlohmann::json& gb = line.property("gb_per_month");
        if (!gb.is_number() || gb.get<double>() <= 0) {
            continue;
        }
        const Element* source = diagram.element(line.from);
        const Element* destination = diagram.element(line.to);
        if (!source || !destination) {
            continue;
        }
        ServiceTraffic traffic;
        traffic.service = gatewayService(destination->kind);
        traffic.subnet = subnetOf(diagram, *source);
        if (traffic.service.empty() || !traffic.subnet) {
            continue;
        }
        traffic.line = &line;
        traffic.source = source;
        traffic.destination = destination;
        traffic.gbPerMonth = gb.get<double>();
        traffic.table = routes.tableOfSubnet(*traffic.subnet);
        if (traffic.table && traffic.table->element) {
            traffic.gatewayEndpoint =
                endpointFor(diagram, traffic.service, traffic.table->element->id);
            if (const Route* route = RouteAnalysis::lookup(*traffic.table, publicAddress);
                route && routes.targetKind(route->target) == kinds::kNatGateway) {
                traffic.natGateway = diagram.element(route->target);
            }
        }
        out.push_back(traffic);
    }
    return out;
}

}  // namespace skydraft
