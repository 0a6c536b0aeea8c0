// A list model of the lines the canvas draws: connections, and routes from subnets to gateways.
#pragma once

#include <QSet>
#include <QString>

#include "diagram.h"
#include "models/row_list_model.h"

namespace skydraft {

/// One line on the canvas with both endpoints' boxes (absolute canvas coordinates).
struct ConnectionRow {
    std::string key;   ///< connection id, or "route:<table>:<subnet>:<target>" for a route
    std::string kind;  ///< connection kind, or "route"
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

/// Rows: every Connection of the diagram, then one "route" row per subnet explicitly associated
/// with a route table that has a route to a gateway element (what drawing subnet -> gateway
/// wrote). Rows follow their endpoints: moving an element updates the rows that touch it.
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
        InViewRole,  ///< whether the line's extent meets the viewport (see setViewport)
        ViaRole,     ///< bend points (a list of points), empty for a straight line
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

protected:
    QRectF boundsOf(const ConnectionRow& row) const override;

private:
    static std::vector<ConnectionRow> buildRows(const Diagram& diagram,
                                                const QSet<QString>& selection);
    /// Bends a "uses" line between two resource nodes around the nodes its straight line
    /// would cross: the shortest clear path with one lane above, below or beside them.
    static std::vector<std::pair<double, double>> route(const Diagram& diagram, const Element& from,
                                                        const Element& to);
};

}  // namespace skydraft
