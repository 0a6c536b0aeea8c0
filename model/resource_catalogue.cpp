// The resource catalogue's entries: every element and connection kind Skydraft knows.
#include "resource_catalogue.h"

#include <algorithm>
#include <unordered_map>

namespace skydraft {

using nlohmann::json;

namespace {

PropertyDef prop(std::string key, PropertyType type, std::string label, json defaultValue = nullptr,
                 bool required = false, std::string description = {}) {
    PropertyDef def;
    def.key = std::move(key);
    def.type = type;
    def.label = std::move(label);
    def.defaultValue = std::move(defaultValue);
    def.required = required;
    def.description = std::move(description);
    return def;
}

PropertyDef enumProp(std::string key, std::string label, std::vector<std::string> values,
                     std::string description = {}) {
    PropertyDef def = prop(std::move(key), PropertyType::Enum, std::move(label), values.front(),
                           true, std::move(description));
    def.enumValues = std::move(values);
    return def;
}

PropertyDef refProp(std::string key, PropertyType type, std::string label,
                    std::vector<std::string> kinds, std::string description = {}) {
    PropertyDef def = prop(std::move(key), type, std::move(label),
                           type == PropertyType::ReferenceList ? json::array() : json(""), false,
                           std::move(description));
    def.referenceKinds = std::move(kinds);
    return def;
}

PropertyDef subnetsProp(std::string description) {
    return refProp("subnets", PropertyType::ReferenceList, "Subnets", {"subnet"},
                   std::move(description));
}

PropertyDef securityGroupsProp() {
    return refProp("security_groups", PropertyType::ReferenceList, "Security groups",
                   {"security_group"}, "Security groups attached to the resource's interfaces.");
}

PropertyDef needsInternetProp() {
    return prop("needs_internet", PropertyType::Bool, "Needs internet access", false, false,
                "The resource initiates connections to the internet (needs an internet or NAT route).");
}

KindDef kind(std::string key, std::string cfnType, std::string displayName, Category category,
             std::vector<std::string> containers, std::vector<PropertyDef> properties,
             std::string description, bool isContainer = false) {
    KindDef def;
    def.icon = key;
    def.key = std::move(key);
    def.cfnType = std::move(cfnType);
    def.displayName = std::move(displayName);
    def.category = category;
    def.isContainer = isContainer;
    def.containers = std::move(containers);
    def.properties = std::move(properties);
    def.description = std::move(description);
    return def;
}

std::vector<KindDef> makeKinds() {
    using T = PropertyType;
    const auto net = Category::Networking;
    std::vector<KindDef> kinds;

    kinds.push_back(kind(
        "vpc", "AWS::EC2::VPC", "VPC", net, {""},
        {prop("region", T::Region, "Region", "us-east-1", true),
         prop("cidr", T::Ipv4Cidr, "IPv4 CIDR", "10.0.0.0/16", true, "The primary IPv4 block."),
         prop("secondary_cidrs", T::CidrList, "Secondary IPv4 CIDRs", json::array()),
         prop("ipv6_cidrs", T::CidrList, "IPv6 CIDRs", json::array(),
              false, "Amazon-provided /56 blocks."),
         prop("enable_dns_support", T::Bool, "DNS support", true),
         prop("enable_dns_hostnames", T::Bool, "DNS hostnames", true),
         enumProp("instance_tenancy", "Tenancy", {"default", "dedicated"})},
        "An isolated virtual network in one region.", true));

    kinds.push_back(kind(
        "subnet", "AWS::EC2::Subnet", "Subnet", net, {"vpc"},
        {prop("availability_zone", T::Zone, "Availability zone", "", true),
         prop("cidr", T::Ipv4Cidr, "IPv4 CIDR", "", false,
              "Required unless the subnet is IPv6-only."),
         prop("ipv6_cidr", T::Ipv6Cidr, "IPv6 CIDR", ""),
         prop("ipv6_only", T::Bool, "IPv6 only", false),
         prop("assign_ipv6_on_creation", T::Bool, "Assign IPv6 on creation", false),
         prop("map_public_ip_on_launch", T::Bool, "Auto-assign public IPv4", false)},
        "A range of the VPC's addresses in one availability zone.", true));

    kinds.push_back(kind(
        "route_table", "AWS::EC2::RouteTable", "Route table", net, {"vpc"},
        {prop("main", T::Bool, "Main route table", false, false,
              "Used by every subnet without an explicit association."),
         refProp("associations", T::ReferenceList, "Associated subnets", {"subnet"}),
         prop("routes", T::RouteList, "Routes", json::array(), false,
              "Destination CIDR -> target element or connection; the local routes are implicit."),
         refProp("propagating_gateways", T::ReferenceList, "Route propagation",
                 {"virtual_private_gateway"})},
        "Routes for the subnets associated with it."));

    kinds.push_back(kind("internet_gateway", "AWS::EC2::InternetGateway", "Internet gateway", net,
                         {"", "vpc"}, {},
                         "Connects a VPC to the internet; attached to the VPC that contains it."));
    kinds.push_back(kind("egress_only_internet_gateway", "AWS::EC2::EgressOnlyInternetGateway",
                         "Egress-only internet gateway", net, {"vpc"}, {},
                         "Outbound-only IPv6 internet access for a VPC."));

    kinds.push_back(kind(
        "nat_gateway", "AWS::EC2::NatGateway", "NAT gateway", net, {"subnet", "vpc"},
        {enumProp("connectivity", "Connectivity", {"public", "private"}),
         enumProp("availability_mode", "Availability", {"zonal", "regional"},
                  "A zonal gateway sits in a subnet; a regional one in the VPC."),
         prop("elastic_ip", T::Bool, "Elastic IP", true, false,
              "A public NAT gateway needs one; a private one has none."),
         prop("private_ip", T::IpAddress, "Private IP", "")},
        "Lets private subnets reach out without being reachable."));

    kinds.push_back(kind(
        "virtual_private_gateway", "AWS::EC2::VPNGateway", "Virtual private gateway", net,
        {"", "vpc"},
        {prop("amazon_side_asn", T::Integer, "Amazon side ASN", 64512),
         refProp("direct_connect_gateway", T::Reference, "Direct Connect gateway",
                 {"direct_connect_gateway"})},
        "The VPN end on the AWS side; attached to the VPC that contains it."));

    kinds.push_back(kind(
        "customer_gateway", "AWS::EC2::CustomerGateway", "Customer gateway", net, {""},
        {prop("ip_address", T::IpAddress, "Public IP", "203.0.113.10", true),
         prop("bgp_asn", T::Integer, "BGP ASN", 65000),
         prop("on_premises_cidrs", T::CidrList, "On-premises CIDRs", json::array())},
        "The on-premises end of a VPN connection."));

    kinds.push_back(kind("direct_connect_gateway", "AWS::DirectConnect::DirectConnectGateway",
                         "Direct Connect gateway", net, {""},
                         {prop("amazon_side_asn", T::Integer, "Amazon side ASN", 64512)},
                         "Joins virtual private gateways of many VPCs to Direct Connect."));

    kinds.push_back(kind(
        "transit_gateway", "AWS::EC2::TransitGateway", "Transit gateway", net, {""},
        {prop("region", T::Region, "Region", "us-east-1", true),
         prop("amazon_side_asn", T::Integer, "Amazon side ASN", 64512),
         prop("default_route_table_association", T::Bool, "Default association", true),
         prop("default_route_table_propagation", T::Bool, "Default propagation", true)},
        "A regional hub that routes between attached VPCs and VPNs.", true));

    kinds.push_back(kind(
        "transit_gateway_route_table", "AWS::EC2::TransitGatewayRouteTable",
        "Transit gateway route table", net, {"transit_gateway"},
        {refProp("associations", T::ReferenceList, "Associated attachments",
                 {"transit_gateway_attachment", "vpn_attachment", "transit_gateway_peering"}),
         refProp("propagations", T::ReferenceList, "Propagating attachments",
                 {"transit_gateway_attachment", "vpn_attachment"}),
         prop("routes", T::RouteList, "Static routes", json::array())},
        "Routes of a transit gateway for the attachments associated with it."));

    PropertyDef endpointType = enumProp("endpoint_type", "Endpoint type",
                                        {"gateway", "interface", "gateway_load_balancer"});
    kinds.push_back(kind(
        "vpc_endpoint", "AWS::EC2::VPCEndpoint", "VPC endpoint", net, {"vpc"},
        {endpointType,
         prop("service_name", T::String, "Service", "com.amazonaws.us-east-1.s3", true),
         subnetsProp("Interface and Gateway Load Balancer endpoints: their subnets."),
         refProp("route_tables", T::ReferenceList, "Route tables", {"route_table"},
                 "Gateway endpoints: the route tables that get the prefix-list route."),
         securityGroupsProp(),
         prop("private_dns_enabled", T::Bool, "Private DNS", false)},
        "Private access to an AWS service without the internet."));

    kinds.push_back(kind(
        "security_group", "AWS::EC2::SecurityGroup", "Security group", net, {"vpc"},
        {prop("description", T::String, "Description", "Managed by Skydraft"),
         prop("ingress", T::RuleList, "Inbound rules", json::array()),
         prop("egress", T::RuleList, "Outbound rules",
              json::array({{{"protocol", "-1"}, {"cidr", "0.0.0.0/0"}}}))},
        "A stateful firewall attached to network interfaces."));

    kinds.push_back(kind(
        "network_acl", "AWS::EC2::NetworkAcl", "Network ACL", net, {"vpc"},
        {prop("default", T::Bool, "Default ACL", false),
         refProp("associations", T::ReferenceList, "Associated subnets", {"subnet"}),
         prop("entries", T::AclEntryList, "Entries", json::array())},
        "A stateless, numbered rule list for the subnets associated with it."));

    kinds.push_back(kind(
        "elastic_ip", "AWS::EC2::EIP", "Elastic IP", net, {"", "vpc"},
        {refProp("instance", T::Reference, "Instance", {"ec2_instance"})},
        "A static public IPv4 address."));

    const auto compute = Category::Compute;
    kinds.push_back(kind(
        "ec2_instance", "AWS::EC2::Instance", "EC2 instance", compute, {"subnet"},
        {prop("instance_type", T::String, "Instance type", "t3.micro", true),
         prop("private_ip", T::IpAddress, "Private IP", ""),
         prop("public_ip", T::Bool, "Public IPv4", false),
         prop("elastic_ip", T::Bool, "Elastic IP", false),
         prop("ipv6_address", T::Bool, "IPv6 address", false), securityGroupsProp(),
         needsInternetProp(),
         prop("reachable_from_internet", T::Bool, "Reachable from the internet", false)},
        "A virtual server."));

    kinds.push_back(kind(
        "auto_scaling_group", "AWS::AutoScaling::AutoScalingGroup", "Auto Scaling group", compute,
        {"vpc"},
        {prop("instance_type", T::String, "Instance type", "t3.micro", true),
         prop("min_size", T::Integer, "Minimum", 1), prop("max_size", T::Integer, "Maximum", 2),
         prop("desired_capacity", T::Integer, "Desired", 1),
         subnetsProp("The subnets instances are launched in."), securityGroupsProp(),
         needsInternetProp()},
        "A fleet of instances spread over subnets."));

    kinds.push_back(kind(
        "load_balancer", "AWS::ElasticLoadBalancingV2::LoadBalancer", "Load balancer", net,
        {"vpc"},
        {enumProp("lb_type", "Type", {"application", "network", "gateway"}),
         enumProp("scheme", "Scheme", {"internet-facing", "internal"}),
         subnetsProp("One subnet per availability zone."), securityGroupsProp(),
         prop("listener_port", T::Integer, "Listener port", 80),
         prop("target_port", T::Integer, "Target port", 80),
         refProp("targets", T::ReferenceList, "Targets", {"ec2_instance", "auto_scaling_group"})},
        "Spreads traffic over targets in several availability zones."));

    kinds.push_back(kind(
        "lambda_function", "AWS::Lambda::Function", "Lambda function", compute, {"", "vpc"},
        {prop("runtime", T::String, "Runtime", "python3.12", true),
         prop("handler", T::String, "Handler", "index.handler", true),
         prop("memory_size", T::Integer, "Memory (MB)", 128),
         subnetsProp("Subnets of the VPC the function's ENIs are placed in."),
         securityGroupsProp(), needsInternetProp()},
        "Code run on demand, optionally inside a VPC."));

    const auto db = Category::Database;
    kinds.push_back(kind(
        "rds_instance", "AWS::RDS::DBInstance", "RDS database", db, {"vpc"},
        {enumProp("engine", "Engine",
                  {"postgres", "mysql", "mariadb", "oracle-se2", "sqlserver-ex"}),
         prop("instance_class", T::String, "Instance class", "db.t3.micro", true),
         prop("allocated_storage", T::Integer, "Storage (GiB)", 20),
         prop("multi_az", T::Bool, "Multi-AZ", false),
         prop("publicly_accessible", T::Bool, "Publicly accessible", false),
         subnetsProp("The DB subnet group: subnets in at least two availability zones."),
         securityGroupsProp()},
        "A managed relational database with its DB subnet group."));

    kinds.push_back(kind(
        "dynamodb_table", "AWS::DynamoDB::Table", "DynamoDB table", db, {""},
        {prop("partition_key", T::String, "Partition key", "id", true),
         enumProp("billing_mode", "Billing", {"PAY_PER_REQUEST", "PROVISIONED"})},
        "A managed key-value table (regional, outside any VPC)."));

    kinds.push_back(kind(
        "elasticache_cluster", "AWS::ElastiCache::CacheCluster", "ElastiCache cluster", db, {"vpc"},
        {enumProp("engine", "Engine", {"redis", "memcached"}),
         prop("node_type", T::String, "Node type", "cache.t3.micro", true),
         prop("num_nodes", T::Integer, "Nodes", 1),
         subnetsProp("The cache subnet group."), securityGroupsProp()},
        "A managed in-memory cache."));

    const auto storage = Category::Storage;
    kinds.push_back(kind("s3_bucket", "AWS::S3::Bucket", "S3 bucket", storage, {""},
                         {prop("bucket_name", T::String, "Bucket name", ""),
                          prop("versioning", T::Bool, "Versioning", false)},
                         "Object storage (regional, outside any VPC)."));
    kinds.push_back(kind(
        "efs_file_system", "AWS::EFS::FileSystem", "EFS file system", storage, {"vpc"},
        {enumProp("performance_mode", "Performance mode", {"generalPurpose", "maxIO"}),
         subnetsProp("One mount target per availability zone."), securityGroupsProp()},
        "A shared NFS file system with mount targets in subnets."));

    kinds.push_back(kind(
        "generic", "", "Other resource", Category::Integration, {"", "vpc", "subnet"},
        {prop("type", T::String, "CloudFormation type", "", true),
         prop("cfn", T::Object, "Template fragment", json::object(), false,
              "The resource exactly as the template had it, written back unchanged.")},
        "A CloudFormation resource Skydraft does not model; kept and exported unchanged."));
    return kinds;
}

ConnectionKindDef connectionKind(std::string key, std::string cfnType, std::string displayName,
                                 std::vector<EndpointRule> endpoints,
                                 std::vector<PropertyDef> properties, std::string description) {
    ConnectionKindDef def;
    def.key = std::move(key);
    def.cfnType = std::move(cfnType);
    def.displayName = std::move(displayName);
    def.endpoints = std::move(endpoints);
    def.properties = std::move(properties);
    def.description = std::move(description);
    return def;
}

std::vector<ConnectionKindDef> makeConnectionKinds() {
    using T = PropertyType;
    std::vector<ConnectionKindDef> kinds;
    kinds.push_back(connectionKind(
        "vpc_peering", "AWS::EC2::VPCPeeringConnection", "VPC peering", {{"vpc", "vpc"}},
        {prop("peer_owner_id", T::String, "Peer account", "")},
        "A private link between two VPCs; not transitive. Routes in both VPCs target it."));
    kinds.push_back(connectionKind(
        "transit_gateway_attachment", "AWS::EC2::TransitGatewayAttachment",
        "Transit gateway attachment", {{"vpc", "transit_gateway"}},
        {subnetsProp("One subnet per availability zone, in the attached VPC.")},
        "Attaches a VPC to a transit gateway through subnets."));
    kinds.push_back(connectionKind(
        "transit_gateway_peering", "AWS::EC2::TransitGatewayPeeringAttachment",
        "Transit gateway peering", {{"transit_gateway", "transit_gateway"}}, {},
        "Joins two transit gateways, typically in different regions."));
    kinds.push_back(connectionKind(
        "vpn_attachment", "AWS::EC2::VPNConnection", "VPN connection",
        {{"customer_gateway", "virtual_private_gateway"}, {"customer_gateway", "transit_gateway"}},
        {prop("static_routes_only", T::Bool, "Static routes only", true),
         prop("static_routes", T::CidrList, "Static routes", json::array(), false,
              "On-premises CIDRs routed over the tunnel.")},
        "An IPsec VPN connection from a customer gateway to a virtual private or transit "
        "gateway."));
    kinds.push_back(connectionKind("uses", "", "Uses", {},
                                   {prop("description", T::String, "Description", "")},
                                   "One service uses another (a function reads a bucket)."));
    return kinds;
}

}  // namespace

std::string_view categoryKey(Category category) {
    switch (category) {
        case Category::Networking: return "networking";
        case Category::Compute: return "compute";
        case Category::Database: return "database";
        case Category::Storage: return "storage";
        case Category::Integration: return "integration";
    }
    return "networking";
}

std::string_view propertyTypeKey(PropertyType type) {
    switch (type) {
        case PropertyType::String: return "string";
        case PropertyType::Bool: return "bool";
        case PropertyType::Integer: return "integer";
        case PropertyType::Enum: return "enum";
        case PropertyType::Ipv4Cidr: return "ipv4_cidr";
        case PropertyType::Ipv6Cidr: return "ipv6_cidr";
        case PropertyType::CidrList: return "cidr_list";
        case PropertyType::IpAddress: return "ip_address";
        case PropertyType::Region: return "region";
        case PropertyType::Zone: return "zone";
        case PropertyType::Reference: return "reference";
        case PropertyType::ReferenceList: return "reference_list";
        case PropertyType::StringList: return "string_list";
        case PropertyType::RouteList: return "route_list";
        case PropertyType::RuleList: return "rule_list";
        case PropertyType::AclEntryList: return "acl_entry_list";
        case PropertyType::Object: return "object";
    }
    return "string";
}

const PropertyDef* KindDef::property(std::string_view propertyKey) const {
    for (const auto& def : properties) {
        if (def.key == propertyKey) {
            return &def;
        }
    }
    return nullptr;
}

bool KindDef::canLiveIn(std::string_view parentKind) const {
    return std::find(containers.begin(), containers.end(), parentKind) != containers.end();
}

const PropertyDef* ConnectionKindDef::property(std::string_view propertyKey) const {
    for (const auto& def : properties) {
        if (def.key == propertyKey) {
            return &def;
        }
    }
    return nullptr;
}

bool ConnectionKindDef::canJoin(std::string_view fromKind, std::string_view toKind) const {
    if (endpoints.empty()) {
        return true;
    }
    return std::any_of(endpoints.begin(), endpoints.end(), [&](const EndpointRule& rule) {
        return rule.from == fromKind && rule.to == toKind;
    });
}

const ResourceCatalogue& ResourceCatalogue::instance() {
    static const ResourceCatalogue catalogue;
    return catalogue;
}

ResourceCatalogue::ResourceCatalogue()
    : m_kinds(makeKinds()), m_connectionKinds(makeConnectionKinds()) {}

const KindDef* ResourceCatalogue::kind(std::string_view key) const {
    // Element::property() falls back to the catalogue for every absent key, so this lookup is
    // hot in validation: index the kinds once (the catalogue is an immutable singleton).
    static const std::unordered_map<std::string_view, const KindDef*> index = [this] {
        std::unordered_map<std::string_view, const KindDef*> map;
        for (const auto& def : m_kinds) {
            map.emplace(def.key, &def);
        }
        return map;
    }();
    const auto it = index.find(key);
    return it == index.end() ? nullptr : it->second;
}

const ConnectionKindDef* ResourceCatalogue::connectionKind(std::string_view key) const {
    for (const auto& def : m_connectionKinds) {
        if (def.key == key) {
            return &def;
        }
    }
    return nullptr;
}

const KindDef* ResourceCatalogue::kindForCfnType(std::string_view cfnType) const {
    if (cfnType.empty()) {
        return nullptr;
    }
    for (const auto& def : m_kinds) {
        if (def.cfnType == cfnType) {
            return &def;
        }
    }
    return nullptr;
}

namespace {

bool isStringArray(const json& value) {
    return value.is_array() &&
           std::all_of(value.begin(), value.end(), [](const json& v) { return v.is_string(); });
}

bool isObjectArray(const json& value) {
    return value.is_array() &&
           std::all_of(value.begin(), value.end(), [](const json& v) { return v.is_object(); });
}

}  // namespace

std::string ResourceCatalogue::checkValue(const PropertyDef& def, const json& value) {
    switch (def.type) {
        case PropertyType::String:
        case PropertyType::Ipv4Cidr:
        case PropertyType::Ipv6Cidr:
        case PropertyType::IpAddress:
        case PropertyType::Region:
        case PropertyType::Zone:
        case PropertyType::Reference:
            return value.is_string() ? "" : "expected a string";
        case PropertyType::Enum:
            if (!value.is_string()) {
                return "expected a string";
            }
            if (std::find(def.enumValues.begin(), def.enumValues.end(),
                          value.get<std::string>()) == def.enumValues.end()) {
                std::string allowed;
                for (const auto& v : def.enumValues) {
                    allowed += (allowed.empty() ? "" : ", ") + v;
                }
                return "expected one of " + allowed;
            }
            return "";
        case PropertyType::Bool: return value.is_boolean() ? "" : "expected true or false";
        case PropertyType::Integer:
            return value.is_number_integer() ? "" : "expected a whole number";
        case PropertyType::CidrList:
        case PropertyType::ReferenceList:
        case PropertyType::StringList:
            return isStringArray(value) ? "" : "expected an array of strings";
        case PropertyType::RouteList:
            if (!isObjectArray(value)) {
                return "expected an array of routes";
            }
            for (const auto& route : value) {
                if (!route.contains("destination") || !route["destination"].is_string() ||
                    !route.contains("target") || !route["target"].is_string()) {
                    return "each route needs a string \"destination\" and \"target\"";
                }
            }
            return "";
        case PropertyType::RuleList:
        case PropertyType::AclEntryList:
            return isObjectArray(value) ? "" : "expected an array of objects";
        case PropertyType::Object: return value.is_object() ? "" : "expected an object";
    }
    return "";
}

}  // namespace skydraft
