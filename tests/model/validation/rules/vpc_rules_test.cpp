// VPC001-VPC011: VPC CIDR sizes, overlaps, ranges, quotas.
#include "diagram_builder.h"

namespace skydraft {
namespace {

using namespace skydraft::testing;

TEST(VPC001, FiresOutsideSixteenToTwentyEight) {
    DiagramBuilder b;
    b.vpc("big", "10.0.0.0/15").vpc("small", "10.2.0.0/29");
    const auto f = run(b.build(), "VPC001");
    EXPECT_EQ(summary(f),
              (Lines{"VPC001 error [big] vpc \"big\": CIDR 10.0.0.0/15 is /15; a VPC CIDR must "
                     "be /16 to /28",
                     "VPC001 error [small] vpc \"small\": CIDR 10.2.0.0/29 is /29; a VPC CIDR "
                     "must be /16 to /28"}));
    ASSERT_TRUE(f[0].fix);
    EXPECT_EQ(f[0].fix->label, "Use 10.0.0.0/16");
    EXPECT_EQ(f[0].fix->edits[0].value, "10.0.0.0/16");
    EXPECT_EQ(f[1].fix->label, "Use 10.2.0.0/28");
}

TEST(VPC001, AcceptsTheBounds) {
    DiagramBuilder b;
    b.vpc("a", "10.0.0.0/16").vpc("b", "10.1.0.0/28");
    EXPECT_TRUE(run(b.build(), "VPC001").empty());
}

TEST(VPC002, FiresForEachBadSecondaryCidr) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16", {{"secondary_cidrs", {"10.1.0.0/16", "10.2.0.0/30"}}});
    const auto f = run(b.build(), "VPC002");
    EXPECT_EQ(summary(f), (Lines{"VPC002 error [v] vpc \"v\": secondary CIDR 10.2.0.0/30 is "
                                 "/30; a VPC CIDR must be /16 to /28"}));
    EXPECT_EQ(f[0].fix->edits[0].value, json({"10.1.0.0/16", "10.2.0.0/28"}));
}

TEST(VPC003, FiresWhenCidrsOfOneVpcOverlap) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16", {{"secondary_cidrs", {"10.0.128.0/17", "10.1.0.0/16"}}});
    EXPECT_EQ(summary(run(b.build(), "VPC003")),
              (Lines{"VPC003 error [v] vpc \"v\": 10.0.128.0/17 overlaps 10.0.0.0/16"}));
}

TEST(VPC003, AdjacentCidrsDoNotOverlap) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16", {{"secondary_cidrs", {"10.1.0.0/16"}}});
    EXPECT_TRUE(run(b.build(), "VPC003").empty());
}

TEST(VPC004, RefusesOtherPrivateRangesNextToTen) {
    DiagramBuilder b;
    b.vpc("v", "10.5.0.0/16", {{"secondary_cidrs", {"10.6.0.0/16", "192.168.0.0/16"}}});
    EXPECT_EQ(summary(run(b.build(), "VPC004")),
              (Lines{"VPC004 error [v] vpc \"v\": secondary CIDR 192.168.0.0/16 is in "
                     "192.168.0.0/16, which cannot be added to a VPC whose primary CIDR "
                     "10.5.0.0/16 is in 10.0.0.0/8"}));
}

TEST(VPC004, RefusesTenZeroWhenACidrIsInTenZeroSlashFifteen) {
    DiagramBuilder b;
    b.vpc("v", "10.1.0.0/16", {{"secondary_cidrs", {"10.0.0.0/16"}}});
    b.vpc("w", "10.2.0.0/16", {{"secondary_cidrs", {"10.0.0.0/16"}}});
    EXPECT_EQ(summary(run(b.build(), "VPC004")),
              (Lines{"VPC004 error [v] vpc \"v\": secondary CIDR 10.0.0.0/16 is in 10.0.0.0/16, "
                     "which cannot be added to a VPC whose primary CIDR 10.1.0.0/16 is in "
                     "10.0.0.0/8"}));
}

TEST(VPC004, RefusesRfc1918NextToAPublicRangeAndLinkLocalAnywhere) {
    DiagramBuilder b;
    b.vpc("pub", "100.64.0.0/16", {{"secondary_cidrs", {"100.65.0.0/16", "172.20.0.0/16"}}});
    b.vpc("ll", "169.254.0.0/16");
    EXPECT_EQ(summary(run(b.build(), "VPC004")),
              (Lines{"VPC004 error [ll] vpc \"ll\": 169.254.0.0/16 is in 169.254.0.0/16, which "
                     "is never assignable",
                     "VPC004 error [pub] vpc \"pub\": secondary CIDR 172.20.0.0/16 is in "
                     "172.16.0.0/12, which cannot be added to a VPC whose primary CIDR "
                     "100.64.0.0/16 is in a publicly routable or 100.64.0.0/10 range"}));
}

TEST(VPC004, AllowsSameRangeSecondaries) {
    DiagramBuilder b;
    b.vpc("v", "172.20.0.0/16", {{"secondary_cidrs", {"172.21.0.0/16", "100.64.0.0/16"}}});
    EXPECT_TRUE(run(b.build(), "VPC004").empty());
}

TEST(VPC005, FiresWhenASecondaryCidrContainsARoute) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16", {{"secondary_cidrs", {"10.1.0.0/16"}}})
        .vpc("p", "10.9.0.0/16")
        .connect("pcx", "vpc_peering", "v", "p")
        .table("rt", "v", {}, {{"10.1.5.0/24", "pcx"}, {"10.9.0.0/16", "pcx"}}, true);
    EXPECT_EQ(summary(run(b.build(), "VPC005")),
              (Lines{"VPC005 error [v,rt] vpc \"v\": secondary CIDR 10.1.0.0/16 contains the "
                     "route 10.1.5.0/24 of route table \"rt\""}));
}

