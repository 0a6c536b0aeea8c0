// Diagrams built in code for the Graphviz exporter tests.
#include "sample_diagrams.h"

#include <gtest/gtest.h>

namespace skydraft::testing {

using nlohmann::json;

Element element(std::string id, std::string kind, std::string parent, json properties,
                std::string name) {
    Element e;
    e.name = name.empty() ? id : std::move(name);
    e.id = std::move(id);
    e.kind = std::move(kind);
    e.parent = std::move(parent);
    e.properties = std::move(properties);
    return e;
}

Diagram webAppDiagram() {
    std::vector<Element> elements = {
        element("vpc-web", "vpc", "", {{"region", "eu-west-1"}, {"cidr", "10.0.0.0/16"}},
                "web-prod"),
        element("igw", "internet_gateway", "vpc-web", {}, "web-igw"),
        element("public-a", "subnet", "vpc-web",
                {{"availability_zone", "eu-west-1a"}, {"cidr", "10.0.0.0/24"}}),
        element("public-b", "subnet", "vpc-web",
                {{"availability_zone", "eu-west-1b"}, {"cidr", "10.0.1.0/24"}}),
        element("app-a", "subnet", "vpc-web",
                {{"availability_zone", "eu-west-1a"}, {"cidr", "10.0.10.0/24"}}),
        element("app-b", "subnet", "vpc-web",
                {{"availability_zone", "eu-west-1b"}, {"cidr", "10.0.11.0/24"}}),
        element("db-a", "subnet", "vpc-web",
                {{"availability_zone", "eu-west-1a"}, {"cidr", "10.0.20.0/24"}}),
        element("db-b", "subnet", "vpc-web",
                {{"availability_zone", "eu-west-1b"}, {"cidr", "10.0.21.0/24"}}),
        element("nat-a", "nat_gateway", "public-a", {}, "nat-a"),
        element("web-1", "ec2_instance", "app-a", {{"private_ip", "10.0.10.10"}}),
        element("web-2", "ec2_instance", "app-b", {{"private_ip", "10.0.11.10"}}),
        element("alb", "load_balancer", "vpc-web",
                {{"subnets", {"public-a", "public-b"}}, {"targets", {"web-1", "web-2"}}},
                "web-alb"),
        element("db", "rds_instance", "vpc-web",
                {{"subnets", {"db-a", "db-b"}}, {"multi_az", true}}, "orders-db"),
        element("rt-public", "route_table", "vpc-web",
                {{"associations", {"public-a", "public-b"}},
                 {"routes", {{{"destination", "0.0.0.0/0"}, {"target", "igw"}}}}},
                "public-rt"),
        element("rt-app", "route_table", "vpc-web",
                {{"main", true},
                 {"routes", {{{"destination", "0.0.0.0/0"}, {"target", "nat-a"}}}}},
                "app-rt"),
        element("rt-db", "route_table", "vpc-web", {{"associations", {"db-a", "db-b"}}},
                "db-rt"),
        element("sg-web", "security_group", "vpc-web", {}, "web-sg"),
        element("sg-db", "security_group", "vpc-web", {}, "db-sg"),
        element("assets", "s3_bucket", "", {}, "web-assets"),
    };
    std::vector<Connection> connections = {
        {"uses-1", "uses", "static files", "web-1", "assets", {}, {}},
    };
    Diagram d;
    d.setName("Web shop");
    const Status status = d.assign(std::move(elements), std::move(connections));
    EXPECT_TRUE(status) << status.error;
    return d;
}

Diagram hubDiagram() {
    std::vector<Element> elements = {
        element("tgw", "transit_gateway", "", {{"region", "us-east-1"}}, "core-tgw"),
        element("tgw-rt", "transit_gateway_route_table", "tgw", {}, "spokes-rt"),
        element("vpc-a", "vpc", "", {{"region", "us-east-1"}, {"cidr", "10.1.0.0/16"}},
                "spoke-a"),
        element("a-1", "subnet", "vpc-a",
                {{"availability_zone", "us-east-1a"}, {"cidr", "10.1.0.0/24"}}),
        element("vpc-b", "vpc", "", {{"region", "us-west-2"}, {"cidr", "10.2.0.0/16"}},
                "spoke-b"),
        element("b-1", "subnet", "vpc-b",
                {{"availability_zone", "us-west-2a"}, {"cidr", "10.2.0.0/24"}}),
        element("b-app", "ec2_instance", "b-1", {}, "app"),
        element("cgw", "customer_gateway", "", {{"ip_address", "198.51.100.7"}}, "office"),
    };
    std::vector<Connection> connections = {
        {"att-a", "transit_gateway_attachment", "", "vpc-a", "tgw", {{"subnets", {"a-1"}}}, {}},
        {"vpn", "vpn_attachment", "office vpn", "cgw", "tgw", {}, {}},
        {"pcx", "vpc_peering", "a-b", "vpc-a", "vpc-b", {}, {}},
    };
    Diagram d;
    d.setName("Hub");
    const Status status = d.assign(std::move(elements), std::move(connections));
    EXPECT_TRUE(status) << status.error;
    return d;
}

}  // namespace skydraft::testing
