// IGW001-IGW006 and NAT001-NAT007: internet and NAT gateways.
#include "diagram_builder.h"

namespace skydraft {
namespace {

using namespace skydraft::testing;

TEST(IGW001, OneInternetGatewayPerVpc) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    b.add("igw2", "internet_gateway", "app");
    EXPECT_EQ(summary(run(b.build(), "IGW001")),
              (Lines{"IGW001 error [app,app-igw,igw2] vpc \"app\": 2 internet gateways attached; "
                     "at most one"}));
}

TEST(IGW002, RouteToAnotherVpcsOrADetachedGateway) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    cleanVpc(b, "web", 1);
    b.add("loose", "internet_gateway", "");
    Diagram d = b.build();
    addRoute(d, "app-rt-a", "8.8.8.0/24", "web-igw");
    addRoute(d, "app-rt-b", "8.8.4.0/24", "loose");
    EXPECT_EQ(summary(run(d, "IGW002")),
              (Lines{"IGW002 error [app-rt-a,web-igw] route table \"app-rt-a\": route 8.8.8.0/24 "
                     "targets internet gateway \"web-igw\", attached to vpc \"web\"",
                     "IGW002 error [app-rt-b,loose] route table \"app-rt-b\": route 8.8.4.0/24 "
                     "targets internet gateway \"loose\", which is detached"}));
}

TEST(IGW003, PublicResourceWithoutAPublicAddress) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    b.add("web", "ec2_instance", "app-pub-a", {{"reachable_from_internet", true}})
        .add("web-ip", "ec2_instance", "app-pub-a",
             {{"reachable_from_internet", true}, {"public_ip", true}})
        .add("web-eip", "ec2_instance", "app-pub-a", {{"reachable_from_internet", true}})
        .add("eip", "elastic_ip", "", {{"instance", "web-eip"}})
        .add("inner", "ec2_instance", "app-priv-a", {{"reachable_from_internet", true}});
    EXPECT_EQ(summary(run(b.build(), "IGW003")),
              (Lines{"IGW003 warning [web,app-pub-a] instance \"web\": meant to be reachable "
                     "from the internet, but has no public IP, Elastic IP or IPv6 address in "
                     "public subnet \"app-pub-a\""}));
}

TEST(IGW004, PublicIpInASubnetWithoutAnInternetRoute) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    b.add("lost", "ec2_instance", "app-priv-a", {{"public_ip", true}})
        .add("fine", "ec2_instance", "app-pub-a", {{"public_ip", true}});
    EXPECT_EQ(summary(run(b.build(), "IGW004")),
              (Lines{"IGW004 warning [lost,app-priv-a] instance \"lost\": has a public IP, but "
                     "subnet \"app-priv-a\" has no route to an internet gateway"}));
}

TEST(IGW005, AttachedButUnused) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    b.vpc("quiet", "10.1.0.0/16").add("quiet-igw", "internet_gateway", "quiet");
    EXPECT_EQ(summary(run(b.build(), "IGW005")),
              (Lines{"IGW005 warning [quiet-igw,quiet] internet gateway \"quiet-igw\": attached "
                     "to vpc \"quiet\" but no route uses it"}));
}

TEST(IGW006, Ipv6EgressNeedsAnIpv6DefaultRoute) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16", {{"ipv6_cidrs", {"2600:1f18::/56"}}})
        .add("eigw", "egress_only_internet_gateway", "v")
        .add("eigw2", "egress_only_internet_gateway", "v")
        .add("igw", "internet_gateway", "v")
        .subnet("v6", "v", "", "us-east-1a",
                {{"ipv6_only", true}, {"ipv6_cidr", "2600:1f18::/64"}})
        .subnet("v6ok", "v", "", "us-east-1a",
                {{"ipv6_only", true}, {"ipv6_cidr", "2600:1f18:0:1::/64"}})
        .add("app", "ec2_instance", "v6", {{"needs_internet", true}})
        .add("app2", "ec2_instance", "v6ok", {{"needs_internet", true}})
        .table("rt", "v", {"v6"}, {{"0.0.0.0/0", "igw"}, {"10.9.0.0/16", "eigw"}})
        .table("rt6", "v", {"v6ok"}, {{"::/0", "eigw"}});
    EXPECT_EQ(summary(run(b.build(), "IGW006")),
              (Lines{"IGW006 error [rt,eigw] route table \"rt\": IPv4 route 10.9.0.0/16 targets "
                     "egress-only internet gateway \"eigw\", which carries IPv6 only",
                     "IGW006 error [v,eigw,eigw2] vpc \"v\": 2 egress-only internet gateways; "
                     "at most one",
                     "IGW006 error [v6] subnet \"v6\": IPv6-only with resources that need the "
                     "internet, but no ::/0 route to an internet or egress-only internet "
                     "gateway"}));
}

