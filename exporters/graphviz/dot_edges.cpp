// Edges of the DOT picture: connections as the catalogue styles them (ending on VPC and subnet
// boxes), the internet to its gateways, default routes, placements in subnets, load balancer
// targets, and the invisible edges that keep the layout in order.
#include <algorithm>
#include <functional>
#include <set>

#include "catalogue/kind_keys.h"
#include "dot_escape.h"
#include "dot_style.h"
#include "dot_writer_impl.h"

namespace skydraft::dot {

namespace {

std::string number(double value) {
    std::string text = std::to_string(value);
    text.erase(text.find_last_not_of('0') + 1);
    if (!text.empty() && text.back() == '.') {
        text.pop_back();
    }
    return text;
}

/// A connection kind that attaches a VPC to a hub (a transit gateway attachment: every
/// endpoint rule goes from a VPC to another kind) is drawn from the hub down to the VPC.
bool attachesVpcToHub(const ConnectionKindDef* def) {
    return def && !def->endpoints.empty() &&
           std::all_of(def->endpoints.begin(), def->endpoints.end(), [](const EndpointRule& r) {
               return r.from == kinds::kVpc && r.to != kinds::kVpc;
           });
}

}  // namespace

std::pair<std::string, std::string> DotWriter::endpoint(const Element& e) {
    if (e.kind != kinds::kVpc && e.kind != kinds::kSubnet) {
        return {dotQuoted(e.id), ""};
    }
    return {anchorOf(e.id), clusterName(e.id)};
}

/// The first node drawn inside a cluster (or its placeholder).
std::string DotWriter::anchorOf(const std::string& clusterId) {
    if (const auto it = m_anchors.find(clusterId); it != m_anchors.end()) {
        return dotQuoted(it->second);
    }
    const auto isBox = [](const Element& e) {
        return e.kind == kinds::kVpc || e.kind == kinds::kSubnet;
    };
    std::function<const Element*(const std::string&)> first =
        [&](const std::string& id) -> const Element* {
        std::vector<const Element*> children = childrenOf(id);
        if (const Element* e = m_diagram.element(id); e && e->kind == kinds::kVpc) {
            std::stable_sort(children.begin(), children.end(),
                             [&](const Element* a, const Element* b) {
                                 return vpcChildOrder(*a) < vpcChildOrder(*b);
                             });
        }
        for (const Element* child : children) {
            if (isBox(*child)) {
                if (childrenOf(child->id).empty()) {
                    return nullptr;
                }
                if (const Element* inner = first(child->id)) {
                    return inner;
                }
                continue;
            }
            return child;
        }
        return nullptr;
    };
    if (const Element* e = first(clusterId)) {
        m_anchors[clusterId] = e->id;
        return dotQuoted(e->id);
    }
    // Only reachable for a cluster whose first subnet is empty: use that placeholder.
    for (const Element* child : childrenOf(clusterId)) {
        if (isBox(*child)) {
            return anchorOf(child->id);
        }
    }
    return dotQuoted("/empty/" + clusterId);
}

void DotWriter::edge(const std::string& tail, const std::string& head, std::string_view styleKey,
                     std::string attributes, const Mark* mark, const std::string& label) {
    const EdgeStyle& style = edgeStyle(styleKey);
    m_usedEdgeStyles.insert(style.key);
    std::string attrs = "color=\"" +
                        std::string(mark ? severityColour(mark->severity) : style.colour) +
                        "\", style=" + std::string(style.style) +
                        ", penwidth=" + (mark ? std::string("3") : number(style.penwidth)) +
                        ", dir=" + std::string(style.dir);
    std::string text = label.empty() ? std::string() : htmlLabelText(label);
    if (mark) {
        text += std::string(text.empty() ? "" : "<BR/>") + markNote(*mark);
    }
    if (!text.empty()) {
        attrs += ", label=<" + text + ">, fontcolor=\"" + std::string(style.colour) + "\"";
    }
    if (!attributes.empty()) {
        attrs += ", " + attributes;
    }
    m_edges.push_back(tail + " -> " + head + " [" + attrs + "];");
}

void DotWriter::writeEdges() {
    for (const Element* gateway : m_internetGateways) {
        const RouteTarget* target = m_catalogue.routeTarget(gateway->kind);
        const bool outboundOnly = target && target->reach == RouteReach::InternetOutbound;
        edge(dotQuoted("/internet"), dotQuoted(gateway->id), kInternetLine,
             outboundOnly ? "dir=back" : "", markOf(gateway->id));
    }
    writeRouteEdges();
    writePlacementEdges();
    for (const Connection& c : m_diagram.connections()) {
        writeConnection(c);
    }
    for (const auto& [upper, lower] : m_stacking) {
        m_deferred.push_back(anchorOf(upper) + " -> " + anchorOf(lower) +
                             " [style=invis, weight=2];");
    }
    for (const auto& [above, below] : m_rowBreaks) {
        if (const auto bottom = m_bottoms.find(above); bottom != m_bottoms.end()) {
            // (with weight=0 dot ignores the constraint between clusters)
            m_deferred.push_back(bottom->second + " -> " + anchorOf(below) + " [style=invis];");
        }
    }
    for (const auto& [vpcId, firstNode] : m_configurationRows) {
        writeConfigurationSpacer(vpcId, firstNode);
    }
    for (const std::string& text : m_edges) {
        line(text);
    }
    for (const std::string& text : m_deferred) {
        line(text);
    }
}

/// Default routes (0.0.0.0/0, ::/0) of each subnet's effective route table (RouteAnalysis) to
/// a gateway in its VPC, drawn from the gateway so that gateways sit above the subnets they
/// serve.
void DotWriter::writeRouteEdges() {
    std::set<std::pair<std::string, std::string>> seen;
    for (const Element* subnet : m_diagram.elementsOfKind(kinds::kSubnet)) {
        const RouteTableInfo* table = m_routes.tableOfSubnet(*subnet);
        if (!table) {
            continue;
        }
        const Element* subnetVpc = m_diagram.ancestorOfKind(subnet->id, kinds::kVpc);
        for (const WrittenRoute& route : table->written) {
            if (!route.cidr || route.cidr->prefix() != 0) {
                continue;
            }
            const Element* target = m_diagram.element(route.target);
            if (!target || isCluster(*target) || isInside(target->id, subnet->id) ||
                m_diagram.ancestorOfKind(target->id, kinds::kVpc) != subnetVpc ||
                !seen.emplace(target->id, subnet->id).second) {
                continue;
            }
            edge(dotQuoted(target->id), anchorOf(subnet->id), kRouteLine,
                 "lhead=" + clusterName(subnet->id));
        }
    }
}

/// Resources that live in the VPC but are placed in subnets (load balancers, databases, ...),
/// joined to their subnets; resources with targets (load balancers) also to their targets.
void DotWriter::writePlacementEdges() {
    for (const Element& e : m_diagram.elements()) {
        if (e.kind == kinds::kSubnet || roleOf(e) == PictureRole::Setting) {
            continue;
        }
        for (const std::string& subnetId : e.stringListProperty("subnets")) {
            const Element* subnet = m_diagram.element(subnetId);
            if (!subnet || subnet->kind != kinds::kSubnet || isInside(e.id, subnetId)) {
                continue;
            }
            edge(dotQuoted(e.id), anchorOf(subnetId), kPlacementLine,
                 "lhead=" + clusterName(subnetId) + ", arrowhead=none");
        }
        const KindDef* def = kindOf(e);
        if (!def || !def->property("targets")) {
            continue;
        }
        for (const std::string& targetId : e.stringListProperty("targets")) {
            const Element* target = m_diagram.element(targetId);
            if (!target || isCluster(*target)) {
                continue;
            }
            edge(dotQuoted(e.id), dotQuoted(targetId), kTargetLine, "");
        }
    }
}

/// Every connection keeps its rank constraint: Graphviz 2.43 corrupts its heap on labelled
/// flat edges and fails assertions in mincross on flat edges between clusters.
void DotWriter::writeConnection(const Connection& c) {
    const Element* from = m_diagram.element(c.from);
    const Element* to = m_diagram.element(c.to);
    if (!from || !to) {
        return;
    }
    const Mark* mark = markOf(c.id);
    const std::string label = c.name;
    if (attachesVpcToHub(m_catalogue.connectionKind(c.kind))) {
        // Drawn from the hub down to the VPC box.
        auto [vpcNode, vpcCluster] = endpoint(*from);
        edge(dotQuoted(to->id), vpcNode, c.kind,
             "id=" + dotQuoted(c.id) +
                 (vpcCluster.empty() ? std::string() : ", lhead=" + vpcCluster),
             mark, label);
        return;
    }
    auto [tailNode, tailCluster] = endpoint(*from);
    auto [headNode, headCluster] = endpoint(*to);
    std::string attributes = "id=" + dotQuoted(c.id);
    if (!tailCluster.empty() && !isInside(to->id, from->id)) {
        attributes += ", ltail=" + tailCluster;
    }
    if (!headCluster.empty() && !isInside(from->id, to->id)) {
        attributes += ", lhead=" + headCluster;
    }
    edge(tailNode, headNode, c.kind, attributes, mark, label);
}

/// Keeps the row of route tables, security groups and ACLs below the subnets.
void DotWriter::writeConfigurationSpacer(const std::string& vpcId, const std::string& firstNode) {
    for (const Element* child : childrenOf(vpcId)) {
        if (child->kind == kinds::kSubnet) {
            m_deferred.push_back(anchorOf(child->id) + " -> " + firstNode +
                                 " [style=invis, weight=0];");
        }
    }
}

}  // namespace skydraft::dot
