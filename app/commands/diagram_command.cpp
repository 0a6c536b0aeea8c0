// The base undo command: runs itself and its children, and drops itself when an edit fails.
#include "commands/diagram_command.h"

namespace skydraft {

DiagramCommand::DiagramCommand(EditContext& context, const QString& text, QUndoCommand* parent)
    : QUndoCommand(text, parent), m_context(context) {}

bool DiagramCommand::fail(const std::string& message) {
    m_context.error = message;
    return false;
}

void DiagramCommand::redo() {
    if (!apply()) {
        setObsolete(true);
        return;
    }
    for (int i = 0; i < childCount(); ++i) {
        auto* c = const_cast<QUndoCommand*>(child(i));
        c->redo();
        if (c->isObsolete()) {
            for (int j = i - 1; j >= 0; --j) {
                const_cast<QUndoCommand*>(child(j))->undo();
            }
            revert();
            c->setObsolete(false);
            setObsolete(true);
            return;
        }
    }
}

void DiagramCommand::undo() {
    for (int i = childCount() - 1; i >= 0; --i) {
        const_cast<QUndoCommand*>(child(i))->undo();
    }
    revert();
}

}  // namespace skydraft
