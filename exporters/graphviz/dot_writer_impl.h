// The DotWriter class behind writeDot(), shared by its parts: dot_writer.cpp (the frame),
// dot_clusters.cpp (regions, VPCs, zones, subnets), dot_nodes.cpp (resource nodes),
// dot_edges.cpp (connections and the picture's own lines), dot_findings.cpp (marks) and
// dot_legend.cpp.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "analysis/route_analysis.h"
#include "catalogue/resource_catalogue.h"
#include "dot_writer.h"

namespace skydraft::dot {

/// The findings about one element or connection: the worst severity and the rule ids.
struct Mark {
    FindingSeverity severity = FindingSeverity::Info;
    std::set<std::string> ruleIds;
};

/// Writes one diagram; used once.
class DotWriter {
public:
    DotWriter(const Diagram& diagram, const DotOptions& options);
    std::string write();

private:
    // dot_writer.cpp: text output and the diagram's shape
    void line(std::string_view text);
    void open(std::string_view text);
    void close();
    void writeHeader();
    const std::vector<const Element*>& childrenOf(std::string_view id) const;
    const KindDef* kindOf(const Element& e) const { return m_catalogue.kind(e.kind); }
    PictureRole roleOf(const Element& e) const;
    /// Drawn as a box: VPCs, subnets, and any element that holds others (transit gateways
    /// with their route tables).
    bool isCluster(const Element& e) const;
    /// True when element id is cluster or inside it.
    bool isInside(std::string_view id, std::string_view cluster) const;
    std::string displayName(const Element& e) const;
    static std::string clusterName(std::string_view id);

    // dot_clusters.cpp: the nesting of regions, VPCs, zones and subnets
    void writeOnPremises();
    void writeInternet();
    std::vector<std::string> regions() const;
    void writeRegions();
    void writeRemainingTopLevel();
    void writeElement(const Element& e);
    void writeVpc(const Element& vpc);
    void writeZones(const Element& vpc, const std::string& anchor, bool connected,
                    std::vector<const Element*> subnets);
    void writeSettings(const Element& vpc, const std::vector<const Element*>& settings);
    void writeSubnet(const Element& subnet);
    void writeGroupCluster(const Element& owner);
    void writePlaceholder(std::string_view clusterId);
    std::string clusterLabel(std::string_view iconKind, std::string_view title,
                             std::string_view titleColour, const std::string& name,
                             const std::string& detail, const Mark* mark) const;
    void clusterStyle(std::string_view style, std::string_view pen, std::string_view fill,
                      double penwidth, const Mark* mark);
    /// Gateways first (at the top of the VPC), then resources, subnets, then settings.
    int vpcChildOrder(const Element& e) const;

    // dot_nodes.cpp: resource nodes
    void writeNode(const Element& e);
    std::string iconCell(std::string_view kind, int size, std::string_view attributes = {}) const;

    // dot_edges.cpp: connections, routes, placements, targets and invisible layout edges
    std::pair<std::string, std::string> endpoint(const Element& e);
    std::string anchorOf(const std::string& clusterId);
    void edge(const std::string& tail, const std::string& head, std::string_view styleKey,
              std::string attributes, const Mark* mark = nullptr, const std::string& label = {});
    void writeEdges();
    void writeRouteEdges();
    void writePlacementEdges();
    void writeConnection(const Connection& c);
    void writeConfigurationSpacer(const std::string& vpcId, const std::string& firstNode);

    // dot_findings.cpp: findings marked on nodes, boxes and edges
    void collectMarks();
    const Mark* markOf(std::string_view id) const;
    static std::string markNote(const Mark& mark);

    // dot_legend.cpp
    void writeLegend();

    const Diagram& m_diagram;
    const DotOptions& m_options;
    const ResourceCatalogue& m_catalogue;
    RouteAnalysis m_routes;
    std::string m_out;
    int m_depth = 0;
    std::unordered_map<std::string, std::vector<const Element*>> m_children;
    std::unordered_map<std::string, Mark> m_marks;
    std::unordered_set<std::string> m_written;
    std::unordered_map<std::string, std::string> m_anchors;
    std::unordered_set<std::string> m_connectedVpcs;
    std::vector<std::string> m_topRow;
    std::unordered_map<std::string, std::string> m_bottoms;  ///< VPC id -> its lowest node
    std::vector<std::pair<std::string, std::string>> m_rowBreaks;
    std::vector<const Element*> m_internetGateways;
    std::set<SubnetReach> m_subnetReaches;
    std::set<std::string> m_usedEdgeStyles;
    std::vector<std::pair<std::string, std::string>> m_configurationRows;
    std::vector<std::pair<std::string, std::string>> m_stacking;
    std::vector<std::string> m_edges;
    std::vector<std::string> m_deferred;
};

}  // namespace skydraft::dot
