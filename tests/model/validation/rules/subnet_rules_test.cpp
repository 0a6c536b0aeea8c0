// SUB001-SUB010: subnet sizes, placement, overlaps, zones, capacity, IPv6, associations.
#include "diagram_builder.h"

namespace skydraft {
namespace {

using namespace skydraft::testing;

TEST(SUB001, ASlash28IsFineASlash29IsNot) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16")
        .subnet("ok", "v", "10.0.0.0/28")
        .subnet("tiny", "v", "10.0.1.0/29")
        .subnet("huge", "v", "10.0.0.0/15");
    const auto f = run(b.build(), "SUB001");
    EXPECT_EQ(summary(f),
              (Lines{"SUB001 error [huge] subnet \"huge\": CIDR 10.0.0.0/15 is /15; a subnet "
                     "CIDR must be /16 to /28",
                     "SUB001 error [tiny] subnet \"tiny\": CIDR 10.0.1.0/29 is /29; a subnet "
                     "CIDR must be /16 to /28"}));
    EXPECT_EQ(f[1].fix->label, "Use 10.0.1.0/28");
}

TEST(SUB002, FiresOutsideEveryVpcCidrWithAFreeBlockAsFix) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16", {{"secondary_cidrs", {"10.1.0.0/16"}}})
        .subnet("in-primary", "v", "10.0.0.0/24")
        .subnet("in-secondary", "v", "10.1.0.0/24")
        .subnet("out", "v", "10.2.0.0/24");
    const auto f = run(b.build(), "SUB002");
    EXPECT_EQ(summary(f), (Lines{"SUB002 error [out,v] subnet \"out\": 10.2.0.0/24 is outside "
                                 "the CIDRs of vpc \"v\" (10.0.0.0/16, 10.1.0.0/16)"}));
    EXPECT_EQ(f[0].fix->label, "Use 10.0.1.0/24");
}

TEST(SUB003, FiresForOverlapsInOneVpcOnly) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16", {{"ipv6_cidrs", {"2600:1f18::/56"}}})
        .subnet("a", "v", "10.0.0.0/23")
        .subnet("b", "v", "10.0.1.0/24")
        .subnet("c", "v", "10.0.2.0/24", "us-east-1a", {{"ipv6_cidr", "2600:1f18::/64"}})
        .subnet("d", "v", "10.0.3.0/24", "us-east-1a", {{"ipv6_cidr", "2600:1f18::/64"}})
        .vpc("w", "10.0.0.0/16")
        .subnet("other", "w", "10.0.0.0/24");
    EXPECT_EQ(summary(run(b.build(), "SUB003")),
              (Lines{"SUB003 error [b,a] subnet \"b\": 10.0.1.0/24 overlaps 10.0.0.0/23 "
                     "(subnet \"a\")",
                     "SUB003 error [d,c] subnet \"d\": 2600:1f18::/64 overlaps 2600:1f18::/64 "
                     "(subnet \"c\")"}));
}

TEST(SUB004, ZoneIsSetAndInTheVpcsRegion) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16")
        .subnet("ok", "v", "10.0.0.0/24", "us-east-1c")
        .subnet("west", "v", "10.0.1.0/24", "us-west-2a")
        .subnet("none", "v", "10.0.2.0/24", "")
        .subnet("prefix", "v", "10.0.3.0/24", "us-east-12a");
    EXPECT_EQ(summary(run(b.build(), "SUB004")),
              (Lines{"SUB004 error [none] subnet \"none\": no availability zone",
                     "SUB004 error [prefix,v] subnet \"prefix\": zone us-east-12a is not in the "
                     "region us-east-1 of vpc \"v\"",
                     "SUB004 error [west,v] subnet \"west\": zone us-west-2a is not in the region "
                     "us-east-1 of vpc \"v\""}));
}

TEST(SUB005, CountsConsumersAgainstUsableAddresses) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16")
        .subnet("full", "v", "10.0.0.0/28")   // 11 usable
        .subnet("busy", "v", "10.0.1.0/28")   // 11 usable
        .subnet("fine", "v", "10.0.2.0/28");  // 11 usable
    for (int i = 0; i < 12; ++i) {
        b.add("f" + std::to_string(i), "ec2_instance", "full");
    }
    b.add("lb", "load_balancer", "v", {{"subnets", {"busy"}}, {"lb_type", "network"}})
        .add("b1", "ec2_instance", "busy");
    for (int i = 0; i < 8; ++i) {
        b.add("g" + std::to_string(i), "ec2_instance", "fine");
    }
    EXPECT_EQ(summary(run(b.build(), "SUB005")),
              (Lines{"SUB005 warning [busy] subnet \"busy\": 9 addresses needed of 11 usable in "
                     "10.0.1.0/28",
                     "SUB005 error [full] subnet \"full\": 12 addresses needed of 11 usable in "
                     "10.0.0.0/28"}));
}

