// Synthetic but valid diagrams of a chosen size, for benchmarks and `skydraft generate`.
#pragma once

#include <cstddef>

#include "diagram.h"

namespace skydraft {

/// The size and shape of a generated diagram.
struct GeneratorOptions {
    std::size_t vpcs = 4;
    std::size_t subnetsPerVpc = 4;  ///< two public subnets (one per zone), the rest private
    std::size_t peerings = 3;       ///< each routed both ways; never two between one pair
    std::size_t transitGateways = 0;  ///< VPCs of a TGW's region attach to it
    std::size_t instancesPerSubnet = 1;  ///< in private subnets, needing the internet
    std::size_t regions = 1;  ///< VPCs are spread round-robin over this many regions
};

/// Builds a diagram with no error-level finding (but CFN001 once it outgrows one
/// CloudFormation template): non-overlapping CIDRs, a public and a
/// private route table per zone, an internet gateway, a NAT gateway per zone, peering routes
/// in both directions to exactly the peer's CIDR, attachments in both zones. O(n).
Diagram generateDiagram(const GeneratorOptions& options);

}  // namespace skydraft
