// Graphviz export speed: the in-process render against running `dot` on the same DOT text, and
// a 500-resource diagram to SVG (target: under 3 s).
#include <benchmark/benchmark.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "diagram_file.h"
#include "dot_writer.h"
#include "graphviz_renderer.h"
#include "icon_library.h"

extern char** environ;

namespace skydraft {
namespace {

namespace fs = std::filesystem;

Element make(std::string id, std::string kind, std::string parent,
             nlohmann::json properties = nlohmann::json::object()) {
    Element e;
    e.name = id;
    e.id = std::move(id);
    e.kind = std::move(kind);
    e.parent = std::move(parent);
    e.properties = std::move(properties);
    return e;
}

/// VPCs of two zones with public, app and data subnets, gateways, route tables, instances,
/// load balancers and databases, joined by a transit gateway and peerings: resources resources.
Diagram generatedDiagram(int resources) {
    std::vector<Element> elements;
    std::vector<Connection> connections;
    elements.push_back(make("tgw", "transit_gateway", "", {{"region", "us-east-1"}}));
    int vpc = 0;
    while (static_cast<int>(elements.size()) < resources) {
        const std::string v = "vpc-" + std::to_string(vpc);
        const std::string octet = std::to_string(vpc % 250);
        elements.push_back(make(v, "vpc", "", {{"region", "us-east-1"},
                                               {"cidr", "10." + octet + ".0.0/16"}}));
        elements.push_back(make(v + "-igw", "internet_gateway", v));
        std::vector<std::string> publicSubnets;
        std::vector<std::string> privateSubnets;
        std::vector<std::string> dataSubnets;
        for (const char* zone : {"a", "b"}) {
            const std::string az = std::string("us-east-1") + zone;
            int third = 0;
            for (const char* tier : {"public", "app", "data"}) {
                const std::string s = v + "-" + tier + "-" + zone;
                elements.push_back(make(
                    s, "subnet", v,
                    {{"availability_zone", az},
                     {"cidr", "10." + octet + "." + std::to_string(third++ * 10 + (*zone - 'a')) +
                                  ".0/24"}}));
                (std::string(tier) == "public"  ? publicSubnets
                 : std::string(tier) == "app"   ? privateSubnets
                                                : dataSubnets)
                    .push_back(s);
            }
            elements.push_back(make(v + "-nat-" + zone, "nat_gateway", v + "-public-" + zone));
        }
        elements.push_back(make(v + "-rt-public", "route_table", v,
                                {{"associations", publicSubnets},
                                 {"routes", {{{"destination", "0.0.0.0/0"},
                                              {"target", v + "-igw"}}}}}));
        elements.push_back(make(v + "-rt-app", "route_table", v,
                                {{"main", true},
                                 {"routes", {{{"destination", "0.0.0.0/0"},
                                              {"target", v + "-nat-a"}}}}}));
        elements.push_back(make(v + "-sg", "security_group", v));
        std::vector<std::string> targets;
        for (int i = 0; i < 12; ++i) {
            const std::string instance = v + "-web-" + std::to_string(i);
            elements.push_back(make(instance, "ec2_instance", privateSubnets[i % 2]));
            targets.push_back(instance);
        }
        elements.push_back(make(v + "-alb", "load_balancer", v,
                                {{"subnets", publicSubnets}, {"targets", targets}}));
        elements.push_back(make(v + "-db", "rds_instance", v, {{"subnets", dataSubnets}}));
        connections.push_back({v + "-att", "transit_gateway_attachment", "", v, "tgw",
                               {{"subnets", privateSubnets}}, {}});
        if (vpc > 0 && vpc % 3 == 0) {
            connections.push_back({v + "-pcx", "vpc_peering", "", "vpc-" + std::to_string(vpc - 1),
                                   v, {}, {}});
        }
        ++vpc;
    }
    Diagram diagram;
    diagram.setName("Generated");
    const Status status = diagram.assign(std::move(elements), std::move(connections));
    if (!status) {
        throw std::runtime_error(status.error);
    }
    return diagram;
}

std::string readFile(const fs::path& path) {
    std::ifstream file(path, std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

/// The source tree, found from this file's path (benchmarks/graphviz_bench.cpp).
fs::path sourceDir() { return fs::path(__FILE__).parent_path().parent_path(); }

std::string exampleDot(const std::string& name) {
    const auto loaded = loadDiagram(readFile(sourceDir() / "examples" / (name + ".skydraft")));
    if (!loaded) {
        throw std::runtime_error("cannot load example " + name);
    }
    return writeDot(*loaded.diagram);
}

/// The DOT text and an icon directory on disk, for the `dot` program.
class DotOnDisk {
public:
    explicit DotOnDisk(const std::string& dot) {
        m_dir = fs::temp_directory_path() / ("skydraft-bench-" + std::to_string(getpid()));
        fs::create_directories(m_dir);
        for (const EmbeddedIcon& icon : embeddedIcons()) {
            std::ofstream(m_dir / (std::string(icon.key) + ".svg"))
                << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                << icon.svg;
        }
        std::ofstream(m_dir / "diagram.dot") << dot;
    }
    ~DotOnDisk() { fs::remove_all(m_dir); }

    /// Runs `dot -T<format> -Gimagepath=DIR diagram.dot -o /dev/null`; returns its exit code.
    int runDot(const std::string& format) const {
        std::vector<std::string> args = {"/usr/bin/dot", "-T" + format,
                                         "-Gimagepath=" + m_dir.string(),
                                         (m_dir / "diagram.dot").string(), "-o", "/dev/null"};
        if (format == "png") {
            args.insert(args.begin() + 2, "-Gdpi=96");
        }
        std::vector<char*> argv;
        for (std::string& arg : args) {
            argv.push_back(arg.data());
        }
        argv.push_back(nullptr);
        pid_t pid = 0;
        if (posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0) {
            return -1;
        }
        int status = 0;
        waitpid(pid, &status, 0);
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

private:
    fs::path m_dir;
};

const char* const kExamples[] = {"three-tier-web-app", "hub-and-spoke-tgw-vpn",
                                 "three-peered-vpcs"};

std::string benchDot(int index) {
    if (index < 3) {
        return exampleDot(kExamples[index]);
    }
    return writeDot(generatedDiagram(500));
}

std::string benchLabel(int index) { return index < 3 ? kExamples[index] : "generated-500"; }

RenderFormat formatOf(int index) {
    return index == 0 ? RenderFormat::Svg : index == 1 ? RenderFormat::Png : RenderFormat::Pdf;
}

void BM_RenderInProcess(benchmark::State& state) {
    const std::string dot = benchDot(static_cast<int>(state.range(0)));
    const RenderFormat format = formatOf(static_cast<int>(state.range(1)));
    for (auto _ : state) {
        const RenderResult result = renderDot(dot, format, 96);
        if (!result.ok()) {
            state.SkipWithError(result.error.c_str());
            break;
        }
        benchmark::DoNotOptimize(result.bytes.data());
    }
    state.SetLabel(benchLabel(static_cast<int>(state.range(0))) + " " +
                   std::string(renderFormatName(format)));
}

void BM_DotSubprocess(benchmark::State& state) {
    const DotOnDisk files(benchDot(static_cast<int>(state.range(0))));
    const RenderFormat format = formatOf(static_cast<int>(state.range(1)));
    for (auto _ : state) {
        if (files.runDot(std::string(renderFormatName(format))) != 0) {
            state.SkipWithError("dot failed");
            break;
        }
    }
    state.SetLabel(benchLabel(static_cast<int>(state.range(0))) + " " +
                   std::string(renderFormatName(format)));
}

void BM_WriteDot500(benchmark::State& state) {
    const Diagram diagram = generatedDiagram(500);
    for (auto _ : state) {
        benchmark::DoNotOptimize(writeDot(diagram));
    }
    state.SetLabel(std::to_string(diagram.elements().size()) + " elements");
}

void BM_Diagram500ToSvg(benchmark::State& state) {
    const Diagram diagram = generatedDiagram(500);
    for (auto _ : state) {
        const RenderResult result = renderDot(writeDot(diagram), RenderFormat::Svg, 96);
        if (!result.ok()) {
            state.SkipWithError(result.error.c_str());
            break;
        }
        benchmark::DoNotOptimize(result.bytes.data());
    }
    state.SetLabel(std::to_string(diagram.elements().size()) + " elements");
}

// Side by side: {example 0..2 or the generated diagram 3} x {svg, png, pdf}.
void renderArguments(benchmark::internal::Benchmark* bench) {
    for (int diagram = 0; diagram < 4; ++diagram) {
        for (int format = 0; format < 3; ++format) {
            if (diagram == 3 && format != 0) {
                continue;
            }
            bench->Args({diagram, format});
        }
    }
}

BENCHMARK(BM_RenderInProcess)->Apply(renderArguments)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DotSubprocess)->Apply(renderArguments)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WriteDot500)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Diagram500ToSvg)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace skydraft
