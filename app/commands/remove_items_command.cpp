// Deleting elements and connections with a snapshot that undo restores in document order.
#include "commands/remove_items_command.h"

#include <type_traits>
#include <unordered_set>

namespace skydraft {

RemoveItemsCommand::RemoveItemsCommand(EditContext& context, const QString& text,
                                       std::vector<Id> ids, QUndoCommand* parent)
    : DiagramCommand(context, text, parent), m_ids(std::move(ids)) {}

bool RemoveItemsCommand::apply() {
    const Diagram& d = diagram();
    std::unordered_set<std::string> elements;
    std::unordered_set<std::string> connections;
    for (const auto& id : m_ids) {
        if (d.element(id)) {
            for (auto& s : d.subtree(id)) {
                elements.insert(std::move(s));
            }
        } else if (d.connection(id)) {
            connections.insert(id);
        } else {
            return fail("nothing with the id \"" + id + "\" to delete");
        }
    }
    m_elements.clear();
    m_connections.clear();
    for (std::size_t i = 0; i < d.elements().size(); ++i) {
        if (elements.count(d.elements()[i].id)) {
            m_elements.emplace_back(i, d.elements()[i]);
        }
    }
    for (std::size_t i = 0; i < d.connections().size(); ++i) {
        const Connection& c = d.connections()[i];
        if (connections.count(c.id) || elements.count(c.from) || elements.count(c.to)) {
            m_connections.emplace_back(i, c);
        }
    }
    for (const auto& [index, c] : m_connections) {
        diagram().removeConnection(c.id);
    }
    for (const auto& [index, e] : m_elements) {
        if (diagram().element(e.id)) {
            diagram().removeElement(e.id);
        }
    }
    return true;
}

void RemoveItemsCommand::revert() {
    // Splice the snapshot back at its indices and rebuild in one pass: a parent may come after
    // its child in document order, which insertElement one by one could not restore.
    auto merge = [](const auto& current, const auto& removed) {
        std::decay_t<decltype(current)> out;
        out.reserve(current.size() + removed.size());
        std::size_t next = 0;
        for (const auto& [index, item] : removed) {
            while (out.size() < index && next < current.size()) {
                out.push_back(current[next++]);
            }
            out.push_back(item);
        }
        while (next < current.size()) {
            out.push_back(current[next++]);
        }
        return out;
    };
    auto elements = merge(diagram().elements(), m_elements);
    auto connections = merge(diagram().connections(), m_connections);
    if (Status s = diagram().assign(std::move(elements), std::move(connections)); !s) {
        m_context.error = s.error;
    }
}

}  // namespace skydraft