TEST(SUB006, Ipv6SubnetIsASlash64InsideTheVpcBlock) {
    DiagramBuilder b;
    b.vpc("v6", "10.0.0.0/16", {{"ipv6_cidrs", {"2600:1f18::/56"}}})
        .subnet("ok", "v6", "10.0.0.0/24", "us-east-1a", {{"ipv6_cidr", "2600:1f18:0:1::/64"}})
        .subnet("wide", "v6", "10.0.1.0/24", "us-east-1a", {{"ipv6_cidr", "2600:1f18::/60"}})
        .subnet("far", "v6", "10.0.2.0/24", "us-east-1a", {{"ipv6_cidr", "2600:1f19::/64"}})
        .vpc("v4", "10.1.0.0/16")
        .subnet("none", "v4", "10.1.0.0/24", "us-east-1a", {{"ipv6_cidr", "2600:1f20::/64"}});
    EXPECT_EQ(summary(run(b.build(), "SUB006")),
              (Lines{"SUB006 error [far,v6] subnet \"far\": IPv6 CIDR 2600:1f19::/64 is outside "
                     "the IPv6 blocks of vpc \"v6\"",
                     "SUB006 error [none,v4] subnet \"none\": IPv6 CIDR 2600:1f20::/64 needs an "
                     "IPv6 block on vpc \"v4\"",
                     "SUB006 error [wide] subnet \"wide\": IPv6 CIDR 2600:1f18::/60 is /60; a "
                     "subnet IPv6 CIDR must be /64"}));
}

TEST(SUB007, Ipv6OnlyNeedsIpv6Blocks) {
    DiagramBuilder b;
    b.vpc("v4", "10.0.0.0/16")
        .subnet("only", "v4", "", "us-east-1a", {{"ipv6_only", true}})
        .subnet("assign", "v4", "10.0.1.0/24", "us-east-1a",
                {{"assign_ipv6_on_creation", true}})
        .vpc("v6", "10.1.0.0/16", {{"ipv6_cidrs", {"2600:1f18::/56"}}})
        .subnet("ok", "v6", "", "us-east-1a",
                {{"ipv6_only", true}, {"ipv6_cidr", "2600:1f18::/64"}})
        .subnet("bare", "v6", "", "us-east-1a", {{"ipv6_only", true}});
    EXPECT_EQ(summary(run(b.build(), "SUB007")),
              (Lines{"SUB007 error [assign] subnet \"assign\": assigns IPv6 on creation without "
                     "an IPv6 CIDR",
                     "SUB007 error [bare] subnet \"bare\": IPv6-only without an IPv6 CIDR",
                     "SUB007 error [only,v4] subnet \"only\": IPv6-only, but vpc \"v4\" has no "
                     "IPv6 block"}));
}

TEST(SUB008, OneRouteTableAndOneAclOfTheSameVpc) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16")
        .vpc("w", "10.1.0.0/16")
        .subnet("s", "v", "10.0.0.0/24")
        .subnet("t", "v", "10.0.1.0/24")
        .table("rt1", "v", {"s"})
        .table("rt2", "v", {"s"})
        .table("foreign", "w", {"t"})
        .add("acl", "network_acl", "v", {{"default", true}})
        .add("acl2", "network_acl", "v", {{"default", true}});
    EXPECT_EQ(summary(run(b.build(), "SUB008")),
              (Lines{"SUB008 error [s,rt1,rt2] subnet \"s\": associated with 2 route tables "
                     "(route table \"rt1\", route table \"rt2\")",
                     "SUB008 error [t,foreign] subnet \"t\": associated with route table "
                     "\"foreign\" of another VPC",
                     "SUB008 error [v,acl,acl2] vpc \"v\": 2 network ACLs are marked default"}));
}

TEST(SUB009, WarnsAboveTwoHundredSubnets) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16").vpc("ok", "10.1.0.0/16");
    for (int i = 0; i < 201; ++i) {
        b.subnet("s" + std::to_string(i), "v", "10.0." + std::to_string(i) + ".0/24");
    }
    for (int i = 0; i < 200; ++i) {
        b.subnet("o" + std::to_string(i), "ok", "10.1." + std::to_string(i) + ".0/24");
    }
    EXPECT_EQ(summary(run(b.build(), "SUB009")),
              (Lines{"SUB009 warning [v] vpc \"v\": 201 subnets exceed the default quota of 200"}));
}

TEST(SUB010, PrivateIpInsideTheSubnetAndNotReserved) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16")
        .subnet("s", "v", "10.0.1.0/24")
        .add("ok", "ec2_instance", "s", {{"private_ip", "10.0.1.4"}})
        .add("reserved", "ec2_instance", "s", {{"private_ip", "10.0.1.3"}})
        .add("broadcast", "ec2_instance", "s", {{"private_ip", "10.0.1.255"}})
        .add("outside", "nat_gateway", "s", {{"private_ip", "10.0.2.10"}});
    EXPECT_EQ(summary(run(b.build(), "SUB010")),
              (Lines{"SUB010 error [broadcast,s] instance \"broadcast\": private IP 10.0.1.255 is "
                     "reserved by AWS in 10.0.1.0/24 (subnet \"s\")",
                     "SUB010 error [outside,s] NAT gateway \"outside\": private IP 10.0.2.10 is "
                     "outside 10.0.1.0/24 (subnet \"s\")",
                     "SUB010 error [reserved,s] instance \"reserved\": private IP 10.0.1.3 is "
                     "reserved by AWS in 10.0.1.0/24 (subnet \"s\")"}));
}

}  // namespace
}  // namespace skydraft
