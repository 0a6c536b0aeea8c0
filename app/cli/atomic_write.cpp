// Atomic file writes shared by save, export, recovery and the command line.
#include "cli/atomic_write.h"

#include <QFileInfo>
#include <QSaveFile>
#include <cerrno>
#include <cstring>

namespace skydraft {

QString writeFileAtomically(const QString& path, const QByteArray& bytes) {
    const QFileInfo info(path);
    if (info.isDir()) {
        return QStringLiteral("is a directory");
    }
    // Replacing a file by renaming needs only the folder to be writable; honour the file's
    // own read-only mark as an editor would.
    if (info.exists() && !info.isWritable()) {
        return QStringLiteral("the file is read-only");
    }
    QSaveFile file(path);
    // Unbuffered: with Qt's write buffer, a write that fails when commit() flushes it (EFBIG,
    // ENOSPC) went unnoticed and the truncated file replaced the previous one (Qt 6.4). Now
    // every failed write is seen here, and the temporary file is dropped without a commit.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        return file.errorString();
    }
    errno = 0;
    if (file.write(bytes) != bytes.size() || !file.flush()) {
        // Qt reports a write that stopped part way as "Unknown error"; errno says why.
        const int code = errno;
        const QString reason =
            code != 0 ? QString::fromLocal8Bit(std::strerror(code)) : file.errorString();
        file.cancelWriting();
        return reason;
    }
    if (!file.commit()) {
        const QString reason = file.errorString();
        return reason.isEmpty() || reason == QStringLiteral("Unknown error")
                   ? QStringLiteral("the file could not be written")
                   : reason;
    }
    return {};
}

}  // namespace skydraft
