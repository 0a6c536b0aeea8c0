// The network family: VPCs, subnets, internet and NAT gateways, Elastic IPs, VPC endpoints.
#include "catalogue/catalogue_builders.h"
#include "catalogue/catalogue_families.h"

namespace skydraft::catalogue {

using nlohmann::json;
using T = PropertyType;

void addNetworkKinds(std::vector<KindDef>& kinds) {
    const auto net = Category::Networking;

    kinds.push_back(
        KindBuilder("vpc", "VPC", net)
            .cfnType("AWS::EC2::VPC")
            .label("vpc")
            .container(620, 400)
            .in({""})
            .properties({prop("region", T::Region, "Region", "us-east-1", true),
                         cfn(prop("cidr", T::Ipv4Cidr, "IPv4 CIDR", "10.0.0.0/16", true,
                                  "The primary IPv4 block."),
                             "CidrBlock"),
                         cfnCustom(prop("secondary_cidrs", T::CidrList, "Secondary IPv4 CIDRs",
                                        json::array())),
                         prop("ipv6_cidrs", T::CidrList, "IPv6 CIDRs", json::array(), false,
                              "Amazon-provided /56 blocks."),
                         cfnAbsent(cfn(prop("enable_dns_support", T::Bool, "DNS support", true),
                                       "EnableDnsSupport"),
                                   true),
                         cfnAbsent(cfn(prop("enable_dns_hostnames", T::Bool, "DNS hostnames", true),
                                       "EnableDnsHostnames"),
                                   false),
                         cfn(enumProp("instance_tenancy", "Tenancy", {"default", "dedicated"}),
                             "InstanceTenancy")})
            .describe("An isolated virtual network in one region.")
            .summary({"cidr", "secondary_cidrs", "region"})
            .network()
            .build());

    kinds.push_back(
        KindBuilder("subnet", "Subnet", net)
            .cfnType("AWS::EC2::Subnet")
            .label("subnet")
            .container(260, 170)
            .in({"vpc"})
            .properties(
                {cfnOptional(prop("availability_zone", T::Zone, "Availability zone", "", true),
                             "AvailabilityZone"),
                 cfnOptional(prop("cidr", T::Ipv4Cidr, "IPv4 CIDR", "", false,
                                  "Required unless the subnet is IPv6-only."),
                             "CidrBlock"),
                 // The template carries only an Fn::Cidr expression derived from it (the
                 // network family writes it); the block itself is kept in the layout.
                 prop("ipv6_cidr", T::Ipv6Cidr, "IPv6 CIDR", ""),
                 cfnOptional(prop("ipv6_only", T::Bool, "IPv6 only", false), "Ipv6Native"),
                 cfnOptional(
                     prop("assign_ipv6_on_creation", T::Bool, "Assign IPv6 on creation", false),
                     "AssignIpv6AddressOnCreation"),
                 cfnAbsent(
                     cfn(prop("map_public_ip_on_launch", T::Bool, "Auto-assign public IPv4", false),
                         "MapPublicIpOnLaunch"),
                     false)})
            .describe("A range of the VPC's addresses in one availability zone.")
            .summary({"cidr", "availability_zone"})
            .network()
            .build());

    kinds.push_back(KindBuilder("internet_gateway", "Internet gateway", net)
                        .cfnType("AWS::EC2::InternetGateway")
                        .label("internet gateway")
                        .idPrefix("igw")
                        .in({"", "vpc"})
                        .describe("Connects a VPC to the internet; attached to the VPC that "
                                  "contains it.")
                        .routeTarget("GatewayId", "0.0.0.0/0", RouteReach::Internet)
                        .network()
                        .picture(PictureRole::EdgeGateway)
                        .build());

    kinds.push_back(
        KindBuilder("egress_only_internet_gateway", "Egress-only internet gateway", net)
            .cfnType("AWS::EC2::EgressOnlyInternetGateway")
            .label("egress-only internet gateway")
            .idPrefix("eigw")
            .in({"vpc"})
            .describe("Outbound-only IPv6 internet access for a VPC.")
            .routeTarget("EgressOnlyInternetGatewayId", "", RouteReach::InternetOutbound)
            .network()
            .picture(PictureRole::EdgeGateway)
            .build());

    kinds.push_back(
        KindBuilder("nat_gateway", "NAT gateway", net)
            .cfnType("AWS::EC2::NatGateway")
            .idPrefix("nat")
            .in({"subnet", "vpc"})
            .properties(
                {cfnAbsent(cfn(enumProp("connectivity", "Connectivity", {"public", "private"}),
                               "ConnectivityType"),
                           "public"),
                 cfnCustom(enumProp("availability_mode", "Availability", {"zonal", "regional"},
                                    "A zonal gateway sits in a subnet; a regional one in the "
                                    "VPC.")),
                 cfnCustom(prop("elastic_ip", T::Bool, "Elastic IP", true, false,
                                "A public NAT gateway needs one; a private one has none.")),
                 cfnOptional(prop("private_ip", T::IpAddress, "Private IP", ""),
                             "PrivateIpAddress")})
            .describe("Lets private subnets reach out without being reachable.")
            .routeTarget("NatGatewayId", "0.0.0.0/0")
            .network()
            .detail({detailWords("connectivity",
                                 {{"private", "Private NAT gateway"}, {"*", "NAT gateway"}})})
            .pricing({hourly("h", "nat_gateway.hour"),
                      perUse("GB processed", "nat_gateway.gb", "data_processed_gb"),
                      perUse("GB to the internet", "data_transfer.internet.gb", "internet_gb"),
                      when(hourly("h of its public IPv4", "public_ipv4.hour"), "connectivity",
                           {"public"})})
            .build());

    kinds.push_back(
        KindBuilder("elastic_ip", "Elastic IP", net)
            .cfnType("AWS::EC2::EIP")
            .idPrefix("eip")
            .in({"", "vpc"})
            .properties({cfn(refProp("instance", T::Reference, "Instance", {"ec2_instance"}),
                             "InstanceId", CfnValue::Ref)})
            .describe("A static public IPv4 address.")
            .pricing({hourly("h", "public_ipv4.hour")})
            .build());

    kinds.push_back(
        KindBuilder("vpc_endpoint", "VPC endpoint", net)
            .cfnType("AWS::EC2::VPCEndpoint")
            .label("endpoint")
            .idPrefix("vpce")
            .in({"vpc"})
            .properties(
                {cfnCustom(enumProp("endpoint_type", "Endpoint type",
                                    {"gateway", "interface", "gateway_load_balancer"})),
                 cfn(prop("service_name", T::String, "Service", "com.amazonaws.us-east-1.s3", true),
                     "ServiceName"),
                 cfnOptional(
                     subnetsProp("Interface and Gateway Load Balancer endpoints: their subnets."),
                     "SubnetIds", CfnValue::RefList),
                 cfnOptional(
                     refProp("route_tables", T::ReferenceList, "Route tables", {"route_table"},
                             "Gateway endpoints: the route tables that get the "
                             "prefix-list route."),
                     "RouteTableIds", CfnValue::RefList),
                 cfnOptional(securityGroupsProp(), "SecurityGroupIds", CfnValue::GroupIdList),
                 // Interface endpoints only: the network family writes it.
                 cfnCustom(prop("private_dns_enabled", T::Bool, "Private DNS", false))})
            .describe("Private access to an AWS service without the internet.")
            .routeTarget("VpcEndpointId")
            .network()
            .detail({detailText("Endpoint"), detailLastSegment("service_name"),
                     detailValue("endpoint_type")})
            .pricing({when(counted(hourly("zone h", "vpc_endpoint.{endpoint_type}.zone_hour"),
                                   "subnets"),
                           "endpoint_type", {"interface", "gateway_load_balancer"}),
                      when(perUse("GB processed", "vpc_endpoint.{endpoint_type}.gb",
                                  "data_processed_gb"),
                           "endpoint_type", {"interface", "gateway_load_balancer"})})
            .build());
}

}  // namespace skydraft::catalogue
