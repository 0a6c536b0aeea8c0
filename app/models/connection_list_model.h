// A list model of the lines the canvas draws: connections, and routes from subnets to gateways.
#pragma once

#include <QSet>
#include <QString>

#include "diagram.h"
#include "models/row_list_model.h"

namespace skydraft {

/// One line on the canvas with both endpoints' boxes (absolute canvas coordinates).
struct ConnectionRow {
    std::string key;   ///< connection id, or routeLineId() for a route
    std::string kind;  ///< connection kind, or KindPresentation::kRouteLine
    std::string name;
    std::string label;
    std::string from;
    std::string to;
    Geometry fromBox;
    Geometry toBox;
    bool selected = false;
    /// Bend points (canvas coordinates) of a line routed around nodes; empty for straight.
    std::vector<std::pair<double, double>> via;
    friend bool operator==(const ConnectionRow&, const ConnectionRow&) = default;
};

/// Rows: every Connection of the diagram, then one route row per subnet explicitly associated
/// with a route table and element that the table routes to (an element whose kind the
/// catalogue lists as a route target of the table's kind: what drawing subnet -> gateway
/// writes). Rows follow their endpoints: moving an element updates the rows that touch it.
class ConnectionListModel : public RowListModel<ConnectionRow> {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        KindRole,
        NameRole,
        LabelRole,
        FromRole,
        ToRole,
        FromBoxRole,
        ToBoxRole,
        SelectedRole,
        InViewRole,     ///< whether the line's extent meets the viewport (see setViewport)
        ViaRole,        ///< bend points (a list of points), empty for a straight line
        LineStyleRole,  ///< the colour role of the line (KindPresentation::line)
        DashedRole,
        DirectedRole,  ///< drawn with an arrow head at the "to" end
    };

    explicit ConnectionListModel(QObject* parent = nullptr);

    void reset(const Diagram& diagram, const QSet<QString>& selection = {});
    void sync(const Diagram& diagram, const QSet<QString>& selection);

    /// Culling: the canvas area (x, y, width, height) a view shows; a zero size turns it off.
    Q_INVOKABLE void setViewport(double x, double y, double width, double height) {
        updateViewport(width > 0 && height > 0 ? QRectF(x, y, width, height) : QRectF(),
                       InViewRole);
    }

    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// The id of the line a route of tableId draws from subnetId to targetId:
    /// "route:<table>:<subnet>:<target>".
    static std::string routeLineId(std::string_view tableId, std::string_view subnetId,
                                   std::string_view targetId);
    /// Whether id names such a line (rather than a connection).
    static bool isRouteLineId(std::string_view id) { return id.substr(0, 6) == "route:"; }

protected:
    QRectF boundsOf(const ConnectionRow& row) const override;

private:
    static std::vector<ConnectionRow> buildRows(const Diagram& diagram,
                                                const QSet<QString>& selection);
    /// Bends a line between two resource nodes (of a connection kind that joins any two
    /// resources) around the nodes its straight line would cross: the shortest clear path
    /// with one lane above, below or beside them.
    static std::vector<std::pair<double, double>> route(const Diagram& diagram, const Element& from,
                                                        const Element& to);
};

}  // namespace skydraft
