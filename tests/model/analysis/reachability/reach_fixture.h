// Test support for reachability: a small three-tier VPC, and one-line queries.
#pragma once

#include <gtest/gtest.h>

#include "analysis/reachability/reachability.h"
#include "diagram_builder.h"
#include "validation/fix_apply.h"

namespace skydraft::testing {

using reach::Code;
using reach::Direction;
using reach::Flow;
using reach::Protocol;

/// VPC "app" 10.0.0.0/16 in us-east-1 with internet gateway "igw"; public subnet "pub"
/// (10.0.0.0/24, routes to igw) holding instance "web" (public IP, sg-web: tcp 443 from
/// anywhere) and NAT gateway "nat"; private subnet "priv" (10.0.10.0/24, 0.0.0.0/0 -> nat)
/// holding instance "app" (sg-app: tcp 8080 from sg-web); database subnet "data"
/// (10.0.20.0/24, local routes only) with database "db" (sg-db: tcp 5432 from sg-app).
inline DiagramBuilder threeTier() {
    DiagramBuilder b;
    b.vpc("app", "10.0.0.0/16")
        .add("igw", "internet_gateway", "app")
        .subnet("pub", "app", "10.0.0.0/24")
        .subnet("priv", "app", "10.0.10.0/24")
        .subnet("data", "app", "10.0.20.0/24")
        .add("nat", "nat_gateway", "pub")
        .table("rt-pub", "app", {"pub"}, {{"0.0.0.0/0", "igw"}})
        .table("rt-priv", "app", {"priv"}, {{"0.0.0.0/0", "nat"}})
        .table("rt-data", "app", {"data"}, {}, true)
        .add("sg-web", "security_group", "app",
             {{"ingress", json::array({{{"protocol", "tcp"},
                                        {"from_port", 443},
                                        {"to_port", 443},
                                        {"cidr", "0.0.0.0/0"}}})}})
        .add("sg-app", "security_group", "app",
             {{"ingress", json::array({{{"protocol", "tcp"},
                                        {"from_port", 8080},
                                        {"to_port", 8080},
                                        {"source_security_group", "sg-web"}}})}})
        .add("sg-db", "security_group", "app",
             {{"ingress", json::array({{{"protocol", "tcp"},
                                        {"from_port", 5432},
                                        {"to_port", 5432},
                                        {"source_security_group", "sg-app"}}})}})
        .add("web", "ec2_instance", "pub", {{"public_ip", true}, {"security_groups", {"sg-web"}}})
        .add("app-1", "ec2_instance", "priv", {{"security_groups", {"sg-app"}}})
        .add("db", "rds_instance", "app", {{"subnets", {"data"}}, {"security_groups", {"sg-db"}}});
    return b;
}

/// Adds security group id to vpc admitting everything from 10.0.0.0/8 and 192.168.0.0/16 (the
/// private ranges the tests use), for instances whose groups are not what a test is about.
inline DiagramBuilder& openGroup(DiagramBuilder& b, const std::string& id, const std::string& vpc) {
    return b.add(id, "security_group", vpc,
                 {{"ingress", json::array({{{"protocol", "-1"}, {"cidr", "10.0.0.0/8"}},
                                           {{"protocol", "-1"}, {"cidr", "192.168.0.0/16"}}})}});
}

/// Resolves two endpoints by name and answers the query; fails the test when one does not
/// resolve or has no place.
inline reach::ReachResult ask(const Diagram& d, const std::string& from, const std::string& to,
                              Flow flow) {
    const reach::Reachability r(d);
    const auto a = reach::resolveEndpoint(r.index(), from);
    const auto b = reach::resolveEndpoint(r.index(), to);
    if (!a.endpoint || !b.endpoint) {
        ADD_FAILURE() << "unresolved: " << a.error << b.error;
        return {};
    }
    std::string error;
    auto result = r.query(*a.endpoint, *b.endpoint, flow, &error);
    if (!result) {
        ADD_FAILURE() << "no answer: " << error;
        return {};
    }
    return *result;
}

inline Flow tcp(int port) {
    return Flow{Protocol::Tcp, port};
}

/// "CODE direction component: message" lines of the explanations.
inline std::vector<std::string> blockers(const reach::ReachResult& r) {
    std::vector<std::string> out;
    for (const auto& x : r.explanations) {
        out.push_back(std::string(reach::codeKey(x.code)) + " " +
                      std::string(reach::directionKey(x.direction)) + " " + x.component + ": " +
                      x.message);
    }
    return out;
}

/// The fix texts of the explanations.
inline std::vector<std::string> fixTexts(const reach::ReachResult& r) {
    std::vector<std::string> out;
    for (const auto& x : r.explanations) {
        out.push_back(x.fixText);
    }
    return out;
}

/// The components of the path, in order.
inline std::vector<std::string> pathOf(const reach::ReachResult& r) {
    std::vector<std::string> out;
    for (const auto& h : r.path) {
        out.push_back(h.component);
    }
    return out;
}

/// Applies every mechanical fix of the result to d (in order); fails on a refused fix.
inline void applyFixes(Diagram& d, const reach::ReachResult& r) {
    for (const auto& x : r.explanations) {
        if (x.fix) {
            const Status s = applyFix(d, *x.fix);
            EXPECT_TRUE(s.ok()) << s.error;
        }
    }
}

/// Sets one property of an element of d.
inline void set(Diagram& d, const std::string& id, const std::string& key, json value) {
    const Status s = d.setProperty(id, key, std::move(value));
    if (!s) {
        throw std::invalid_argument(s.error);
    }
}

}  // namespace skydraft::testing
