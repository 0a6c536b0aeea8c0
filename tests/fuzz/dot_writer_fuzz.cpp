// Fuzz target: a diagram with arbitrary names and ids always gives DOT that cgraph parses.
#include <graphviz/cgraph.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "diagram.h"
#include "dot_writer.h"

namespace {

/// Splits the input at 0xFF bytes into the names of a small but complete diagram.
std::vector<std::string> names(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> out(1);
    for (std::size_t i = 0; i < size; ++i) {
        if (data[i] == 0xFF) {
            out.emplace_back();
        } else {
            out.back() += static_cast<char>(data[i]);
        }
    }
    out.resize(8);
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using skydraft::Element;
    const auto n = names(data, size);
    skydraft::Diagram diagram;
    diagram.setName(n[0]);
    const auto add = [&](Element e) {
        if (!diagram.addElement(std::move(e))) {
            std::abort();
        }
    };
    add({"vpc-1", "vpc", n[1], "", {}, {{"cidr", n[2]}, {"region", n[3]}}, {{n[4], n[5]}}, {}});
    add({"subnet-1",
         "subnet",
         n[6],
         "vpc-1",
         {},
         {{"cidr", n[7]}, {"availability_zone", n[3]}},
         {},
         {}});
    add({"i-1", "ec2_instance", n[5], "subnet-1", {}, {}, {}, {}});
    add({"vpc-2", "vpc", n[7], "", {}, {{"cidr", n[2]}, {"region", n[1]}}, {}, {}});
    add({"igw-1", "internet_gateway", n[4], "vpc-1", {}, {}, {}, {}});
    add({"rt-1",
         "route_table",
         n[2],
         "vpc-1",
         {},
         {{"associations", {"subnet-1"}},
          {"routes", {{{"destination", n[6]}, {"target", "igw-1"}}}}},
         {},
         {}});
    if (!diagram.addConnection({"pcx-1", "vpc_peering", n[3], "vpc-1", "vpc-2", {}, {}})) {
        std::abort();
    }
    skydraft::DotOptions options;
    options.findings.push_back({{"subnet-1", "vpc-2"}, skydraft::FindingSeverity::Error, n[4]});
    const std::string dot = skydraft::writeDot(diagram, options);
    Agraph_t* graph = agmemread(dot.c_str());
    if (graph == nullptr) {
        std::abort();  // the writer produced DOT that does not parse
    }
    agclose(graph);
    return 0;
}
