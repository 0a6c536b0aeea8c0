// Diagram -> DOT text: the frame of the graph (header, order of the parts, top row) and the
// helpers every part shares. The parts live beside it (see dot_writer_impl.h).
#include "dot_writer.h"

#include "catalogue/kind_keys.h"
#include "dot_escape.h"
#include "dot_style.h"
#include "dot_writer_impl.h"

namespace skydraft {

namespace dot {

DotWriter::DotWriter(const Diagram& diagram, const DotOptions& options)
    : m_diagram(diagram),
      m_options(options),
      m_catalogue(ResourceCatalogue::instance()),
      m_routes(diagram) {
    for (const Element& e : diagram.elements()) {
        m_children[e.parent].push_back(&e);
    }
    collectMarks();
    for (const Connection& c : diagram.connections()) {
        for (const Id& end : {c.from, c.to}) {
            if (const Element* e = diagram.element(end); e && e->kind == kinds::kVpc) {
                m_connectedVpcs.insert(e->id);
            }
        }
    }
}

std::string DotWriter::write() {
    writeHeader();
    writeOnPremises();
    writeInternet();
    writeRegions();
    writeRemainingTopLevel();
    writeEdges();
    if (m_options.legend) {
        writeLegend();
    }
    if (!m_topRow.empty()) {
        // The internet and the legend above everything else.
        std::string row = "{rank=source;";
        for (const std::string& node : m_topRow) {
            row += " " + node + ";";
        }
        line(row + "}");
    }
    m_out += "}\n";
    return std::move(m_out);
}

void DotWriter::line(std::string_view text) {
    m_out.append(static_cast<std::size_t>(m_depth) * 2, ' ');
    m_out += text;
    m_out += '\n';
}

void DotWriter::open(std::string_view text) {
    line(text);
    ++m_depth;
}

void DotWriter::close() {
    --m_depth;
    line("}");
}

void DotWriter::writeHeader() {
    open("digraph \"skydraft\" {");
    std::string title;
    if (!m_diagram.name().empty()) {
        title = ", label=<<B>" + htmlLabelText(m_diagram.name()) + "</B>>";
    }
    line("graph [compound=true, rankdir=TB, nodesep=0.35, ranksep=0.45, pad=0.3, fontname=\"" +
         std::string(kFont) + "\", fontsize=16, fontcolor=\"" + std::string(kTextColour) +
         "\", labelloc=t, labeljust=l, forcelabels=true, bgcolor=\"#FFFFFF\", id=\"skydraft\"" +
         title +
         (m_options.iconDirectory.empty() ? std::string()
                                          : ", imagepath=" + dotQuoted(m_options.iconDirectory)) +
         "];");
    line("node [shape=plain, fontname=\"" + std::string(kFont) + "\", fontsize=10, fontcolor=\"" +
         std::string(kTextColour) + "\"];");
    line("edge [fontname=\"" + std::string(kFont) +
         "\", fontsize=9, arrowsize=0.7, color=\"#5A6B7B\"];");
}

const std::vector<const Element*>& DotWriter::childrenOf(std::string_view id) const {
    static const std::vector<const Element*> none;
    const auto it = m_children.find(std::string(id));
    return it == m_children.end() ? none : it->second;
}

PictureRole DotWriter::roleOf(const Element& e) const {
    const KindDef* def = kindOf(e);
    return def ? def->pictureRole : PictureRole::Resource;
}

bool DotWriter::isCluster(const Element& e) const {
    return e.kind == kinds::kVpc || e.kind == kinds::kSubnet || !childrenOf(e.id).empty();
}

bool DotWriter::isInside(std::string_view id, std::string_view cluster) const {
    for (const Element* e = m_diagram.element(id); e; e = m_diagram.element(e->parent)) {
        if (e->id == cluster) {
            return true;
        }
    }
    return false;
}

std::string DotWriter::displayName(const Element& e) const {
    return e.name.empty() ? std::string(m_catalogue.displayName(e.kind)) : e.name;
}

std::string DotWriter::clusterName(std::string_view id) {
    return dotQuoted("cluster_" + std::string(id));
}

}  // namespace dot

std::string writeDot(const Diagram& diagram, const DotOptions& options) {
    return dot::DotWriter(diagram, options).write();
}

}  // namespace skydraft
