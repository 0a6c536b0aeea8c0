// The canvas's list model of elements.
#include "models/element_list_model.h"

#include <QUrl>
#include <algorithm>
#include <numeric>

#include "analysis/route_analysis.h"
#include "catalogue/kind_keys.h"
#include "catalogue/resource_catalogue.h"
#include "models/kind_presentation.h"
#include "zone_ref.h"

namespace skydraft {

ElementListModel::ElementListModel(QObject* parent) : RowListModel<ElementRow>(parent) {}

std::unordered_map<std::string, std::string> ElementListModel::subnetReach(const Diagram& diagram) {
    const RouteAnalysis routes(diagram);
    std::unordered_map<std::string, std::string> out;
    for (const Element& e : diagram.elements()) {
        if (e.kind == kinds::kSubnet) {
            out[e.id] = std::string(subnetReachKey(routes.reach(e)));
        }
    }
    return out;
}

std::vector<ElementRow> ElementListModel::buildRows(const Diagram& diagram,
                                                    const QSet<QString>& selection) {
    const auto& elements = diagram.elements();
    std::vector<int> depth(elements.size(), -1);
    // Depth by walking up with memoization (parents may come after children).
    for (std::size_t i = 0; i < elements.size(); ++i) {
        std::vector<std::size_t> chain;
        std::size_t k = i;
        int base = 0;
        while (true) {
            if (depth[k] >= 0) {
                base = depth[k];
                break;
            }
            chain.push_back(k);
            if (elements[k].parent.empty() || chain.size() > elements.size()) {
                base = -1;
                break;
            }
            k = diagram.indexOf(elements[k].parent);
        }
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            depth[*it] = ++base;
        }
    }
    std::vector<std::size_t> order(elements.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return depth[a] < depth[b]; });
    const auto reach = subnetReach(diagram);
    std::vector<ElementRow> rows;
    rows.reserve(elements.size());
    for (std::size_t i : order) {
        const Element& e = elements[i];
        ElementRow row{e.id, e, depth[i], {}, selection.contains(QString::fromStdString(e.id)),
                       {},   {}};
        if (const auto it = reach.find(e.id); it != reach.end()) {
            row.reach = it->second;
        }
        if (e.properties.contains("availability_zone")) {
            row.zone = propertyDisplayText(diagram, e, "availability_zone");
        }
        row.summary = KindPresentation::summary(diagram, e);
        rows.push_back(std::move(row));
    }
    return rows;
}

void ElementListModel::reset(const Diagram& diagram, const QSet<QString>& selection) {
    resetRows(buildRows(diagram, selection));
}

void ElementListModel::sync(const Diagram& diagram, const QSet<QString>& selection) {
    syncRows(buildRows(diagram, selection));
}

QRectF ElementListModel::boundsOf(const ElementRow& row) const {
    // A resource node draws at least 72 x 72 with its name below.
    const Geometry& g = row.element.geometry;
    return {g.x, g.y, std::max(g.width, 72.0), std::max(g.height, 72.0) + 40};
}

QVariant ElementListModel::data(const QModelIndex& index, int role) const {
    const ElementRow* row = rowAt(index);
    if (!row) {
        return {};
    }
    const Element& e = row->element;
    const KindDef* def = ResourceCatalogue::instance().kind(e.kind);
    switch (role) {
        case IdRole:
            return QString::fromStdString(e.id);
        case KindRole:
            return QString::fromStdString(e.kind);
        case Qt::DisplayRole:
        case NameRole:
            return QString::fromStdString(e.name);
        case ParentRole:
            return QString::fromStdString(e.parent);
        case XRole:
            return e.geometry.x;
        case YRole:
            return e.geometry.y;
        case WidthRole:
            return e.geometry.width;
        case HeightRole:
            return e.geometry.height;
        case IsContainerRole:
            return def && def->isContainer;
        case IconRole:
            return KindPresentation::icon(e.kind);
        case SubtitleRole:
            return row->summary;
        case CategoryRole:
            return QString::fromUtf8(def ? categoryKey(def->category).data() : "integration");
        case DepthRole:
            return row->depth;
        case KindNameRole:
            return QString::fromStdString(def ? def->displayName : e.kind);
        case SelectedRole:
            return row->selected;
        case ReachRole:
            return QString::fromStdString(row->reach);
        case ReachLabelRole:
            return row->reach.empty()
                       ? QString()
                       : QString::fromUtf8(
                             subnetReachLabel(
                                 parseSubnetReach(row->reach).value_or(SubnetReach::Isolated))
                                 .data());
        case CidrRole:
            return QString::fromStdString(e.stringProperty("cidr"));
        case ZoneRole:
            return QString::fromStdString(row->zone);
        case InViewRole:
            return inView(*row);
        case ToneRole:
            return KindPresentation::tone(e, row->reach);
        default:
            return {};
    }
}

QHash<int, QByteArray> ElementListModel::roleNames() const {
    return {{IdRole, "elementId"},
            {KindRole, "kind"},
            {NameRole, "name"},
            {ParentRole, "parentId"},
            {XRole, "itemX"},
            {YRole, "itemY"},
            {WidthRole, "itemWidth"},
            {HeightRole, "itemHeight"},
            {IsContainerRole, "isContainer"},
            {IconRole, "icon"},
            {SubtitleRole, "subtitle"},
            {CategoryRole, "category"},
            {DepthRole, "depth"},
            {KindNameRole, "kindName"},
            {SelectedRole, "selected"},
            {ReachRole, "reach"},
            {ReachLabelRole, "reachLabel"},
            {CidrRole, "cidr"},
            {ZoneRole, "zone"},
            {InViewRole, "inView"},
            {ToneRole, "tone"}};
}

}  // namespace skydraft
