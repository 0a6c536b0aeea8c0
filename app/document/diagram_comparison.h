// View > Compare with…: the open document against another diagram, template or scan, kept up
// to date as the document changes, for the canvas to colour and a panel to list.
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>
#include <QVariantList>
#include <optional>

#include "diagram.h"

namespace skydraft {

class DocumentController;

/// Compares the open document (A) with another diagram (B) through model/diff: what changed,
/// what only the document has and what only the other has.
class DiagramComparison : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool active READ active NOTIFY changed)
    Q_PROPERTY(QString otherName READ otherName NOTIFY changed)
    Q_PROPERTY(QString summary READ summary NOTIFY changed)
    Q_PROPERTY(QVariantList rows READ rows NOTIFY changed)
    Q_PROPERTY(QVariantList highlights READ highlights NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
public:
    explicit DiagramComparison(DocumentController& controller, QObject* parent = nullptr);

    bool active() const { return m_other.has_value(); }
    QString otherName() const { return m_otherName; }
    /// "2 changed, 1 only here, 3 only in scan.skydraft" or "no differences".
    QString summary() const { return m_summary; }
    /// One row per difference: {"status": "changed"|"here"|"there", "kind", "name", "id"
    /// (the document's element, "" when only the other has it), "details": [lines]}.
    QVariantList rows() const { return m_rows; }
    /// The boxes to colour on the canvas: {"id", "x", "y", "width", "height", "status"}.
    QVariantList highlights() const { return m_highlights; }
    QString error() const { return m_error; }

    /// Compares with a .skydraft file, a CloudFormation template or a saved scan; false with
    /// `error` saying why when it cannot be read.
    Q_INVOKABLE bool compareWith(const QUrl& url);
    /// Compares with a diagram already loaded (tests).
    void compareWithDiagram(Diagram other, const QString& name);
    Q_INVOKABLE void clear();

signals:
    void changed();

private:
    void update();

    DocumentController& m_controller;
    QTimer m_refresh;  ///< coalesces the edits of a drag into one comparison
    std::optional<Diagram> m_other;
    QString m_otherName;
    QString m_summary;
    QVariantList m_rows;
    QVariantList m_highlights;
    QString m_error;
};

}  // namespace skydraft
