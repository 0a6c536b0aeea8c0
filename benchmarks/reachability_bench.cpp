// Reachability speed: one query on the generated 100,000-subnet diagram (target < 20 ms), and
// the exposure report of a 400-resource template (target < 50 ms).
#include <benchmark/benchmark.h>

#include <stdexcept>

#include "analysis/reachability/exposure.h"
#include "analysis/reachability/reachability.h"
#include "cloudformation_exporter.h"
#include "cloudformation_importer.h"
#include "generator.h"

namespace {

using namespace skydraft;
using namespace skydraft::reach;

/// 1,000 VPCs of 100 subnets (100,000 subnets), an instance in each private subnet, two
/// peerings per VPC routed both ways, four regions: the validation benchmark's largest shape.
const Diagram& hugeDiagram() {
    static const Diagram d = [] {
        GeneratorOptions o;
        o.vpcs = 1000;
        o.subnetsPerVpc = 100;
        o.peerings = 2000;
        o.instancesPerSubnet = 1;
        o.regions = 4;
        return generateDiagram(o);
    }();
    return d;
}

/// Resolves both ends by id and answers; the index is built once, as the designer and a
/// session of queries keep it.
void query(benchmark::State& state, const char* from, const char* to, Flow flow, bool expected) {
    const Diagram& d = hugeDiagram();
    const Reachability reachability(d);
    bool reachable = false;
    for (auto _ : state) {
        const auto a = resolveEndpoint(reachability.index(), from);
        const auto b = resolveEndpoint(reachability.index(), to);
        std::string error;
        const auto r = reachability.query(*a.endpoint, *b.endpoint, flow, &error);
        reachable = r && r->reachable;
        benchmark::DoNotOptimize(r);
    }
    if (reachable != expected) {
        state.SkipWithError("unexpected verdict");
    }
    state.counters["subnets"] = 100000;
    state.counters["elements"] = static_cast<double>(d.elements().size());
}

void BM_ReachQueryPeered100kSubnets(benchmark::State& state) {
    query(state, "i-1-3-1", "i-2-3-1", Flow{Protocol::Tcp, 443}, true);
}
BENCHMARK(BM_ReachQueryPeered100kSubnets)->Unit(benchmark::kMillisecond);

void BM_ReachQueryBlocked100kSubnets(benchmark::State& state) {
    query(state, "i-1-3-1", "i-500-3-1", Flow{Protocol::Tcp, 22}, false);
}
BENCHMARK(BM_ReachQueryBlocked100kSubnets)->Unit(benchmark::kMillisecond);

void BM_ReachQueryInternet100kSubnets(benchmark::State& state) {
    query(state, "i-1000-50-1", "internet", Flow{Protocol::Tcp, 443}, true);
}
BENCHMARK(BM_ReachQueryInternet100kSubnets)->Unit(benchmark::kMillisecond);

/// Building the index over the 100,000-subnet diagram (once per diagram version).
void BM_ReachIndex100kSubnets(benchmark::State& state) {
    const Diagram& d = hugeDiagram();
    for (auto _ : state) {
        const Reachability reachability(d);
        benchmark::DoNotOptimize(&reachability);
    }
}
BENCHMARK(BM_ReachIndex100kSubnets)->Unit(benchmark::kMillisecond);

/// Puts an internet-facing load balancer in the public subnets of each generated VPC,
/// forwarding 443 to every instance of the VPC: the exposure report then has work to do.
void addLoadBalancers(Diagram& d, std::size_t vpcs) {
    for (std::size_t v = 1; v <= vpcs; ++v) {
        const std::string n = std::to_string(v);
        nlohmann::json targets = nlohmann::json::array();
        for (const Element* e : d.elementsOfKind("ec2_instance")) {
            if (e->id.rfind("i-" + n + "-", 0) == 0) {
                targets.push_back(e->id);
            }
        }
        Element lb;
        lb.id = "lb-" + n;
        lb.name = "web " + n;
        lb.kind = "load_balancer";
        lb.parent = "vpc-" + n;
        lb.properties = {{"scheme", "internet-facing"},
                         {"subnets", {"subnet-" + n + "-1", "subnet-" + n + "-2"}},
                         {"security_groups", {"sg-" + n}},
                         {"listener_port", 443},
                         {"target_port", 443},
                         {"targets", targets}};
        if (const Status s = d.addElement(lb); !s) {
            throw std::runtime_error(s.error);
        }
    }
}

/// A template of at least 400 resources, imported the way `skydraft reach TEMPLATE` reads it.
const Diagram& template400(std::size_t* resources) {
    static std::size_t count = 0;
    static const Diagram d = [] {
        for (std::size_t vpcs = 1;; ++vpcs) {
            GeneratorOptions o;
            o.vpcs = vpcs;
            o.subnetsPerVpc = 6;
            o.peerings = vpcs - 1;
            o.instancesPerSubnet = 3;
            Diagram generated = generateDiagram(o);
            addLoadBalancers(generated, vpcs);
            const auto exported = exportCloudFormation(generated);
            count = exported["Resources"].size();
            if (count >= 400) {
                auto imported = importCloudFormation(exported.dump());
                if (!imported) {
                    throw std::runtime_error("the generated template does not import");
                }
                return std::move(*imported.diagram);
            }
        }
    }();
    *resources = count;
    return d;
}

void BM_ExposureTemplate400(benchmark::State& state) {
    std::size_t resources = 0;
    const Diagram& d = template400(&resources);
    std::size_t exposed = 0;
    for (auto _ : state) {
        const Reachability reachability(d);
        exposed = exposureReport(reachability).size();
        benchmark::DoNotOptimize(exposed);
    }
    state.counters["resources"] = static_cast<double>(resources);
    state.counters["elements"] = static_cast<double>(d.elements().size());
    state.counters["exposed"] = static_cast<double>(exposed);
}
BENCHMARK(BM_ExposureTemplate400)->Unit(benchmark::kMillisecond);

}  // namespace
