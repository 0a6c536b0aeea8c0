// The canvas's list model of connection lines.
#include "models/connection_list_model.h"

#include <QRectF>

#include "resource_catalogue.h"

namespace skydraft {

namespace {

bool isGatewayKind(std::string_view kind) {
    return kind == "internet_gateway" || kind == "nat_gateway" || kind == "transit_gateway" ||
           kind == "virtual_private_gateway" || kind == "egress_only_internet_gateway";
}

std::string shortLabel(std::string_view kind) {
    if (kind == "vpc_peering") {
        return "peering";
    }
    if (kind == "transit_gateway_attachment") {
        return "attachment";
    }
    if (kind == "transit_gateway_peering") {
        return "TGW peering";
    }
    if (kind == "vpn_attachment") {
        return "VPN";
    }
    return std::string(kind);
}

}  // namespace

ConnectionListModel::ConnectionListModel(QObject* parent) : RowListModel<ConnectionRow>(parent) {}

std::vector<ConnectionRow> ConnectionListModel::buildRows(const Diagram& diagram,
                                                          const QSet<QString>& selection) {
    std::vector<ConnectionRow> rows;
    rows.reserve(diagram.connections().size());
    for (const Connection& c : diagram.connections()) {
        const Element* from = diagram.element(c.from);
        const Element* to = diagram.element(c.to);
        if (!from || !to) {
            continue;
        }
        std::string label = c.kind == "uses" ? c.stringProperty("description") : shortLabel(c.kind);
        rows.push_back({c.id, c.kind, c.name, label, c.from, c.to, from->geometry, to->geometry,
                        selection.contains(QString::fromStdString(c.id))});
    }
    for (const Element* rt : diagram.elementsOfKind("route_table")) {
        const auto& routes = rt->property("routes");
        if (!routes.is_array()) {
            continue;
        }
        const auto subnets = rt->stringListProperty("associations");
        for (const auto& route : routes) {
            if (!route.contains("target") || !route["target"].is_string()) {
                continue;
            }
            const Element* target = diagram.element(route["target"].get<std::string>());
            if (!target || !isGatewayKind(target->kind)) {
                continue;
            }
            const std::string destination = route.value("destination", std::string());
            for (const auto& subnetId : subnets) {
                const Element* subnet = diagram.element(subnetId);
                if (!subnet) {
                    continue;
                }
                std::string key = "route:" + rt->id + ":" + subnetId + ":" + target->id;
                const bool selected = selection.contains(QString::fromStdString(key));
                rows.push_back({std::move(key), "route", rt->name, destination, subnetId,
                                target->id, subnet->geometry, target->geometry, selected});
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
        default:
            return {};
    }
}

QHash<int, QByteArray> ConnectionListModel::roleNames() const {
    return {{IdRole, "connectionId"}, {KindRole, "kind"},   {NameRole, "name"},
            {LabelRole, "label"},     {FromRole, "fromId"}, {ToRole, "toId"},
            {FromBoxRole, "fromBox"}, {ToBoxRole, "toBox"}, {SelectedRole, "selected"}};
}

}  // namespace skydraft
