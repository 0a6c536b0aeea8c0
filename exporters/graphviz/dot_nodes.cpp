// Resource nodes of the DOT picture: icon, name and detail line in an HTML-like table, or a
// rounded box in the category's colour without icons; settings are drawn compact.
#include "dot_escape.h"
#include "dot_style.h"
#include "dot_writer_impl.h"
#include "icon_library.h"
#include "share/detail_line.h"
#include "share/picture_style.h"

namespace skydraft::dot {

std::string DotWriter::iconCell(std::string_view kind, int size,
                                std::string_view attributes) const {
    if (!m_options.icons) {
        return {};
    }
    const std::string s = std::to_string(size);
    return "<TD" + std::string(attributes) + " FIXEDSIZE=\"TRUE\" WIDTH=\"" + s + "\" HEIGHT=\"" +
           s + "\"><IMG SRC=\"" + htmlAttributeText(iconFileName(kind)) +
           "\" SCALE=\"TRUE\"/></TD>";
}

void DotWriter::writeNode(const Element& e) {
    m_written.insert(e.id);
    const Mark* mark = markOf(e.id);
    const KindDef* def = kindOf(e);
    const std::string icon = def ? def->icon : e.kind;
    const bool compact = roleOf(e) == PictureRole::Setting;
    std::string table = "<TABLE BORDER=\"" + std::string(mark ? "2" : "0") +
                        "\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\"";
    if (mark) {
        table += " STYLE=\"ROUNDED\" COLOR=\"" + std::string(severityColour(mark->severity)) + "\"";
    }
    table += ">";
    const std::string name = "<FONT POINT-SIZE=\"" + std::string(compact ? "9" : "10") + "\">" +
                             htmlLabelText(displayName(e)) + "</FONT>";
    const std::string detail = "<FONT POINT-SIZE=\"8\" COLOR=\"" + std::string(kDetailColour) +
                               "\">" + htmlLabelText(detailLine(e)) + "</FONT>";
    if (compact) {
        const std::string rows = mark ? "3" : "2";
        table += "<TR>" + iconCell(icon, 22, " ROWSPAN=\"" + rows + "\"") + "<TD ALIGN=\"LEFT\">" +
                 name + "</TD></TR>";
        table += "<TR><TD ALIGN=\"LEFT\">" + detail + "</TD></TR>";
        if (mark) {
            table += "<TR><TD ALIGN=\"LEFT\">" + markNote(*mark) + "</TD></TR>";
        }
    } else {
        const std::string iconTd = iconCell(icon, 40);
        if (!iconTd.empty()) {
            table += "<TR>" + iconTd + "</TR>";
        }
        table += "<TR><TD>" + name + "</TD></TR>";
        table += "<TR><TD>" + detail + "</TD></TR>";
        if (mark) {
            table += "<TR><TD>" + markNote(*mark) + "</TD></TR>";
        }
    }
    table += "</TABLE>";
    std::string shape;
    if (!m_options.icons) {
        // Without images, a rounded box in the colour of the kind's category.
        shape = ", shape=box, style=rounded, margin=\"0.1,0.04\", color=\"" +
                std::string(categoryColour(def ? def->category : Category::Networking)) + "\"";
    }
    line(dotQuoted(e.id) + " [id=" + dotQuoted(e.id) + ", label=<" + table + ">" + shape + "];");
}

}  // namespace skydraft::dot
