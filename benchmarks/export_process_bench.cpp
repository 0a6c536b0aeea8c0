// Whole-process speed of `skydraft export --to svg` on a realistic ~400-resource CloudFormation
// template against `dot -Tsvg` on the DOT skydraft writes for it (target: at most 1.1x, median
// of alternating runs in one benchmark), and the in-process phases that make up a run.
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "cloudformation_exporter.h"
#include "cloudformation_importer.h"
#include "dot_writer.h"
#include "generator.h"
#include "graphviz_renderer.h"

extern char** environ;

namespace {

using namespace skydraft;
namespace fs = std::filesystem;

/// The realistic template (18 VPCs, public and private subnets in two zones, a NAT gateway
/// per zone: 396 resources), its DOT with the icons beside it, in a folder removed at exit.
struct Inputs {
    fs::path dir;
    fs::path templateFile;
    fs::path dotFile;
    std::string templateText;
    std::size_t resources = 0;

    Inputs() {
        dir = fs::temp_directory_path() / ("skydraft-export-bench-" + std::to_string(getpid()));
        fs::create_directories(dir);
        GeneratorOptions o;
        o.vpcs = 18;
        o.subnetsPerVpc = 4;
        o.peerings = 0;
        o.instancesPerSubnet = 0;
        o.regions = 1;
        const auto cfn = exportCloudFormation(generateDiagram(o));
        resources = cfn["Resources"].size();
        templateText = cfn.dump(1);
        templateFile = dir / "realistic.json";
        std::ofstream(templateFile) << templateText;
        dotFile = dir / "realistic.dot";
    }
    ~Inputs() {
        std::error_code ignored;
        fs::remove_all(dir, ignored);
    }
};

Inputs& inputs() {
    static Inputs instance;
    return instance;
}

/// Runs a program with stdout to outFile (or /dev/null) and stderr to /dev/null; returns the
/// wall time in milliseconds, the child's CPU time through cpuMs and its exit status.
double run(const std::vector<std::string>& args, const std::string& outFile, double& cpuMs,
           int& status) {
    std::vector<char*> argv;
    for (const std::string& a : args) {
        argv.push_back(const_cast<char*>(a.c_str()));
    }
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, outFile.empty() ? "/dev/null" : outFile.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) {
        throw std::runtime_error("cannot start " + args[0]);
    }
    posix_spawn_file_actions_destroy(&actions);
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    const auto end = std::chrono::steady_clock::now();
    auto ms = [](const timeval& t) { return t.tv_sec * 1e3 + t.tv_usec / 1e3; };
    cpuMs = ms(usage.ru_utime) + ms(usage.ru_stime);
    return std::chrono::duration<double, std::milli>(end - start).count();
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/// The DOT the comparison renders, written once by `skydraft export --to dot` (icons beside).
void writeDotOnce() {
    static const bool done = [] {
        double cpu = 0;
        int status = 0;
        run({SKYDRAFT_EXECUTABLE, "export", "--to", "dot", inputs().templateFile.string(), "-o",
             inputs().dotFile.string()},
            "", cpu, status);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            throw std::runtime_error("skydraft export --to dot failed");
        }
        return true;
    }();
    (void)done;
}

/// Alternating runs of skydraft and dot; the counters are the medians (wall and CPU, ms) and
/// the ratio of the wall medians. toFile: skydraft writes with -o (atomic, synced to disk);
/// otherwise both write to stdout redirected to a file, as dot -o does (no sync).
void compare(benchmark::State& state, bool toFile) {
    writeDotOnce();
    const Inputs& in = inputs();
    const std::string out = (in.dir / "skydraft.svg").string();
    std::vector<std::string> skydraft = {SKYDRAFT_EXECUTABLE, "export", "--to", "svg",
                                         in.templateFile.string()};
    if (toFile) {
        skydraft.insert(skydraft.end(), {"-o", out});
    }
    const std::vector<std::string> dot = {"/usr/bin/dot", "-Tsvg", in.dotFile.string(), "-o",
                                          (in.dir / "dot.svg").string()};
    std::vector<double> ours, theirs, oursCpu, theirsCpu;
    int status = 0;
    for (auto _ : state) {
        double cpu = 0;
        const bool oursFirst = ours.size() % 2 == 0;
        for (int turn = 0; turn < 2; ++turn) {
            if ((turn == 0) == oursFirst) {
                ours.push_back(run(skydraft, toFile ? "" : out, cpu, status));
                oursCpu.push_back(cpu);
                if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
                    state.SkipWithError("skydraft export --to svg failed");
                    return;
                }
            } else {
                theirs.push_back(run(dot, "", cpu, status));
                theirsCpu.push_back(cpu);
                if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
                    state.SkipWithError("dot -Tsvg failed");
                    return;
                }
            }
        }
    }
    state.counters["skydraft_ms"] = median(ours);
    state.counters["dot_ms"] = median(theirs);
    state.counters["ratio"] = median(ours) / median(theirs);
    state.counters["skydraft_cpu_ms"] = median(oursCpu);
    state.counters["dot_cpu_ms"] = median(theirsCpu);
    state.SetLabel(std::to_string(in.resources) + " resources");
}

void BM_SvgExportVsDot_Stdout(benchmark::State& state) {
    compare(state, false);
}
BENCHMARK(BM_SvgExportVsDot_Stdout)->Iterations(11)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_SvgExportVsDot_OutputFile(benchmark::State& state) {
    compare(state, true);
}
BENCHMARK(BM_SvgExportVsDot_OutputFile)
    ->Iterations(11)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

/// Start-up and exit alone: the floors of the two programs.
void BM_Phase_StartSkydraft(benchmark::State& state) {
    double cpu = 0;
    int status = 0;
    for (auto _ : state) {
        run({SKYDRAFT_EXECUTABLE, "--version"}, "", cpu, status);
    }
}
BENCHMARK(BM_Phase_StartSkydraft)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Phase_StartDot(benchmark::State& state) {
    double cpu = 0;
    int status = 0;
    for (auto _ : state) {
        run({"/usr/bin/dot", "-V"}, "", cpu, status);
    }
}
BENCHMARK(BM_Phase_StartDot)->Unit(benchmark::kMillisecond)->UseRealTime();

/// Reading the template: parsing it and importing it as a diagram (dot has no such phase).
void BM_Phase_ImportTemplate(benchmark::State& state) {
    for (auto _ : state) {
        benchmark::DoNotOptimize(importCloudFormation(inputs().templateText));
    }
}
BENCHMARK(BM_Phase_ImportTemplate)->Unit(benchmark::kMillisecond);

void BM_Phase_WriteDot(benchmark::State& state) {
    const Diagram diagram = *importCloudFormation(inputs().templateText).diagram;
    for (auto _ : state) {
        benchmark::DoNotOptimize(writeDot(diagram));
    }
}
BENCHMARK(BM_Phase_WriteDot)->Unit(benchmark::kMillisecond);

/// Layout and SVG in process, Graphviz already started (dot pays its start-up in StartDot).
void BM_Phase_RenderSvg(benchmark::State& state) {
    const std::string dot = writeDot(*importCloudFormation(inputs().templateText).diagram);
    for (auto _ : state) {
        const RenderResult result = renderDot(dot, RenderFormat::Svg);
        if (!result.ok()) {
            state.SkipWithError(result.error.c_str());
            break;
        }
        benchmark::DoNotOptimize(result.bytes.data());
    }
}
BENCHMARK(BM_Phase_RenderSvg)->Unit(benchmark::kMillisecond);

}  // namespace
