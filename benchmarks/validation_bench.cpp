// Validation speed: whole-diagram validation of generated diagrams from 1k to 100k subnets.
#include <benchmark/benchmark.h>

#include "analysis/route_analysis.h"
#include "generator.h"
#include "validation/validator.h"

namespace {

using namespace skydraft;

/// 100 subnets per VPC, two peerings per VPC, routed both ways; arg = number of VPCs.
Diagram largeDiagram(std::size_t vpcs) {
    GeneratorOptions o;
    o.vpcs = vpcs;
    o.subnetsPerVpc = 100;
    o.peerings = 2 * vpcs;
    o.instancesPerSubnet = 0;
    o.regions = 4;
    return generateDiagram(o);
}

void BM_ValidateLarge(benchmark::State& state) {
    const Diagram d = largeDiagram(static_cast<std::size_t>(state.range(0)));
    std::size_t findings = 0;
    for (auto _ : state) {
        const ValidationResult r = validate(d);
        findings = r.findings.size();
        benchmark::DoNotOptimize(findings);
    }
    const auto subnets = static_cast<std::int64_t>(state.range(0)) * 100;
    state.SetComplexityN(subnets);
    state.counters["subnets"] = static_cast<double>(subnets);
    state.counters["elements"] = static_cast<double>(d.elements().size());
    state.counters["findings"] = static_cast<double>(findings);
}
BENCHMARK(BM_ValidateLarge)
    ->Arg(10)
    ->Arg(100)
    ->Arg(1000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oNLogN);

void BM_RouteAnalysisLarge(benchmark::State& state) {
    const Diagram d = largeDiagram(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        const RouteAnalysis ra(d);
        benchmark::DoNotOptimize(ra.tables().size());
    }
    state.SetComplexityN(static_cast<std::int64_t>(state.range(0)) * 100);
}
BENCHMARK(BM_RouteAnalysisLarge)->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

/// The realistic template's shape: 18 VPCs, public and private subnets in two zones, a NAT
/// gateway per zone, some instances.
void BM_ValidateRealistic(benchmark::State& state) {
    GeneratorOptions o;
    o.vpcs = 18;
    o.subnetsPerVpc = 4;
    o.peerings = 17;
    o.instancesPerSubnet = 2;
    const Diagram d = generateDiagram(o);
    for (auto _ : state) {
        benchmark::DoNotOptimize(validate(d).findings.size());
    }
    state.counters["elements"] = static_cast<double>(d.elements().size());
}
BENCHMARK(BM_ValidateRealistic)->Unit(benchmark::kMicrosecond);

}  // namespace
