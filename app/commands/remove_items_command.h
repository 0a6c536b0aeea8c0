// Undo command that deletes elements (with their content) and connections, restoring them exactly.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "commands/diagram_command.h"

namespace skydraft {

/// Removes elements with their descendants and every connection touching them, plus any
/// connections named directly. Undo puts everything back at its former document position.
class RemoveItemsCommand : public DiagramCommand {
public:
    RemoveItemsCommand(EditContext& context, const QString& text, std::vector<Id> ids,
                       QUndoCommand* parent = nullptr);

protected:
    bool apply() override;
    void revert() override;

private:
    std::vector<Id> m_ids;
    std::vector<std::pair<std::size_t, Element>> m_elements;        ///< snapshot with indices
    std::vector<std::pair<std::size_t, Connection>> m_connections;  ///< snapshot with indices
};

}  // namespace skydraft
