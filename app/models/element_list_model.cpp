// The canvas's list model of elements.
#include "models/element_list_model.h"

#include <QString>
#include <QUrl>
#include <algorithm>
#include <numeric>

#include "resource_catalogue.h"

namespace skydraft {

ElementListModel::ElementListModel(QObject* parent) : QAbstractListModel(parent) {}

void ElementListModel::reset(const Diagram* diagram) {
    beginResetModel();
    m_diagram = diagram;
    m_order.clear();
    m_depth.clear();
    if (diagram) {
        const auto& elements = diagram->elements();
        std::vector<int> depth(elements.size(), 0);
        for (std::size_t i = 0; i < elements.size(); ++i) {
            int d = 0;
            for (const Element* p = diagram->element(elements[i].parent);
                 p != nullptr && d <= static_cast<int>(elements.size());
                 p = diagram->element(p->parent)) {
                ++d;
            }
            depth[i] = d;
        }
        m_order.resize(elements.size());
        std::iota(m_order.begin(), m_order.end(), std::size_t{0});
        std::stable_sort(m_order.begin(), m_order.end(), [&](std::size_t a, std::size_t b) {
            return depth[a] < depth[b];
        });
        for (std::size_t row : m_order) {
            m_depth.push_back(depth[row]);
        }
    }
    endResetModel();
}

int ElementListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_order.size());
}

namespace {

QString subtitleOf(const Element& e) {
    if (e.kind == "vpc") {
        QString text = QString::fromStdString(e.stringProperty("cidr"));
        const auto secondary = e.stringListProperty("secondary_cidrs");
        for (const auto& c : secondary) {
            text += QStringLiteral(", ") + QString::fromStdString(c);
        }
        return text + QStringLiteral("  ·  ") + QString::fromStdString(e.stringProperty("region"));
    }
    if (e.kind == "subnet") {
        return QString::fromStdString(e.stringProperty("cidr")) + QStringLiteral("  ·  ") +
               QString::fromStdString(e.stringProperty("availability_zone"));
    }
    return {};
}

}  // namespace

QVariant ElementListModel::data(const QModelIndex& index, int role) const {
    if (!m_diagram || !index.isValid() || index.row() < 0 ||
        index.row() >= static_cast<int>(m_order.size())) {
        return {};
    }
    const Element& e = m_diagram->elements()[m_order[static_cast<std::size_t>(index.row())]];
    const KindDef* def = ResourceCatalogue::instance().kind(e.kind);
    switch (role) {
        case IdRole: return QString::fromStdString(e.id);
        case KindRole: return QString::fromStdString(e.kind);
        case Qt::DisplayRole:
        case NameRole: return QString::fromStdString(e.name);
        case ParentRole: return QString::fromStdString(e.parent);
        case XRole: return e.geometry.x;
        case YRole: return e.geometry.y;
        case WidthRole: return e.geometry.width;
        case HeightRole: return e.geometry.height;
        case IsContainerRole: return def && def->isContainer;
        case IconRole:
            return QUrl(QStringLiteral("qrc:/icons/%1.svg")
                            .arg(QString::fromStdString(def ? def->icon : "generic")));
        case SubtitleRole: return subtitleOf(e);
        case CategoryRole:
            return QString::fromUtf8(def ? categoryKey(def->category).data() : "integration");
        case DepthRole: return m_depth[static_cast<std::size_t>(index.row())];
        case KindNameRole: return QString::fromStdString(def ? def->displayName : e.kind);
        default: return {};
    }
}

QHash<int, QByteArray> ElementListModel::roleNames() const {
    return {{IdRole, "elementId"},     {KindRole, "kind"},
            {NameRole, "name"},        {ParentRole, "parentId"},
            {XRole, "itemX"},          {YRole, "itemY"},
            {WidthRole, "itemWidth"},  {HeightRole, "itemHeight"},
            {IsContainerRole, "isContainer"}, {IconRole, "icon"},
            {SubtitleRole, "subtitle"}, {CategoryRole, "category"},
            {DepthRole, "depth"},      {KindNameRole, "kindName"}};
}

}  // namespace skydraft
