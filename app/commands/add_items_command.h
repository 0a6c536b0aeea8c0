// Undo command that adds elements and connections (a drop, a paste, a new connection).
#pragma once

#include <vector>

#include "commands/diagram_command.h"

namespace skydraft {

/// Adds elements (parents before children) and then connections; undo removes them again.
class AddItemsCommand : public DiagramCommand {
public:
    AddItemsCommand(EditContext& context, const QString& text, std::vector<Element> elements,
                    std::vector<Connection> connections = {}, QUndoCommand* parent = nullptr);

protected:
    bool apply() override;
    void revert() override;

private:
    std::vector<Element> m_elements;
    std::vector<Connection> m_connections;
};

}  // namespace skydraft
