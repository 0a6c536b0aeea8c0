// The background validator: debounce, copy, validate in a worker, report only current results.
#include "document/validation_runner.h"

#include <QtConcurrent/QtConcurrentRun>

namespace skydraft {

ValidationRunner::ValidationRunner(std::function<const Diagram&()> source, QObject* parent)
    : QObject(parent), m_source(std::move(source)) {
    m_timer.setSingleShot(true);
    m_timer.setInterval(150);
    connect(&m_timer, &QTimer::timeout, this, &ValidationRunner::start);
    connect(&m_watcher, &QFutureWatcher<ValidationResult>::finished, this, &ValidationRunner::done);
}

ValidationRunner::~ValidationRunner() {
    m_watcher.waitForFinished();
}

void ValidationRunner::schedule() {
    ++m_scheduled;
    setBusy(true);
    m_timer.start();
}

void ValidationRunner::scheduleNow() {
    ++m_scheduled;
    setBusy(true);
    m_timer.stop();
    start();
}

void ValidationRunner::start() {
    if (m_watcher.isRunning()) {
        return;  // done() starts the newer generation when the current one ends
    }
    m_running = m_scheduled;
    m_watcher.setFuture(
        QtConcurrent::run([diagram = Diagram(m_source())] { return validate(diagram); }));
}

void ValidationRunner::done() {
    ++m_runs;
    if (m_running != m_scheduled) {
        if (!m_timer.isActive()) {
            start();
        }
        return;
    }
    m_result = m_watcher.result();
    setBusy(false);
    emit finished();
}

void ValidationRunner::setBusy(bool busy) {
    if (m_busy != busy) {
        m_busy = busy;
        emit busyChanged();
    }
}

}  // namespace skydraft
