// An append-only file for the edit journal: each line reaches the operating system as soon as it
// is written (so a killed process loses nothing), and the disk at most every 200 ms.
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>
#include <string_view>

namespace skydraft {

/// Lines are written with one write(2) each, so that after SIGKILL the file holds every whole
/// line; fdatasync follows within `syncDelay` (200 ms) of the first unsynced line, so that a
/// burst of edits (a drag, typing) costs one sync, never one per edit.
class JournalFile : public QObject {
    Q_OBJECT
public:
    explicit JournalFile(QObject* parent = nullptr);
    ~JournalFile() override;

    /// Creates (truncating) the file with its first line; false with error() on failure.
    bool start(const QString& path, std::string_view firstLine);
    /// Appends a whole line (ending in '\n'); false with error() when it could not.
    bool append(std::string_view line);
    /// Syncs now if anything is unsynced.
    void sync();
    /// Closes (after a sync) without removing the file.
    void close();
    bool isOpen() const { return m_fd >= 0; }
    QString path() const { return m_path; }
    qint64 size() const { return m_size; }
    QString error() const { return m_error; }
    /// The number of fdatasync calls made, for tests.
    int syncCount() const { return m_syncs; }

    static constexpr int kSyncDelayMs = 200;

private:
    bool writeAll(std::string_view bytes);

    int m_fd = -1;
    QString m_path;
    qint64 m_size = 0;
    QString m_error;
    bool m_dirty = false;
    int m_syncs = 0;
    QTimer m_syncTimer;
};

}  // namespace skydraft
