// ELB, RDS, LAM, EC2 and VPCE rules: services placed in subnets.
#include "diagram_builder.h"

namespace skydraft {
namespace {

using namespace skydraft::testing;

TEST(ELB001, ApplicationLoadBalancerNeedsTwoZones) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    b.add("alb", "load_balancer", "app", {{"subnets", {"app-pub-a"}}})
        .add("ok", "load_balancer", "app", {{"subnets", {"app-pub-a", "app-pub-b"}}})
        .add("nlb", "load_balancer", "app", {{"subnets", {"app-pub-a"}}, {"lb_type", "network"}});
    EXPECT_EQ(summary(run(b.build(), "ELB001")),
              (Lines{"ELB001 error [alb,app-pub-a] load balancer \"alb\": subnets only in "
                     "us-east-1a; an Application Load Balancer needs two zones"}));
}

TEST(ELB002, OneSubnetPerZoneInTheLoadBalancersVpc) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    cleanVpc(b, "web", 1);
    b.add("lb", "load_balancer", "app",
          {{"subnets", {"app-pub-a", "app-priv-a", "app-pub-b", "web-pub-b"}}});
    EXPECT_EQ(summary(run(b.build(), "ELB002")),
              (Lines{"ELB002 error [lb,app-pub-a,app-priv-a] load balancer \"lb\": 2 subnets in "
                     "us-east-1a; at most one per zone",
                     "ELB002 error [lb,web-pub-b] load balancer \"lb\": subnet \"web-pub-b\" is "
                     "not in vpc \"app\""}));
}

TEST(ELB003, InternetFacingInPrivateSubnets) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    b.add("lb", "load_balancer", "app", {{"subnets", {"app-priv-a", "app-priv-b"}}})
        .add("internal", "load_balancer", "app",
             {{"subnets", {"app-priv-a", "app-priv-b"}}, {"scheme", "internal"}})
        .add("public", "load_balancer", "app", {{"subnets", {"app-pub-a", "app-pub-b"}}});
    EXPECT_EQ(summary(run(b.build(), "ELB003")),
              (Lines{"ELB003 warning [lb,app-priv-a,app-priv-b] load balancer \"lb\": "
                     "internet-facing, but subnet \"app-priv-a\", subnet \"app-priv-b\" have no "
                     "route to an internet gateway"}));
}

TEST(ELB004, SmallLoadBalancerSubnets) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16")
        .subnet("small", "v", "10.0.0.0/28")
        .subnet("ok", "v", "10.0.1.0/27")
        .subnet("crowded", "v", "10.0.2.0/27", "us-east-1b")
        .add("lb", "load_balancer", "v", {{"subnets", {"small", "ok"}}, {"lb_type", "network"}})
        .add("lb2", "load_balancer", "v", {{"subnets", {"crowded"}}, {"lb_type", "network"}});
    for (int i = 0; i < 12; ++i) {
        b.add("i" + std::to_string(i), "ec2_instance", "crowded");
    }
    EXPECT_EQ(summary(run(b.build(), "ELB004")),
              (Lines{"ELB004 warning [lb,small] load balancer \"lb\": subnet \"small\" "
                     "10.0.0.0/28 is smaller than /27",
                     "ELB004 warning [lb2,crowded] load balancer \"lb2\": subnet \"crowded\" "
                     "10.0.2.0/27 has 7 free addresses"}));
}

TEST(RDS001, DbSubnetGroupSpansTwoZonesOfOneVpc) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    cleanVpc(b, "web", 1);
    b.add("one-zone", "rds_instance", "app", {{"subnets", {"app-priv-a"}}})
        .add("mixed", "rds_instance", "app", {{"subnets", {"app-priv-a", "web-priv-b"}}})
        .add("ok", "rds_instance", "app", {{"subnets", {"app-priv-a", "app-priv-b"}}});
    EXPECT_EQ(summary(run(b.build(), "RDS001")),
              (Lines{"RDS001 error [mixed,web-priv-b] database \"mixed\": subnet \"web-priv-b\" "
                     "is not in vpc \"app\"",
                     "RDS001 error [one-zone,app-priv-a] database \"one-zone\": DB subnet group "
                     "only in us-east-1a; it needs two zones"}));
}

