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
    };

    explicit ConnectionListModel(QObject* parent = nullptr);

    void reset(const Diagram& diagram, const QSet<QString>& selection = {});
    void sync(const Diagram& diagram, const QSet<QString>& selection);

    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    static std::vector<ConnectionRow> buildRows(const Diagram& diagram,
                                                const QSet<QString>& selection);
};

}  // namespace skydraft
