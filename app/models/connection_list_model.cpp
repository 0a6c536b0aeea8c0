// The canvas's list model of connection lines.
#include "models/connection_list_model.h"

#include <QPointF>
#include <QRectF>
#include <QVariantList>
#include <algorithm>
#include <cmath>

#include "catalogue/kind_keys.h"
#include "catalogue/resource_catalogue.h"
#include "models/kind_presentation.h"

namespace skydraft {

namespace {

/// The centre of a resource node's 48 px icon, where the canvas aims its lines.
QPointF iconCentre(const Geometry& g) {
    return {g.x + g.width / 2, g.y + 24};
}

/// What a resource node covers on the canvas: its icon and the name below it.
QRectF nodeArea(const Geometry& g) {
    return {g.x + g.width / 2 - 44, g.y - 6, 88, 92};
}

/// Whether segment pq crosses rectangle r (Liang-Barsky clipping).
bool crosses(QPointF p, QPointF q, const QRectF& r) {
    double t0 = 0;
    double t1 = 1;
    const double dx = q.x() - p.x();
    const double dy = q.y() - p.y();
    const double edges[4][2] = {{-dx, p.x() - r.left()},
                                {dx, r.right() - p.x()},
                                {-dy, p.y() - r.top()},
                                {dy, r.bottom() - p.y()}};
    for (const auto& [d, limit] : edges) {
        if (d == 0) {
            if (limit < 0) {
                return false;
            }
            continue;
        }
        const double t = limit / d;
        if (d < 0) {
            t0 = std::max(t0, t);
        } else {
            t1 = std::min(t1, t);
        }
        if (t0 > t1) {
            return false;
        }
    }
    return true;
}

}  // namespace

std::vector<std::pair<double, double>> ConnectionListModel::route(const Diagram& diagram,
                                                                  const Element& from,
                                                                  const Element& to) {
    const QPointF a = iconCentre(from.geometry);
    const QPointF b = iconCentre(to.geometry);
    std::vector<QRectF> obstacles;
    for (const Element& e : diagram.elements()) {
        const KindDef* def = ResourceCatalogue::instance().kind(e.kind);
        if (e.id != from.id && e.id != to.id && (!def || !def->isContainer)) {
            obstacles.push_back(nodeArea(e.geometry));
        }
    }
    auto clear = [&](const std::vector<QPointF>& path) {
        for (std::size_t i = 0; i + 1 < path.size(); ++i) {
            for (const QRectF& r : obstacles) {
                if (crosses(path[i], path[i + 1], r)) {
                    return false;
                }
            }
        }
        return true;
    };
    if (clear({a, b})) {
        return {};
    }
    // Lanes just outside every node the straight line crosses.
    constexpr double kGap = 18;
    std::vector<std::vector<QPointF>> candidates;
    for (const QRectF& r : obstacles) {
        if (!crosses(a, b, r)) {
            continue;
        }
        for (const double y : {r.top() - kGap, r.bottom() + kGap}) {
            candidates.push_back({a, {a.x(), y}, {b.x(), y}, b});
        }
        for (const double x : {r.left() - kGap, r.right() + kGap}) {
            candidates.push_back({a, {x, a.y()}, {x, b.y()}, b});
        }
    }
    auto length = [](const std::vector<QPointF>& path) {
        double sum = 0;
        for (std::size_t i = 0; i + 1 < path.size(); ++i) {
            sum += std::hypot(path[i + 1].x() - path[i].x(), path[i + 1].y() - path[i].y());
        }
        return sum;
    };
    const std::vector<QPointF>* best = nullptr;
    for (const auto& path : candidates) {
        if (clear(path) && (!best || length(path) < length(*best))) {
            best = &path;
        }
    }
    if (!best) {
        return {};
    }
    return {{(*best)[1].x(), (*best)[1].y()}, {(*best)[2].x(), (*best)[2].y()}};
}

ConnectionListModel::ConnectionListModel(QObject* parent) : RowListModel<ConnectionRow>(parent) {}

std::string ConnectionListModel::routeLineId(std::string_view tableId, std::string_view subnetId,
                                             std::string_view targetId) {
    std::string id = "route:";
    id.append(tableId).append(":").append(subnetId).append(":").append(targetId);
    return id;
}

std::vector<ConnectionRow> ConnectionListModel::buildRows(const Diagram& diagram,
                                                          const QSet<QString>& selection) {
    const auto& catalogue = ResourceCatalogue::instance();
    std::vector<ConnectionRow> rows;
    rows.reserve(diagram.connections().size());
    for (const Connection& c : diagram.connections()) {
        const Element* from = diagram.element(c.from);
        const Element* to = diagram.element(c.to);
        if (!from || !to) {
            continue;
        }
        rows.push_back({c.id,
                        c.kind,
                        c.name,
                        KindPresentation::lineLabel(c).toStdString(),
                        c.from,
                        c.to,
                        from->geometry,
                        to->geometry,
                        selection.contains(QString::fromStdString(c.id)),
                        {}});
        const ConnectionKindDef* def = catalogue.connectionKind(c.kind);
        const KindDef* fromDef = catalogue.kind(from->kind);
        const KindDef* toDef = catalogue.kind(to->kind);
        if (def && def->endpoints.empty() && fromDef && toDef && !fromDef->isContainer &&
            !toDef->isContainer) {
            rows.back().via = route(diagram, *from, *to);
        }
    }
    for (const Element* rt : diagram.elementsOfKind(kinds::kRouteTable)) {
        const auto& routes = rt->property("routes");
        if (!routes.is_array()) {
            continue;
        }
        const auto subnets = rt->stringListProperty("associations");
        for (const auto& route : routes) {
            if (!route.is_object() || !route.contains("target") || !route["target"].is_string()) {
                continue;
            }
            const Element* target = diagram.element(route["target"].get<std::string>());
            if (!target || !catalogue.routeTarget(target->kind, rt->kind)) {
                continue;
            }
            const std::string destination = route.value("destination", std::string());
            for (const auto& subnetId : subnets) {
                const Element* subnet = diagram.element(subnetId);
                if (!subnet) {
                    continue;
                }
                std::string key = routeLineId(rt->id, subnetId, target->id);
                const bool selected = selection.contains(QString::fromStdString(key));
                rows.push_back({std::move(key),
                                std::string(KindPresentation::kRouteLine),
                                rt->name,
                                destination,
                                subnetId,
                                target->id,
                                subnet->geometry,
                                target->geometry,
                                selected,
                                {}});
            }
        }
    }
    // Two routes of one table to the same target (IPv4 and IPv6 defaults) draw one line.
    std::vector<ConnectionRow> unique;
    unique.reserve(rows.size());
    std::unordered_map<std::string, std::size_t> seen;
    for (auto& row : rows) {
        const auto [it, fresh] = seen.emplace(row.key, unique.size());
        if (fresh) {
            unique.push_back(std::move(row));
        } else {
            unique[it->second].label += ", " + row.label;
        }
    }
    return unique;
}

void ConnectionListModel::reset(const Diagram& diagram, const QSet<QString>& selection) {
    resetRows(buildRows(diagram, selection));
}

void ConnectionListModel::sync(const Diagram& diagram, const QSet<QString>& selection) {
    syncRows(buildRows(diagram, selection));
}

QRectF ConnectionListModel::boundsOf(const ConnectionRow& row) const {
    const QRectF from(row.fromBox.x, row.fromBox.y, row.fromBox.width, row.fromBox.height);
    const QRectF to(row.toBox.x, row.toBox.y, row.toBox.width, row.toBox.height);
    // united() ignores empty boxes; a line between two points still has an extent.
    QRectF both = from.united(to);
    for (const auto& [x, y] : row.via) {
        both = both.united(QRectF(x - 1, y - 1, 2, 2));
    }
    return both.isEmpty() ? both.adjusted(-1, -1, 1, 1) : both;
}

QVariant ConnectionListModel::data(const QModelIndex& index, int role) const {
    const ConnectionRow* row = rowAt(index);
    if (!row) {
        return {};
    }
    auto box = [](const Geometry& g) { return QRectF(g.x, g.y, g.width, g.height); };
    switch (role) {
        case IdRole:
            return QString::fromStdString(row->key);
        case KindRole:
            return QString::fromStdString(row->kind);
        case Qt::DisplayRole:
        case NameRole:
            return QString::fromStdString(row->name);
        case LabelRole:
            return QString::fromStdString(row->label);
        case FromRole:
            return QString::fromStdString(row->from);
        case ToRole:
            return QString::fromStdString(row->to);
        case FromBoxRole:
            return box(row->fromBox);
        case ToBoxRole:
            return box(row->toBox);
        case SelectedRole:
            return row->selected;
        case InViewRole:
            return inView(*row);
        case ViaRole: {
            QVariantList points;
            for (const auto& [x, y] : row->via) {
                points << QPointF(x, y);
            }
            return points;
        }
        case LineStyleRole:
            return KindPresentation::line(row->kind).style;
        case DashedRole:
            return KindPresentation::line(row->kind).dashed;
        case DirectedRole:
            return KindPresentation::line(row->kind).directed;
        default:
            return {};
    }
}

QHash<int, QByteArray> ConnectionListModel::roleNames() const {
    return {{IdRole, "connectionId"}, {KindRole, "kind"},        {NameRole, "name"},
            {LabelRole, "label"},     {FromRole, "fromId"},      {ToRole, "toId"},
            {FromBoxRole, "fromBox"}, {ToBoxRole, "toBox"},      {SelectedRole, "selected"},
            {InViewRole, "inView"},   {ViaRole, "via"},          {LineStyleRole, "lineStyle"},
            {DashedRole, "dashed"},   {DirectedRole, "directed"}};
}

}  // namespace skydraft
