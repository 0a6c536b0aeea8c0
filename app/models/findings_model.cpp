// The problems panel's model: findings sorted by severity and rule, with per-element counts.
#include "models/findings_model.h"

#include <algorithm>

#include "validation/rule.h"
#include "validation/rule_registry.h"

namespace skydraft {

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

QStringList ids(const std::vector<Id>& elements) {
    QStringList out;
    out.reserve(static_cast<qsizetype>(elements.size()));
    for (const auto& id : elements) {
        out << q(id);
    }
    return out;
}

}  // namespace

FindingsModel::FindingsModel(QObject* parent) : RowListModel<FindingRow>(parent) {}

void FindingsModel::setFindings(const std::vector<Finding>& findings) {
    std::vector<const Finding*> shown;
    int suppressed = 0;
    for (const Finding& f : findings) {
        if (f.suppressed) {
            ++suppressed;
        } else {
            shown.push_back(&f);
        }
    }
    std::stable_sort(shown.begin(), shown.end(), [](const Finding* a, const Finding* b) {
        if (a->severity != b->severity) {
            return a->severity > b->severity;
        }
        return a->ruleId < b->ruleId;
    });
    std::vector<FindingRow> rows;
    rows.reserve(shown.size());
    std::unordered_map<std::string, int> seen;
    m_byId.clear();
    int counts[3] = {0, 0, 0};
    for (const Finding* f : shown) {
        FindingRow row;
        row.key = f->ruleId + "|" + f->message;
        for (const auto& id : f->elements) {
            row.key += "|" + id;
        }
        const int n = seen[row.key]++;
        if (n > 0) {
            row.key += "#" + std::to_string(n);
        }
        row.finding = *f;
        const Rule* rule = findRule(f->ruleId);
        row.ruleTitle = rule ? std::string(rule->info.title) : std::string();
        ++counts[static_cast<int>(f->severity)];
        std::vector<Id> distinct = f->elements;
        std::sort(distinct.begin(), distinct.end());
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        for (const auto& id : distinct) {
            FindingCounts& c = m_byId[id];
            (f->severity == Severity::Error     ? c.errors
             : f->severity == Severity::Warning ? c.warnings
                                                : c.infos)++;
        }
        rows.push_back(std::move(row));
    }
    syncRows(std::move(rows));
    const bool changed = m_errors != counts[2] || m_warnings != counts[1] || m_infos != counts[0] ||
                         m_suppressed != suppressed;
    m_errors = counts[2];
    m_warnings = counts[1];
    m_infos = counts[0];
    m_suppressed = suppressed;
    if (changed) {
        emit countsChanged();
    }
}

const Finding* FindingsModel::finding(int row) const {
    const FindingRow* r = rowAt(index(row));
    return r ? &r->finding : nullptr;
}

int FindingsModel::rowOf(const QString& ruleId, const QString& elementId) const {
    const std::string rule = ruleId.toStdString();
    const std::string element = elementId.toStdString();
    for (std::size_t i = 0; i < rows().size(); ++i) {
        const Finding& f = rows()[i].finding;
        if (f.ruleId == rule && (element.empty() || std::find(f.elements.begin(), f.elements.end(),
                                                              element) != f.elements.end())) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

QString FindingsModel::ruleTitle(const QString& ruleId) const {
    const Rule* rule = findRule(ruleId.toStdString());
    return rule ? ruleId + QStringLiteral(" · ") + q(std::string(rule->info.title)) : ruleId;
}

int FindingsModel::groupCount(const QString& group) const {
    int n = 0;
    for (int i = 0; i < rowCount(); ++i) {
        n += data(index(i), GroupRole).toString() == group ? 1 : 0;
    }
    return n;
}

QVariant FindingsModel::data(const QModelIndex& index, int role) const {
    const FindingRow* row = rowAt(index);
    if (!row) {
        return {};
    }
    const Finding& f = row->finding;
    switch (role) {
        case Qt::DisplayRole:
        case MessageRole:
            return q(f.message);
        case SeverityRole:
            return q(std::string(severityKey(f.severity)));
        case RuleIdRole:
            return q(f.ruleId);
        case RuleTitleRole:
            return q(row->ruleTitle);
        case ElementsRole:
            return ids(f.elements);
        case SubjectRole:
            return f.elements.empty() ? QString() : q(f.elements.front());
        case HasFixRole:
            return f.fix.has_value() && !f.fix->edits.empty();
        case FixLabelRole:
            return f.fix ? q(f.fix->label) : QString();
        case GroupRole:
            return QString::number(2 - static_cast<int>(f.severity)) + QLatin1Char(' ') +
                   q(f.ruleId);
        case GroupTitleRole:
            return row->ruleTitle.empty() ? q(f.ruleId) : q(f.ruleId + " · " + row->ruleTitle);
        case DocLinkRole:
            return q(ruleDocLink(f.ruleId));
        default:
            return {};
    }
}

QHash<int, QByteArray> FindingsModel::roleNames() const {
    return {
        {SeverityRole, "severity"},     {RuleIdRole, "ruleId"},     {RuleTitleRole, "ruleTitle"},
        {MessageRole, "message"},       {ElementsRole, "elements"}, {SubjectRole, "subject"},
        {HasFixRole, "hasFix"},         {FixLabelRole, "fixLabel"}, {GroupRole, "group"},
        {GroupTitleRole, "groupTitle"}, {DocLinkRole, "docLink"},
    };
}

}  // namespace skydraft
