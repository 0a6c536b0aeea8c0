// Names and small arithmetic of the reachability vocabulary.
#include "analysis/reachability/reach_types.h"

#include <array>

namespace skydraft::reach {

std::string_view protocolKey(Protocol protocol) {
    switch (protocol) {
        case Protocol::Tcp:
            return "tcp";
        case Protocol::Udp:
            return "udp";
        case Protocol::Icmp:
            return "icmp";
        case Protocol::Any:
            return "any";
    }
    return "any";
}

std::optional<Protocol> parseProtocol(std::string_view text) {
    for (Protocol p : {Protocol::Tcp, Protocol::Udp, Protocol::Icmp, Protocol::Any}) {
        if (protocolKey(p) == text) {
            return p;
        }
    }
    return std::nullopt;
}

std::pair<int, int> Flow::ports() const {
    if (!hasPorts() || port < 0) {
        return {0, 65535};
    }
    return {port, port};
}

std::string Flow::text() const {
    switch (protocol) {
        case Protocol::Any:
            return "all traffic";
        case Protocol::Icmp:
            return "icmp";
        default:
            return std::string(protocolKey(protocol)) +
                   (port < 0 ? std::string(" (any port)") : " " + std::to_string(port));
    }
}

namespace {

/// Ranges that the internet does not route: RFC 1918, shared (RFC 6598), loopback,
/// link-local, "this network", and multicast and above.
const std::array<Cidr, 8>& privateRanges() {
    static const std::array<Cidr, 8> ranges = {
        Cidr::v4(0x0A000000u, 8),  Cidr::v4(0xAC100000u, 12), Cidr::v4(0xC0A80000u, 16),
        Cidr::v4(0x64400000u, 10), Cidr::v4(0x7F000000u, 8),  Cidr::v4(0xA9FE0000u, 16),
        Cidr::v4(0x00000000u, 8),  Cidr::v4(0xE0000000u, 3),
    };
    return ranges;
}

}  // namespace

bool isPrivateRange(const Cidr& cidr) {
    for (const Cidr& r : privateRanges()) {
        if (r.contains(cidr)) {
            return true;
        }
    }
    return false;
}

bool Addresses::overlaps(const Cidr& block) const {
    if (!block.isV4()) {
        return false;
    }
    if (internet) {
        return !isPrivateRange(block);
    }
    return cidr.overlaps(block);
}

bool Addresses::within(const Cidr& block) const {
    if (!block.isV4()) {
        return false;
    }
    if (internet) {
        return block.prefix() == 0;
    }
    return block.contains(cidr);
}

std::string Addresses::text() const {
    return internet ? std::string("the internet") : cidr.toString();
}

std::string_view codeKey(Code code) {
    switch (code) {
        case Code::NoRoute:
            return "NO_ROUTE";
        case Code::SecurityGroupIngress:
            return "SECURITY_GROUP_INGRESS";
        case Code::SecurityGroupEgress:
            return "SECURITY_GROUP_EGRESS";
        case Code::NaclInbound:
            return "NACL_INBOUND";
        case Code::NaclOutbound:
            return "NACL_OUTBOUND";
        case Code::NaclReturn:
            return "NACL_RETURN";
        case Code::PeeringNotTransitive:
            return "PEERING_NOT_TRANSITIVE";
        case Code::EdgeToEdge:
            return "EDGE_TO_EDGE";
        case Code::NoPublicIp:
            return "NO_PUBLIC_IP";
        case Code::NoInternetGateway:
            return "NO_INTERNET_GATEWAY";
        case Code::EgressOnlyIpv6:
            return "EGRESS_ONLY_IPV6";
        case Code::NatInbound:
            return "NAT_INBOUND";
        case Code::NatNoInternet:
            return "NAT_NO_INTERNET";
        case Code::TgwNoAttachment:
            return "TGW_NO_ATTACHMENT";
        case Code::TgwNoAttachmentInZone:
            return "TGW_NO_ATTACHMENT_IN_ZONE";
        case Code::TgwNoRouteTable:
            return "TGW_NO_ROUTE_TABLE";
        case Code::TgwNoRoute:
            return "TGW_NO_ROUTE";
        case Code::TgwBlackhole:
            return "TGW_BLACKHOLE";
        case Code::VpnNoRoute:
            return "VPN_NO_ROUTE";
        case Code::ListenerPort:
            return "LISTENER_PORT";
        case Code::NotInSubnet:
            return "NOT_IN_SUBNET";
    }
    return "NO_ROUTE";
}

std::string_view directionKey(Direction direction) {
    switch (direction) {
        case Direction::Outbound:
            return "outbound";
        case Direction::Inbound:
            return "inbound";
        case Direction::Return:
            return "return";
    }
    return "outbound";
}

}  // namespace skydraft::reach
