// The open file's neighbours: changes made to it outside Skydraft (git checkout, another editor)
// and other Skydraft windows that have it open.
#pragma once

#include <QByteArray>
#include <QFileSystemWatcher>
#include <QObject>
#include <QString>
#include <QTimer>

namespace skydraft {

class DocumentController;

/// Watches the controller's file. When its content changes on disk (compared by hash with what
/// this window read or wrote last): with no unsaved changes the document is reloaded as one
/// undo step ("Reload from disk", so undo goes back) and stays clean; with unsaved changes
/// `conflict` is raised for the window to offer reload, keep mine or save as.
///
/// Also takes a lock on the file (<AppDataLocation>/locks/<hash of the path>.lock holding the
/// process id, the host and the time): when another live Skydraft process already holds it,
/// `lockedBy` says which, for the window to warn. Locks of processes that are gone are stale
/// and taken over.
class FileGuard : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool conflict READ conflict NOTIFY conflictChanged)
    Q_PROPERTY(QString externalNote READ externalNote NOTIFY externalNoteChanged)
    Q_PROPERTY(qint64 lockedBy READ lockedBy NOTIFY lockedByChanged)
public:
    explicit FileGuard(DocumentController& controller, QObject* parent = nullptr);
    ~FileGuard() override;

    bool conflict() const { return m_conflict; }
    /// What happened on disk last ("web.skydraft was reloaded: it changed on disk"), or "".
    QString externalNote() const { return m_externalNote; }
    /// The process id of another Skydraft holding the open file, or 0.
    qint64 lockedBy() const { return m_lockedBy; }

    /// Conflict answer: replace the document by the file's content (one undo step).
    Q_INVOKABLE bool reload();
    /// Conflict answer: keep the document; saving will overwrite the file's new content.
    Q_INVOKABLE void keepMine();
    /// Looks at the file now (the watcher calls this after changes settle).
    Q_INVOKABLE void check();

    /// The lock file for a document path.
    static QString lockPath(const QString& documentPath);
    /// The milliseconds the guard waits after a change before reading the file (a checkout
    /// writes in bursts).
    static constexpr int kSettleMs = 150;

signals:
    void conflictChanged();
    void externalNoteChanged();
    void lockedByChanged();
    /// The document was reloaded from disk.
    void reloaded();

private:
    void fileSwitched();
    void watch();
    void takeLock();
    void releaseLock();
    void setConflict(bool conflict);
    void setNote(const QString& note);

    DocumentController& m_controller;
    QFileSystemWatcher m_watcher;
    QTimer m_settle;
    QString m_path;         ///< the file watched and locked
    QString m_lockPath;     ///< the lock this guard holds ("" for none)
    QByteArray m_seenHash;  ///< the disk content already dealt with (kept or reloaded)
    bool m_conflict = false;
    QString m_externalNote;
    qint64 m_lockedBy = 0;
};

}  // namespace skydraft
