// Speed of the CloudFormation export (10,000 resources) and import (5,000 resources).
#include <benchmark/benchmark.h>

#include <stdexcept>
#include <string>

#include "cloudformation_exporter.h"
#include "cloudformation_importer.h"

namespace {

using nlohmann::json;
using skydraft::Connection;
using skydraft::Diagram;
using skydraft::Element;

Element makeElement(std::string id, std::string kind, std::string name, std::string parent,
                    json properties) {
    Element e;
    e.id = std::move(id);
    e.kind = std::move(kind);
    e.name = std::move(name);
    e.parent = std::move(parent);
    e.properties = std::move(properties);
    return e;
}

/// VPCs with an internet gateway, a security group, public and private subnets in three
/// zones, a NAT gateway (and its EIP) per zone, route tables with routes and associations,
/// instances, a transit gateway attachment and a peering with the previous VPC:
/// about 44 template resources per VPC.
Diagram buildDiagram(int vpcs) {
    std::vector<Element> elements;
    std::vector<Connection> connections;
    elements.push_back(makeElement("tgw", "transit_gateway", "Hub", "", json::object()));
    for (int v = 0; v < vpcs; ++v) {
        const std::string n = std::to_string(v);
        const std::string vpc = "vpc-" + n;
        const std::string base = std::to_string(10 + v / 250) + "." + std::to_string(v % 250);
        elements.push_back(makeElement(vpc, "vpc", "Vpc " + n, "", {{"cidr", base + ".0.0/16"}}));
        elements.push_back(
            makeElement(vpc + "-igw", "internet_gateway", "Igw " + n, vpc, json::object()));
        elements.push_back(makeElement(vpc + "-sg", "security_group", "Sg " + n, vpc,
                                       {{"ingress",
                                         {{{"protocol", "tcp"},
                                           {"from_port", 22},
                                           {"to_port", 22},
                                           {"cidr", "10.0.0.0/8"}}}}}));
        json publicSubnets = json::array();
        json privateSubnets = json::array();
        for (int z = 0; z < 3; ++z) {
            const std::string zone = std::string("us-east-1") + static_cast<char>('a' + z);
            const std::string suffix = n + "-" + std::to_string(z);
            const std::string pub = vpc + "-pub-" + std::to_string(z);
            const std::string priv = vpc + "-priv-" + std::to_string(z);
            elements.push_back(makeElement(
                pub, "subnet", "Public " + suffix, vpc,
                {{"availability_zone", zone}, {"cidr", base + "." + std::to_string(z) + ".0/24"}}));
            elements.push_back(
                makeElement(priv, "subnet", "Private " + suffix, vpc,
                            {{"availability_zone", zone},
                             {"cidr", base + "." + std::to_string(100 + z) + ".0/24"}}));
            elements.push_back(
                makeElement(pub + "-nat", "nat_gateway", "Nat " + suffix, pub, json::object()));
            elements.push_back(
                makeElement(priv + "-rt", "route_table", "Private rt " + suffix, vpc,
                            {{"associations", {priv}},
                             {"routes",
                              {{{"destination", "0.0.0.0/0"}, {"target", pub + "-nat"}},
                               {{"destination", "172.16.0.0/12"}, {"target", "tgw"}}}}}));
            for (int i = 0; i < 4; ++i) {
                elements.push_back(makeElement(priv + "-i" + std::to_string(i), "ec2_instance",
                                               "App " + suffix + "-" + std::to_string(i), priv,
                                               {{"security_groups", {vpc + "-sg"}}}));
            }
            publicSubnets.push_back(pub);
            privateSubnets.push_back(priv);
        }
        elements.push_back(
            makeElement(vpc + "-rt", "route_table", "Public rt " + n, vpc,
                        {{"associations", publicSubnets},
                         {"routes", {{{"destination", "0.0.0.0/0"}, {"target", vpc + "-igw"}}}}}));
        Connection attachment;
        attachment.id = vpc + "-att";
        attachment.kind = "transit_gateway_attachment";
        attachment.name = "Attachment " + n;
        attachment.from = vpc;
        attachment.to = "tgw";
        attachment.properties = {{"subnets", privateSubnets}};
        connections.push_back(attachment);
        if (v > 0) {
            Connection peering;
            peering.id = vpc + "-pcx";
            peering.kind = "vpc_peering";
            peering.name = "Peering " + n;
            peering.from = "vpc-" + std::to_string(v - 1);
            peering.to = vpc;
            connections.push_back(peering);
        }
    }
    Diagram d;
    if (skydraft::Status s = d.assign(std::move(elements), std::move(connections)); !s) {
        throw std::runtime_error(s.error);
    }
    return d;
}

/// The smallest generated diagram whose template has at least `resources` resources.
Diagram diagramWithResources(std::size_t resources, std::size_t* actual) {
    int vpcs = static_cast<int>(resources / 44);
    for (;; ++vpcs) {
        Diagram d = buildDiagram(vpcs);
        const std::size_t count = skydraft::exportCloudFormation(d)["Resources"].size();
        if (count >= resources) {
            *actual = count;
            return d;
        }
    }
}

void BM_ExportCloudFormation10k(benchmark::State& state) {
    std::size_t resources = 0;
    const Diagram d = diagramWithResources(10000, &resources);
    for (auto _ : state) {
        benchmark::DoNotOptimize(skydraft::exportCloudFormation(d));
    }
    state.counters["resources"] = static_cast<double>(resources);
}
BENCHMARK(BM_ExportCloudFormation10k)->Unit(benchmark::kMillisecond);

void BM_ExportCloudFormation10kText(benchmark::State& state) {
    std::size_t resources = 0;
    const Diagram d = diagramWithResources(10000, &resources);
    for (auto _ : state) {
        benchmark::DoNotOptimize(skydraft::exportCloudFormation(d).dump(2));
    }
    state.counters["resources"] = static_cast<double>(resources);
}
BENCHMARK(BM_ExportCloudFormation10kText)->Unit(benchmark::kMillisecond);

void importBenchmark(benchmark::State& state, bool layout) {
    std::size_t resources = 0;
    const Diagram d = diagramWithResources(5000, &resources);
    skydraft::CfnExportOptions options;
    options.includeLayout = layout;
    const std::string text = skydraft::exportCloudFormation(d, options).dump(2);
    for (auto _ : state) {
        skydraft::CfnImportResult r = skydraft::importCloudFormation(text);
        if (!r) {
            state.SkipWithError(r.error->toString().c_str());
            break;
        }
        benchmark::DoNotOptimize(r);
    }
    state.counters["resources"] = static_cast<double>(resources);
}

void BM_ImportCloudFormation5kWithLayout(benchmark::State& state) {
    importBenchmark(state, true);
}
BENCHMARK(BM_ImportCloudFormation5kWithLayout)->Unit(benchmark::kMillisecond);

void BM_ImportCloudFormation5kLaidOut(benchmark::State& state) {
    importBenchmark(state, false);
}
BENCHMARK(BM_ImportCloudFormation5kLaidOut)->Unit(benchmark::kMillisecond);

}  // namespace
