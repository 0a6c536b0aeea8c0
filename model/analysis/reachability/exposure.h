// The exposure report: every element the internet can reach, and on which ports.
#pragma once

#include <string>
#include <vector>

#include "analysis/reachability/reach_types.h"

namespace skydraft::reach {

class Reachability;

/// One way in from the internet: a protocol and a port range, maybe through a load balancer.
struct ExposedPort {
    Protocol protocol = Protocol::Tcp;
    int first = 0;  ///< ports, inclusive (0-65535 for all)
    int last = 65535;
    Id via;  ///< the load balancer it comes through, or ""
    /// "tcp 443", "tcp 1024-2047", "udp (any port)", "all traffic".
    std::string text() const;
    friend bool operator==(const ExposedPort&, const ExposedPort&) = default;
};

/// An element reachable from the internet.
struct Exposure {
    const Element* element = nullptr;
    std::vector<ExposedPort> ports;
};

/// Every resource in a subnet that the internet reaches, in document order. The ports tried
/// are those its security groups open to some internet address, and its load balancers' target
/// port; a range is reported when its first port is reachable.
std::vector<Exposure> exposureReport(const Reachability& reachability);

}  // namespace skydraft::reach
