// The journal's file: unbuffered appends, coalesced fdatasync.
#include "document/journal_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace skydraft {

JournalFile::JournalFile(QObject* parent) : QObject(parent) {
    m_syncTimer.setSingleShot(true);
    m_syncTimer.setInterval(kSyncDelayMs);
    connect(&m_syncTimer, &QTimer::timeout, this, &JournalFile::sync);
}

JournalFile::~JournalFile() {
    close();
}

bool JournalFile::start(const QString& path, std::string_view firstLine) {
    close();
    m_path = path;
    m_size = 0;
    m_fd = ::open(path.toLocal8Bit().constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (m_fd < 0) {
        m_error = path + QStringLiteral(": ") + QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    return append(firstLine);
}

bool JournalFile::writeAll(std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t written = ::write(m_fd, bytes.data(), bytes.size());
        if (written < 0) {
            if (errno == EINTR) {
                continue;
            }
            m_error = m_path + QStringLiteral(": ") + QString::fromLocal8Bit(std::strerror(errno));
            return false;
        }
        bytes.remove_prefix(static_cast<std::size_t>(written));
        m_size += written;
    }
    return true;
}

bool JournalFile::append(std::string_view line) {
    if (m_fd < 0) {
        m_error = QStringLiteral("the journal is not open");
        return false;
    }
    const qint64 before = m_size;
    if (!writeAll(line)) {
        // Cut a partly written line off, so that later lines are not glued to it.
        if (::ftruncate(m_fd, before) == 0) {
            m_size = before;
        }
        return false;
    }
    m_dirty = true;
    if (!m_syncTimer.isActive()) {
        m_syncTimer.start();
    }
    return true;
}

void JournalFile::sync() {
    m_syncTimer.stop();
    if (m_fd >= 0 && m_dirty) {
        ::fdatasync(m_fd);
        ++m_syncs;
        m_dirty = false;
    }
}

void JournalFile::close() {
    if (m_fd >= 0) {
        sync();
        ::close(m_fd);
        m_fd = -1;
    }
}

}  // namespace skydraft
