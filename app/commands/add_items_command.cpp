// Adding elements and connections as one undo step.
#include "commands/add_items_command.h"

namespace skydraft {

AddItemsCommand::AddItemsCommand(EditContext& context, const QString& text,
                                 std::vector<Element> elements, std::vector<Connection> connections,
                                 QUndoCommand* parent)
    : DiagramCommand(context, text, parent),
      m_elements(std::move(elements)),
      m_connections(std::move(connections)) {}

bool AddItemsCommand::apply() {
    std::size_t addedElements = 0;
    std::size_t addedConnections = 0;
    auto rollback = [&] {
        for (std::size_t i = addedConnections; i-- > 0;) {
            diagram().removeConnection(m_connections[i].id);
        }
        for (std::size_t i = addedElements; i-- > 0;) {
            diagram().removeElement(m_elements[i].id);
        }
    };
    for (const auto& e : m_elements) {
        if (Status s = diagram().addElement(e); !s) {
            rollback();
            return fail(s.error);
        }
        ++addedElements;
    }
    for (const auto& c : m_connections) {
        if (Status s = diagram().addConnection(c); !s) {
            rollback();
            return fail(s.error);
        }
        ++addedConnections;
    }
    return true;
}

void AddItemsCommand::revert() {
    for (auto it = m_connections.rbegin(); it != m_connections.rend(); ++it) {
        diagram().removeConnection(it->id);
    }
    for (auto it = m_elements.rbegin(); it != m_elements.rend(); ++it) {
        diagram().removeElement(it->id);
    }
}

}  // namespace skydraft
