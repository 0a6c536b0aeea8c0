// Runs the validator on a copy of the diagram in a worker thread, debounced, dropping stale
// results.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>
#include <functional>

#include "diagram.h"
#include "validation/validator.h"

namespace skydraft {

/// Validates in the background so that editing never waits for the rules. schedule() after an
/// edit restarts a short debounce timer; when it fires, a copy of the diagram (a value type)
/// goes to a QtConcurrent worker. A result that finishes after a newer edit was scheduled is
/// dropped and the newer diagram validated instead, so `finished` only ever reports the
/// document as it is now.
class ValidationRunner : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
public:
    /// source returns the diagram to validate; it is called on the UI thread only.
    explicit ValidationRunner(std::function<const Diagram&()> source, QObject* parent = nullptr);
    ~ValidationRunner() override;

    /// Milliseconds between the last edit and the start of a validation (150 by default).
    void setDebounce(int milliseconds) { m_timer.setInterval(milliseconds); }
    /// True from schedule() until the matching result is reported.
    bool busy() const { return m_busy; }
    /// The latest reported result.
    const ValidationResult& result() const { return m_result; }
    /// How many validations ran to completion (reported or dropped); for tests.
    int runs() const { return m_runs; }

public slots:
    /// The diagram changed: validate it after the debounce interval.
    void schedule();
    /// Validates now (still in the worker) without waiting for the debounce.
    void scheduleNow();

signals:
    /// A fresh result for the current document.
    void finished();
    void busyChanged();

private:
    void start();
    void done();
    void setBusy(bool busy);

    std::function<const Diagram&()> m_source;
    QTimer m_timer;
    QFutureWatcher<ValidationResult> m_watcher;
    ValidationResult m_result;
    quint64 m_scheduled = 0;  ///< generation of the newest edit
    quint64 m_running = 0;    ///< generation the worker is validating
    bool m_busy = false;
    int m_runs = 0;
};

}  // namespace skydraft
