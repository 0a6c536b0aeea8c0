// The legend of the DOT picture: the subnet reaches, line styles and finding severities the
// picture uses, each drawn as a sample beside its name.
#include <algorithm>
#include <cmath>

#include "dot_style.h"
#include "dot_writer_impl.h"
#include "share/picture_style.h"

namespace skydraft::dot {

namespace {

/// A line sample drawn with table cells: one bar for solid, short bars for dashed, dots for
/// dotted.
std::string lineSample(const EdgeStyle& style) {
    const int thickness = std::max(1, static_cast<int>(std::lround(style.penwidth)));
    const int dash = style.style == "dotted" ? 2 : style.style == "dashed" ? 6 : 36;
    const int gap = style.style == "dotted" ? 3 : 4;
    std::string cells;
    for (int used = 0; used + dash <= 36; used += dash + gap) {
        if (used > 0) {
            cells += "<TD WIDTH=\"" + std::to_string(gap) + "\" HEIGHT=\"" +
                     std::to_string(thickness) + "\" FIXEDSIZE=\"TRUE\"></TD>";
        }
        cells += "<TD BGCOLOR=\"" + std::string(style.colour) + "\" WIDTH=\"" +
                 std::to_string(dash) + "\" HEIGHT=\"" + std::to_string(thickness) +
                 "\" FIXEDSIZE=\"TRUE\"></TD>";
    }
    return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR>" + cells +
           "</TR></TABLE>";
}

}  // namespace

void DotWriter::writeLegend() {
    std::string rows;
    for (const SubnetReach reach : m_subnetReaches) {
        const ReachStyle& style = reachStyle(reach);
        rows += "<TR><TD BORDER=\"1\" STYLE=\"ROUNDED\" COLOR=\"" + std::string(style.pen) +
                "\" BGCOLOR=\"" + std::string(style.fill) +
                "\" WIDTH=\"36\" HEIGHT=\"12\" FIXEDSIZE=\"TRUE\"></TD><TD ALIGN=\"LEFT\">" +
                std::string(style.title) + "</TD></TR>";
    }
    for (const EdgeStyle& style : edgeStyles()) {
        if (m_usedEdgeStyles.contains(style.key)) {
            rows += "<TR><TD>" + lineSample(style) + "</TD><TD ALIGN=\"LEFT\">" + style.legend +
                    "</TD></TR>";
        }
    }
    std::set<FindingSeverity> severities;
    for (const auto& [id, mark] : m_marks) {
        if (m_diagram.contains(id)) {
            severities.insert(mark.severity);
        }
    }
    for (const FindingSeverity severity : severities) {
        rows += "<TR><TD BORDER=\"2\" STYLE=\"ROUNDED\" COLOR=\"" +
                std::string(severityColour(severity)) +
                "\" WIDTH=\"36\" HEIGHT=\"12\" FIXEDSIZE=\"TRUE\"></TD><TD ALIGN=\"LEFT\">" +
                "Has " + std::string(severityWord(severity)) + " findings</TD></TR>";
    }
    if (rows.empty()) {
        return;
    }
    line(
        "\"/legend\" [id=\"legend\", label=<<FONT POINT-SIZE=\"9\"><TABLE BORDER=\"1\" "
        "STYLE=\"ROUNDED\" COLOR=\"#D5DBDB\" CELLBORDER=\"0\" CELLSPACING=\"4\" "
        "CELLPADDING=\"2\"><TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"11\"><B>"
        "Legend</B></FONT></TD></TR>" +
        rows + "</TABLE></FONT>>];");
    m_topRow.push_back("\"/legend\"");
}

}  // namespace skydraft::dot
