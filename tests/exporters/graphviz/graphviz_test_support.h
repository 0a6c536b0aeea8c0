// Helpers shared by the Graphviz exporter tests: parsing DOT with cgraph, parsing SVG with expat.
#pragma once

#include <graphviz/cgraph.h>

#include "graphviz_renderer.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace skydraft::testing {

struct GraphCloser {
    void operator()(Agraph_t* graph) const { agclose(graph); }
};

/// A graph read back from DOT. It holds the Graphviz lock from reading to closing: cgraph is not
/// thread-safe and the renderer frees its own graphs on a background thread meanwhile.
class ParsedGraph {
public:
    explicit ParsedGraph(const std::string& dot)
        : m_lock(lockGraphviz()), m_graph(agmemread(dot.c_str())) {}
    Agraph_t* get() const { return m_graph.get(); }
    explicit operator bool() const { return m_graph != nullptr; }

private:
    std::unique_lock<std::recursive_mutex> m_lock;  // released after the graph is closed
    std::unique_ptr<Agraph_t, GraphCloser> m_graph;
};

/// Parses DOT text with cgraph's agmemread (a null graph on a syntax error).
inline ParsedGraph parseDot(const std::string& dot) {
    return ParsedGraph(dot);
}

/// The attribute value of a graph object ("" when unset).
inline std::string attribute(void* object, const char* name) {
    std::string key = name;
    const char* value = agget(object, key.data());
    return value ? value : "";
}

/// The subgraph of graph named name, searched at any depth (nullptr if absent).
Agraph_t* findSubgraph(Agraph_t* graph, const std::string& name);

/// One element of an XML document: its name, attributes and text.
struct XmlElement {
    std::string name;
    std::map<std::string, std::string> attributes;
    std::string text;
};

/// Parses XML with expat; returns false (and the error in *error) if it is not well-formed.
bool parseXml(const std::string& xml, std::vector<XmlElement>* elements, std::string* error);

}  // namespace skydraft::testing
