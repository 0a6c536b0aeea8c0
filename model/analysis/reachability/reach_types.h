// The vocabulary of reachability: flows, address sets, blocking codes, hops and verdicts.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cidr.h"
#include "diagram.h"
#include "validation/finding.h"

namespace skydraft::reach {

/// The IP protocol of a query; Any means "some traffic of any protocol".
enum class Protocol { Tcp, Udp, Icmp, Any };

/// "tcp", "udp", "icmp" or "any".
std::string_view protocolKey(Protocol protocol);
/// The protocol named by protocolKey(), or nullopt.
std::optional<Protocol> parseProtocol(std::string_view text);

/// What is sent: a protocol and a destination port (-1: any port; ignored for icmp and any).
struct Flow {
    Protocol protocol = Protocol::Tcp;
    int port = -1;
    /// True when ports matter (tcp or udp).
    bool hasPorts() const { return protocol == Protocol::Tcp || protocol == Protocol::Udp; }
    /// The inclusive port range the flow covers (0-65535 for any port).
    std::pair<int, int> ports() const;
    /// "tcp 5432", "tcp (any port)", "icmp", "all traffic".
    std::string text() const;
    friend bool operator==(const Flow&, const Flow&) = default;
};

/// The ephemeral ports return traffic of tcp and udp comes back on (AWS's recommended range).
inline constexpr int kEphemeralFirst = 1024;
inline constexpr int kEphemeralLast = 65535;

/// A set of IPv4 addresses: the hosts of a CIDR, or the public internet (every address of
/// 0.0.0.0/0 outside the private, shared, link-local and loopback ranges). Filters are judged
/// by "some address of the set": a rule admits the set when it admits one of its hosts.
struct Addresses {
    Cidr cidr = Cidr::v4(0, 0);
    bool internet = false;

    static Addresses of(const Cidr& cidr) { return {cidr.canonical(), false}; }
    static Addresses publicInternet() { return {Cidr::v4(0, 0), true}; }
    /// Some address of the set lies in block.
    bool overlaps(const Cidr& block) const;
    /// Every address of the set lies in block.
    bool within(const Cidr& block) const;
    /// "10.0.1.0/24", "the internet".
    std::string text() const;
};

/// True when the IPv4 CIDR lies entirely inside a range that is not routed on the internet.
bool isPrivateRange(const Cidr& cidr);

/// Why a hop blocks the flow; keys modelled on VPC Reachability Analyzer's explanation codes.
enum class Code {
    NoRoute,
    SecurityGroupIngress,
    SecurityGroupEgress,
    NaclInbound,
    NaclOutbound,
    NaclReturn,
    PeeringNotTransitive,
    EdgeToEdge,
    NoPublicIp,
    NoInternetGateway,
    EgressOnlyIpv6,
    NatInbound,
    NatNoInternet,
    TgwNoAttachment,
    TgwNoAttachmentInZone,
    TgwNoRouteTable,
    TgwNoRoute,
    TgwBlackhole,
    VpnNoRoute,
    ListenerPort,
    NotInSubnet,
};

/// "NO_ROUTE", "SECURITY_GROUP_INGRESS", ...
std::string_view codeKey(Code code);

/// Which way the blocked packet travels: from source to destination, into the destination
/// from outside, or the answer coming back.
enum class Direction { Outbound, Inbound, Return };

/// "outbound", "inbound" or "return".
std::string_view directionKey(Direction direction);

/// One blocking component of a path, with what to change.
struct Explanation {
    Code code = Code::NoRoute;
    Id component;  ///< element or connection id of the component that blocks
    Direction direction = Direction::Outbound;
    std::string message;
    std::string fixText;     ///< one line saying what to change
    std::optional<Fix> fix;  ///< the same as edits, where the change is mechanical
    friend bool operator==(const Explanation&, const Explanation&) = default;
};

/// One component the path crosses, with its verdict.
struct Hop {
    Id component;        ///< element or connection id, "internet", or an address ("203.0.113.7/32")
    std::string detail;  ///< what the component did ("route 10.1.0.0/16 -> pcx-ab")
    bool blocked = false;
    friend bool operator==(const Hop&, const Hop&) = default;
};

/// The answer to "can A reach B": the verdict, the hops of the most promising path, and every
/// blocking component on it (empty when reachable).
struct ReachResult {
    bool reachable = false;
    std::vector<Hop> path;
    std::vector<Explanation> explanations;
};

}  // namespace skydraft::reach
