// The whole-document undo command.
#include "commands/replace_diagram_command.h"

namespace skydraft {

ReplaceDiagramCommand::ReplaceDiagramCommand(EditContext& context, const QString& text,
                                             Diagram content, QUndoCommand* parent)
    : DiagramCommand(context, text, parent), m_content(std::move(content)) {}

bool ReplaceDiagramCommand::swap() {
    Diagram& current = diagram();
    Diagram previous = current;
    if (Status s = current.assign(m_content.elements(), m_content.connections()); !s) {
        return fail(s.error);
    }
    if (current.name() != m_content.name()) {
        current.setName(m_content.name());
    }
    if (current.metadata() != m_content.metadata()) {
        current.setMetadata(m_content.metadata());
    }
    m_content = std::move(previous);
    return true;
}

}  // namespace skydraft
