// Findings on the DOT picture: each element's or connection's worst severity and rule ids,
// outlined in the severity's colour with a note naming the rules.
#include "dot_escape.h"
#include "dot_style.h"
#include "dot_writer_impl.h"

namespace skydraft::dot {

void DotWriter::collectMarks() {
    for (const DotFinding& finding : m_options.findings) {
        for (const Id& id : finding.elementIds) {
            auto [it, inserted] = m_marks.try_emplace(id);
            if (inserted ||
                static_cast<int>(finding.severity) < static_cast<int>(it->second.severity)) {
                it->second.severity = finding.severity;
            }
            it->second.ruleIds.insert(finding.ruleId);
        }
    }
}

const Mark* DotWriter::markOf(std::string_view id) const {
    const auto it = m_marks.find(std::string(id));
    return it == m_marks.end() ? nullptr : &it->second;
}

std::string DotWriter::markNote(const Mark& mark) {
    std::string rules;
    for (const std::string& rule : mark.ruleIds) {
        if (!rules.empty()) {
            rules += ", ";
        }
        rules += rule;
    }
    return "<FONT POINT-SIZE=\"9\" COLOR=\"" + std::string(severityColour(mark.severity)) +
           "\"><B>" + std::string(severityWord(mark.severity)) + ":</B> " + htmlLabelText(rules) +
           "</FONT>";
}

}  // namespace skydraft::dot
