// The palette's list model: every catalogue kind, grouped by category, filtered by a search text.
#pragma once

#include <QAbstractListModel>
#include <vector>

#include "catalogue/resource_catalogue.h"

namespace skydraft {

/// Rows are catalogue kinds in category order (networking, compute, database, storage,
/// integration); `filter` keeps the kinds whose name, key or category contains the text.
class PaletteModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
public:
    enum Role {
        KeyRole = Qt::UserRole + 1,
        NameRole,
        CategoryRole,
        CategoryNameRole,
        IconRole,
        DescriptionRole,
        PlacementRole,
    };

    explicit PaletteModel(QObject* parent = nullptr);

    QString filter() const { return m_filter; }
    void setFilter(const QString& filter);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// "Place it inside a VPC or a subnet." for a kind's containers.
    static QString placementHint(const KindDef& def);

signals:
    void filterChanged();

private:
    void rebuild();

    QString m_filter;
    std::vector<const KindDef*> m_rows;
};

}  // namespace skydraft
