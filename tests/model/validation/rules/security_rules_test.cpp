// SG, NACL, VPN, DIA and CFN rules.
#include "diagram_builder.h"

namespace skydraft {
namespace {

using namespace skydraft::testing;

json tcp(int from, int to, const std::string& cidr) {
    return {{"protocol", "tcp"}, {"from_port", from}, {"to_port", to}, {"cidr", cidr}};
}

json entry(int number, bool egress, const std::string& protocol, int from, int to,
           const std::string& cidr, const std::string& action = "allow") {
    return {{"rule_number", number}, {"egress", egress},   {"protocol", protocol},
            {"from_port", from},     {"to_port", to},      {"cidr", cidr},
            {"rule_action", action}};
}

TEST(SG001, RuleQuotasPerGroupAndPerInterface) {
    json many = json::array();
    for (int i = 0; i < 61; ++i) {
        many.push_back(tcp(1000 + i, 1000 + i, "10.0.0.0/8"));
    }
    json huge = json::array();
    for (int i = 0; i < 500; ++i) {
        huge.push_back(tcp(i, i, "10.0.0.0/8"));
    }
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    b.add("sg", "security_group", "app", {{"ingress", many}})
        .add("big1", "security_group", "app", {{"ingress", huge}, {"egress", huge}})
        .add("big2", "security_group", "app", {{"ingress", {tcp(443, 443, "0.0.0.0/0")}}})
        .add("i", "ec2_instance", "app-priv-a", {{"security_groups", {"big1", "big2"}}});
    EXPECT_EQ(summary(run(b.build(), "SG001")),
              (Lines{"SG001 warning [big1] security group \"big1\": 500 egress IPv4 rules exceed "
                     "the default quota of 60",
                     "SG001 warning [big1] security group \"big1\": 500 ingress IPv4 rules "
                     "exceed the default quota of 60",
                     "SG001 error [i,big1,big2] instance \"i\": its security groups have 1002 "
                     "rules together; the limit is 1000",
                     "SG001 warning [sg] security group \"sg\": 61 ingress IPv4 rules exceed the "
                     "default quota of 60"}));
}

TEST(SG002, ResourceUsesASecurityGroupOfAnotherVpc) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    cleanVpc(b, "web", 1);
    b.add("web-sg", "security_group", "web")
        .add("app-sg", "security_group", "app")
        .add("lb", "load_balancer", "app",
             {{"subnets", {"app-pub-a", "app-pub-b"}}, {"security_groups", {"app-sg", "web-sg"}}});
    EXPECT_EQ(summary(run(b.build(), "SG002")),
              (Lines{"SG002 error [lb,web-sg] load balancer \"lb\": security group \"web-sg\" is "
                     "in vpc \"web\", not vpc \"app\""}));
}

TEST(SG003, ReferenceToAGroupOfAnUnpeeredVpc) {
    DiagramBuilder b;
    b.vpc("a", "10.0.0.0/16")
        .vpc("b", "10.1.0.0/16")
        .vpc("c", "10.2.0.0/16")
        .connect("ab", "vpc_peering", "a", "b")
        .add("sg-b", "security_group", "b")
        .add("sg-c", "security_group", "c")
        .add("sg-a2", "security_group", "a")
        .add("sg", "security_group", "a",
             {{"ingress",
               {{{"protocol", "tcp"}, {"from_port", 80}, {"to_port", 80},
                 {"source_security_group", "sg-b"}},
                {{"protocol", "tcp"}, {"from_port", 80}, {"to_port", 80},
                 {"source_security_group", "sg-a2"}}}},
              {"egress",
               {{{"protocol", "-1"}, {"source_security_group", "sg-c"}}}}});
    EXPECT_EQ(summary(run(b.build(), "SG003")),
              (Lines{"SG003 error [sg,sg-c] security group \"sg\": egress rule references "
                     "security group \"sg-c\" of vpc \"c\", which is not peered with vpc "
                     "\"a\""}));
}

TEST(SG004, SshAndRdpOpenToTheWorld) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16")
        .add("ssh", "security_group", "v", {{"ingress", {tcp(22, 22, "0.0.0.0/0")}}})
        .add("all", "security_group", "v",
             {{"ingress", {{{"protocol", "-1"}, {"ipv6_cidr", "::/0"}}}}})
        .add("office", "security_group", "v", {{"ingress", {tcp(22, 22, "203.0.113.0/24")}}})
        .add("web", "security_group", "v", {{"ingress", {tcp(80, 443, "0.0.0.0/0")}}});
    EXPECT_EQ(summary(run(b.build(), "SG004")),
              (Lines{"SG004 warning [all] security group \"all\": RDP (3389) is open to ::/0",
                     "SG004 warning [all] security group \"all\": SSH (22) is open to ::/0",
                     "SG004 warning [ssh] security group \"ssh\": SSH (22) is open to "
                     "0.0.0.0/0"}));
}

