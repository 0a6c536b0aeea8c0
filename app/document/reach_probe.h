// "Can A reach B?" in the designer: the query the user picked on the canvas (a source from an
// element's context menu, then a click on the target), its answer from model/analysis
// (reach::Reachability, the same as `skydraft reach`), kept up to date as the document changes,
// for the canvas to draw (ReachOverlay.qml) and a panel to explain (ReachPanel.qml). It also lists
// the access intents kept with the design and keeps a query as a new one.
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>
#include <QVariantList>
#include <optional>
#include <vector>

#include "analysis/reachability/reach_types.h"

namespace skydraft {

class DocumentController;
class DocumentSession;

class ReachProbe : public QObject {
    Q_OBJECT
    /// A source is chosen: the panel is open.
    Q_PROPERTY(bool active READ active NOTIFY changed)
    /// The source is chosen and the next click on the canvas picks the target.
    Q_PROPERTY(bool picking READ picking NOTIFY changed)
    Q_PROPERTY(QString sourceId READ sourceId NOTIFY changed)
    Q_PROPERTY(QString sourceName READ sourceName NOTIFY changed)
    Q_PROPERTY(QString targetId READ targetId NOTIFY changed)
    Q_PROPERTY(QString targetName READ targetName NOTIFY changed)
    /// "tcp", "udp", "icmp" or "any".
    Q_PROPERTY(QString protocol READ protocol WRITE setProtocol NOTIFY changed)
    /// The destination port; -1 for any port.
    Q_PROPERTY(int port READ port WRITE setPort NOTIFY changed)
    Q_PROPERTY(bool hasResult READ hasResult NOTIFY changed)
    Q_PROPERTY(bool reachable READ reachable NOTIFY changed)
    /// "Reachable: tcp 443 from web-a to db-a" or why the query cannot be answered.
    Q_PROPERTY(QString verdict READ verdict NOTIFY changed)
    /// The hops of the path: {"id", "name", "kind", "detail", "blocked"}.
    Q_PROPERTY(QVariantList hops READ hops NOTIFY changed)
    /// Every blocking component: {"code", "id", "name", "direction", "message", "fixText",
    /// "hasFix"}.
    Q_PROPERTY(QVariantList explanations READ explanations NOTIFY changed)
    /// Where the canvas draws the path, in canvas units, one per hop that is drawn:
    /// {"id", "x", "y", "width", "height", "blocked", "step"}.
    Q_PROPERTY(QVariantList points READ points NOTIFY changed)
    /// The intents kept with the design: {"text", "holds", "error"}.
    Q_PROPERTY(QVariantList intents READ intents NOTIFY changed)

public:
    ReachProbe(DocumentController& controller, DocumentSession& session, QObject* parent = nullptr);

    bool active() const { return !m_source.isEmpty(); }
    bool picking() const { return active() && m_target.isEmpty(); }
    QString sourceId() const { return m_source; }
    QString sourceName() const { return nameOf(m_source); }
    QString targetId() const { return m_target; }
    QString targetName() const { return nameOf(m_target); }
    QString protocol() const;
    void setProtocol(const QString& protocol);
    int port() const { return m_flow.port; }
    void setPort(int port);
    bool hasResult() const { return m_result.has_value(); }
    bool reachable() const { return m_result && m_result->reachable; }
    QString verdict() const { return m_verdict; }
    QVariantList hops() const { return m_hops; }
    QVariantList explanations() const { return m_explanations; }
    QVariantList points() const { return m_points; }
    QVariantList intents() const { return m_intents; }

    /// Starts a query from an element id, or "internet" (traffic coming in from outside);
    /// the target is picked next.
    Q_INVOKABLE void startFrom(const QString& id);
    /// Picks the target (an element id or "internet") and answers the query.
    Q_INVOKABLE void pickTarget(const QString& id);
    /// Closes the query (the intents stay).
    Q_INVOKABLE void clear();
    /// Applies the mechanical fix of an explanation as one undo step; false when it has none
    /// or the edit was refused.
    Q_INVOKABLE bool applyFix(int index);
    /// Keeps the current query as an access intent (one undo step): the design must keep
    /// reaching (or never reach) the target. `skydraft validate` then checks it (REACH001).
    Q_INVOKABLE bool keepAsIntent(bool mustReach);
    /// Removes an intent (one undo step).
    Q_INVOKABLE bool removeIntent(int index);
    /// Loads an intent's query into the probe.
    Q_INVOKABLE void showIntent(int index);

signals:
    void changed();

private:
    void update();
    QString nameOf(const QString& id) const;

    DocumentController& m_controller;
    DocumentSession& m_session;
    QTimer m_refresh;  ///< coalesces the edits of a drag into one query
    QString m_source;
    QString m_target;
    reach::Flow m_flow{reach::Protocol::Tcp, 443};
    std::optional<reach::ReachResult> m_result;
    QString m_verdict;
    QVariantList m_hops;
    QVariantList m_explanations;
    QVariantList m_points;
    QVariantList m_intents;
};

}  // namespace skydraft
