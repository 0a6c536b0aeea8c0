// The two ends of a reachability query: what the user named, and where it sits in the network.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/reachability/network_index.h"
#include "analysis/reachability/reach_types.h"

namespace skydraft::reach {

/// What one end of a query names.
enum class EndpointKind { Element, Internet, Address };

/// A resolved query end: an element, the internet, or an IPv4 address or CIDR.
struct Endpoint {
    EndpointKind kind = EndpointKind::Internet;
    const Element* element = nullptr;  ///< for Element
    Cidr address;                      ///< for Address (canonical)
    static Endpoint internet() { return {}; }
    static Endpoint of(const Element& e) { return {EndpointKind::Element, &e, {}}; }
    static Endpoint at(const Cidr& c) { return {EndpointKind::Address, nullptr, c.canonical()}; }
};

/// The outcome of resolving a name: the endpoint, or an error with the closest names.
struct EndpointLookup {
    std::optional<Endpoint> endpoint;
    std::string error;
    std::vector<std::string> suggestions;  ///< the closest ids, names or logical ids
};

/// Resolves "internet", an IPv4 address or CIDR, an element id, a name (unique) or a
/// CloudFormation logical id, in that order.
EndpointLookup resolveEndpoint(const NetworkIndex& index, std::string_view text);

/// Where traffic of an end outside every VPC comes from or goes to.
enum class Outside { None, Internet, OnPremises, Service };

/// One place an endpoint sits: a host in a subnet with its filters, or something outside.
struct Site {
    Id component;                      ///< element id, "internet", or the address text
    const Element* element = nullptr;  ///< the resource; nullptr for a bare address or host
    const Element* subnet = nullptr;   ///< nullptr outside every VPC
    const Element* vpc = nullptr;      ///< for a gateway: the VPC it is attached to
    Addresses addresses;
    /// The resource has security groups (its kind takes them); otherwise its own host
    /// firewall is taken to admit the traffic.
    bool filtered = false;
    std::vector<const Element*> groups;  ///< empty and filtered: the VPC's default group
    bool publicIp = false;               ///< a public IPv4 or Elastic IP
    Outside outside = Outside::None;
    const Element* gateway = nullptr;  ///< the gateway an outside source enters through
    std::string service;               ///< "s3", "dynamodb": a regional service's name
};

/// The sites of an endpoint: one per subnet a resource spans, the subnets of a VPC, the
/// prefixes of a customer gateway... Empty with *error set when it has none.
std::vector<Site> sitesOf(const NetworkIndex& index, const Endpoint& endpoint, std::string* error);

/// The site of a resource in one of its subnets.
Site siteIn(const NetworkIndex& index, const Element& resource, const Element& subnet);

/// `instance "app-a"`, `the internet`, `203.0.113.7/32`: a site for messages.
std::string describeSite(const NetworkIndex& index, const Site& site);

}  // namespace skydraft::reach
