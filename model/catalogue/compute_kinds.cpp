// The compute family: instances, Auto Scaling groups, load balancers, Lambda functions.
#include "catalogue/catalogue_builders.h"
#include "catalogue/catalogue_families.h"

namespace skydraft::catalogue {

using nlohmann::json;
using T = PropertyType;

void addComputeKinds(std::vector<KindDef>& kinds) {
    const auto compute = Category::Compute;

    kinds.push_back(
        KindBuilder("ec2_instance", "EC2 instance", compute)
            .cfnType("AWS::EC2::Instance")
            .label("instance")
            .idPrefix("ec2")
            .in({"subnet"})
            .properties(
                {cfn(prop("instance_type", T::String, "Instance type", "t3.micro", true),
                     "InstanceType"),
                 // PrivateIpAddress, or the network interface's when it has a public IPv4.
                 cfnCustom(prop("private_ip", T::IpAddress, "Private IP", "")),
                 cfnCustom(prop("public_ip", T::Bool, "Public IPv4", false)),
                 cfnCustom(prop("elastic_ip", T::Bool, "Elastic IP", false)),
                 cfnCustom(prop("ipv6_address", T::Bool, "IPv6 address", false)),
                 securityGroupsProp(), needsInternetProp(),
                 prop("reachable_from_internet", T::Bool, "Reachable from the internet", false)})
            .describe("A virtual server.")
            .routeTarget("InstanceId")
            .detail({detailValue("instance_type"), detailValue("private_ip")})
            .pricing(
                {hourly("h", "ec2.{instance_type}.hour"),
                 when(hourly("h of its public IPv4", "public_ipv4.hour"), "public_ip", {"true"}),
                 perUse("GB to the internet", "data_transfer.internet.gb", "internet_gb")})
            .build());

    kinds.push_back(KindBuilder("auto_scaling_group", "Auto Scaling group", compute)
                        .cfnType("AWS::AutoScaling::AutoScalingGroup")
                        .idPrefix("asg")
                        .in({"vpc"})
                        .properties({cfnCustom(prop("instance_type", T::String, "Instance type",
                                                    "t3.micro", true)),
                                     cfn(prop("min_size", T::Integer, "Minimum", 1), "MinSize",
                                         CfnValue::IntegerString),
                                     cfn(prop("max_size", T::Integer, "Maximum", 2), "MaxSize",
                                         CfnValue::IntegerString),
                                     cfn(prop("desired_capacity", T::Integer, "Desired", 1),
                                         "DesiredCapacity", CfnValue::IntegerString),
                                     cfn(subnetsProp("The subnets instances are launched in."),
                                         "VPCZoneIdentifier", CfnValue::RefList),
                                     securityGroupsProp(), needsInternetProp()})
                        .describe("A fleet of instances spread over subnets.")
                        .detail({detailText("Auto Scaling"), detailValue("instance_type"),
                                 detailRange("min_size", "max_size")})
                        .pricing({counted(hourly("instance h", "ec2.{instance_type}.hour"),
                                          "desired_capacity")})
                        .build());

    kinds.push_back(
        KindBuilder("load_balancer", "Load balancer", Category::Networking)
            .cfnType("AWS::ElasticLoadBalancingV2::LoadBalancer")
            .label("load balancer")
            .idPrefix("alb")
            .in({"vpc"})
            .properties(
                {cfnAbsent(cfn(enumProp("lb_type", "Type", {"application", "network", "gateway"}),
                               "Type"),
                           "application"),
                 // Scheme and security groups: not for gateway load balancers.
                 cfnCustom(enumProp("scheme", "Scheme", {"internet-facing", "internal"})),
                 cfn(subnetsProp("One subnet per availability zone."), "Subnets",
                     CfnValue::RefList),
                 securityGroupsProp(),
                 cfnCustom(prop("listener_port", T::Integer, "Listener port", 80)),
                 cfnCustom(prop("target_port", T::Integer, "Target port", 80)),
                 cfnCustom(refProp("targets", T::ReferenceList, "Targets",
                                   {"ec2_instance", "auto_scaling_group"}))})
            .describe("Spreads traffic over targets in several availability zones.")
            .detail({detailWords("lb_type", {{"network", "Network LB"},
                                             {"gateway", "Gateway LB"},
                                             {"*", "Application LB"}}),
                     detailValue("scheme")})
            .pricing(
                {hourly("h", "load_balancer.{lb_type}.hour"),
                 counted(hourly("capacity unit h", "load_balancer.{lb_type}.capacity_unit_hour"),
                         "capacity_units"),
                 when(counted(hourly("zone h of a public IPv4", "public_ipv4.hour"), "subnets"),
                      "scheme", {"internet-facing"}),
                 perUse("GB to the internet", "data_transfer.internet.gb", "internet_gb")})
            .build());

    kinds.push_back(
        KindBuilder("lambda_function", "Lambda function", compute)
            .cfnType("AWS::Lambda::Function")
            .label("function")
            .idPrefix("lambda")
            .in({"", "vpc"})
            .properties(
                {cfn(prop("runtime", T::String, "Runtime", "python3.12", true), "Runtime"),
                 cfn(prop("handler", T::String, "Handler", "index.handler", true), "Handler"),
                 cfn(prop("memory_size", T::Integer, "Memory (MB)", 128), "MemorySize"),
                 subnetsProp("Subnets of the VPC the function's ENIs are placed in."),
                 securityGroupsProp(), needsInternetProp()})
            .describe("Code run on demand, optionally inside a VPC.")
            .detail({detailText("Lambda"), detailValue("runtime")})
            .build());
}

}  // namespace skydraft::catalogue
