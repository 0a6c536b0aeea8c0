// Security groups (stateful, allow-only, references to groups) and network ACLs (stateless,
// numbered, first match wins) judged for one flow, with the explanations and fixes they give.
#pragma once

#include <optional>

#include "analysis/reachability/endpoint.h"
#include "analysis/reachability/reach_types.h"

namespace skydraft::reach {

/// The other end as a filter sees it: its addresses and, for references, its groups.
struct Peer {
    Addresses addresses;
    const Site* site = nullptr;  ///< nullptr when only addresses are known (after NAT, internet)
};

/// Whether the security groups of self admit the flow to (egress) or from (ingress) peer.
/// An unfiltered site admits everything; a filtered one without groups uses the VPC's default
/// group (all outbound; inbound only from members of the default group of the same VPC).
bool groupsAllow(const Site& self, bool ingress, const Flow& flow, const Peer& peer);

/// The explanation of a security group block, with a rule to add as the fix.
Explanation groupBlock(const NetworkIndex& index, const Site& self, bool ingress, const Flow& flow,
                       const Peer& peer, Direction direction);

/// The decision of a network ACL.
struct AclDecision {
    bool allowed = true;
    int ruleNumber = -1;  ///< the deciding entry; -1 for the implicit deny (or no ACL)
};

/// Judges traffic of protocol on ports (inclusive) to (egress) or from (ingress) peer.
AclDecision aclAllows(const Element& acl, bool egress, Protocol protocol, std::pair<int, int> ports,
                      const Addresses& peer);

/// The same for every port of the range (the first port refused decides): what the answer of
/// a tcp or udp flow needs, since the client picks its ephemeral port.
AclDecision aclAllowsEveryPort(const Element& acl, bool egress, Protocol protocol,
                               std::pair<int, int> ports, const Addresses& peer);

/// Checks the ACL of subnet for the flow; returns the explanation when it blocks.
/// returnTraffic judges the answer (every ephemeral port for tcp and udp).
std::optional<Explanation> aclBlock(const NetworkIndex& index, const Element& subnet, bool egress,
                                    const Flow& flow, const Addresses& peer, bool returnTraffic,
                                    Code code, Direction direction);

}  // namespace skydraft::reach
