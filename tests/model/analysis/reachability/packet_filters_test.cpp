// Reachability through security groups and network ACLs: each code on a case built for it,
// the close case that passes, exact explanations, and fixes that make the path work.
#include "reach_fixture.h"

namespace skydraft {
namespace {

using namespace skydraft::testing;

/// An ACL on "data" admitting tcp 5432 from priv and its answer on the ephemeral ports.
void guardData(Diagram& d, std::vector<json> inbound, std::vector<json> outbound) {
    Element acl;
    acl.id = "acl-data";
    acl.name = "data-acl";
    acl.kind = "network_acl";
    acl.parent = "app";
    json entries = json::array();
    for (json& e : inbound) {
        e["egress"] = false;
        entries.push_back(e);
    }
    for (json& e : outbound) {
        e["egress"] = true;
        entries.push_back(e);
    }
    acl.properties = {{"associations", {"data"}}, {"entries", entries}};
    ASSERT_TRUE(d.addElement(acl).ok());
}

json entry(int number, const std::string& protocol, const std::string& cidr, int from, int to,
           const std::string& action = "allow") {
    return {{"rule_number", number}, {"protocol", protocol}, {"cidr", cidr},
            {"from_port", from},     {"to_port", to},        {"rule_action", action}};
}

TEST(ReachFilters, SecurityGroupReferenceAdmitsTheAppTier) {
    const Diagram d = threeTier().build();
    const auto r = ask(d, "app-1", "db", tcp(5432));
    EXPECT_TRUE(r.reachable) << ::testing::PrintToString(blockers(r));
    EXPECT_EQ(pathOf(r), (Lines{"app-1", "rt-priv", "db"}));
}

TEST(ReachFilters, SecurityGroupIngressNamesTheGroupAndTheRuleToAdd) {
    Diagram d = threeTier().build();
    const auto r = ask(d, "web", "db", tcp(5432));
    EXPECT_FALSE(r.reachable);
    EXPECT_EQ(blockers(r),
              (Lines{"SECURITY_GROUP_INGRESS inbound sg-db: security group \"sg-db\" of database "
                     "\"db\" admits no inbound tcp 5432 from instance \"web\" (10.0.0.0/24)"}));
    EXPECT_EQ(fixTexts(r), (Lines{"add an inbound rule to security group \"sg-db\" for tcp 5432 "
                                  "from security group \"sg-web\""}));
    applyFixes(d, r);
    EXPECT_TRUE(ask(d, "web", "db", tcp(5432)).reachable);
    // The other port stays closed.
    EXPECT_FALSE(ask(d, "web", "db", tcp(5433)).reachable);
}

TEST(ReachFilters, SecurityGroupEgressIsCheckedAtTheSource) {
    Diagram d = threeTier().build();
    set(d, "sg-app", "egress",
        json::array(
            {{{"protocol", "tcp"}, {"from_port", 443}, {"to_port", 443}, {"cidr", "0.0.0.0/0"}}}));
    const auto r = ask(d, "app-1", "db", tcp(5432));
    EXPECT_EQ(blockers(r),
              (Lines{"SECURITY_GROUP_EGRESS outbound sg-app: security group \"sg-app\" of "
                     "instance \"app-1\" allows no outbound tcp 5432 to database \"db\" "
                     "(10.0.20.0/24)"}));
    EXPECT_EQ(fixTexts(r), (Lines{"add an outbound rule to security group \"sg-app\" for tcp 5432 "
                                  "to security group \"sg-db\""}));
    applyFixes(d, r);
    EXPECT_TRUE(ask(d, "app-1", "db", tcp(5432)).reachable);
}

TEST(ReachFilters, DefaultSecurityGroupAdmitsOnlyItsMembers) {
    Diagram d = threeTier().build();
    set(d, "db", "security_groups", json::array());
    const auto r = ask(d, "app-1", "db", tcp(5432));
    ASSERT_EQ(r.explanations.size(), 1u);
    EXPECT_EQ(r.explanations[0].code, Code::SecurityGroupIngress);
    EXPECT_EQ(r.explanations[0].component, "db");
    EXPECT_FALSE(r.explanations[0].fix);
    EXPECT_NE(r.explanations[0].message.find("admits only its own members"), std::string::npos);
}

TEST(ReachFilters, AclThatAdmitsTheFlowAndItsAnswerPasses) {
    Diagram d = threeTier().build();
    guardData(d, {entry(100, "tcp", "10.0.10.0/24", 5432, 5432)},
              {entry(100, "tcp", "10.0.10.0/24", 1024, 65535)});
    EXPECT_TRUE(ask(d, "app-1", "db", tcp(5432)).reachable);
}

TEST(ReachFilters, AclForgettingTheReturnPortsBlocksTheAnswer) {
    Diagram d = threeTier().build();
    guardData(d, {entry(100, "tcp", "10.0.10.0/24", 5432, 5432)},
              {entry(100, "tcp", "10.0.10.0/24", 5432, 5432)});
    const auto r = ask(d, "app-1", "db", tcp(5432));
    EXPECT_EQ(blockers(r),
              (Lines{"NACL_RETURN return acl-data: network ACL \"data-acl\" of subnet \"data\" "
                     "denies the return traffic (tcp 1024-65535) outbound to 10.0.10.0/24 (no "
                     "rule allows it)"}));
    EXPECT_EQ(fixTexts(r), (Lines{"add outbound rule 110 allowing tcp 1024-65535 to 10.0.10.0/24 "
                                  "to network ACL \"data-acl\""}));
    applyFixes(d, r);
    EXPECT_TRUE(ask(d, "app-1", "db", tcp(5432)).reachable);
}

TEST(ReachFilters, AclDenyRuleBlocksInboundAndTheFixGoesBeforeIt) {
    Diagram d = threeTier().build();
    guardData(d,
              {entry(100, "tcp", "10.0.10.0/24", 5432, 5432, "deny"),
               entry(200, "-1", "0.0.0.0/0", 0, 65535)},
              {entry(100, "-1", "0.0.0.0/0", 0, 65535)});
    const auto r = ask(d, "app-1", "db", tcp(5432));
    EXPECT_EQ(blockers(r),
              (Lines{"NACL_INBOUND inbound acl-data: network ACL \"data-acl\" of subnet \"data\" "
                     "denies inbound tcp 5432 from 10.0.10.0/24 (rule 100)"}));
    EXPECT_EQ(fixTexts(r), (Lines{"add inbound rule 99 allowing tcp 5432 from 10.0.10.0/24 to "
                                  "network ACL \"data-acl\""}));
    applyFixes(d, r);
    EXPECT_TRUE(ask(d, "app-1", "db", tcp(5432)).reachable);
}

TEST(ReachFilters, SourceAclOutboundAndEveryBlockerOnThePathAreListed) {
    Diagram d = threeTier().build();
    Element acl;
    acl.id = "acl-priv";
    acl.name = "priv-acl";
    acl.kind = "network_acl";
    acl.parent = "app";
    acl.properties = {{"associations", {"priv"}},
                      {"entries", json::array({{{"rule_number", 100},
                                                {"egress", false},
                                                {"protocol", "-1"},
                                                {"cidr", "0.0.0.0/0"},
                                                {"rule_action", "allow"}}})}};
    ASSERT_TRUE(d.addElement(acl).ok());
    set(d, "sg-db", "ingress", json::array());
    const auto r = ask(d, "app-1", "db", tcp(5432));
    EXPECT_EQ(blockers(r),
              (Lines{"NACL_OUTBOUND outbound acl-priv: network ACL \"priv-acl\" of subnet \"priv\" "
                     "denies outbound tcp 5432 to 10.0.20.0/24 (no rule allows it)",
                     "SECURITY_GROUP_INGRESS inbound sg-db: security group \"sg-db\" of database "
                     "\"db\" admits no inbound tcp 5432 from instance \"app-1\" (10.0.10.0/24)"}));
    applyFixes(d, r);
    EXPECT_TRUE(ask(d, "app-1", "db", tcp(5432)).reachable);
}

TEST(ReachFilters, SameSubnetSkipsTheAcl) {
    Diagram d = threeTier().build();
    guardData(d, {}, {});
    set(d, "sg-db", "ingress", json::array({{{"protocol", "-1"}, {"cidr", "10.0.20.0/24"}}}));
    Element peer;
    peer.id = "batch";
    peer.kind = "ec2_instance";
    peer.parent = "data";
    peer.properties = {{"security_groups", {"sg-db"}}};
    ASSERT_TRUE(d.addElement(peer).ok());
    EXPECT_TRUE(ask(d, "batch", "db", tcp(5432)).reachable);
    EXPECT_FALSE(ask(d, "app-1", "db", tcp(5432)).reachable);
}

TEST(ReachFilters, IcmpAndAnyProtocolMatchTheirRules) {
    Diagram d = threeTier().build();
    set(d, "sg-db", "ingress",
        json::array(
            {{{"protocol", "icmp"}, {"from_port", -1}, {"to_port", -1}, {"cidr", "10.0.0.0/16"}}}));
    EXPECT_TRUE(ask(d, "app-1", "db", Flow{Protocol::Icmp, -1}).reachable);
    EXPECT_TRUE(ask(d, "app-1", "db", Flow{Protocol::Any, -1}).reachable);
    EXPECT_FALSE(ask(d, "app-1", "db", tcp(5432)).reachable);
    EXPECT_FALSE(ask(d, "app-1", "db", Flow{Protocol::Udp, 53}).reachable);
}

}  // namespace
}  // namespace skydraft
