// Where things go on the canvas: the container under a point, the defaults and box of a new
// element, containers growing to hold their content, free spots, and the drop, move and
// resize edits built from them.
#pragma once

#include <QPointF>
#include <QSet>
#include <QStringList>
#include <map>
#include <string>
#include <unordered_set>
#include <utility>

#include "diagram.h"
#include "document/document_edit.h"

namespace skydraft {

/// Placement rules of the canvas, read from the catalogue: which kinds a kind may live in,
/// which kinds are containers and their default size. Every edit it builds is one command
/// for the controller to push.
class Placement {
public:
    static constexpr double kGrid = 10;      ///< everything snaps to it
    static constexpr double kNodeSize = 72;  ///< a resource node's box
    static constexpr double kMargin = 20;    ///< kept between a container's border and content
    static constexpr double kHeader = 48;    ///< a container's title band

    /// Geometry changes by element id: (before, after).
    using GeometryChanges = std::map<Id, std::pair<Geometry, Geometry>>;

    /// The parent a new or moved element would get, or why it cannot go there.
    struct Parent {
        bool ok = false;
        Id id;  ///< "" for the top level
        std::string reason;
    };

    explicit Placement(EditContext& context) : m_context(context) {}

    static double snap(double value);

    /// The parent an element of kind gets at canvas point (x, y): the deepest container under
    /// the point, or its nearest ancestor, that the kind may live in. Containers in exclude
    /// (what is being moved) are ignored.
    Parent parentAt(std::string_view kind, double x, double y,
                    const std::unordered_set<std::string>* exclude = nullptr) const;
    /// A new element of kind in parent centred on (cx, cy): a fresh id with the kind's prefix,
    /// its default size, the next free CIDR for a VPC or subnet, the least used zone for a
    /// subnet, the VPC's region for a kind with a region, and the subnet under the point for a
    /// kind that spans subnets.
    Element newElement(const std::string& kind, const Id& parent, double cx, double cy) const;
    /// Adds to changes the growth of parent and its ancestors needed to hold box (with the
    /// margins and title band).
    void growToFit(const Id& parent, Geometry box, GeometryChanges& changes) const;
    /// The centre of a w x h spot inside container that covers none of its content.
    QPointF freeSpotIn(const Element& container, double w, double h) const;
    /// The topmost element whose box holds the point (nodes before containers), or nullptr.
    const Element* elementAt(double x, double y) const;

    /// Adds a command that applies changes (as one step with its parent), if there are any.
    void addGrowth(const GeometryChanges& changes, QUndoCommand* parent) const;

    /// Drops a new element of kind at (x, y), growing its containers.
    DocumentEdit drop(const std::string& kind, double x, double y) const;
    /// Moves the selected elements (and everything inside them) by (dx, dy), snapped to the
    /// grid; moved elements change parent to the container under their new centre.
    DocumentEdit move(const QStringList& selection, double dx, double dy) const;
    /// Sets a container's box, never smaller than its content needs.
    DocumentEdit resize(const Id& id, double x, double y, double width, double height) const;

private:
    const Diagram& diagram() const { return m_context.diagram; }
    int depthOf(const Element& e) const;

    EditContext& m_context;
};

}  // namespace skydraft
