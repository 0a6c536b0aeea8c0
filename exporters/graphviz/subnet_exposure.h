// A small, private classification of subnets as public, private or isolated for the DOT writer.
#pragma once

#include <string_view>

#include "diagram.h"

namespace skydraft {

/// How a subnet reaches the internet, judged from its default route only.
enum class SubnetExposure {
    Public,    ///< 0.0.0.0/0 (or ::/0) to an internet gateway
    Private,   ///< a default route to a NAT gateway, transit gateway, VPN gateway, peering, ...
    Isolated,  ///< no default route (or one to a target that does not exist)
};

/// The route table that applies to a subnet: the one whose associations list it, else the main
/// route table of its VPC; nullptr when there is neither.
const Element* effectiveRouteTable(const Diagram& diagram, const Element& subnet);

/// Classifies a subnet from the default routes of its effective route table.
SubnetExposure subnetExposure(const Diagram& diagram, const Element& subnet);

/// True for "0.0.0.0/0" and "::/0".
bool isDefaultRoute(std::string_view destination);

}  // namespace skydraft
