// Test helper: diagrams built in code (every kind, generated sizes) and the examples on disk.
#pragma once

#include <string>
#include <vector>

#include "diagram.h"

namespace skydraft::test {

/// One diagram using every element and connection kind of the catalogue, with secondary
/// CIDRs, IPv6, security groups referencing each other, ACL entries, main route tables, ...
Diagram allKindsDiagram();

/// A deterministic generated diagram: `vpcs` VPCs (peered in a chain and attached to a
/// transit gateway), each with public and private subnets in `zones` zones, NAT gateways,
/// route tables, security groups and `instancesPerSubnet` instances per private subnet.
Diagram generatedDiagram(int vpcs, int zones, int instancesPerSubnet);

/// The example diagrams in examples/*.skydraft, by file name.
std::vector<std::pair<std::string, Diagram>> exampleDiagrams();

/// Reads a file under the source tree (tests/fixtures/..., examples/...).
std::string readSourceFile(const std::string& relativePath);

}  // namespace skydraft::test
