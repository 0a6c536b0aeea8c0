// The canvas badges: counts and messages per marked item, placed at the item's box.
#include "models/marker_model.h"

#include <algorithm>
#include <map>

namespace skydraft {

MarkerModel::MarkerModel(QObject* parent) : RowListModel<MarkerRow>(parent) {}

void MarkerModel::sync(const Diagram& diagram, const std::vector<Finding>& findings) {
    std::map<std::string, MarkerRow> byId;
    for (const Finding& f : findings) {
        if (f.suppressed) {
            continue;
        }
        std::vector<Id> seen;
        for (const Id& id : f.elements) {
            if (std::find(seen.begin(), seen.end(), id) != seen.end()) {
                continue;
            }
            seen.push_back(id);
            MarkerRow& row = byId[id];
            row.key = id;
            (f.severity == Severity::Error     ? row.errors
             : f.severity == Severity::Warning ? row.warnings
                                               : row.infos)++;
            if (!row.messages.empty()) {
                row.messages += '\n';
            }
            row.messages += f.ruleId + ": " + f.message;
        }
    }
    std::vector<MarkerRow> rows;
    rows.reserve(byId.size());
    for (auto& [id, row] : byId) {
        if (row.errors == 0 && row.warnings == 0) {
            continue;
        }
        if (const Element* e = diagram.element(id)) {
            row.box = e->geometry;
        } else if (const Connection* c = diagram.connection(id)) {
            const Element* a = diagram.element(c->from);
            const Element* b = diagram.element(c->to);
            if (!a || !b) {
                continue;
            }
            row.connection = true;
            row.box = {
                (a->geometry.x + a->geometry.width / 2 + b->geometry.x + b->geometry.width / 2) / 2,
                (a->geometry.y + a->geometry.height / 2 + b->geometry.y + b->geometry.height / 2) /
                    2,
                0, 0};
        } else {
            continue;
        }
        rows.push_back(std::move(row));
    }
    syncRows(std::move(rows));
}

int MarkerModel::rowOf(const QString& id) const {
    const std::string key = id.toStdString();
    for (std::size_t i = 0; i < rows().size(); ++i) {
        if (rows()[i].key == key) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

QVariant MarkerModel::data(const QModelIndex& index, int role) const {
    const MarkerRow* row = rowAt(index);
    if (!row) {
        return {};
    }
    switch (role) {
        case IdRole:
            return QString::fromStdString(row->key);
        case XRole:
            return row->box.x;
        case YRole:
            return row->box.y;
        case WidthRole:
            return row->box.width;
        case HeightRole:
            return row->box.height;
        case IsConnectionRole:
            return row->connection;
        case ErrorsRole:
            return row->errors;
        case WarningsRole:
            return row->warnings;
        case SeverityRole:
            return row->errors > 0 ? QStringLiteral("error") : QStringLiteral("warning");
        case InViewRole:
            return inView(*row);
        case Qt::ToolTipRole:
        case MessagesRole:
            return QString::fromStdString(row->messages);
        default:
            return {};
    }
}

QHash<int, QByteArray> MarkerModel::roleNames() const {
    return {{IdRole, "markerId"},         {XRole, "markerX"},
            {YRole, "markerY"},           {WidthRole, "markerWidth"},
            {HeightRole, "markerHeight"}, {IsConnectionRole, "isConnection"},
            {ErrorsRole, "errors"},       {WarningsRole, "warnings"},
            {SeverityRole, "severity"},   {MessagesRole, "messages"},
            {InViewRole, "inView"}};
}

}  // namespace skydraft
