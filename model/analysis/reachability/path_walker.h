// The routing part of a path: from a subnet's route table through gateways, peerings, NAT
// and transit gateways to the VPC, the internet, on-premises or a service endpoint.
#pragma once

#include <string>
#include <vector>

#include "analysis/reachability/endpoint.h"
#include "analysis/reachability/reach_types.h"

namespace skydraft::reach {

/// Where routed traffic is headed.
struct Target {
    Addresses addresses;
    const Element* vpc = nullptr;  ///< the VPC the destination sits in; nullptr outside
    Outside outside = Outside::None;
    std::string service;  ///< for Outside::Service
    std::string text;     ///< how messages name it
    static Target of(const NetworkIndex& index, const Site& site);
};

/// Where routing delivered the traffic.
enum class Arrival { None, Vpc, Internet, OnPremises, Service };

/// The routing hops walked and the components that blocked them.
struct Walk {
    Arrival arrival = Arrival::None;
    const Element* vpc = nullptr;    ///< for Arrival::Vpc
    const Element* entry = nullptr;  ///< the gateway the traffic left through, if any
    bool throughInternet = false;    ///< an inside destination reached over the internet
    std::vector<Hop> hops;
    std::vector<Explanation> blockers;
};

/// The explanation for a site that needs a public address and has none.
Explanation noPublicIp(const NetworkIndex& index, const Site& site, Direction direction);

/// Walks routes for one flow.
class PathWalker {
public:
    PathWalker(const NetworkIndex& index, Flow flow) : m_index(index), m_flow(flow) {}

    /// Routes traffic of source (a site in subnet) towards target.
    Walk route(const Site& source, const Element& subnet, const Target& target,
               Direction direction) const;

    /// Routes traffic entering the transit gateway through attachment incoming.
    void transitFrom(const Element& gateway, const Connection& incoming, const Site& source,
                     const Element* fromSubnet, const Target& target, Direction direction,
                     int depth, Walk& walk) const;

private:
    void routeFrom(const Site& source, const Element& subnet, const Target& target,
                   Direction direction, int depth, Walk& walk) const;
    void viaInternetGateway(const Site& source, const Element& vpc, const Element& gateway,
                            const Target& target, Direction direction, Walk& walk) const;
    void viaVpnGateway(const Element& vpc, const Element& gateway, const Target& target,
                       Direction direction, Walk& walk) const;
    void viaNat(const Site& source, const Element& nat, const Target& target, Direction direction,
                int depth, Walk& walk) const;
    void viaPeering(const Element& vpc, const Connection& peering, const Target& target,
                    Direction direction, Walk& walk) const;
    void viaTransitGateway(const Site& source, const Element& subnet, const Element& vpc,
                           const Element& gateway, const Target& target, Direction direction,
                           int depth, Walk& walk) const;
    void block(Walk& walk, Explanation explanation) const;

    const NetworkIndex& m_index;
    Flow m_flow;
};

/// Routing gives up after this many gateways (a loop through middleboxes or NAT).
inline constexpr int kMaxRoutingDepth = 8;

}  // namespace skydraft::reach
