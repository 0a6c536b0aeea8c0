// A list model of the diagram's elements for the canvas, containers first (by depth).
#pragma once

#include <QAbstractListModel>
#include <vector>

#include "diagram.h"

namespace skydraft {

/// Rows are elements ordered by nesting depth (VPCs, then subnets, then resources) so that a
/// Repeater draws parents below children. Roles are named for QML.
class ElementListModel : public QAbstractListModel {
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
        SubtitleRole,
        CategoryRole,
        DepthRole,
        KindNameRole,
    };

    explicit ElementListModel(QObject* parent = nullptr);

    /// Rebuilds every row from the diagram (the diagram must outlive the model or be reset).
    void reset(const Diagram* diagram);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    const Diagram* m_diagram = nullptr;
    std::vector<std::size_t> m_order;  ///< row -> index in diagram->elements()
    std::vector<int> m_depth;          ///< row -> nesting depth
};

}  // namespace skydraft
