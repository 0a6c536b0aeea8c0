// A list model of the validator's findings for the problems panel, grouped by severity and rule.
#pragma once

#include <QStringList>
#include <unordered_map>

#include "models/row_list_model.h"
#include "validation/finding.h"

namespace skydraft {

/// One finding as the problems panel shows it.
struct FindingRow {
    std::string key;  ///< rule, elements and message: stable while the finding persists
    Finding finding;
    std::string ruleTitle;
    friend bool operator==(const FindingRow&, const FindingRow&) = default;
};

/// How many findings of each severity name an element.
struct FindingCounts {
    int errors = 0;
    int warnings = 0;
    int infos = 0;
};

/// Rows are the unsuppressed findings ordered errors first, then warnings, then infos, and
/// within a severity by rule id, so that a view can show one section per (severity, rule)
/// through the `group` role. Updates keep the rows that did not change.
class FindingsModel : public RowListModel<FindingRow> {
    Q_OBJECT
    Q_PROPERTY(int errorCount READ errorCount NOTIFY countsChanged)
    Q_PROPERTY(int warningCount READ warningCount NOTIFY countsChanged)
    Q_PROPERTY(int infoCount READ infoCount NOTIFY countsChanged)
    Q_PROPERTY(int suppressedCount READ suppressedCount NOTIFY countsChanged)
    Q_PROPERTY(int count READ count NOTIFY countsChanged)
public:
    enum Role {
        SeverityRole = Qt::UserRole + 1,  ///< "error", "warning", "info"
        RuleIdRole,
        RuleTitleRole,
        MessageRole,
        ElementsRole,  ///< QStringList of ids, the subject first
        SubjectRole,
        HasFixRole,
        FixLabelRole,
        GroupRole,       ///< "<rank> <rule id>", e.g. "0 SUB003" (errors sort first)
        GroupTitleRole,  ///< "SUB003 · Overlapping subnets"
        DocLinkRole,
    };

    explicit FindingsModel(QObject* parent = nullptr);

    /// Replaces the findings (suppressed ones are only counted).
    void setFindings(const std::vector<Finding>& findings);

    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int errorCount() const { return m_errors; }
    int warningCount() const { return m_warnings; }
    int infoCount() const { return m_infos; }
    int suppressedCount() const { return m_suppressed; }
    int count() const { return rowCount(); }

    /// The finding of a row, or nullptr.
    const Finding* finding(int row) const;
    /// The first row naming the rule (and, when given, the element), or -1.
    Q_INVOKABLE int rowOf(const QString& ruleId, const QString& elementId = {}) const;
    /// "SUB003 · Overlapping subnets" for a rule id.
    Q_INVOKABLE QString ruleTitle(const QString& ruleId) const;
    /// How many rows have the `group` role value group.
    Q_INVOKABLE int groupCount(const QString& group) const;
    /// Per element or connection id: how many findings of each severity name it.
    const std::unordered_map<std::string, FindingCounts>& countsById() const { return m_byId; }

signals:
    void countsChanged();

private:
    int m_errors = 0;
    int m_warnings = 0;
    int m_infos = 0;
    int m_suppressed = 0;
    std::unordered_map<std::string, FindingCounts> m_byId;
};

}  // namespace skydraft
