// RT001-RT007: route tables.
#include "diagram_builder.h"

namespace skydraft {
namespace {

using namespace skydraft::testing;

TEST(RT001, LocalRouteReplacedOnlyByAnEniOrGwlbEndpoint) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    b.add("fw", "ec2_instance", "app-pub-a")
        .add("gwlbe", "vpc_endpoint", "app",
             {{"endpoint_type", "gateway_load_balancer"}, {"subnets", {"app-pub-b"}}})
        .table("rt-fw", "app", {}, {{"10.0.0.0/16", "fw"}}, false)
        .table("rt-gwlb", "app", {}, {{"10.0.0.0/16", "gwlbe"}}, false);
    Diagram d = b.build();
    addRoute(d, "app-rt-b", "10.0.0.0/16", "app-igw");
    EXPECT_EQ(summary(run(d, "RT001")),
              (Lines{"RT001 error [app-rt-b,app] route table \"app-rt-b\": route 10.0.0.0/16 to "
                     "internet gateway \"app-igw\" replaces the local route of vpc \"app\""}));
}

TEST(RT002, MoreSpecificThanLocalOnlyForWholeSubnetsToMiddleboxes) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    b.add("fw", "ec2_instance", "app-pub-a");
    Diagram d = b.build();
    addRoute(d, "app-rt-public", "10.0.10.0/24", "fw");    // whole subnet, ENI: allowed
    addRoute(d, "app-rt-a", "10.0.11.0/24", "app-nat-a");  // whole subnet, NAT: allowed
    addRoute(d, "app-rt-b", "10.0.10.0/25", "fw");         // half a subnet
    addRoute(d, "app-rt-b", "10.0.1.0/24", "app-igw");     // wrong target
    EXPECT_EQ(summary(run(d, "RT002")),
              (Lines{"RT002 error [app-rt-b] route table \"app-rt-b\": route 10.0.1.0/24 to "
                     "internet gateway \"app-igw\" is more specific than the local route "
                     "10.0.0.0/16",
                     "RT002 error [app-rt-b] route table \"app-rt-b\": route 10.0.10.0/25 to "
                     "instance \"fw\" is more specific than the local route 10.0.0.0/16"}));
}

TEST(RT003, ReservedRanges) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    Diagram d = b.build();
    addRoute(d, "app-rt-a", "169.254.169.0/24", "app-igw");
    addRoute(d, "app-rt-a", "169.254.0.0/16", "app-igw");
    EXPECT_EQ(summary(run(d, "RT003")),
              (Lines{"RT003 error [app-rt-a] route table \"app-rt-a\": route 169.254.169.0/24 is "
                     "inside the reserved range 169.254.168.0/22"}));
}

TEST(RT004, TargetsBelongToTheTablesVpc) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    cleanVpc(b, "web", 1);
    b.vpc("third", "10.2.0.0/16")
        .connect("pcx-web-third", "vpc_peering", "web", "third")
        .connect("pcx-app-web", "vpc_peering", "app", "web")
        .add("tgw", "transit_gateway", "")
        .add("tgw2", "transit_gateway", "")
        .connect("att", "transit_gateway_attachment", "app", "tgw", {{"subnets", {"app-priv-a"}}})
        .add("legacy-pcx", "generic", "", {{"type", "AWS::EC2::VPCPeeringConnection"}})
        .add("bucket", "generic", "", {{"type", "AWS::S3::Bucket"}});
    Diagram d = b.build();
    addRoute(d, "app-rt-a", "10.1.0.0/16", "pcx-app-web");
    addRoute(d, "app-rt-a", "172.31.0.0/16", "legacy-pcx");  // a peering of another stack
    addRoute(d, "app-rt-b", "172.30.0.0/16", "bucket");
    addRoute(d, "app-rt-a", "10.2.0.0/16", "pcx-web-third");
    addRoute(d, "app-rt-a", "172.16.0.0/12", "tgw");
    addRoute(d, "app-rt-a", "192.168.0.0/16", "tgw2");
    addRoute(d, "app-rt-b", "10.0.11.0/24", "web-nat-b");
    addRoute(d, "app-rt-b", "10.8.0.0/16", "app-pub-a");
    EXPECT_EQ(summary(run(d, "RT004")),
              (Lines{"RT004 error [app-rt-a,pcx-web-third] route table \"app-rt-a\": route "
                     "10.2.0.0/16 targets peering \"pcx-web-third\", which does not include this "
                     "VPC",
                     "RT004 error [app-rt-a,tgw2] route table \"app-rt-a\": route 192.168.0.0/16 "
                     "targets transit gateway \"tgw2\", which is not attached to this VPC",
                     "RT004 error [app-rt-b,app-pub-a] route table \"app-rt-b\": route "
                     "10.8.0.0/16 targets subnet \"app-pub-a\", which cannot be a route target",
                     "RT004 error [app-rt-b,bucket] route table \"app-rt-b\": route "
                     "172.30.0.0/16 targets resource \"bucket\", which cannot be a route target",
                     "RT004 error [app-rt-b,web-nat-b] route table \"app-rt-b\": route "
                     "10.0.11.0/24 targets NAT gateway \"web-nat-b\", which is in vpc \"web\""}));
}

TEST(RT005, DuplicateDestinations) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    Diagram d = b.build();
    addRoute(d, "app-rt-a", "0.0.0.0/0", "app-igw");
    addRoute(d, "app-rt-b", "0.0.0.0/1", "app-igw");
    EXPECT_EQ(summary(run(d, "RT005")),
              (Lines{"RT005 error [app-rt-a] route table \"app-rt-a\": 0.0.0.0/0 is routed to "
                     "NAT gateway \"app-nat-a\" and to internet gateway \"app-igw\""}));
}

TEST(RT006, RouteQuotas) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    Diagram d = b.build();
    for (int i = 0; i < 50; ++i) {
        addRoute(d, "app-rt-a", "172.16." + std::to_string(i) + ".0/24", "app-nat-a");
        addRoute(d, "app-rt-b", "172.16." + std::to_string(i) + ".0/24", "app-nat-b");
    }
    EXPECT_EQ(summary(run(d, "RT006")),
              (Lines{"RT006 warning [app-rt-a] route table \"app-rt-a\": 51 routes exceed the "
                     "default quota of 50",
                     "RT006 warning [app-rt-b] route table \"app-rt-b\": 51 routes exceed the "
                     "default quota of 50"}));
}

TEST(RT007, UnusedRouteTable) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    b.table("spare", "app", {})
        .table("endpoint-table", "app", {})
        .add("s3", "vpc_endpoint", "app",
             {{"endpoint_type", "gateway"}, {"route_tables", {"endpoint-table"}}});
    EXPECT_EQ(summary(run(b.build(), "RT007")),
              (Lines{"RT007 warning [spare] route table \"spare\": associated with no subnet and "
                     "not the main table"}));
}

}  // namespace
}  // namespace skydraft
