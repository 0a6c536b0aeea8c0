// Diagram -> Mermaid flowchart: region, VPC and subnet subgraphs, resource nodes, links.
#include "mermaid_writer.h"

#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "analysis/route_analysis.h"
#include "catalogue/kind_keys.h"
#include "catalogue/resource_catalogue.h"
#include "picture_style.h"

namespace skydraft {

namespace {

/// Text inside a quoted node or subgraph label: quotes, entity starts and markup become
/// Mermaid entity codes, line breaks and other control characters become spaces.
std::string labelText(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '"':
                out += "#quot;";
                break;
            case '#':
                out += "#35;";
                break;
            case '<':
                out += "#lt;";
                break;
            case '>':
                out += "#gt;";
                break;
            case '&':
                out += "#amp;";
                break;
            case '`':
                out += "#96;";
                break;
            default:
                out += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? ' ' : c;
        }
    }
    return out;
}

/// Text of an unquoted link label (|...|): also the characters that end or open a shape.
std::string linkText(std::string_view text) {
    std::string out;
    for (const char c : labelText(text)) {
        switch (c) {
            case '|':
                out += "#124;";
                break;
            case '[':
                out += "#91;";
                break;
            case ']':
                out += "#93;";
                break;
            case '(':
                out += "#40;";
                break;
            case ')':
                out += "#41;";
                break;
            case '{':
                out += "#123;";
                break;
            case '}':
                out += "#125;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

/// A node's shape brackets by category: cylinders for data, rounded boxes for network parts.
std::pair<std::string_view, std::string_view> shapeOf(Category category) {
    switch (category) {
        case Category::Networking:
            return {"(", ")"};
        case Category::Compute:
            return {"[", "]"};
        case Category::Database:
        case Category::Storage:
            return {"[(", ")]"};
        case Category::Integration:
            return {"[[", "]]"};
    }
    return {"[", "]"};
}

class MermaidWriter {
public:
    explicit MermaidWriter(const Diagram& diagram)
        : m_diagram(diagram), m_catalogue(ResourceCatalogue::instance()), m_routes(diagram) {
        for (const Element& e : diagram.elements()) {
            m_children[e.parent].push_back(&e);
        }
        std::unordered_set<std::string> taken;
        const auto assign = [&](const Id& id) {
            std::string name = "n_";
            for (const char c : id) {
                const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                   (c >= '0' && c <= '9') || c == '_';
                name += plain ? c : '_';
            }
            std::string unique = name;
            for (int n = 2; !taken.insert(unique).second; ++n) {
                unique = name + "_" + std::to_string(n);
            }
            m_ids.emplace(id, unique);
        };
        for (const Element& e : diagram.elements()) {
            assign(e.id);
        }
    }

    std::string write() {
        // Room under the two-line subnet titles (Mermaid 10.9 and later; older ones ignore it).
        m_out +=
            "%%{init: {\"flowchart\": {\"subGraphTitleMargin\": {\"top\": 4, "
            "\"bottom\": 22}}}}%%\nflowchart TB\n";
        if (!m_diagram.name().empty()) {
            line("%% " + labelText(m_diagram.name()));
        }
        writeTopLevel();
        writeLinks();
        writeStyles();
        return std::move(m_out);
    }

private:
    const std::vector<const Element*>& childrenOf(std::string_view id) const {
        static const std::vector<const Element*> none;
        const auto it = m_children.find(std::string(id));
        return it == m_children.end() ? none : it->second;
    }

    const KindDef* kindOf(const Element& e) const { return m_catalogue.kind(e.kind); }

    std::string kindName(const Element& e) const {
        const KindDef* def = kindOf(e);
        return def ? def->displayName : e.kind;
    }

    /// Subnets are the boxes the route analysis gives a reach to.
    static bool isSubnet(const Element& e) { return e.kind == kinds::kSubnet; }

    bool isGroup(const Element& e) const {
        const KindDef* def = kindOf(e);
        return (def && def->isContainer) || !childrenOf(e.id).empty();
    }

    const std::string& idOf(std::string_view id) const { return m_ids.at(std::string(id)); }

    void line(std::string_view text) {
        m_out.append(static_cast<std::size_t>(m_depth) * 2 + 2, ' ');
        m_out += text;
        m_out += '\n';
    }

    /// True when element id is ancestor or inside it.
    bool isInside(std::string_view id, std::string_view ancestor) const {
        for (const Element* e = m_diagram.element(id); e; e = m_diagram.element(e->parent)) {
            if (e->id == ancestor) {
                return true;
            }
        }
        return false;
    }

    void writeTopLevel() {
        // Top-level elements that carry a region (VPCs, transit gateways) are grouped by it.
        std::vector<std::string> regions;
        std::map<std::string, std::vector<const Element*>> byRegion;
        std::vector<const Element*> outside;
        for (const Element* e : childrenOf("")) {
            const KindDef* def = kindOf(*e);
            if (def && def->property("region") && !e->stringProperty("region").empty()) {
                const std::string region = e->stringProperty("region");
                if (!byRegion.contains(region)) {
                    regions.push_back(region);
                }
                byRegion[region].push_back(e);
            } else {
                outside.push_back(e);
            }
        }
        for (std::size_t i = 0; i < regions.size(); ++i) {
            const std::string id = "region_" + std::to_string(i + 1);
            line("subgraph " + id + "[\"Region " + labelText(regions[i]) + "\"]");
            ++m_depth;
            for (const Element* e : byRegion[regions[i]]) {
                writeElement(*e);
            }
            --m_depth;
            line("end");
            m_styles.push_back("style " + id +
                               " fill:#FFFFFF,stroke:#00A4A6,stroke-dasharray:6 4,color:#00696B");
        }
        for (const Element* e : outside) {
            writeElement(*e);
        }
    }

    void writeElement(const Element& e) {
        if (isGroup(e)) {
            writeGroup(e);
        } else {
            writeNode(e);
        }
    }

    void writeNode(const Element& e) {
        const KindDef* def = kindOf(e);
        const Category category = def ? def->category : Category::Networking;
        const auto [open, close] = shapeOf(category);
        const std::string name = e.name.empty() ? kindName(e) : e.name;
        line(idOf(e.id) + std::string(open) + "\"" + labelText(name) + "<br/>" +
             labelText(kindName(e)) + "\"" + std::string(close));
        m_categories[category].push_back(idOf(e.id));
    }

    void writeGroup(const Element& e) {
        const std::string name = e.name.empty() ? e.id : e.name;
        const std::string cidr = e.stringProperty("cidr");
        std::string label =
            labelText(kindName(e) + " " + name + (cidr.empty() ? "" : " · " + cidr));
        std::string style = "fill:#FFFFFF,stroke:#8C4FFF,stroke-width:2px,color:#232F3E";
        if (isSubnet(e)) {
            // Two short lines: Mermaid sizes a subgraph by its content, not by its title.
            const ReachStyle& reach = reachStyle(m_routes.reach(e));
            const std::string zone = e.stringProperty("availability_zone");
            label = labelText(name + (cidr.empty() ? "" : " · " + cidr)) + "<br/>" +
                    labelText(std::string(reach.title) + (zone.empty() ? "" : " · " + zone));
            style = "fill:" + std::string(reach.fill) + ",stroke:" + std::string(reach.pen) +
                    ",color:" + std::string(reach.text);
        }
        line("subgraph " + idOf(e.id) + "[\"" + label + "\"]");
        ++m_depth;
        const auto& children = childrenOf(e.id);
        for (const Element* child : children) {
            writeElement(*child);
        }
        if (children.empty()) {
            // Mermaid turns an empty subgraph into a plain node: keep the box with a blank one.
            const std::string blank = "b" + idOf(e.id).substr(1);
            line(blank + "[\" \"]");
            m_styles.push_back("style " + blank + " fill:none,stroke:none");
        }
        --m_depth;
        line("end");
        m_styles.push_back("style " + idOf(e.id) + " " + style);
    }

    void link(const std::string& from, std::string_view arrow, const std::string& label,
              const std::string& to) {
        m_links.push_back(from + " " + std::string(arrow) +
                          (label.empty() ? "" : "|" + linkText(label) + "|") + " " + to);
    }

    void writeLinks() {
        writeConnections();
        writeRoutes();
        writePlacements();
        for (const std::string& text : m_links) {
            line(text);
        }
    }

    void writeConnections() {
        for (const Connection& c : m_diagram.connections()) {
            if (!m_diagram.element(c.from) || !m_diagram.element(c.to) || isInside(c.from, c.to) ||
                isInside(c.to, c.from)) {
                continue;
            }
            const ConnectionKindDef* def = m_catalogue.connectionKind(c.kind);
            std::string label = def ? def->displayName : c.kind;
            if (!c.name.empty()) {
                label = c.name + " (" + label + ")";
            }
            // Dashed and directed as the catalogue draws the kind.
            const bool dashed = def && def->dashed;
            const bool directed = !def || def->directed;
            link(idOf(c.from), dashed ? (directed ? "-.->" : "-.-") : (directed ? "-->" : "---"),
                 label, idOf(c.to));
        }
    }

    /// Each subnet's static routes to elements outside it, one dotted link per target with
    /// the destinations it serves.
    void writeRoutes() {
        for (const Element& subnet : m_diagram.elements()) {
            if (!isSubnet(subnet)) {
                continue;
            }
            const RouteTableInfo* table = m_routes.tableOfSubnet(subnet);
            if (!table) {
                continue;
            }
            std::map<std::string_view, std::vector<std::string>> destinations;
            std::vector<std::string_view> order;
            for (const WrittenRoute& route : table->written) {
                const Element* target = m_diagram.element(route.target);
                if (!target || isInside(target->id, subnet.id) || isInside(subnet.id, target->id)) {
                    continue;
                }
                auto& list = destinations[route.target];
                if (list.empty()) {
                    order.push_back(route.target);
                }
                list.emplace_back(route.destination);
            }
            for (const std::string_view target : order) {
                std::string label;
                for (const std::string& destination : destinations[target]) {
                    label += (label.empty() ? "" : ", ") + destination;
                }
                // From the gateway, so that Mermaid puts gateways above the subnets they serve.
                link(idOf(target), "-.-", label, idOf(subnet.id));
            }
        }
    }

    /// Resources placed in subnets they are not drawn in (load balancers, databases, ...),
    /// and load balancer targets.
    void writePlacements() {
        for (const Element& e : m_diagram.elements()) {
            const KindDef* def = kindOf(e);
            if (!def) {
                continue;
            }
            if (const PropertyDef* subnets = def->property("subnets");
                subnets && subnets->type == PropertyType::ReferenceList) {
                for (const std::string& subnetId : e.stringListProperty("subnets")) {
                    const Element* subnet = m_diagram.element(subnetId);
                    if (subnet && isSubnet(*subnet) && !isInside(e.id, subnetId)) {
                        link(idOf(e.id), "-.-", "", idOf(subnetId));
                    }
                }
            }
            if (const PropertyDef* targets = def->property("targets");
                targets && targets->type == PropertyType::ReferenceList) {
                for (const std::string& targetId : e.stringListProperty("targets")) {
                    const Element* target = m_diagram.element(targetId);
                    if (target && !isInside(targetId, e.id) && !isInside(e.id, targetId)) {
                        link(idOf(e.id), "-->", "", idOf(targetId));
                    }
                }
            }
        }
    }

    void writeStyles() {
        for (const auto& [category, ids] : m_categories) {
            const std::string name(categoryKey(category));
            line("classDef " + name + " fill:#FFFFFF,stroke:" +
                 std::string(categoryColour(category)) + ",stroke-width:1.5px,color:#232F3E");
            std::string members;
            for (const std::string& id : ids) {
                members += (members.empty() ? "" : ",") + id;
            }
            line("class " + members + " " + name);
        }
        for (const std::string& text : m_styles) {
            line(text);
        }
    }

    const Diagram& m_diagram;
    const ResourceCatalogue& m_catalogue;
    RouteAnalysis m_routes;
    std::string m_out;
    int m_depth = 0;
    std::unordered_map<std::string, std::vector<const Element*>> m_children;
    std::unordered_map<std::string, std::string> m_ids;
    std::map<Category, std::vector<std::string>> m_categories;
    std::vector<std::string> m_links;
    std::vector<std::string> m_styles;
};

}  // namespace

std::string writeMermaid(const Diagram& diagram) {
    return MermaidWriter(diagram).write();
}

}  // namespace skydraft
