// Whole-process speed of `skydraft validate` on a realistic template: 18 VPCs with public and
// private subnets in two zones and a NAT gateway per zone (about 400 resources). The target
// is 40 ms from exec to exit, start-up included.
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "cloudformation_exporter.h"
#include "generator.h"

extern char** environ;

namespace {

using namespace skydraft;

/// A file removed when the program ends.
struct TemporaryFile {
    std::string path;
    ~TemporaryFile() { std::filesystem::remove(path); }
};

/// Writes the realistic template once and returns its path.
const std::string& realisticTemplate() {
    static const TemporaryFile file{[] {
        GeneratorOptions o;
        o.vpcs = 18;
        o.subnetsPerVpc = 4;
        o.peerings = 0;
        o.instancesPerSubnet = 0;
        o.regions = 1;
        const auto cfn = exportCloudFormation(generateDiagram(o));
        const auto target = std::filesystem::temp_directory_path() /
                            ("skydraft-bench-" + std::to_string(getpid()) + ".json");
        std::ofstream(target) << cfn.dump(1);
        return target.string();
    }()};
    return file.path;
}

/// Runs the command with stdout and stderr sent to /dev/null; returns the child's CPU time
/// (user + system) in milliseconds, and its exit status through status.
double runProcess(const std::vector<std::string>& args, int& status) {
    std::vector<char*> argv;
    for (const std::string& a : args) {
        argv.push_back(const_cast<char*>(a.c_str()));
    }
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) {
        throw std::runtime_error("cannot start " + args[0]);
    }
    posix_spawn_file_actions_destroy(&actions);
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    auto ms = [](const timeval& t) { return t.tv_sec * 1e3 + t.tv_usec / 1e3; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

void BM_ValidateProcessRealistic(benchmark::State& state) {
    const std::vector<std::string> args = {SKYDRAFT_EXECUTABLE, "validate", realisticTemplate()};
    double cpu = 0;
    int status = 0;
    for (auto _ : state) {
        cpu += runProcess(args, status);
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        state.SkipWithError("skydraft validate did not exit with 0 on the realistic template");
    }
    state.counters["child_cpu_ms"] = benchmark::Counter(cpu, benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_ValidateProcessRealistic)->Unit(benchmark::kMillisecond)->UseRealTime();

/// The floor: the same binary printing its help (start-up and exit only).
void BM_HelpProcess(benchmark::State& state) {
    const std::vector<std::string> args = {SKYDRAFT_EXECUTABLE, "help"};
    double cpu = 0;
    int status = 0;
    for (auto _ : state) {
        cpu += runProcess(args, status);
    }
    state.counters["child_cpu_ms"] = benchmark::Counter(cpu, benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_HelpProcess)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