TEST(VPC005, AllowsMiddleboxRoutesToWholeSubnets) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16", {{"secondary_cidrs", {"10.1.0.0/16"}}})
        .subnet("s", "v", "10.1.1.0/24")
        .subnet("fw-net", "v", "10.0.1.0/24")
        .add("fw", "ec2_instance", "fw-net")
        .table("rt", "v", {}, {{"10.1.1.0/24", "fw"}}, true);
    EXPECT_TRUE(run(b.build(), "VPC005").empty());
}

TEST(VPC006, WarnsAboveFiveAndErrsAboveFifty) {
    json five = json::array();
    for (int i = 1; i <= 5; ++i) {
        five.push_back("10." + std::to_string(i) + ".0.0/16");
    }
    json fifty = json::array();
    for (int i = 1; i <= 50; ++i) {
        fifty.push_back("10." + std::to_string(i) + ".0.0/16");
    }
    DiagramBuilder b;
    b.vpc("six", "10.0.0.0/16", {{"secondary_cidrs", five}});
    b.vpc("many", "10.0.0.0/16", {{"secondary_cidrs", fifty}});
    b.vpc("ok", "10.0.0.0/16", {{"secondary_cidrs", {"10.1.0.0/16"}}});
    EXPECT_EQ(summary(run(b.build(), "VPC006")),
              (Lines{"VPC006 error [many] vpc \"many\": 51 IPv4 CIDRs exceed the limit of 50",
                     "VPC006 warning [six] vpc \"six\": 6 IPv4 CIDRs exceed the default quota "
                     "of 5"}));
}

TEST(VPC007, WarnsAboutTheDockerRange) {
    DiagramBuilder b;
    b.vpc("d", "172.17.0.0/16").vpc("near", "172.18.0.0/16");
    EXPECT_EQ(summary(run(b.build(), "VPC007")),
              (Lines{"VPC007 warning [d] vpc \"d\": 172.17.0.0/16 overlaps 172.17.0.0/16, used "
                     "by Docker and some AWS services"}));
}

TEST(VPC008, WarnsAboutHostBitsWithACanonicalFix) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16", {{"secondary_cidrs", {"10.1.0.0/16", "10.2.3.4/16"}}})
        .subnet("s", "v", "10.0.1.9/24");
    const auto f = run(b.build(), "VPC008");
    EXPECT_EQ(summary(f),
              (Lines{"VPC008 warning [s] subnet \"s\": 10.0.1.9/24 has host bits set; AWS uses "
                     "10.0.1.0/24",
                     "VPC008 warning [v] vpc \"v\": 10.2.3.4/16 has host bits set; AWS uses "
                     "10.2.0.0/16"}));
    EXPECT_EQ(f[1].fix->edits[0].key, "secondary_cidrs");
    EXPECT_EQ(f[1].fix->edits[0].value, json({"10.1.0.0/16", "10.2.0.0/16"}));
}

TEST(VPC009, IPv6BlocksAreSlashFiftySixAndAtMostFive) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16", {{"ipv6_cidrs", {"2600:1f18::/56", "2600:1f19::/48"}}});
    b.vpc("w", "10.1.0.0/16",
          {{"ipv6_cidrs", {"2600:1::/56", "2600:2::/56", "2600:3::/56", "2600:4::/56",
                           "2600:5::/56", "2600:6::/56"}}});
    EXPECT_EQ(summary(run(b.build(), "VPC009")),
              (Lines{"VPC009 error [v] vpc \"v\": IPv6 CIDR 2600:1f19::/48 is /48; an "
                     "Amazon-provided block is /56",
                     "VPC009 error [w] vpc \"w\": 6 IPv6 CIDRs exceed the limit of 5"}));
}

TEST(VPC010, WarnsAboveFiveVpcsInARegion) {
    DiagramBuilder b;
    for (int i = 0; i < 6; ++i) {
        b.vpc("e" + std::to_string(i), "10." + std::to_string(i) + ".0.0/16");
    }
    for (int i = 0; i < 5; ++i) {
        b.vpc("w" + std::to_string(i), "10." + std::to_string(10 + i) + ".0.0/16",
              {{"region", "us-west-2"}});
    }
    EXPECT_EQ(summary(run(b.build(), "VPC010")),
              (Lines{"VPC010 warning [e0,e1,e2,e3,e4,e5] region \"us-east-1\": 6 VPCs exceed "
                     "the default quota of 5"}));
}

TEST(VPC011, FiresForOverlappingVpcsOnOneDirectConnectGateway) {
    DiagramBuilder b;
    b.add("dx", "direct_connect_gateway", "")
        .vpc("a", "10.0.0.0/16")
        .vpc("b", "10.0.128.0/17")
        .vpc("c", "10.1.0.0/16")
        .vpc("d", "10.0.0.0/16")
        .add("vgw-a", "virtual_private_gateway", "a", {{"direct_connect_gateway", "dx"}})
        .add("vgw-b", "virtual_private_gateway", "b", {{"direct_connect_gateway", "dx"}})
        .add("vgw-c", "virtual_private_gateway", "c", {{"direct_connect_gateway", "dx"}})
        .add("vgw-d", "virtual_private_gateway", "d");
    EXPECT_EQ(summary(run(b.build(), "VPC011")),
              (Lines{"VPC011 error [a,b,dx] vpc \"a\": 10.0.0.0/16 overlaps 10.0.128.0/17 of "
                     "vpc \"b\" on Direct Connect gateway \"dx\""}));
}

}  // namespace
}  // namespace skydraft
