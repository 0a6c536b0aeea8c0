// The palette's list model.
#include "models/palette_model.h"

#include <QUrl>
#include <algorithm>

namespace skydraft {

PaletteModel::PaletteModel(QObject* parent) : QAbstractListModel(parent) {
    rebuild();
}

void PaletteModel::setFilter(const QString& filter) {
    if (filter == m_filter) {
        return;
    }
    m_filter = filter;
    beginResetModel();
    rebuild();
    endResetModel();
    emit filterChanged();
}

void PaletteModel::rebuild() {
    m_rows.clear();
    const QString needle = m_filter.trimmed();
    for (const KindDef& def : ResourceCatalogue::instance().kinds()) {
        if (!needle.isEmpty()) {
            const QString hay = QString::fromStdString(def.displayName + " " + def.key + " " +
                                                       std::string(categoryKey(def.category)));
            if (!hay.contains(needle, Qt::CaseInsensitive) &&
                !hay.contains(QString(needle).replace(QLatin1Char(' '), QLatin1Char('_')),
                              Qt::CaseInsensitive)) {
                continue;
            }
        }
        m_rows.push_back(&def);
    }
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const KindDef* a, const KindDef* b) {
        return static_cast<int>(a->category) < static_cast<int>(b->category);
    });
}

int PaletteModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QString PaletteModel::placementHint(const KindDef& def) {
    QStringList places;
    for (const auto& c : def.containers) {
        if (c.empty()) {
            places << QStringLiteral("on the canvas (outside any VPC)");
        } else if (const KindDef* parent = ResourceCatalogue::instance().kind(c)) {
            places << QStringLiteral("in a ") + QString::fromStdString(parent->displayName);
        }
    }
    if (places.isEmpty()) {
        return {};
    }
    QString text = places.front();
    for (int i = 1; i < places.size(); ++i) {
        text +=
            (i + 1 == places.size() ? QStringLiteral(" or ") : QStringLiteral(", ")) + places[i];
    }
    return QStringLiteral("Place it ") + text + QLatin1Char('.');
}

QVariant PaletteModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() < 0 || index.row() >= rowCount()) {
        return {};
    }
    const KindDef& def = *m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
        case KeyRole:
            return QString::fromStdString(def.key);
        case Qt::DisplayRole:
        case NameRole:
            return QString::fromStdString(def.displayName);
        case CategoryRole:
            return QString::fromUtf8(categoryKey(def.category).data());
        case CategoryNameRole: {
            QString name = QString::fromUtf8(categoryKey(def.category).data());
            name[0] = name[0].toUpper();
            return name;
        }
        case IconRole:
            return QUrl(QStringLiteral("qrc:/icons/%1.svg").arg(QString::fromStdString(def.icon)));
        case DescriptionRole:
            return QString::fromStdString(def.description);
        case PlacementRole:
            return placementHint(def);
        default:
            return {};
    }
}

QHash<int, QByteArray> PaletteModel::roleNames() const {
    return {{KeyRole, "kindKey"},        {NameRole, "name"},
            {CategoryRole, "category"},  {CategoryNameRole, "categoryName"},
            {IconRole, "icon"},          {DescriptionRole, "description"},
            {PlacementRole, "placement"}};
}

}  // namespace skydraft
