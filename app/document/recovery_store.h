// Autosave of the open document to a recovery file while it has unsaved changes, and restoring
// it after a crash or kill.
#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>
#include <optional>

namespace skydraft {

class DocumentController;

/// A recovery file left by a process that did not exit cleanly.
struct RecoveryFile {
    QString path;          ///< the .skydraft copy of the unsaved document
    QString originalPath;  ///< the file it was opened from ("" for an untitled document)
    QDateTime savedAt;
    qint64 pid = 0;  ///< the process that wrote it
};

/// Every `interval` (60 s, or SKYDRAFT_AUTOSAVE_MS) while the document has unsaved changes
/// that were not autosaved yet, writes it atomically (QSaveFile) to
/// <AppDataLocation>/recovery/recovery-<pid>.skydraft with a .json note naming the original
/// file. The files are removed when the document is saved or cleaned, and on a clean exit.
/// A later start finds files of processes that are gone and offers them.
class RecoveryStore : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool available READ available NOTIFY availableChanged)
    Q_PROPERTY(QString originalName READ originalName NOTIFY availableChanged)
    Q_PROPERTY(QString savedAtText READ savedAtText NOTIFY availableChanged)
    Q_PROPERTY(int interval READ interval WRITE setInterval NOTIFY intervalChanged)
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

    /// Writes the recovery file now if the document has changes not autosaved yet; true when
    /// it wrote one.
    Q_INVOKABLE bool autosave();
    /// Loads the leftover into the controller: the original file (when it still exists) with
    /// the recovered content as one undoable "Restore unsaved changes" step, so the document
    /// shows as modified. Removes the leftover. False (with the controller's errorString)
    /// when it cannot be read.
    Q_INVOKABLE bool restore();
    /// Deletes the leftover without restoring it.
    Q_INVOKABLE void discard();
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
    DocumentController& m_controller;
    QTimer m_timer;
    std::optional<RecoveryFile> m_leftover;
    quint64 m_changes = 0;       ///< content changes seen
    quint64 m_savedChanges = 0;  ///< m_changes at the last autosave
};

}  // namespace skydraft
