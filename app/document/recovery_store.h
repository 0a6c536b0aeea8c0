// Nothing lost: a snapshot of the open document plus a journal of every edit made since, and
// restoring them after a crash or kill.
#pragma once

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <optional>
#include <unordered_set>

#include "document/journal_file.h"
#include "journal/diagram_ops.h"

namespace skydraft {

class DocumentController;

/// A recovery file left by a process that did not exit cleanly.
struct RecoveryFile {
    QString path;          ///< the .skydraft snapshot of the unsaved document
    QString journalPath;   ///< the edits made after the snapshot (may not exist)
    QString originalPath;  ///< the file it was opened from ("" for an untitled document)
    QDateTime savedAt;
    qint64 pid = 0;  ///< the process that wrote it
};

/// At the first undo-stack step that leaves the document with unsaved changes, writes it
/// atomically to <AppDataLocation>/recovery/recovery-<pid>.skydraft (the snapshot) with a
/// .json note naming the original file, and starts recovery-<pid>.journal; every later step,
/// undo and redo is appended to the journal as soon as it happens (model/journal), so that a
/// killed process loses nothing. Every `interval` (60 s, or SKYDRAFT_AUTOSAVE_MS) a journal
/// grown past kCompactBytes is folded into a fresh snapshot. The files are removed when the
/// document is saved or back at its saved state, and on a clean exit. A later start finds the
/// files of processes that are gone and offers them, newest first.
class RecoveryStore : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool available READ available NOTIFY availableChanged)
    Q_PROPERTY(QString originalName READ originalName NOTIFY availableChanged)
    Q_PROPERTY(QString savedAtText READ savedAtText NOTIFY availableChanged)
    Q_PROPERTY(int interval READ interval WRITE setInterval NOTIFY intervalChanged)
    Q_PROPERTY(QString restoreNote READ restoreNote NOTIFY availableChanged)
public:
    explicit RecoveryStore(DocumentController& controller, QObject* parent = nullptr);
    ~RecoveryStore() override;

    /// The folder recovery files live in.
    static QString directory();
    /// The newest recovery file left by a process other than this one that is no longer
    /// running, if any.
    static std::optional<RecoveryFile> findLeftover();

    int interval() const { return m_timer.interval(); }
    void setInterval(int milliseconds);
    /// This process's recovery file (it may not exist yet).
    QString ownPath() const;

    bool available() const { return m_leftover.has_value(); }
    QString originalName() const;
    QString savedAtText() const;

    /// Writes a fresh snapshot of the document and starts an empty journal, when it has unsaved
    /// changes; true when it wrote one.
    Q_INVOKABLE bool autosave();
    /// This process's journal (it may not exist yet).
    QString ownJournalPath() const;
    /// The journal's file, for tests.
    const JournalFile& journal() const { return m_journal; }
    /// Turns the snapshot and journal on (the default) or off (the canvas benchmark compares).
    void setJournalling(bool on);
    /// What the last restore could not bring back ("" when it restored every edit).
    QString restoreNote() const { return m_restoreNote; }

    /// A journal past this size is folded into a new snapshot at the next interval.
    static constexpr qint64 kCompactBytes = 1 << 20;
    /// Loads the leftover into the controller: the snapshot with the journal's whole entries
    /// replayed, on the original file (when it still exists) as one undoable "Restore unsaved
    /// changes" step, so the document shows as modified. A damaged or cut journal tail is left
    /// out, and restoreNote() says where. Removes the leftover. False when the snapshot cannot
    /// be read.
    Q_INVOKABLE bool restore();
    /// Deletes the leftover without restoring it.
    Q_INVOKABLE void discard();
    /// Starts another Skydraft that restores the leftover (`--restore-recovery` takes the
    /// newest one of a process that is gone), so that this window's document stays as it is;
    /// this window stops offering it. False when the process cannot start.
    Q_INVOKABLE bool restoreInNewWindow();
    /// Stops offering the leftover (it stays on disk for a later start).
    void ignoreLeftover();
    /// Removes this process's recovery files (after a save, a clean exit).
    void removeOwn();

signals:
    void availableChanged();
    void intervalChanged();
    /// A recovery file was written.
    void autosaved(const QString& path);

private:
    /// An undo-stack step happened (push, undo, redo, clear).
    void stepped(int index);
    /// Writes the note and the snapshot, and starts the journal after it.
    bool writeSnapshot();
    void compactIfLarge();

    DocumentController& m_controller;
    QPointer<DocumentController> m_controllerAlive;  ///< null once the controller is destroyed
    QTimer m_timer;
    std::optional<RecoveryFile> m_leftover;
    OperationRecorder m_recorder;
    JournalFile m_journal;
    quint64 m_sequence = 0;                          ///< entries in the journal
    int m_lastIndex = 0;                             ///< the undo stack's index after the last step
    std::unordered_set<const void*> m_seenCommands;  ///< to tell a redo from a new step
    QString m_restoreNote;
    bool m_journalling = true;
};

}  // namespace skydraft
