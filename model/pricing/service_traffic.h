// Where the traffic annotated on "uses" lines goes: to S3 or DynamoDB through a NAT gateway, or
// free through a gateway endpoint. The cost estimate prices it; COST001 says what would save it.
#pragma once

#include <string>
#include <vector>

#include "analysis/route_analysis.h"
#include "diagram.h"

namespace skydraft {

/// Traffic a workload sends to a service that gateway endpoints serve (S3, DynamoDB).
struct ServiceTraffic {
    const Connection* line = nullptr;      ///< the "uses" connection with gb_per_month
    const Element* source = nullptr;       ///< the workload
    const Element* subnet = nullptr;       ///< the source's subnet
    const Element* destination = nullptr;  ///< the bucket or table
    std::string service;                   ///< "s3" or "dynamodb"
    double gbPerMonth = 0;
    const RouteTableInfo* table = nullptr;     ///< the subnet's route table
    const Element* natGateway = nullptr;       ///< where the table sends internet traffic, if a NAT
    const Element* gatewayEndpoint = nullptr;  ///< a gateway endpoint for the service on the table
};

/// Every "uses" line with gb_per_month > 0 from an element in (or spanning) a subnet to an S3
/// bucket or DynamoDB table, with the path the route table gives it, in document order.
std::vector<ServiceTraffic> serviceTraffic(const Diagram& diagram, const RouteAnalysis& routes);

/// A gateway endpoint whose service is this one ("com.amazonaws.us-east-1.s3" for "s3").
bool isGatewayEndpointFor(const Element& endpoint, std::string_view service);

/// The gateway endpoint service a kind is reached through ("s3", "dynamodb"), or "".
std::string gatewayService(std::string_view kind);

}  // namespace skydraft
