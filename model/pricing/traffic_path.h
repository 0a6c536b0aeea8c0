// Where the traffic annotated on "uses" lines goes, as the route tables send it: to a service
// through a NAT gateway (across zones or not) or free through a gateway endpoint, to another
// subnet of the VPC, through a peering or a transit gateway. The cost estimate prices each path;
// the COST rules say which change would save money.
#pragma once

#include <string>
#include <vector>

#include "analysis/route_analysis.h"
#include "diagram.h"

namespace skydraft {

/// How the traffic of one "uses" line leaves its subnet.
enum class TrafficVia {
    Unknown,          ///< no route table, no route, or a target the pricing does not follow
    Local,            ///< to another subnet of the same VPC
    NatGateway,       ///< through a NAT gateway (to a service or the internet)
    GatewayEndpoint,  ///< through a gateway endpoint for S3 or DynamoDB (free)
    InternetGateway,  ///< straight out of a public subnet
    Peering,          ///< through a VPC peering
    TransitGateway,   ///< through a transit gateway
};

/// The path of the traffic a workload sends (gb_per_month on its "uses" line).
struct TrafficPath {
    const Connection* line = nullptr;            ///< the "uses" connection
    const Element* source = nullptr;             ///< the workload
    const Element* subnet = nullptr;             ///< the source's subnet
    const Element* destination = nullptr;        ///< what it uses
    const Element* destinationSubnet = nullptr;  ///< the destination's subnet, when in one
    std::string service;  ///< "s3" or "dynamodb" when a gateway endpoint could carry it
    double gbPerMonth = 0;
    const RouteTableInfo* table = nullptr;  ///< the source subnet's route table
    TrafficVia via = TrafficVia::Unknown;
    const Element* natGateway = nullptr;       ///< NatGateway
    const Element* gatewayEndpoint = nullptr;  ///< GatewayEndpoint
    const Connection* peering = nullptr;       ///< Peering
    const Element* transitGateway = nullptr;   ///< TransitGateway
    /// NatGateway: the NAT gateway sits in another zone than the source subnet.
    bool crossZoneToNat = false;
    /// Local, Peering, TransitGateway: the two subnets are in different zones (known on both
    /// sides); charged on Local and Peering paths, not through a transit gateway.
    bool crossZone = false;
    /// Peering and TransitGateway: the two ends are in different regions.
    bool crossRegion = false;
    std::string region;  ///< where the charge is made: the NAT's, else the source's
};

/// Every "uses" line with gb_per_month > 0 from an element in (or spanning) a subnet, with the
/// path its subnet's route table gives it, in document order.
std::vector<TrafficPath> trafficPaths(const Diagram& diagram, const RouteAnalysis& routes);

/// The subnet an element runs in: its parent chain's subnet, else the first of its "subnets".
const Element* runningSubnet(const Diagram& diagram, const Element& element);

/// The nearest "region" property up from the element (a VPC's, a transit gateway's), or "".
std::string pricingRegion(const Diagram& diagram, const Element* element);

/// A gateway endpoint whose service is this one ("com.amazonaws.us-east-1.s3" for "s3").
bool isGatewayEndpointFor(const Element& endpoint, std::string_view service);

/// The gateway endpoint service a kind is reached through ("s3", "dynamodb"), or "".
std::string gatewayService(std::string_view kind);

}  // namespace skydraft
