// A list model of the diagram's elements for the canvas, containers first (by depth).
#pragma once

#include <QSet>
#include <QString>
#include <vector>

#include "diagram.h"
#include "models/row_list_model.h"

namespace skydraft {

/// One row of the element model: a copy of the element plus what the canvas derives from it.
struct ElementRow {
    std::string key;  ///< the element id
    Element element;
    int depth = 0;
    std::string
        reach;  ///< subnets: subnetReachKey() of RouteAnalysis ("public", ...); "" otherwise
    bool selected = false;
    std::string zone;  ///< the availability zone as people read it (propertyDisplayText)
    QString summary;   ///< KindPresentation::summary, shown under the name
    friend bool operator==(const ElementRow&, const ElementRow&) = default;
};

/// Rows are elements ordered by nesting depth (VPCs, then subnets, then resources) so that a
/// Repeater draws parents below children. Roles are named for QML. sync() updates only the
/// rows that changed.
class ElementListModel : public RowListModel<ElementRow> {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        KindRole,
        NameRole,
        ParentRole,
        XRole,
        YRole,
        WidthRole,
        HeightRole,
        IsContainerRole,
        IconRole,
        SubtitleRole,  ///< the kind's summary properties (KindPresentation::summary)
        CategoryRole,
        DepthRole,
        KindNameRole,
        SelectedRole,
        ReachRole,
        ReachLabelRole,
        CidrRole,
        ZoneRole,
        InViewRole,  ///< whether the element meets the viewport (see setViewport)
        ToneRole,    ///< a container's colour role (KindPresentation::tone); "" for a node
    };

    explicit ElementListModel(QObject* parent = nullptr);

    /// Rebuilds every row from the diagram (a newly opened document).
    void reset(const Diagram& diagram, const QSet<QString>& selection = {});
    /// Brings the rows up to date with the diagram after an edit.
    void sync(const Diagram& diagram, const QSet<QString>& selection);

    /// Culling: the canvas area (x, y, width, height) a view shows; rows outside it report
    /// inView false. A zero width or height turns culling off.
    Q_INVOKABLE void setViewport(double x, double y, double width, double height) {
        updateViewport(width > 0 && height > 0 ? QRectF(x, y, width, height) : QRectF(),
                       InViewRole);
    }

    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Every subnet's reach as RouteAnalysis decides it (subnetReachKey), by subnet id.
    static std::unordered_map<std::string, std::string> subnetReach(const Diagram& diagram);

protected:
    QRectF boundsOf(const ElementRow& row) const override;

private:
    static std::vector<ElementRow> buildRows(const Diagram& diagram,
                                             const QSet<QString>& selection);
};

}  // namespace skydraft
