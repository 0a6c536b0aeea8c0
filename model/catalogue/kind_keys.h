// Named keys of the kinds that code outside the catalogue refers to by name (the containment
// skeleton, and the kinds a rule or a family mapping is about). Lists of kinds never live
// outside the catalogue: ask it (KindDef, RouteTarget) instead.
#pragma once

#include <string_view>

namespace skydraft::kinds {

inline constexpr std::string_view kVpc = "vpc";
inline constexpr std::string_view kSubnet = "subnet";
inline constexpr std::string_view kRouteTable = "route_table";
inline constexpr std::string_view kInternetGateway = "internet_gateway";
inline constexpr std::string_view kEgressOnlyInternetGateway = "egress_only_internet_gateway";
inline constexpr std::string_view kNatGateway = "nat_gateway";
inline constexpr std::string_view kElasticIp = "elastic_ip";
inline constexpr std::string_view kVpcEndpoint = "vpc_endpoint";
inline constexpr std::string_view kTransitGateway = "transit_gateway";
inline constexpr std::string_view kTransitGatewayRouteTable = "transit_gateway_route_table";
inline constexpr std::string_view kSecurityGroup = "security_group";
inline constexpr std::string_view kNetworkAcl = "network_acl";
inline constexpr std::string_view kVirtualPrivateGateway = "virtual_private_gateway";
inline constexpr std::string_view kCustomerGateway = "customer_gateway";
inline constexpr std::string_view kDirectConnectGateway = "direct_connect_gateway";
inline constexpr std::string_view kEc2Instance = "ec2_instance";
inline constexpr std::string_view kAutoScalingGroup = "auto_scaling_group";
inline constexpr std::string_view kLoadBalancer = "load_balancer";
inline constexpr std::string_view kLambdaFunction = "lambda_function";
inline constexpr std::string_view kRdsInstance = "rds_instance";
inline constexpr std::string_view kDynamoDbTable = "dynamodb_table";
inline constexpr std::string_view kElastiCacheCluster = "elasticache_cluster";
inline constexpr std::string_view kS3Bucket = "s3_bucket";
inline constexpr std::string_view kEfsFileSystem = "efs_file_system";
inline constexpr std::string_view kGeneric = "generic";

inline constexpr std::string_view kVpcPeering = "vpc_peering";
inline constexpr std::string_view kTransitGatewayAttachment = "transit_gateway_attachment";
inline constexpr std::string_view kTransitGatewayPeering = "transit_gateway_peering";
inline constexpr std::string_view kVpnAttachment = "vpn_attachment";
inline constexpr std::string_view kUses = "uses";

}  // namespace skydraft::kinds
