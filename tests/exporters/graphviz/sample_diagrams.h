// Diagrams built in code for the Graphviz exporter tests.
#pragma once

#include "diagram.h"

namespace skydraft::testing {

/// Builds an element with properties; name defaults to the id.
Element element(std::string id, std::string kind, std::string parent = {},
                nlohmann::json properties = nlohmann::json::object(), std::string name = {});

/// One VPC over two zones: public, app and database subnets, an internet gateway, a NAT
/// gateway, a load balancer, two instances, a database, route tables and security groups.
Diagram webAppDiagram();

/// Two VPCs in two regions, a transit gateway with a route table, a VPN from a customer
/// gateway and a VPC peering.
Diagram hubDiagram();

}  // namespace skydraft::testing
