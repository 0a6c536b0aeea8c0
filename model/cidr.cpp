// CIDR parsing and arithmetic.
#include "cidr.h"

#include <algorithm>
#include <cstdio>
#include <limits>

#include <nlohmann/json.hpp>

namespace skydraft {

namespace {

constexpr Uint128 kAllOnes = ~Uint128(0);

Uint128 familyMask(IpFamily family) {
    return family == IpFamily::V4 ? Uint128(0xFFFFFFFFu) : kAllOnes;
}

/// Mask of the host bits for a prefix in a family of `bits` bits.
Uint128 hostMask(int bits, int prefix) {
    const int hostBits = bits - prefix;
    if (hostBits <= 0) {
        return 0;
    }
    if (hostBits >= 128) {
        return kAllOnes;
    }
    return (Uint128(1) << hostBits) - 1;
}

CidrParseResult fail(std::string message, std::size_t position) {
    CidrParseResult result;
    result.error = std::move(message);
    result.position = position;
    return result;
}

std::string inQuotes(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

int hexValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/// Parses a dotted-quad at text[offset..]; reports positions relative to the whole text.
/// The value of at most three decimal digits (the caller checked they are digits).
int decimal(std::string_view digits) {
    int value = 0;
    for (const char c : digits) {
        value = value * 10 + (c - '0');
    }
    return value;
}

CidrParseResult parseV4Address(std::string_view text, std::size_t offset) {
    std::uint32_t address = 0;
    std::size_t i = 0;
    for (int octet = 0; octet < 4; ++octet) {
        if (octet > 0) {
            if (i >= text.size() || text[i] != '.') {
                return fail(i >= text.size()
                                ? "the address has " + std::to_string(octet) + " octets, expected 4"
                                : "expected '.' after octet " + std::to_string(octet),
                            offset + i);
            }
            ++i;
        }
        const std::size_t start = i;
        while (i < text.size() && isDigit(text[i])) {
            ++i;
        }
        if (i == start) {
            return fail(i < text.size() ? "unexpected character '" + std::string(1, text[i]) +
                                              "' in octet " + std::to_string(octet + 1)
                                        : "octet " + std::to_string(octet + 1) + " is missing",
                        offset + i);
        }
        const std::string_view digits = text.substr(start, i - start);
        if (digits.size() > 1 && digits[0] == '0') {
            return fail("octet " + std::to_string(octet + 1) + " has a leading zero (" +
                            inQuotes(digits) + ")",
                        offset + start);
        }
        const int value = digits.size() > 3 ? 256 : decimal(digits);
        if (value > 255) {
            return fail("octet " + std::to_string(octet + 1) + " is " + std::string(digits) +
                            ", more than 255",
                        offset + start);
        }
        address = (address << 8) | static_cast<std::uint32_t>(value);
    }
    if (i != text.size()) {
        return fail(text[i] == '.' ? "the address has more than 4 octets"
                                   : "unexpected character '" + std::string(1, text[i]) + "'",
                    offset + i);
    }
    CidrParseResult result;
    result.cidr = Cidr::v4(address, 32);
    return result;
}

CidrParseResult parseV6Address(std::string_view text, std::size_t offset) {
    std::vector<std::uint16_t> head;
    std::vector<std::uint16_t> tail;
    bool seenDoubleColon = false;
    std::size_t i = 0;
    if (text.substr(0, 2) == "::") {
        seenDoubleColon = true;
        i = 2;
    } else if (!text.empty() && text[0] == ':') {
        return fail("an IPv6 address cannot start with a single ':'", offset);
    }
    while (i < text.size()) {
        const std::size_t start = i;
        std::uint32_t group = 0;
        while (i < text.size() && hexValue(text[i]) >= 0) {
            group = group * 16 + static_cast<std::uint32_t>(hexValue(text[i]));
            ++i;
        }
        if (i == start) {
            return fail("unexpected character '" + std::string(1, text[i]) + "' in IPv6 address",
                        offset + i);
        }
        if (i - start > 4) {
            return fail("IPv6 group " + inQuotes(text.substr(start, i - start)) +
                            " has more than 4 hex digits",
                        offset + start);
        }
        if (i < text.size() && text[i] == '.') {
            return fail("embedded IPv4 notation in IPv6 is not supported", offset + start);
        }
        (seenDoubleColon ? tail : head).push_back(static_cast<std::uint16_t>(group));
        if (i == text.size()) {
            break;
        }
        if (text[i] != ':') {
            return fail("unexpected character '" + std::string(1, text[i]) + "' in IPv6 address",
                        offset + i);
        }
        if (text.substr(i, 2) == "::") {
            if (seenDoubleColon) {
                return fail("'::' may appear only once", offset + i);
            }
            seenDoubleColon = true;
            i += 2;
        } else {
            ++i;
            if (i == text.size()) {
                return fail("an IPv6 address cannot end with a single ':'", offset + i - 1);
            }
        }
    }
    const std::size_t groups = head.size() + tail.size();
    if (groups > 8 || (seenDoubleColon && groups > 7)) {
        return fail("the IPv6 address has too many groups", offset);
    }
    if (!seenDoubleColon && groups != 8) {
        return fail("the IPv6 address has " + std::to_string(groups) + " groups, expected 8",
                    offset);
    }
    Uint128 address = 0;
    for (auto g : head) {
        address = (address << 16) | g;
    }
    for (std::size_t k = 0; k < 8 - groups; ++k) {
        address <<= 16;
    }
    for (auto g : tail) {
        address = (address << 16) | g;
    }
    CidrParseResult result;
    result.cidr = Cidr::v6(address, 128);
    return result;
}

CidrParseResult parseAddress(std::string_view text, std::size_t offset, bool v6) {
    return v6 ? parseV6Address(text, offset) : parseV4Address(text, offset);
}

}  // namespace

Cidr Cidr::v4(std::uint32_t address, int prefix) {
    Cidr c;
    c.m_family = IpFamily::V4;
    c.m_address = address;
    c.m_prefix = static_cast<std::uint8_t>(std::clamp(prefix, 0, 32));
    return c;
}

Cidr Cidr::v6(Uint128 address, int prefix) {
    Cidr c;
    c.m_family = IpFamily::V6;
    c.m_address = address;
    c.m_prefix = static_cast<std::uint8_t>(std::clamp(prefix, 0, 128));
    return c;
}

Uint128 Cidr::first() const {
    return m_address & ~hostMask(bits(), m_prefix) & familyMask(m_family);
}

Uint128 Cidr::last() const {
    return first() | hostMask(bits(), m_prefix);
}

Cidr Cidr::canonical() const {
    Cidr c = *this;
    c.m_address = first();
    return c;
}

std::string formatAddress(IpFamily family, Uint128 address) {
    if (family == IpFamily::V4) {
        const auto a = static_cast<std::uint32_t>(address);
        return std::to_string(a >> 24) + "." + std::to_string((a >> 16) & 0xFF) + "." +
               std::to_string((a >> 8) & 0xFF) + "." + std::to_string(a & 0xFF);
    }
    std::uint16_t groups[8];
    for (int k = 0; k < 8; ++k) {
        groups[k] = static_cast<std::uint16_t>(address >> (16 * (7 - k)));
    }
    // RFC 5952: compress the longest run (length >= 2) of zero groups, the first on a tie.
    int bestStart = -1;
    int bestLength = 0;
    for (int k = 0; k < 8;) {
        if (groups[k] != 0) {
            ++k;
            continue;
        }
        int end = k;
        while (end < 8 && groups[end] == 0) {
            ++end;
        }
        if (end - k > bestLength && end - k >= 2) {
            bestStart = k;
            bestLength = end - k;
        }
        k = end;
    }
    std::string out;
    char buffer[8];
    for (int k = 0; k < 8; ++k) {
        if (k == bestStart) {
            out += "::";
            k += bestLength - 1;
            continue;
        }
        if (!out.empty() && out.back() != ':') {
            out += ':';
        }
        std::snprintf(buffer, sizeof buffer, "%x", groups[k]);
        out += buffer;
    }
    return out;
}

std::string Cidr::toString() const {
    return formatAddress(m_family, m_address) + "/" + std::to_string(m_prefix);
}

bool Cidr::contains(const Cidr& other) const {
    return m_family == other.m_family && m_prefix <= other.m_prefix && other.first() >= first() &&
           other.last() <= last();
}

bool Cidr::overlaps(const Cidr& other) const {
    return m_family == other.m_family && first() <= other.last() && other.first() <= last();
}

Uint128 Cidr::addressCount() const {
    const int hostBits = bits() - m_prefix;
    if (hostBits >= 128) {
        return kAllOnes;
    }
    return Uint128(1) << hostBits;
}

std::uint64_t Cidr::usableAddresses() const {
    const Uint128 count = addressCount();
    if (count <= 5) {
        return 0;
    }
    const Uint128 usable = count - 5;
    return usable > std::numeric_limits<std::uint64_t>::max()
               ? std::numeric_limits<std::uint64_t>::max()
               : static_cast<std::uint64_t>(usable);
}

std::vector<Cidr> Cidr::split(int newPrefix, std::size_t limit) const {
    std::vector<Cidr> blocks;
    if (newPrefix < m_prefix || newPrefix > bits()) {
        return blocks;
    }
    const Uint128 step = hostMask(bits(), newPrefix) + 1;
    Uint128 address = first();
    const Uint128 end = last();
    while (blocks.size() < limit) {
        Cidr c = *this;
        c.m_address = address;
        c.m_prefix = static_cast<std::uint8_t>(newPrefix);
        blocks.push_back(c);
        if (c.last() >= end) {
            break;
        }
        address += step;
    }
    return blocks;
}

bool operator<(const Cidr& a, const Cidr& b) {
    if (a.m_family != b.m_family) {
        return a.m_family < b.m_family;
    }
    if (a.first() != b.first()) {
        return a.first() < b.first();
    }
    if (a.m_prefix != b.m_prefix) {
        return a.m_prefix < b.m_prefix;
    }
    return a.m_address < b.m_address;
}

CidrParseResult parseCidr(std::string_view text) {
    if (text.empty()) {
        return fail("the CIDR is empty", 0);
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c <= ' ' || c >= 0x7F) {
            return fail(c == ' ' ? "unexpected space" : "unexpected character", i);
        }
    }
    const std::size_t slash = text.find('/');
    if (slash == std::string_view::npos) {
        return fail("the prefix length is missing (write it as " +
                        inQuotes(std::string(text) + "/24") + ")",
                    text.size());
    }
    const bool v6 = text.substr(0, slash).find(':') != std::string_view::npos;
    CidrParseResult result = parseAddress(text.substr(0, slash), 0, v6);
    if (!result) {
        return result;
    }
    const std::string_view prefixText = text.substr(slash + 1);
    if (prefixText.empty()) {
        return fail("the prefix length after '/' is missing", slash + 1);
    }
    for (std::size_t i = 0; i < prefixText.size(); ++i) {
        if (!isDigit(prefixText[i])) {
            return fail(
                "unexpected character '" + std::string(1, prefixText[i]) + "' in the prefix length",
                slash + 1 + i);
        }
    }
    if (prefixText.size() > 1 && prefixText[0] == '0') {
        return fail("the prefix length has a leading zero", slash + 1);
    }
    const int maxPrefix = v6 ? 128 : 32;
    const int prefix = prefixText.size() > 3 ? maxPrefix + 1 : decimal(prefixText);
    if (prefix > maxPrefix) {
        return fail("the prefix length " + std::string(prefixText) + " is out of range (0 to " +
                        std::to_string(maxPrefix) + ")",
                    slash + 1);
    }
    result.cidr = v6 ? Cidr::v6(result.cidr->address(), prefix)
                     : Cidr::v4(static_cast<std::uint32_t>(result.cidr->address()), prefix);
    return result;
}

CidrParseResult parseIpv4Cidr(std::string_view text) {
    CidrParseResult result = parseCidr(text);
    if (result && result.cidr->isV6()) {
        return fail("expected an IPv4 CIDR, got the IPv6 " + inQuotes(text), 0);
    }
    return result;
}

CidrParseResult parseIpv6Cidr(std::string_view text) {
    CidrParseResult result = parseCidr(text);
    if (result && result.cidr->isV4()) {
        return fail("expected an IPv6 CIDR, got the IPv4 " + inQuotes(text), 0);
    }
    return result;
}

CidrParseResult parseIpAddress(std::string_view text) {
    if (text.empty()) {
        return fail("the address is empty", 0);
    }
    if (text.find('/') != std::string_view::npos) {
        return fail("expected an address without a prefix length", text.find('/'));
    }
    return parseAddress(text, 0, text.find(':') != std::string_view::npos);
}

std::optional<Cidr> nextFreeBlock(const Cidr& within, const std::vector<Cidr>& used, int prefix) {
    if (prefix < within.prefix() || prefix > within.bits()) {
        return std::nullopt;
    }
    std::vector<Cidr> blocks;
    blocks.reserve(used.size());
    for (const auto& c : used) {
        if (c.family() == within.family() && c.overlaps(within)) {
            blocks.push_back(c.canonical());
        }
    }
    std::sort(blocks.begin(), blocks.end());
    const Uint128 step = hostMask(within.bits(), prefix) + 1;
    const Uint128 alignMask = ~hostMask(within.bits(), prefix);
    Uint128 candidate = within.first();
    const Uint128 end = within.last();
    for (const auto& block : blocks) {
        if (block.last() < candidate) {
            continue;
        }
        const Uint128 candidateLast = candidate + (step - 1);
        if (block.first() > candidateLast) {
            break;  // the gap before this block holds the candidate
        }
        // Skip past the block, then align up to the block size.
        if (block.last() >= end) {
            return std::nullopt;
        }
        candidate = block.last() + 1;
        if ((candidate & ~alignMask) != 0) {
            candidate = (candidate & alignMask) + step;
        }
        if (candidate == 0 || candidate > end) {
            return std::nullopt;
        }
    }
    if (candidate + (step - 1) > end || candidate < within.first()) {
        return std::nullopt;
    }
    return within.isV4() ? Cidr::v4(static_cast<std::uint32_t>(candidate), prefix)
                         : Cidr::v6(candidate, prefix);
}

std::optional<Cidr> canonicalCidrOf(const nlohmann::json& value) {
    if (!value.is_string()) {
        return std::nullopt;
    }
    if (auto parsed = parseCidr(value.get_ref<const std::string&>())) {
        return parsed.cidr->canonical();
    }
    return std::nullopt;
}

}  // namespace skydraft