TEST(RDS002, PublicDatabase) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    b.add("open", "rds_instance", "app",
          {{"subnets", {"app-priv-a", "app-priv-b"}}, {"publicly_accessible", true}})
        .add("exposed", "rds_instance", "app", {{"subnets", {"app-pub-a", "app-priv-b"}}})
        .add("ok", "rds_instance", "app", {{"subnets", {"app-priv-a", "app-priv-b"}}});
    const auto f = run(b.build(), "RDS002");
    EXPECT_EQ(summary(f),
              (Lines{"RDS002 warning [exposed,app-pub-a] database \"exposed\": in public subnet "
                     "\"app-pub-a\"",
                     "RDS002 warning [open] database \"open\": publicly accessible"}));
    EXPECT_EQ(f[1].fix->edits[0].key, "publicly_accessible");
}

TEST(LAM001, FunctionNetworking) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    cleanVpc(b, "web", 1);
    b.add("web-sg", "security_group", "web")
        .add("fn", "lambda_function", "app",
             {{"subnets", {"app-priv-a", "web-priv-a"}}, {"security_groups", {"web-sg"}}})
        .add("online", "lambda_function", "app",
             {{"subnets", {"app-pub-a", "app-priv-b"}}, {"needs_internet", true}})
        .add("outside", "lambda_function", "", {{"needs_internet", true}});
    EXPECT_EQ(summary(run(b.build(), "LAM001")),
              (Lines{"LAM001 warning [fn,web-priv-a] function \"fn\": subnet \"web-priv-a\" is "
                     "in another VPC than vpc \"app\"",
                     "LAM001 warning [fn,web-sg] function \"fn\": security group \"web-sg\" is in "
                     "vpc \"web\", not vpc \"app\"",
                     "LAM001 warning [online,app-pub-a] function \"online\": needs the internet, "
                     "but subnet \"app-pub-a\" has no 0.0.0.0/0 route to a NAT gateway"}));
}

TEST(EC2001, ResourcesThatLiveInSubnetsHaveOne) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    b.add("nat", "nat_gateway", "app")
        .add("regional", "nat_gateway", "app", {{"availability_mode", "regional"}})
        .add("lb", "load_balancer", "app")
        .add("db", "rds_instance", "app")
        .add("fn", "lambda_function", "app")
        .add("free-fn", "lambda_function", "")
        .add("s3", "vpc_endpoint", "app",
             {{"endpoint_type", "gateway"}, {"route_tables", {"app-rt-a"}}});
    const auto f = run(b.build(), "EC2001");
    EXPECT_EQ(summary(f),
              (Lines{"EC2001 error [db] database \"db\": no subnet",
                     "EC2001 error [fn] function \"fn\": no subnet",
                     "EC2001 error [lb] load balancer \"lb\": no subnet",
                     "EC2001 error [nat] NAT gateway \"nat\": zonal, but not in a subnet"}));
    EXPECT_EQ(f[3].fix->edits[0].value, "regional");
}

TEST(EC2002, InstanceSecurityGroupsOfItsVpc) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    cleanVpc(b, "web", 1);
    b.add("app-sg", "security_group", "app")
        .add("web-sg", "security_group", "web")
        .add("i", "ec2_instance", "app-priv-a", {{"security_groups", {"app-sg", "web-sg"}}});
    EXPECT_EQ(summary(run(b.build(), "EC2002")),
              (Lines{"EC2002 error [i,web-sg] instance \"i\": security group \"web-sg\" is in vpc "
                     "\"web\", not vpc \"app\""}));
}

TEST(VPCE001, GatewayEndpointsOnlyForS3AndDynamoDb) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    b.add("s3", "vpc_endpoint", "app",
          {{"endpoint_type", "gateway"}, {"route_tables", {"app-rt-a"}},
           {"service_name", "com.amazonaws.us-east-1.s3"}})
        .add("ddb", "vpc_endpoint", "app",
             {{"endpoint_type", "gateway"}, {"route_tables", {"app-rt-a"}},
              {"service_name", "com.amazonaws.us-east-1.dynamodb"}})
        .add("sqs", "vpc_endpoint", "app",
             {{"endpoint_type", "gateway"}, {"route_tables", {"app-rt-a"}},
              {"service_name", "com.amazonaws.us-east-1.sqs"}});
    EXPECT_EQ(summary(run(b.build(), "VPCE001")),
              (Lines{"VPCE001 error [sqs] endpoint \"sqs\": gateway endpoint for "
                     "\"com.amazonaws.us-east-1.sqs\"; only S3 and DynamoDB have one"}));
}

