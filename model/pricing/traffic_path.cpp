// The path of annotated traffic: the source subnet's route table, and where its route goes.
#include "pricing/traffic_path.h"

#include "catalogue/kind_keys.h"
#include "cidr.h"
#include "zone_ref.h"

namespace skydraft {

namespace {

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

/// Both zones known and different.
bool differentZones(const Diagram& diagram, const Element* a, const Element* b) {
    if (!a || !b) {
        return false;
    }
    const ZoneRef za = zoneOf(diagram, *a);
    const ZoneRef zb = zoneOf(diagram, *b);
    return za.comparable(zb) && !za.sameZone(zb);
}

/// Both regions known and different.
bool differentRegions(const Diagram& diagram, const Element* a, const Element* b) {
    const std::string ra = pricingRegion(diagram, a);
    const std::string rb = pricingRegion(diagram, b);
    return !ra.empty() && !rb.empty() && ra != rb;
}

/// The path goes through the NAT gateway: charged in its region, across zones or not.
void throughNat(const Diagram& diagram, std::string_view natId, TrafficPath& path) {
    path.via = TrafficVia::NatGateway;
    path.natGateway = diagram.element(natId);
    path.region = pricingRegion(diagram, path.natGateway);
    path.crossZoneToNat =
        path.natGateway &&
        differentZones(diagram, path.subnet, runningSubnet(diagram, *path.natGateway));
}

/// Between the two ends' subnets over a peering or a transit gateway: regions, else zones.
void betweenSubnets(const Diagram& diagram, TrafficPath& path) {
    path.crossRegion = differentRegions(diagram, path.subnet, path.destinationSubnet);
    path.crossZone =
        !path.crossRegion && differentZones(diagram, path.subnet, path.destinationSubnet);
}

/// Follows the route for a destination outside the VPC's subnets (a service, the internet).
void followOutward(const Diagram& diagram, const RouteAnalysis& routes, TrafficPath& path) {
    // Any public address: the services' own ranges are prefix lists, not CIDRs of the design.
    static const Cidr publicAddress = *parseCidr("52.216.0.1/32").cidr;
    if (!path.service.empty()) {
        path.gatewayEndpoint = endpointFor(diagram, path.service, path.table->element->id);
        if (path.gatewayEndpoint) {
            path.via = TrafficVia::GatewayEndpoint;
            return;
        }
    }
    const Route* route = RouteAnalysis::lookup(*path.table, publicAddress);
    if (!route) {
        return;
    }
    const std::string_view kind = routes.targetKind(route->target);
    if (kind == kinds::kNatGateway) {
        throughNat(diagram, route->target, path);
    } else if (kind == kinds::kInternetGateway) {
        path.via = TrafficVia::InternetGateway;
    }
}

/// Follows the route to the destination's subnet.
void followToSubnet(const Diagram& diagram, const RouteAnalysis& routes, TrafficPath& path) {
    const auto cidr = parseCidr(path.destinationSubnet->stringProperty("cidr")).cidr;
    if (!cidr) {
        return;
    }
    // A VPC without a route table in the design still has its local routes.
    const std::optional<Route> route = routes.lookupFromSubnet(*path.subnet, *cidr);
    if (!route) {
        return;
    }
    const std::string_view kind = routes.targetKind(route->target);
    if (route->origin == RouteOrigin::Local) {
        path.via = TrafficVia::Local;
        path.crossZone = differentZones(diagram, path.subnet, path.destinationSubnet);
    } else if (kind == kinds::kVpcPeering) {
        path.via = TrafficVia::Peering;
        path.peering = diagram.connection(route->target);
        betweenSubnets(diagram, path);
    } else if (kind == kinds::kTransitGateway) {
        path.via = TrafficVia::TransitGateway;
        path.transitGateway = diagram.element(route->target);
        betweenSubnets(diagram, path);
    } else if (kind == kinds::kNatGateway) {
        throughNat(diagram, route->target, path);  // a private NAT gateway between networks
    }
}

}  // namespace

const Element* runningSubnet(const Diagram& diagram, const Element& element) {
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

std::string pricingRegion(const Diagram& diagram, const Element* element) {
    for (int depth = 0; element && depth < 64; ++depth) {
        if (const std::string region = element->stringProperty("region"); !region.empty()) {
            return region;
        }
        element = element->parent.empty() ? nullptr : diagram.element(element->parent);
    }
    return "";
}

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

std::vector<TrafficPath> trafficPaths(const Diagram& diagram, const RouteAnalysis& routes) {
    std::vector<TrafficPath> out;
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
        TrafficPath path;
        path.line = &line;
        path.source = source;
        path.destination = destination;
        path.subnet = runningSubnet(diagram, *source);
        if (!path.subnet) {
            continue;
        }
        path.destinationSubnet = runningSubnet(diagram, *destination);
        path.service = gatewayService(destination->kind);
        path.gbPerMonth = gb.get<double>();
        path.region = pricingRegion(diagram, path.subnet);
        path.table = routes.tableOfSubnet(*path.subnet);
        if (path.destinationSubnet) {
            followToSubnet(diagram, routes, path);
        } else if (path.table && path.table->element &&
                   !diagram.ancestorOfKind(destination->id, kinds::kVpc)) {
            followOutward(diagram, routes, path);
        }
        out.push_back(path);
    }
    return out;
}

}  // namespace skydraft
