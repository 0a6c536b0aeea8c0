// Testing: the designer driven line by line from standard input (--test-script), so that a test
// can edit through the real window's controller, kill the process at a known step and compare.
#pragma once

#include <QObject>
#include <QSocketNotifier>
#include <QString>

namespace skydraft {

class DocumentController;

/// Reads commands from standard input, one per line, runs each through the controller (one
/// undo step each, as a user's gesture) and answers on standard output with "ok N" (N steps
/// done so far) or "error N: reason", flushed. Commands:
///   drop KIND X Y | move ID DX DY | set ID KEY JSON | rename ID NAME | delete ID |
///   connect FROM TO | undo | redo | save PATH | dump PATH (the document as saveDiagram writes
///   it, without saving) | status (answers "ok N modified=0 conflict=0 lockedBy=0 undo=TEXT")
///   | reload | keep (the answers to a file changed on disk) | crash (SIGSEGV) | quit
/// End of input quits too.
class TestScript : public QObject {
    Q_OBJECT
public:
    explicit TestScript(DocumentController& controller, QObject* parent = nullptr);

    /// Runs one command line; "" on success, else the reason.
    QString run(const QString& line);

private:
    void readAvailable();

    DocumentController& m_controller;
    QSocketNotifier m_notifier;
    QByteArray m_pending;
    QString m_info;  ///< what a successful command adds to its "ok" line
    int m_done = 0;
};

}  // namespace skydraft
