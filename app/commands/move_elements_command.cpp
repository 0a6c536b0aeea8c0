// Moving and resizing elements as one undo step.
#include "commands/move_elements_command.h"

namespace skydraft {

MoveElementsCommand::MoveElementsCommand(EditContext& context, const QString& text,
                                         std::vector<Change> changes, bool mergeable,
                                         QUndoCommand* parent)
    : DiagramCommand(context, text, parent),
      m_changes(std::move(changes)),
      m_mergeable(mergeable) {}

bool MoveElementsCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = dynamic_cast<const MoveElementsCommand*>(other);
    if (!next || !next->m_mergeable || next->childCount() > 0 || childCount() > 0 ||
        next->m_changes.size() != m_changes.size()) {
        return false;
    }
    for (std::size_t i = 0; i < m_changes.size(); ++i) {
        if (m_changes[i].id != next->m_changes[i].id) {
            return false;
        }
    }
    for (std::size_t i = 0; i < m_changes.size(); ++i) {
        m_changes[i].after = next->m_changes[i].after;
    }
    return true;
}

bool MoveElementsCommand::apply() {
    for (const auto& c : m_changes) {
        if (!diagram().element(c.id)) {
            return fail("nothing with the id \"" + c.id + "\" to move");
        }
    }
    for (const auto& c : m_changes) {
        diagram().setGeometry(c.id, c.after);
    }
    return true;
}

void MoveElementsCommand::revert() {
    for (const auto& c : m_changes) {
        diagram().setGeometry(c.id, c.before);
    }
}

}  // namespace skydraft