TEST(NACL001, RuleNumbersInRangeAndUniquePerDirection) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16")
        .add("acl", "network_acl", "v",
             {{"entries",
               {entry(100, false, "tcp", 443, 443, "0.0.0.0/0"),
                entry(100, true, "tcp", 1024, 65535, "0.0.0.0/0"),
                entry(100, false, "tcp", 80, 80, "0.0.0.0/0"),
                entry(0, false, "tcp", 22, 22, "10.0.0.0/8"),
                entry(32767, true, "-1", 0, 0, "0.0.0.0/0")}}});
    EXPECT_EQ(summary(run(b.build(), "NACL001")),
              (Lines{"NACL001 error [acl] network ACL \"acl\": inbound rule number 0 is not 1 to "
                     "32766",
                     "NACL001 error [acl] network ACL \"acl\": inbound rule number 100 is used "
                     "twice",
                     "NACL001 error [acl] network ACL \"acl\": outbound rule number 32767 is not "
                     "1 to 32766"}));
}

TEST(NACL002, ShadowedByALowerNumberedRule) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16")
        .add("acl", "network_acl", "v",
             {{"entries",
               {entry(100, false, "-1", 0, 0, "0.0.0.0/0", "deny"),
                entry(200, false, "tcp", 443, 443, "10.0.0.0/8"),
                entry(100, true, "tcp", 1024, 65535, "10.0.0.0/8"),
                entry(200, true, "tcp", 0, 65535, "0.0.0.0/0")}}});
    EXPECT_EQ(summary(run(b.build(), "NACL002")),
              (Lines{"NACL002 warning [acl] network ACL \"acl\": inbound rule 200 (allow) never "
                     "applies; rule 100 (deny) matches all its traffic"}));
}

TEST(NACL003, StatelessReturnTraffic) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16")
        .add("ok", "network_acl", "v",
             {{"entries",
               {entry(100, false, "tcp", 443, 443, "0.0.0.0/0"),
                entry(100, true, "tcp", 1024, 65535, "0.0.0.0/0"),
                entry(110, true, "tcp", 443, 443, "0.0.0.0/0"),
                entry(110, false, "tcp", 1024, 65535, "0.0.0.0/0")}}})
        .add("broken", "network_acl", "v",
             {{"entries",
               {entry(100, false, "tcp", 443, 443, "0.0.0.0/0"),
                entry(90, true, "tcp", 1024, 65535, "0.0.0.0/0", "deny"),
                entry(100, true, "tcp", 1024, 65535, "0.0.0.0/0"),
                entry(120, true, "tcp", 443, 443, "0.0.0.0/0")}}});
    EXPECT_EQ(summary(run(b.build(), "NACL003")),
              (Lines{"NACL003 warning [broken] network ACL \"broken\": inbound rule 100 allows "
                     "tcp 443-443 from 0.0.0.0/0, but no outbound rule allows the return on "
                     "ports 1024-65535",
                     "NACL003 warning [broken] network ACL \"broken\": outbound rule 120 allows "
                     "tcp 443-443 to 0.0.0.0/0, but no inbound rule allows the return on ports "
                     "1024-65535"}));
}

TEST(VPN001, OneVirtualPrivateGatewayPerVpc) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16")
        .add("vgw1", "virtual_private_gateway", "v")
        .add("vgw2", "virtual_private_gateway", "v");
    EXPECT_EQ(summary(run(b.build(), "VPN001")),
              (Lines{"VPN001 error [v,vgw1,vgw2] vpc \"v\": 2 virtual private gateways attached; "
                     "at most one"}));
}

TEST(VPN002, VpnToADetachedVirtualPrivateGateway) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16")
        .add("vgw", "virtual_private_gateway", "v")
        .add("loose", "virtual_private_gateway", "")
        .add("cgw", "customer_gateway", "")
        .connect("vpn-ok", "vpn_attachment", "cgw", "vgw")
        .connect("vpn-bad", "vpn_attachment", "cgw", "loose");
    EXPECT_EQ(summary(run(b.build(), "VPN002")),
              (Lines{"VPN002 error [vpn-bad,loose] VPN connection \"vpn-bad\": virtual private "
                     "gateway \"loose\" is not attached to a VPC"}));
}

TEST(VPN003, RoutesAndPropagationNeedTheGatewayAttachedHere) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16")
        .vpc("w", "10.1.0.0/16")
        .add("vgw-w", "virtual_private_gateway", "w")
        .add("vgw-v", "virtual_private_gateway", "v")
        .add("rt", "route_table", "v",
             {{"main", true},
              {"propagating_gateways", {"vgw-w", "vgw-v"}},
              {"routes",
               {{{"destination", "192.168.0.0/16"}, {"target", "vgw-w"}},
                {{"destination", "172.16.0.0/12"}, {"target", "vgw-v"}}}}});
    EXPECT_EQ(summary(run(b.build(), "VPN003")),
              (Lines{"VPN003 error [rt,vgw-w] route table \"rt\": propagates routes from virtual "
                     "private gateway \"vgw-w\", which is not attached to this VPC",
                     "VPN003 error [rt,vgw-w] route table \"rt\": route 192.168.0.0/16 targets "
                     "virtual private gateway \"vgw-w\", which is not attached to this VPC"}));
}

