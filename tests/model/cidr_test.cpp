// Tests of CIDR parsing and arithmetic (model/cidr).
#include "cidr.h"

#include <gtest/gtest.h>

namespace skydraft {
namespace {

Cidr cidr(std::string_view text) {
    auto result = parseCidr(text);
    EXPECT_TRUE(result) << text << ": " << result.error;
    return result.cidr.value_or(Cidr{});
}

TEST(Cidr, ParsesIpv4) {
    const Cidr c = cidr("10.0.0.0/16");
    EXPECT_TRUE(c.isV4());
    EXPECT_EQ(c.prefix(), 16);
    EXPECT_EQ(c.toString(), "10.0.0.0/16");
    EXPECT_FALSE(c.hasHostBits());
}

TEST(Cidr, ParsesEdgePrefixes) {
    EXPECT_EQ(cidr("0.0.0.0/0").addressCount(), Uint128(1) << 32);
    EXPECT_EQ(cidr("10.1.2.3/32").addressCount(), 1u);
    EXPECT_EQ(cidr("::/0").addressCount(), ~Uint128(0));
    EXPECT_EQ(cidr("2600:1f18::1/128").addressCount(), 1u);
}

struct BadInput {
    const char* text;
    const char* error;
    std::size_t position;
};

class CidrErrors : public ::testing::TestWithParam<BadInput> {};

TEST_P(CidrErrors, SaysWhatAndWhere) {
    const auto& bad = GetParam();
    const auto result = parseCidr(bad.text);
    ASSERT_FALSE(result) << bad.text;
    EXPECT_EQ(result.error, bad.error);
    EXPECT_EQ(result.position, bad.position);
}

INSTANTIATE_TEST_SUITE_P(
    Malformed, CidrErrors,
    ::testing::Values(
        BadInput{"", "the CIDR is empty", 0},
        BadInput{"10.0.0.0", "the prefix length is missing (write it as \"10.0.0.0/24\")", 8},
        BadInput{"10.0.300.0/24", "octet 3 is 300, more than 255", 5},
        BadInput{"10.01.0.0/16", "octet 2 has a leading zero (\"01\")", 3},
        BadInput{"10.0.0/16", "the address has 3 octets, expected 4", 6},
        BadInput{"10.0.0.0.0/16", "the address has more than 4 octets", 8},
        BadInput{"10.0.0.0/33", "the prefix length 33 is out of range (0 to 32)", 9},
        BadInput{"10.0.0.0/", "the prefix length after '/' is missing", 9},
        BadInput{"10.0.0.0/08", "the prefix length has a leading zero", 9},
        BadInput{"10.0.0.0/2a", "unexpected character 'a' in the prefix length", 10},
        BadInput{"10.0.0.0 /16", "unexpected space", 8},
        BadInput{"ten.0.0.0/8", "unexpected character 't' in octet 1", 0},
        BadInput{"2600::1::/56", "'::' may appear only once", 7},
        BadInput{"2600:12345::/56", "IPv6 group \"12345\" has more than 4 hex digits", 5},
        BadInput{"2600::/129", "the prefix length 129 is out of range (0 to 128)", 7},
        BadInput{"1:2:3:4:5:6:7/64", "the IPv6 address has 7 groups, expected 8", 0}));

TEST(Cidr, FamilySpecificParsers) {
    EXPECT_EQ(parseIpv4Cidr("2600::/56").error,
              "expected an IPv4 CIDR, got the IPv6 \"2600::/56\"");
    EXPECT_EQ(parseIpv6Cidr("10.0.0.0/8").error,
              "expected an IPv6 CIDR, got the IPv4 \"10.0.0.0/8\"");
    EXPECT_TRUE(parseIpv6Cidr("2600:1f18:abcd:ef00::/56"));
}

TEST(Cidr, HostBitsAndCanonicalForm) {
    const Cidr c = cidr("10.0.0.5/16");
    EXPECT_TRUE(c.hasHostBits());
    EXPECT_EQ(c.toString(), "10.0.0.5/16");
    EXPECT_EQ(c.canonical().toString(), "10.0.0.0/16");
    EXPECT_EQ(cidr("2600:1f18:0:0:0:0:0:1/56").canonical().toString(), "2600:1f18::/56");
}

TEST(Cidr, Ipv6TextFollowsRfc5952) {
    EXPECT_EQ(cidr("2001:0db8:0000:0000:0001:0000:0000:0001/128").toString(),
              "2001:db8::1:0:0:1/128");
    EXPECT_EQ(cidr("::1/128").toString(), "::1/128");
    EXPECT_EQ(cidr("::/0").toString(), "::/0");
    EXPECT_EQ(cidr("2001:db8:0:1:1:1:1:1/128").toString(), "2001:db8:0:1:1:1:1:1/128");
}

TEST(Cidr, ContainsAndOverlaps) {
    EXPECT_TRUE(cidr("10.0.0.0/16").contains(cidr("10.0.1.0/24")));
    EXPECT_FALSE(cidr("10.0.1.0/24").contains(cidr("10.0.0.0/16")));
    EXPECT_TRUE(cidr("10.0.0.0/16").contains(cidr("10.0.0.0/16")));
    EXPECT_TRUE(cidr("10.0.1.0/24").overlaps(cidr("10.0.0.0/23")));
    EXPECT_FALSE(cidr("10.0.2.0/24").overlaps(cidr("10.0.0.0/23")));
    EXPECT_TRUE(cidr("0.0.0.0/0").contains(cidr("255.255.255.255/32")));
    EXPECT_FALSE(cidr("10.0.0.0/8").overlaps(cidr("::/0")));
    EXPECT_TRUE(cidr("2600::/56").contains(cidr("2600:0:0:ff::/64")));
    EXPECT_FALSE(cidr("2600::/56").contains(cidr("2600:0:0:100::/64")));
}

TEST(Cidr, UsableAddressesReserveFive) {
    EXPECT_EQ(cidr("10.0.0.0/24").usableAddresses(), 251u);
    EXPECT_EQ(cidr("10.0.0.0/28").usableAddresses(), 11u);
    EXPECT_EQ(cidr("10.0.0.0/30").usableAddresses(), 0u);
    EXPECT_EQ(cidr("10.0.0.0/16").usableAddresses(), 65531u);
}

TEST(Cidr, Split) {
    const auto blocks = cidr("10.0.0.0/22").split(24);
    ASSERT_EQ(blocks.size(), 4u);
    EXPECT_EQ(blocks[0].toString(), "10.0.0.0/24");
    EXPECT_EQ(blocks[3].toString(), "10.0.3.0/24");
    EXPECT_TRUE(cidr("10.0.0.0/24").split(16).empty());
    EXPECT_EQ(cidr("10.0.0.0/24").split(24).size(), 1u);
    EXPECT_EQ(cidr("10.0.0.0/8").split(24, 10).size(), 10u);
}

TEST(Cidr, NextFreeBlockSkipsUsedAndAligns) {
    const Cidr vpc = cidr("10.0.0.0/16");
    EXPECT_EQ(nextFreeBlock(vpc, {}, 24)->toString(), "10.0.0.0/24");
    EXPECT_EQ(nextFreeBlock(vpc, {cidr("10.0.0.0/24"), cidr("10.0.1.0/24")}, 24)->toString(),
              "10.0.2.0/24");
    // A /25 in use pushes a /24 to the next aligned boundary, a /26 fits behind it.
    EXPECT_EQ(nextFreeBlock(vpc, {cidr("10.0.0.0/25")}, 24)->toString(), "10.0.1.0/24");
    EXPECT_EQ(nextFreeBlock(vpc, {cidr("10.0.0.0/25")}, 26)->toString(), "10.0.0.128/26");
    // Unsorted input, gaps used first.
    EXPECT_EQ(nextFreeBlock(vpc, {cidr("10.0.2.0/24"), cidr("10.0.0.0/24")}, 24)->toString(),
              "10.0.1.0/24");
    // Full.
    EXPECT_FALSE(nextFreeBlock(vpc, {cidr("10.0.0.0/16")}, 24).has_value());
    EXPECT_FALSE(nextFreeBlock(vpc, {}, 8).has_value());
    // Blocks outside or of the other family are ignored.
    EXPECT_EQ(nextFreeBlock(vpc, {cidr("192.168.0.0/24"), cidr("2600::/56")}, 24)->toString(),
              "10.0.0.0/24");
    EXPECT_EQ(nextFreeBlock(cidr("2600:1f18::/56"), {cidr("2600:1f18::/64")}, 64)->toString(),
              "2600:1f18:0:1::/64");
}

TEST(Cidr, ParsesAddresses) {
    EXPECT_EQ(parseIpAddress("10.0.1.7").cidr->toString(), "10.0.1.7/32");
    EXPECT_EQ(parseIpAddress("10.0.1.7/32").error, "expected an address without a prefix length");
    EXPECT_FALSE(parseIpAddress("10.0.1"));
}

TEST(Cidr, OrdersByFamilyThenAddress) {
    EXPECT_LT(cidr("10.0.0.0/16"), cidr("10.0.0.0/24"));
    EXPECT_LT(cidr("10.0.0.0/24"), cidr("10.0.1.0/24"));
    EXPECT_LT(cidr("255.0.0.0/8"), cidr("::/0"));
}

}  // namespace
}  // namespace skydraft
