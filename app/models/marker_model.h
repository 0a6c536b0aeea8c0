// A list model of the canvas badges: one per element or connection with findings, and where.
#pragma once

#include "diagram.h"
#include "models/row_list_model.h"
#include "validation/finding.h"

namespace skydraft {

/// One badge: the item it marks, its box (a connection's is the point between its ends),
/// how many findings of each severity name it, and their messages for the tooltip.
struct MarkerRow {
    std::string key;  ///< element or connection id
    Geometry box;
    bool connection = false;
    int errors = 0;
    int warnings = 0;
    int infos = 0;
    std::string messages;  ///< one line per finding: "SUB003: ..."
    friend bool operator==(const MarkerRow&, const MarkerRow&) = default;
};

/// Rows follow the findings and the geometry of what they mark; only errors and warnings
/// get a badge (infos are counted in the tooltip of a marked item).
class MarkerModel : public RowListModel<MarkerRow> {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        XRole,
        YRole,
        WidthRole,
        HeightRole,
        IsConnectionRole,
        ErrorsRole,
        WarningsRole,
        SeverityRole,  ///< "error" when it has errors, else "warning"
        MessagesRole,
        InViewRole,  ///< whether the marked box meets the viewport (see setViewport)
    };

    explicit MarkerModel(QObject* parent = nullptr);

    /// Rebuilds the rows from the diagram and its (unsuppressed) findings.
    void sync(const Diagram& diagram, const std::vector<Finding>& findings);
    /// The row of an id, or -1.
    Q_INVOKABLE int rowOf(const QString& id) const;

    /// Culling: the canvas area (x, y, width, height) a view shows; a zero size turns it off.
    Q_INVOKABLE void setViewport(double x, double y, double width, double height) {
        updateViewport(width > 0 && height > 0 ? QRectF(x, y, width, height) : QRectF(),
                       InViewRole);
    }

    QVariant data(const QModelIndex& index, int role) const override;

protected:
    QRectF boundsOf(const MarkerRow& row) const override {
        return {row.box.x - 1, row.box.y - 1, row.box.width + 2, row.box.height + 2};
    }
    QHash<int, QByteArray> roleNames() const override;
};

}  // namespace skydraft