TEST(NAT001, PublicNeedsAnElasticIpPrivateHasNone) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    b.add("no-eip", "nat_gateway", "app-pub-a", {{"elastic_ip", false}})
        .add("priv-eip", "nat_gateway", "app-priv-a", {{"connectivity", "private"}})
        .add("priv", "nat_gateway", "app-priv-a",
             {{"connectivity", "private"}, {"elastic_ip", false}});
    const auto f = run(b.build(), "NAT001");
    EXPECT_EQ(summary(f),
              (Lines{"NAT001 error [no-eip] NAT gateway \"no-eip\": public without an Elastic IP",
                     "NAT001 error [priv-eip] NAT gateway \"priv-eip\": private with an Elastic "
                     "IP"}));
    EXPECT_EQ(f[0].fix->edits[0].value, true);
}

TEST(NAT002, PublicNatGatewayInAPrivateSubnet) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    b.add("bad", "nat_gateway", "app-priv-a")
        .add("private-ok", "nat_gateway", "app-priv-b",
             {{"connectivity", "private"}, {"elastic_ip", false}})
        .add("regional", "nat_gateway", "app", {{"availability_mode", "regional"}});
    EXPECT_EQ(summary(run(b.build(), "NAT002")),
              (Lines{"NAT002 error [bad,app-priv-a] NAT gateway \"bad\": public, but subnet "
                     "\"app-priv-a\" has no 0.0.0.0/0 route to an internet gateway"}));
}

TEST(NAT003, PrivateSubnetThatNeedsTheInternetRoutesToANatGateway) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    cleanVpc(b, "web", 1);
    b.subnet("lonely", "app", "10.0.20.0/24")
        .subnet("crossed", "app", "10.0.21.0/24")
        .subnet("quiet", "app", "10.0.22.0/24")
        .add("i1", "ec2_instance", "lonely", {{"needs_internet", true}})
        .add("i2", "ec2_instance", "crossed", {{"needs_internet", true}})
        .add("i3", "ec2_instance", "quiet")
        .add("i4", "ec2_instance", "app-priv-a", {{"needs_internet", true}})
        .table("rt-lonely", "app", {"lonely", "quiet"})
        .table("rt-crossed", "app", {"crossed"}, {{"0.0.0.0/0", "web-nat-a"}});
    EXPECT_EQ(summary(run(b.build(), "NAT003")),
              (Lines{"NAT003 error [crossed,i2,web-nat-a] subnet \"crossed\": instance \"i2\" "
                     "needs the internet, but the subnet routes 0.0.0.0/0 to NAT gateway "
                     "\"web-nat-a\" of another VPC",
                     "NAT003 error [lonely,i1] subnet \"lonely\": instance \"i1\" needs the "
                     "internet, but the subnet has no 0.0.0.0/0 route"}));
}

TEST(NAT004, DefaultRouteToAnotherZonesNatGateway) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    b.subnet("c", "app", "10.0.30.0/24", "us-east-1b").table("rt-c", "app", {"c"},
                                                              {{"0.0.0.0/0", "app-nat-a"}});
    EXPECT_EQ(summary(run(b.build(), "NAT004")),
              (Lines{"NAT004 warning [c,app-nat-a] subnet \"c\": in us-east-1b, routes 0.0.0.0/0 "
                     "to NAT gateway \"app-nat-a\" in us-east-1a"}));
}

TEST(NAT005, NatGatewayOfAPeerIsNotShared) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    cleanVpc(b, "egress", 1);
    b.connect("pcx", "vpc_peering", "app", "egress");
    Diagram d = b.build();
    addRoute(d, "app-rt-a", "10.1.0.0/16", "pcx");
    addRoute(d, "app-rt-b", "1.2.3.0/24", "pcx");
    addRoute(d, "egress-rt-a", "10.0.0.0/16", "pcx");
    EXPECT_EQ(summary(run(d, "NAT005")),
              (Lines{"NAT005 error [app-rt-b,pcx,egress-nat-a] route table \"app-rt-b\": route "
                     "1.2.3.0/24 via peering \"pcx\" would use NAT gateway \"egress-nat-a\" of "
                     "vpc \"egress\"; a NAT gateway does not serve peered networks"}));
}

TEST(NAT006, NatGatewaysOwnSubnetRoutesToANatGateway) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    b.add("loop", "nat_gateway", "app-priv-a",
          {{"connectivity", "private"}, {"elastic_ip", false}});
    EXPECT_EQ(summary(run(b.build(), "NAT006")),
              (Lines{"NAT006 error [loop,app-priv-a,app-nat-a] NAT gateway \"loop\": its subnet "
                     "\"app-priv-a\" routes 0.0.0.0/0 to NAT gateway \"app-nat-a\", a loop"}));
}

TEST(NAT007, PrivateNatGatewayRoutedToTheInternet) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    b.add("pnat", "nat_gateway", "app-pub-b",
          {{"connectivity", "private"}, {"elastic_ip", false}});
    EXPECT_EQ(summary(run(b.build(), "NAT007")),
              (Lines{"NAT007 warning [pnat,app-pub-b,app-igw] NAT gateway \"pnat\": private, but "
                     "subnet \"app-pub-b\" routes 0.0.0.0/0 to internet gateway \"app-igw\"; its "
                     "traffic is dropped"}));
}

}  // namespace
}  // namespace skydraft
