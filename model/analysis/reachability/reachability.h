// "Can A reach B, and if not, why?": the path AWS would take between two endpoints of a design,
// hop by hop, with every blocking component on the most promising path.
#pragma once

#include <string>

#include "analysis/reachability/endpoint.h"
#include "analysis/reachability/network_index.h"
#include "analysis/reachability/reach_types.h"

namespace skydraft::reach {

/// Answers reachability queries on one diagram. Building it indexes the diagram once (O(n));
/// a query then costs the routes, rules and sites it touches. The diagram must outlive it and
/// stay unchanged.
class Reachability {
public:
    explicit Reachability(const Diagram& diagram) : m_index(diagram) {}

    const NetworkIndex& index() const { return m_index; }

    /// The verdict for flow from one endpoint to another. For a source with several sites (a
    /// resource in several subnets, a VPC) and a destination with several, the first reachable
    /// pair wins; when none is, the pair with the fewest blocking components is explained.
    /// A load balancer destination is reached on its listener port and forwards to its targets
    /// on the target port; a target of a load balancer is also reached through it.
    /// Returns nullopt with *error set when an endpoint has no place in the network.
    std::optional<ReachResult> query(const Endpoint& from, const Endpoint& to, const Flow& flow,
                                     std::string* error) const;

    /// The verdict between two sites, forwarding through a load balancer destination.
    ReachResult between(const Site& from, const Site& to, const Flow& flow) const;

private:
    ReachResult direct(const Site& from, const Site& to, const Flow& flow) const;
    /// Through a load balancer to its targets (only onlyTarget when given).
    ReachResult forwarded(const Site& from, const Site& balancer, const Flow& flow,
                          const Element* onlyTarget) const;
    void enter(const Site& from, const Site& to, const Flow& flow, ReachResult& out) const;

    NetworkIndex m_index;
};

/// True when a is a better answer to show than b: reachable, else fewer blocking components.
bool morePromising(const ReachResult& a, const ReachResult& b);

}  // namespace skydraft::reach
