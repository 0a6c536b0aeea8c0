// The canvas's list model of elements.
#include "models/element_list_model.h"

#include <QUrl>
#include <algorithm>
#include <numeric>

#include "resource_catalogue.h"

namespace skydraft {

ElementListModel::ElementListModel(QObject* parent) : RowListModel<ElementRow>(parent) {}

std::unordered_map<std::string, std::string> ElementListModel::subnetAccess(
    const Diagram& diagram) {
    std::unordered_map<std::string, const Element*> explicitTable;
    std::unordered_map<std::string, const Element*> mainTable;  // vpc id -> main table
    for (const Element* rt : diagram.elementsOfKind("route_table")) {
        for (const auto& subnet : rt->stringListProperty("associations")) {
            explicitTable.emplace(subnet, rt);
        }
        if (rt->boolProperty("main")) {
            mainTable.emplace(rt->parent, rt);
        }
    }
    auto routesToInternet = [&](const Element* rt) {
        if (!rt) {
            return false;
        }
        const auto& routes = rt->property("routes");
        if (!routes.is_array()) {
            return false;
        }
        return std::any_of(routes.begin(), routes.end(), [&](const nlohmann::json& r) {
            const Element* target = r.contains("target") && r["target"].is_string()
                                        ? diagram.element(r["target"].get<std::string>())
                                        : nullptr;
            return target && target->kind == "internet_gateway";
        });
    };
    std::unordered_map<std::string, std::string> out;
    for (const Element* subnet : diagram.elementsOfKind("subnet")) {
        const auto it = explicitTable.find(subnet->id);
        const Element* rt = nullptr;
        if (it != explicitTable.end()) {
            rt = it->second;
        } else if (const auto m = mainTable.find(subnet->parent); m != mainTable.end()) {
            rt = m->second;
        }
        out[subnet->id] = routesToInternet(rt) ? "public" : "private";
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
    const auto access = subnetAccess(diagram);
    std::vector<ElementRow> rows;
    rows.reserve(elements.size());
    for (std::size_t i : order) {
        const Element& e = elements[i];
        ElementRow row{e.id, e, depth[i], {}, selection.contains(QString::fromStdString(e.id))};
        if (const auto it = access.find(e.id); it != access.end()) {
            row.access = it->second;
        }
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

namespace {

QString subtitleOf(const Element& e) {
    if (e.kind == "vpc") {
        QString text = QString::fromStdString(e.stringProperty("cidr"));
        for (const auto& c : e.stringListProperty("secondary_cidrs")) {
            text += QStringLiteral(", ") + QString::fromStdString(c);
        }
        return text + QStringLiteral("  ·  ") + QString::fromStdString(e.stringProperty("region"));
    }
    if (e.kind == "subnet") {
        return QString::fromStdString(e.stringProperty("cidr")) + QStringLiteral("  ·  ") +
               QString::fromStdString(e.stringProperty("availability_zone"));
    }
    if (e.kind == "transit_gateway") {
        return QString::fromStdString(e.stringProperty("region"));
    }
    return {};
}

}  // namespace

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
            return QUrl(QStringLiteral("qrc:/icons/%1.svg")
                            .arg(QString::fromStdString(def ? def->icon : "generic")));
        case SubtitleRole:
            return subtitleOf(e);
        case CategoryRole:
            return QString::fromUtf8(def ? categoryKey(def->category).data() : "integration");
        case DepthRole:
            return row->depth;
        case KindNameRole:
            return QString::fromStdString(def ? def->displayName : e.kind);
        case SelectedRole:
            return row->selected;
        case AccessRole:
            return QString::fromStdString(row->access);
        case CidrRole:
            return QString::fromStdString(e.stringProperty("cidr"));
        case ZoneRole:
            return QString::fromStdString(e.stringProperty("availability_zone"));
        case InViewRole:
            return inView(*row);
        default:
            return {};
    }
}

QHash<int, QByteArray> ElementListModel::roleNames() const {
    return {{IdRole, "elementId"},    {KindRole, "kind"},         {NameRole, "name"},
            {ParentRole, "parentId"}, {XRole, "itemX"},           {YRole, "itemY"},
            {WidthRole, "itemWidth"}, {HeightRole, "itemHeight"}, {IsContainerRole, "isContainer"},
            {IconRole, "icon"},       {SubtitleRole, "subtitle"}, {CategoryRole, "category"},
            {DepthRole, "depth"},     {KindNameRole, "kindName"}, {SelectedRole, "selected"},
            {AccessRole, "access"},   {CidrRole, "cidr"},         {ZoneRole, "zone"},
            {InViewRole, "inView"}};
}

}  // namespace skydraft