TEST(VPCE002, EndpointPlacementByType) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    b.add("sg", "security_group", "app")
        .add("gw-subnets", "vpc_endpoint", "app",
             {{"endpoint_type", "gateway"}, {"subnets", {"app-priv-a"}},
              {"route_tables", {"app-rt-a"}}})
        .add("gw-bare", "vpc_endpoint", "app", {{"endpoint_type", "gateway"}})
        .add("if-twice", "vpc_endpoint", "app",
             {{"endpoint_type", "interface"},
              {"service_name", "com.amazonaws.us-east-1.sqs"},
              {"subnets", {"app-priv-a", "app-pub-a"}},
              {"security_groups", {"sg"}}})
        .add("if-open", "vpc_endpoint", "app",
             {{"endpoint_type", "interface"},
              {"service_name", "com.amazonaws.us-east-1.sns"},
              {"subnets", {"app-priv-a"}}})
        .add("gwlbe", "vpc_endpoint", "app",
             {{"endpoint_type", "gateway_load_balancer"},
              {"service_name", "com.amazonaws.vpce.us-east-1.vpce-svc-1"},
              {"subnets", {"app-priv-a", "app-priv-b"}}});
    EXPECT_EQ(summary(run(b.build(), "VPCE002")),
              (Lines{"VPCE002 error [gw-bare] endpoint \"gw-bare\": a gateway endpoint without "
                     "route tables",
                     "VPCE002 error [gw-subnets] endpoint \"gw-subnets\": a gateway endpoint "
                     "takes route tables, not subnets",
                     "VPCE002 error [gwlbe] endpoint \"gwlbe\": a Gateway Load Balancer endpoint "
                     "sits in exactly one subnet, not 2",
                     "VPCE002 error [if-open] endpoint \"if-open\": an interface endpoint without "
                     "security groups",
                     "VPCE002 error [if-twice,app-priv-a,app-pub-a] endpoint \"if-twice\": 2 "
                     "subnets in us-east-1a; at most one per zone"}));
}

TEST(VPCE003, GatewayEndpointServesItsOwnVpcAndRegion) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    cleanVpc(b, "web", 1);
    b.add("s3", "vpc_endpoint", "app",
          {{"endpoint_type", "gateway"},
           {"route_tables", {"app-rt-a", "web-rt-a"}},
           {"service_name", "com.amazonaws.us-east-1.s3"}})
        .add("s3-west", "vpc_endpoint", "web",
             {{"endpoint_type", "gateway"},
              {"route_tables", {"web-rt-b"}},
              {"service_name", "com.amazonaws.us-west-2.s3"}});
    EXPECT_EQ(summary(run(b.build(), "VPCE003")),
              (Lines{"VPCE003 error [s3,web-rt-a] endpoint \"s3\": route table \"web-rt-a\" is in "
                     "vpc \"web\", not vpc \"app\"",
                     "VPCE003 error [s3-west,web] endpoint \"s3-west\": service "
                     "\"com.amazonaws.us-west-2.s3\" is in us-west-2, vpc \"web\" in "
                     "us-east-1"}));
}

TEST(VPCE004, PrivateDnsNeedsVpcDnsAndOneEndpointPerService) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    b.vpc("nodns", "10.5.0.0/16", {{"enable_dns_hostnames", false}})
        .subnet("nodns-a", "nodns", "10.5.0.0/24")
        .add("sg", "security_group", "app")
        .add("sg2", "security_group", "nodns");
    json iface = {{"endpoint_type", "interface"},
                  {"service_name", "com.amazonaws.us-east-1.sqs"},
                  {"private_dns_enabled", true},
                  {"security_groups", {"sg"}}};
    iface["subnets"] = {"app-priv-a"};
    b.add("sqs1", "vpc_endpoint", "app", iface);
    iface["subnets"] = {"app-priv-b"};
    b.add("sqs2", "vpc_endpoint", "app", iface);
    iface["subnets"] = {"nodns-a"};
    iface["security_groups"] = {"sg2"};
    b.add("sqs3", "vpc_endpoint", "nodns", iface);
    EXPECT_EQ(summary(run(b.build(), "VPCE004")),
              (Lines{"VPCE004 error [sqs2,sqs1] endpoint \"sqs2\": endpoint \"sqs1\" already has "
                     "private DNS for \"com.amazonaws.us-east-1.sqs\"",
                     "VPCE004 error [sqs3,nodns] endpoint \"sqs3\": private DNS needs DNS "
                     "hostnames on vpc \"nodns\""}));
}

}  // namespace
}  // namespace skydraft