TEST(VPN004, OnPremisesRangeOverlapsTheVpc) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16")
        .add("vgw", "virtual_private_gateway", "v")
        .add("cgw", "customer_gateway", "", {{"on_premises_cidrs", {"10.0.128.0/20"}}})
        .add("cgw2", "customer_gateway", "", {{"on_premises_cidrs", {"192.168.0.0/16"}}})
        .connect("vpn", "vpn_attachment", "cgw", "vgw")
        .connect("vpn2", "vpn_attachment", "cgw2", "vgw");
    EXPECT_EQ(summary(run(b.build(), "VPN004")),
              (Lines{"VPN004 warning [vpn,cgw,v] VPN connection \"vpn\": on-premises "
                     "10.0.128.0/20 overlaps 10.0.0.0/16 of vpc \"v\""}));
}

TEST(DIA001, RegionalNatGatewayInASubnet) {
    DiagramBuilder b;
    cleanVpc(b, "app", 0);
    b.add("rnat", "nat_gateway", "app-pub-a", {{"availability_mode", "regional"}});
    const auto f = run(b.build(), "DIA001");
    EXPECT_EQ(summary(f), (Lines{"DIA001 error [rnat,app-pub-a] NAT gateway \"rnat\": regional, "
                                 "but placed in subnet \"app-pub-a\" instead of its VPC"}));
}

TEST(DIA001, TheDocumentRefusesWrongContainers) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16").add("i", "ec2_instance", "v");
    EXPECT_THROW(b.build(), std::invalid_argument);
}

TEST(DIA002, ConnectionFromAnElementToItself) {
    DiagramBuilder b;
    b.add("tgw", "transit_gateway", "")
        .add("bucket", "s3_bucket", "")
        .connect("loop", "transit_gateway_peering", "tgw", "tgw")
        .connect("reads", "uses", "bucket", "tgw");
    EXPECT_EQ(summary(run(b.build(), "DIA002")),
              (Lines{"DIA002 error [loop,tgw] transit gateway peering \"loop\": joins transit "
                     "gateway \"tgw\" to itself"}));
}

TEST(DIA003, MissingAndMalformedValues) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.256/16", {{"region", "mars"}})
        .subnet("s", "v", "", "us-east-1a")
        .subnet("z", "v", "10.0.1.0/24", "east")
        .add("rt", "route_table", "v",
             {{"routes", {{{"destination", "0.0.0.0/0"}, {"target", "igw-missing"}}}}})
        .add("i", "ec2_instance", "z", {{"private_ip", "10.0.1"}, {"security_groups", {"rt"}}});
    EXPECT_EQ(summary(run(b.build(), "DIA003")),
              (Lines{"DIA003 error [i] instance \"i\": private_ip \"10.0.1\" is not a valid IP "
                     "address",
                     "DIA003 error [i,rt] instance \"i\": security_groups names route table "
                     "\"rt\", which is not a security group",
                     "DIA003 error [rt] route table \"rt\": route 0.0.0.0/0 targets "
                     "\"igw-missing\", which does not exist",
                     "DIA003 error [s] subnet \"s\": no IPv4 CIDR (only IPv6-only subnets have "
                     "none)",
                     "DIA003 error [v] vpc \"v\": cidr \"10.0.0.256/16\" is not a valid CIDR (" +
                         std::string(parseIpv4Cidr("10.0.0.256/16").error) + ")",
                     "DIA003 error [v] vpc \"v\": region \"mars\" is not a region name",
                     "DIA003 error [z] subnet \"z\": availability_zone \"east\" is not an "
                     "availability zone name"}));
}

TEST(DIA003, WellFormedNamesPass) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16", {{"region", "us-gov-west-1"}})
        .subnet("s", "v", "10.0.0.0/24", "us-gov-west-1a")
        .subnet("lz", "v", "10.0.1.0/24", "us-gov-west-1-lax-1a");
    EXPECT_EQ(summary(run(b.build(), "DIA003")), Lines{});
}

TEST(CFN001, TemplateResourceLimit) {
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16");
    for (int i = 0; i < 460; ++i) {
        b.add("sg" + std::to_string(i), "security_group", "v");
    }
    EXPECT_EQ(summary(run(b.build(), "CFN001")),
              (Lines{"CFN001 warning [] diagram: about 461 CloudFormation resources approach the "
                     "limit of 500 per template"}));
    for (int i = 460; i < 500; ++i) {
        b.add("sg" + std::to_string(i), "security_group", "v");
    }
    EXPECT_EQ(summary(run(b.build(), "CFN001")),
              (Lines{"CFN001 error [] diagram: about 501 CloudFormation resources exceed the "
                     "limit of 500 per template"}));
}

}  // namespace
}  // namespace skydraft
