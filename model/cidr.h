// CIDR arithmetic for IPv4 and IPv6: strict parsing, canonical form, containment, free blocks.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace skydraft {

__extension__ typedef unsigned __int128 Uint128;

/// An IP address family.
enum class IpFamily : std::uint8_t { V4, V6 };

/// An IPv4 or IPv6 network written as address/prefix. The address may carry host bits
/// (10.0.0.5/16) exactly as the user typed it; canonical() clears them.
class Cidr {
public:
    Cidr() = default;
    /// Builds an IPv4 CIDR from a host-order address and a prefix length (0..32).
    static Cidr v4(std::uint32_t address, int prefix);
    /// Builds an IPv6 CIDR from a 128-bit address and a prefix length (0..128).
    static Cidr v6(Uint128 address, int prefix);

    IpFamily family() const { return m_family; }
    bool isV4() const { return m_family == IpFamily::V4; }
    bool isV6() const { return m_family == IpFamily::V6; }
    int prefix() const { return m_prefix; }
    /// Number of address bits of the family: 32 or 128.
    int bits() const { return isV4() ? 32 : 128; }
    /// The address as written, in the low bits (IPv4 uses the low 32 bits).
    Uint128 address() const { return m_address; }
    /// First address of the network (host bits cleared).
    Uint128 first() const;
    /// Last address of the network.
    Uint128 last() const;

    /// True when the written address has bits set beyond the prefix (10.0.0.5/16).
    bool hasHostBits() const { return m_address != first(); }
    /// The same network with the host bits cleared.
    Cidr canonical() const;
    /// Text form, e.g. "10.0.0.0/16" or "2600:1f18::/56" (RFC 5952 for IPv6).
    std::string toString() const;

    /// True when every address of other lies in this network (same family only).
    bool contains(const Cidr& other) const;
    /// True when the two networks share at least one address (same family only).
    bool overlaps(const Cidr& other) const;

    /// Number of addresses, saturated at the maximum of Uint128 for an IPv6 /0.
    Uint128 addressCount() const;
    /// Addresses a subnet of this size offers in a VPC: count - 5 (AWS reserves the
    /// first four and the last); 0 when the block is smaller than that.
    std::uint64_t usableAddresses() const;

    /// Splits the network into blocks of newPrefix (>= prefix). Empty when newPrefix is
    /// out of range; at most `limit` blocks are returned.
    std::vector<Cidr> split(int newPrefix, std::size_t limit = 65536) const;

    friend bool operator==(const Cidr&, const Cidr&) = default;
    /// Orders by family, then first address, then prefix (shorter first).
    friend bool operator<(const Cidr& a, const Cidr& b);

private:
    // Address first and small fields after it: 32 bytes, not 48 (validation keeps one
    // or more per subnet and route).
    Uint128 m_address = 0;
    IpFamily m_family = IpFamily::V4;
    std::uint8_t m_prefix = 0;
};

/// The outcome of parsing a CIDR: the value, or an error saying what and where.
struct CidrParseResult {
    std::optional<Cidr> cidr;
    std::string error;         ///< empty on success
    std::size_t position = 0;  ///< 0-based character offset of the problem
    explicit operator bool() const { return cidr.has_value(); }
};

/// Parses "a.b.c.d/p" or an IPv6 "x:x::x/p" strictly: no leading zeros in IPv4 octets,
/// octets 0..255, prefix 0..32 / 0..128, no spaces, a prefix is required.
CidrParseResult parseCidr(std::string_view text);
/// The canonical CIDR a JSON value holds as a string; nullopt for a non-string or a text that
/// does not parse (property values read by the validator and the reachability indexes).
std::optional<Cidr> canonicalCidrOf(const nlohmann::json& value);
/// Parses IPv4 only; an IPv6 text gives an error that says an IPv4 CIDR was expected.
CidrParseResult parseIpv4Cidr(std::string_view text);
/// Parses IPv6 only.
CidrParseResult parseIpv6Cidr(std::string_view text);

/// Parses a single address without prefix ("10.0.1.7" or "2600::1"); the result has
/// prefix 32 or 128.
CidrParseResult parseIpAddress(std::string_view text);

/// Formats an address of the given family.
std::string formatAddress(IpFamily family, Uint128 address);

/// Finds the first block of size /prefix inside `within` that overlaps none of `used`
/// (blocks of other families are ignored). Runs in O(n log n) for n used blocks.
std::optional<Cidr> nextFreeBlock(const Cidr& within, const std::vector<Cidr>& used, int prefix);

}  // namespace skydraft
