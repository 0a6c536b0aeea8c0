// Drawing a line from one element to another: which connection kind it makes (from the
// catalogue's endpoint rules), or, from a subnet to a route target, the route it writes.
#pragma once

#include <QStringList>
#include <map>
#include <string>

#include "diagram.h"
#include "document/document_edit.h"
#include "document/placement.h"

namespace skydraft {

/// Turns lines drawn on the canvas into connections and routes, and removes drawn routes.
class Connector {
public:
    /// What a line from one element to another would make.
    struct Check {
        bool ok = false;
        /// A connection kind, or "route" for a route written into a subnet's route table.
        std::string kind;
        Id from;  ///< in the direction the kind is stored (the subnet for a route)
        Id to;
        std::string reason;  ///< why not, when !ok
    };
    /// The kind of Check for a drawn route.
    static constexpr std::string_view kRoute = "route";

    Connector(EditContext& context, const Placement& placement)
        : m_context(context), m_placement(placement) {}

    /// What a line from fromId to toId makes, in this order: a route when one end is a subnet
    /// and the other a kind whose catalogue entry gives a drawn destination; the connection
    /// kind whose endpoint rules join the two kinds (either way round); a connection of the
    /// kind that joins any two resources when neither end is a container.
    Check check(const Id& fromId, const Id& toId) const;
    /// Makes what check() says: a connection (a kind that spans subnets gets one subnet per
    /// availability zone of its VPC end), or the route to the target's drawn destination in
    /// the subnet's route table (replacing a route to that destination), creating and
    /// associating a table when the subnet has none.
    DocumentEdit connect(const Id& fromId, const Id& toId) const;
    /// Adds to command the removal of the routes behind canvas lines (ConnectionListModel's
    /// route line ids; other ids are ignored): every route of the line's table to its target
    /// goes. Returns how many tables change.
    std::size_t removeDrawnRoutes(const QStringList& lineIds, QUndoCommand* command) const;

private:
    const Diagram& diagram() const { return m_context.diagram; }
    DocumentEdit connectRoute(const Element& subnet, const Element& target) const;

    EditContext& m_context;
    const Placement& m_placement;
};

}  // namespace skydraft
