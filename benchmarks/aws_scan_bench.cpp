// Speed of a scan: 5,000 resources served by the fake AWS endpoint with 50 ms of latency per
// call (100 items a page), scanned with the default settings (4 requests at a time per region);
// the same without latency shows the cost of the scan itself.
#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QTemporaryDir>

#include "aws/aws_scan_service.h"
#include "diagram_file.h"
#include "fake_aws.h"

namespace {

using nlohmann::json;

json tags(const std::string& name) {
    return json::array({{{"key", "Name"}, {"value", name}}});
}

/// 50 VPCs, each with 20 subnets, 10 route tables, an internet gateway, 2 NAT gateways,
/// 20 security groups, 40 instances, a network ACL and 5 endpoints: 5,000 resources.
skydraft::test::FakeAccount bigAccount() {
    json region = json::object();
    for (const char* list :
         {"DescribeVpcs", "DescribeSubnets", "DescribeRouteTables", "DescribeInternetGateways",
          "DescribeNatGateways", "DescribeSecurityGroups", "DescribeInstances",
          "DescribeNetworkAcls", "DescribeVpcEndpoints"}) {
        region[list] = json::array();
    }
    for (int v = 0; v < 50; ++v) {
        const std::string vpc = "vpc-" + std::to_string(v);
        const std::string net = "10." + std::to_string(v) + ".";
        region["DescribeVpcs"].push_back({{"vpcId", vpc},
                                          {"cidrBlock", net + "0.0/16"},
                                          {"state", "available"},
                                          {"isDefault", "false"},
                                          {"tagSet", tags("vpc " + std::to_string(v))}});
        region["DescribeVpcAttribute"][vpc] = {{"enableDnsSupport", true},
                                               {"enableDnsHostnames", true}};
        const std::string igw = "igw-" + std::to_string(v);
        region["DescribeInternetGateways"].push_back(
            {{"internetGatewayId", igw},
             {"attachmentSet", json::array({{{"vpcId", vpc}, {"state", "available"}}})}});
        for (int s = 0; s < 20; ++s) {
            region["DescribeSubnets"].push_back(
                {{"subnetId", "subnet-" + std::to_string(v) + "-" + std::to_string(s)},
                 {"vpcId", vpc},
                 {"cidrBlock", net + std::to_string(s) + ".0/24"},
                 {"availabilityZone", s % 2 ? "us-east-1b" : "us-east-1a"},
                 {"tagSet", tags("subnet " + std::to_string(s))}});
        }
        for (int n = 0; n < 2; ++n) {
            region["DescribeNatGateways"].push_back(
                {{"natGatewayId", "nat-" + std::to_string(v) + "-" + std::to_string(n)},
                 {"subnetId", "subnet-" + std::to_string(v) + "-" + std::to_string(n)},
                 {"vpcId", vpc},
                 {"state", "available"},
                 {"connectivityType", "public"}});
        }
        for (int t = 0; t < 10; ++t) {
            json routes = json::array({{{"destinationCidrBlock", "0.0.0.0/0"},
                                        {"natGatewayId", "nat-" + std::to_string(v) + "-0"},
                                        {"origin", "CreateRoute"}}});
            region["DescribeRouteTables"].push_back(
                {{"routeTableId", "rtb-" + std::to_string(v) + "-" + std::to_string(t)},
                 {"vpcId", vpc},
                 {"associationSet", json::array({{{"subnetId", "subnet-" + std::to_string(v) + "-" +
                                                                   std::to_string(2 * t)}},
                                                 {{"subnetId", "subnet-" + std::to_string(v) + "-" +
                                                                   std::to_string(2 * t + 1)}}})},
                 {"routeSet", routes}});
        }
        for (int g = 0; g < 20; ++g) {
            region["DescribeSecurityGroups"].push_back(
                {{"groupId", "sg-" + std::to_string(v) + "-" + std::to_string(g)},
                 {"groupName", "group" + std::to_string(g)},
                 {"vpcId", vpc},
                 {"ipPermissions",
                  json::array({{{"ipProtocol", "tcp"},
                                {"fromPort", 443},
                                {"toPort", 443},
                                {"ipRanges", json::array({{{"cidrIp", "0.0.0.0/0"}}})}}})},
                 {"ipPermissionsEgress",
                  json::array({{{"ipProtocol", "-1"},
                                {"ipRanges", json::array({{{"cidrIp", "0.0.0.0/0"}}})}}})}});
        }
        json instances = json::array();
        for (int i = 0; i < 40; ++i) {
            instances.push_back(
                {{"instanceId", "i-" + std::to_string(v) + "-" + std::to_string(i)},
                 {"instanceType", "t3.micro"},
                 {"instanceState", {{"name", "running"}}},
                 {"subnetId", "subnet-" + std::to_string(v) + "-" + std::to_string(i % 20)},
                 {"privateIpAddress", net + std::to_string(i % 20) + "." + std::to_string(10 + i)},
                 {"groupSet", json::array({{{"groupId", "sg-" + std::to_string(v) + "-" +
                                                            std::to_string(i % 15)}}})},
                 {"tagSet", tags("server " + std::to_string(i))}});
        }
        region["DescribeInstances"].push_back(
            {{"reservationId", "r-" + std::to_string(v)}, {"instancesSet", instances}});
        region["DescribeNetworkAcls"].push_back(
            {{"networkAclId", "acl-" + std::to_string(v)},
             {"vpcId", vpc},
             {"default", "false"},
             {"entrySet", json::array({{{"ruleNumber", 100},
                                        {"protocol", "-1"},
                                        {"ruleAction", "allow"},
                                        {"egress", "false"},
                                        {"cidrBlock", "0.0.0.0/0"}}})}});
        for (int e = 0; e < 5; ++e) {
            region["DescribeVpcEndpoints"].push_back(
                {{"vpcEndpointId", "vpce-" + std::to_string(v) + "-" + std::to_string(e)},
                 {"vpcEndpointType", "Interface"},
                 {"vpcId", vpc},
                 {"serviceName", "com.amazonaws.us-east-1.service" + std::to_string(e)},
                 {"subnetIdSet", json::array({"subnet-" + std::to_string(v) + "-0"})}});
        }
    }
    return {{"account", "123456789012"}, {"regions", {{"us-east-1", region}}}};
}

void BM_ScanFiveThousandResources(benchmark::State& state) {
    skydraft::test::FakeAws fake(bigAccount(), {100, static_cast<int>(state.range(0))});
    fake.addCredentials("AKIABENCHMARK0000001", "benchmark-secret");
    QTemporaryDir home;
    skydraft::aws::ScanRequest request;
    request.endpointUrl = fake.url().toString().toStdString();
    request.regions = {"us-east-1"};
    request.environment = {{"AWS_ACCESS_KEY_ID", "AKIABENCHMARK0000001"},
                           {"AWS_SECRET_ACCESS_KEY", "benchmark-secret"},
                           {"HOME", home.path().toStdString()}};
    skydraft::aws::ScanObserver quiet;
    skydraft::aws::ScanOutcome outcome;
    for (auto _ : state) {
        skydraft::aws::runScan(request, quiet, outcome);
        if (!outcome.ok) {
            state.SkipWithError(outcome.error.c_str());
            return;
        }
    }
    state.counters["elements"] = outcome.elements;
    state.counters["requests"] = outcome.requests;
}
BENCHMARK(BM_ScanFiveThousandResources)
    ->Arg(50)
    ->Arg(0)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(3);

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
