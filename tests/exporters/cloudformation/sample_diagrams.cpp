// Diagrams for the CloudFormation tests: every kind, generated sizes, and the examples.
#include "sample_diagrams.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "diagram_file.h"

namespace skydraft::test {

using nlohmann::json;

namespace {

Element element(std::string id, std::string kind, std::string name, std::string parent,
                json properties, Geometry geometry = {}) {
    Element e;
    e.id = std::move(id);
    e.kind = std::move(kind);
    e.name = std::move(name);
    e.parent = std::move(parent);
    e.properties = std::move(properties);
    e.geometry = geometry;
    return e;
}

Connection connection(std::string id, std::string kind, std::string name, std::string from,
                      std::string to, json properties) {
    Connection c;
    c.id = std::move(id);
    c.kind = std::move(kind);
    c.name = std::move(name);
    c.from = std::move(from);
    c.to = std::move(to);
    c.properties = std::move(properties);
    return c;
}

Diagram assembled(std::string name, std::vector<Element> elements,
                  std::vector<Connection> connections) {
    Diagram d;
    d.setName(std::move(name));
    Diagram::Problem problem;
    if (Status s = d.assign(std::move(elements), std::move(connections), &problem); !s) {
        throw std::runtime_error("sample diagram: " + s.error + " at " +
                                 std::to_string(problem.index) + " " + problem.field);
    }
    return d;
}

}  // namespace

Diagram allKindsDiagram() {
    std::vector<Element> e;
    std::vector<Connection> c;
    e.push_back(element("vpc-main", "vpc", "Main VPC", "",
                        {{"region", "eu-west-1"},
                         {"cidr", "10.0.0.0/16"},
                         {"secondary_cidrs", {"100.64.0.0/16"}},
                         {"ipv6_cidrs", {"2600:1f18:abcd:ef00::/56"}}},
                        {0, 0, 1200, 900}));
    e.back().tags = {{"team", "network"}};
    e.push_back(element("vpc-peer", "vpc", "Peer VPC", "",
                        {{"region", "eu-west-1"}, {"cidr", "10.1.0.0/16"}}, {1300, 0, 400, 400}));
    e.push_back(element("subnet-pub-a", "subnet", "Public A", "vpc-main",
                        {{"availability_zone", "eu-west-1a"},
                         {"cidr", "10.0.0.0/24"},
                         {"map_public_ip_on_launch", true},
                         {"ipv6_cidr", "2600:1f18:abcd:ef01::/64"},
                         {"assign_ipv6_on_creation", true}},
                        {20, 60, 300, 200}));
    e.push_back(element("subnet-pub-b", "subnet", "Public B", "vpc-main",
                        {{"availability_zone", "eu-west-1b"}, {"cidr", "10.0.1.0/24"}},
                        {340, 60, 300, 200}));
    e.push_back(element("subnet-app-a", "subnet", "App A", "vpc-main",
                        {{"availability_zone", "eu-west-1a"}, {"cidr", "100.64.1.0/24"}},
                        {20, 300, 300, 200}));
    e.push_back(element("subnet-app-b", "subnet", "App B", "vpc-main",
                        {{"availability_zone", "eu-west-1b"}, {"cidr", "100.64.2.0/24"}},
                        {340, 300, 300, 200}));
    e.push_back(element("subnet-peer", "subnet", "Peer subnet", "vpc-peer",
                        {{"availability_zone", "eu-west-1a"}, {"cidr", "10.1.0.0/24"}}));
    e.push_back(element("subnet-loose", "subnet", "Loose", "vpc-peer",
                        {{"availability_zone", "eu-west-1b"}, {"cidr", "10.1.1.0/24"}}));
    e.push_back(element("igw", "internet_gateway", "Internet gateway", "vpc-main", json::object(),
                        {40, -32, 64, 64}));
    e.push_back(
        element("eigw", "egress_only_internet_gateway", "Egress only", "vpc-main", json::object()));
    e.push_back(element("vgw", "virtual_private_gateway", "VPN gateway", "vpc-main",
                        {{"amazon_side_asn", 64513}}));
    e.push_back(element("nat-a", "nat_gateway", "NAT A", "subnet-pub-a", json::object()));
    e.push_back(element("nat-private", "nat_gateway", "Private NAT", "subnet-app-b",
                        {{"connectivity", "private"}, {"elastic_ip", false}}));
    e.push_back(element("rt-public", "route_table", "Public routes", "vpc-main",
                        {{"associations", {"subnet-pub-a", "subnet-pub-b"}},
                         {"routes",
                          {{{"destination", "0.0.0.0/0"}, {"target", "igw"}},
                           {{"destination", "::/0"}, {"target", "igw"}}}}}));
    e.push_back(element("rt-app", "route_table", "App routes", "vpc-main",
                        {{"associations", {"subnet-app-a", "subnet-app-b"}},
                         {"routes",
                          {{{"destination", "0.0.0.0/0"}, {"target", "nat-a"}},
                           {{"destination", "::/0"}, {"target", "eigw"}},
                           {{"destination", "10.1.0.0/16"}, {"target", "pcx"}},
                           {{"destination", "192.168.0.0/16"}, {"target", "tgw"}},
                           {{"destination", "pl-63a5400a"}, {"target", "vpce-s3"}}}},
                         {"propagating_gateways", {"vgw"}}}));
    e.push_back(element("rt-peer-main", "route_table", "Peer main", "vpc-peer",
                        {{"main", true},
                         {"associations", {"subnet-peer"}},
                         {"routes", {{{"destination", "10.0.0.0/16"}, {"target", "pcx"}}}}}));
    e.push_back(element(
        "sg-web", "security_group", "Web", "vpc-main",
        {{"description", "Web tier"},
         {"ingress",
          {{{"protocol", "tcp"},
            {"from_port", 443},
            {"to_port", 443},
            {"cidr", "0.0.0.0/0"},
            {"description", "HTTPS"}},
           {{"protocol", "tcp"}, {"from_port", 443}, {"to_port", 443}, {"ipv6_cidr", "::/0"}}}}}));
    e.push_back(element("sg-app", "security_group", "App", "vpc-main",
                        {{"description", "App tier"},
                         {"ingress",
                          {{{"protocol", "tcp"},
                            {"from_port", 8080},
                            {"to_port", 8080},
                            {"source_security_group", "sg-web"}}}},
                         {"egress",
                          {{{"protocol", "tcp"},
                            {"from_port", 5432},
                            {"to_port", 5432},
                            {"source_security_group", "sg-db"}}}}}));
    e.push_back(element("sg-db", "security_group", "Db", "vpc-main",
                        {{"description", "Database"},
                         {"ingress",
                          {{{"protocol", "tcp"},
                            {"from_port", 5432},
                            {"to_port", 5432},
                            {"source_security_group", "sg-app"}}}},
                         {"egress", json::array()}}));
    e.push_back(element("acl-app", "network_acl", "App ACL", "vpc-main",
                        {{"associations", {"subnet-app-a"}},
                         {"entries",
                          {{{"rule_number", 100},
                            {"egress", false},
                            {"protocol", "tcp"},
                            {"rule_action", "allow"},
                            {"cidr", "10.0.0.0/16"},
                            {"from_port", 8080},
                            {"to_port", 8080}},
                           {{"rule_number", 100},
                            {"egress", true},
                            {"protocol", "-1"},
                            {"rule_action", "allow"},
                            {"cidr", "0.0.0.0/0"}},
                           {{"rule_number", 200},
                            {"egress", false},
                            {"protocol", "icmp"},
                            {"rule_action", "deny"},
                            {"cidr", "0.0.0.0/0"}}}}}));
    e.push_back(
        element("acl-default", "network_acl", "Default ACL", "vpc-peer", {{"default", true}}));
    e.push_back(element("vpce-s3", "vpc_endpoint", "S3 endpoint", "vpc-main",
                        {{"endpoint_type", "gateway"},
                         {"service_name", "com.amazonaws.eu-west-1.s3"},
                         {"route_tables", {"rt-app"}}}));
    e.push_back(element("vpce-ssm", "vpc_endpoint", "SSM endpoint", "vpc-main",
                        {{"endpoint_type", "interface"},
                         {"service_name", "com.amazonaws.eu-west-1.ssm"},
                         {"subnets", {"subnet-app-a", "subnet-app-b"}},
                         {"security_groups", {"sg-app"}},
                         {"private_dns_enabled", true}}));
    e.push_back(element("web-1", "ec2_instance", "Web 1", "subnet-pub-a",
                        {{"public_ip", true},
                         {"security_groups", {"sg-web"}},
                         {"needs_internet", true},
                         {"ipv6_address", true}}));
    e.push_back(element("app-1", "ec2_instance", "App 1", "subnet-app-a",
                        {{"instance_type", "t3.large"},
                         {"private_ip", "100.64.1.10"},
                         {"security_groups", {"sg-app"}},
                         {"elastic_ip", false}}));
    e.push_back(element("bastion", "ec2_instance", "Bastion", "subnet-pub-b",
                        {{"elastic_ip", true}, {"reachable_from_internet", true}}));
    e.push_back(
        element("eip-app", "elastic_ip", "App address", "vpc-main", {{"instance", "app-1"}}));
    e.push_back(element("asg", "auto_scaling_group", "App fleet", "vpc-main",
                        {{"subnets", {"subnet-app-a", "subnet-app-b"}},
                         {"min_size", 2},
                         {"max_size", 6},
                         {"desired_capacity", 2},
                         {"security_groups", {"sg-app"}}}));
    e.push_back(element("alb", "load_balancer", "Web ALB", "vpc-main",
                        {{"lb_type", "application"},
                         {"subnets", {"subnet-pub-a", "subnet-pub-b"}},
                         {"security_groups", {"sg-web"}},
                         {"listener_port", 443},
                         {"target_port", 8080},
                         {"targets", {"app-1", "asg"}}}));
    e.push_back(element("nlb", "load_balancer", "Internal NLB", "vpc-main",
                        {{"lb_type", "network"},
                         {"scheme", "internal"},
                         {"subnets", {"subnet-app-a", "subnet-app-b"}}}));
    e.push_back(element("fn-vpc", "lambda_function", "Worker", "vpc-main",
                        {{"subnets", {"subnet-app-a", "subnet-app-b"}},
                         {"security_groups", {"sg-app"}},
                         {"needs_internet", true}}));
    e.push_back(
        element("fn-edge", "lambda_function", "Edge hook", "", {{"runtime", "nodejs20.x"}}));
    e.push_back(element("db", "rds_instance", "Orders DB", "vpc-main",
                        {{"subnets", {"subnet-app-a", "subnet-app-b"}},
                         {"security_groups", {"sg-db"}},
                         {"multi_az", true}}));
    e.push_back(
        element("cache", "elasticache_cluster", "Sessions", "vpc-main",
                {{"subnets", {"subnet-app-a", "subnet-app-b"}}, {"security_groups", {"sg-app"}}}));
    e.push_back(
        element("efs", "efs_file_system", "Shared files", "vpc-main",
                {{"subnets", {"subnet-app-a", "subnet-app-b"}}, {"security_groups", {"sg-app"}}}));
    e.push_back(
        element("table", "dynamodb_table", "Orders table", "", {{"billing_mode", "PROVISIONED"}}));
    e.push_back(element("bucket", "s3_bucket", "Assets", "",
                        {{"bucket_name", "skydraft-assets-example"}, {"versioning", true}}));
    e.push_back(element("cgw", "customer_gateway", "Data centre", "",
                        {{"ip_address", "198.51.100.20"},
                         {"bgp_asn", 65010},
                         {"on_premises_cidrs", {"192.168.0.0/16"}}}));
    e.push_back(element("dxgw", "direct_connect_gateway", "DX gateway", "", json::object()));
    e.push_back(element("tgw", "transit_gateway", "Core TGW", "",
                        {{"region", "eu-west-1"}, {"default_route_table_association", false}},
                        {0, 1000, 600, 200}));
    e.push_back(element("tgw-west", "transit_gateway", "West TGW", "", {{"region", "us-west-2"}}));
    e.push_back(element("tgw-rt", "transit_gateway_route_table", "Core routes", "tgw",
                        {{"associations", {"att-main", "vpn-tgw"}},
                         {"propagations", {"att-main"}},
                         {"routes",
                          {{{"destination", "10.99.0.0/16"}, {"target", ""}},
                           {{"destination", "10.0.0.0/8"}, {"target", "att-main"}}}}}));
    e.push_back(element(
        "other", "generic", "Topic", "",
        {{"type", "AWS::SNS::Topic"}, {"cfn", {{"Properties", {{"DisplayName", "Alerts"}}}}}}));
    c.push_back(
        connection("pcx", "vpc_peering", "Main to peer", "vpc-main", "vpc-peer", json::object()));
    c.push_back(connection("att-main", "transit_gateway_attachment", "Main attachment", "vpc-main",
                           "tgw", {{"subnets", {"subnet-app-a", "subnet-app-b"}}}));
    c.push_back(connection("tgw-peering", "transit_gateway_peering", "West peering", "tgw",
                           "tgw-west", json::object()));
    c.push_back(connection("vpn-vgw", "vpn_attachment", "VPN to VGW", "cgw", "vgw",
                           {{"static_routes", {"192.168.0.0/16", "172.16.0.0/12"}}}));
    c.push_back(connection("vpn-tgw", "vpn_attachment", "VPN to TGW", "cgw", "tgw",
                           {{"static_routes_only", false}}));
    c.push_back(
        connection("uses-1", "uses", "reads", "fn-vpc", "bucket", {{"description", "assets"}}));
    Diagram d = assembled("Every kind", std::move(e), std::move(c));
    d.setMetadata({{"author", "tests"}});
    return d;
}

Diagram generatedDiagram(int vpcs, int zones, int instancesPerSubnet) {
    std::vector<Element> e;
    std::vector<Connection> c;
    e.push_back(element("tgw", "transit_gateway", "Hub", "", {{"region", "us-east-1"}}));
    for (int v = 0; v < vpcs; ++v) {
        const std::string vpc = "vpc-" + std::to_string(v);
        const std::string octet = std::to_string(v % 250);
        const std::string second = std::to_string(v / 250);
        const std::string base = std::to_string(10 + v / 250 % 10) + "." + octet;
        e.push_back(element(vpc, "vpc", "Vpc " + std::to_string(v), "",
                            {{"cidr", base + ".0.0/16"}}, {v * 1000.0, 0, 900, 800}));
        e.push_back(element(vpc + "-igw", "internet_gateway", "Igw " + std::to_string(v), vpc,
                            json::object()));
        e.push_back(element(vpc + "-sg", "security_group", "Sg " + std::to_string(v), vpc,
                            {{"ingress",
                              {{{"protocol", "tcp"},
                                {"from_port", 22},
                                {"to_port", 22},
                                {"cidr", "10.0.0.0/8"}}}}}));
        json publicSubnets = json::array();
        json privateSubnets = json::array();
        json privateRoutes = json::array();
        for (int z = 0; z < zones; ++z) {
            const std::string zone = std::string("us-east-1") + static_cast<char>('a' + z % 6);
            const std::string pub = vpc + "-pub-" + std::to_string(z);
            const std::string priv = vpc + "-priv-" + std::to_string(z);
            e.push_back(element(pub, "subnet",
                                "Public " + std::to_string(v) + "-" + std::to_string(z), vpc,
                                {{"availability_zone", zone},
                                 {"cidr", base + "." + std::to_string(z) + ".0/24"},
                                 {"map_public_ip_on_launch", true}}));
            e.push_back(element(priv, "subnet",
                                "Private " + std::to_string(v) + "-" + std::to_string(z), vpc,
                                {{"availability_zone", zone},
                                 {"cidr", base + "." + std::to_string(100 + z) + ".0/24"}}));
            e.push_back(element(pub + "-nat", "nat_gateway",
                                "Nat " + std::to_string(v) + "-" + std::to_string(z), pub,
                                json::object()));
            e.push_back(element(priv + "-rt", "route_table",
                                "Private rt " + std::to_string(v) + "-" + std::to_string(z), vpc,
                                {{"associations", {priv}},
                                 {"routes",
                                  {{{"destination", "0.0.0.0/0"}, {"target", pub + "-nat"}},
                                   {{"destination", "172.16.0.0/12"}, {"target", "tgw"}}}}}));
            for (int i = 0; i < instancesPerSubnet; ++i) {
                e.push_back(element(
                    priv + "-i" + std::to_string(i), "ec2_instance",
                    "App " + std::to_string(v) + "-" + std::to_string(z) + "-" + std::to_string(i),
                    priv, {{"security_groups", {vpc + "-sg"}}}));
            }
            publicSubnets.push_back(pub);
            privateSubnets.push_back(priv);
        }
        e.push_back(
            element(vpc + "-rt-pub", "route_table", "Public rt " + std::to_string(v), vpc,
                    {{"associations", publicSubnets},
                     {"routes", {{{"destination", "0.0.0.0/0"}, {"target", vpc + "-igw"}}}}}));
        c.push_back(connection(vpc + "-att", "transit_gateway_attachment",
                               "Attachment " + std::to_string(v), vpc, "tgw",
                               {{"subnets", privateSubnets}}));
        if (v > 0) {
            c.push_back(connection(vpc + "-pcx", "vpc_peering", "Peering " + std::to_string(v),
                                   "vpc-" + std::to_string(v - 1), vpc, json::object()));
        }
        (void)second;
    }
    return assembled("Generated", std::move(e), std::move(c));
}

std::string readSourceFile(const std::string& relativePath) {
    std::ifstream in(std::string(SKYDRAFT_SOURCE_DIR) + "/" + relativePath, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + relativePath);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::vector<std::pair<std::string, Diagram>> exampleDiagrams() {
    std::vector<std::pair<std::string, Diagram>> result;
    std::vector<std::filesystem::path> files;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(SKYDRAFT_SOURCE_DIR) + "/examples")) {
        if (entry.path().extension() == ".skydraft")
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        LoadResult loaded = loadDiagram(readSourceFile("examples/" + f.filename().string()));
        if (!loaded)
            throw std::runtime_error(f.string() + ": " + loaded.error->toString());
        result.emplace_back(f.filename().string(), std::move(*loaded.diagram));
    }
    return result;
}

}  // namespace skydraft::test
