// Size-limited reading of document files: regular files by their size, streams by chunks.
#include "cli/bounded_read.h"

#include <QFile>
#include <QFileInfo>
#include <algorithm>

namespace skydraft {

namespace {

constexpr qint64 kLimit = static_cast<qint64>(kMaxDocumentBytes);
constexpr qint64 kChunkBytes = 1 << 16;

}  // namespace

BoundedRead readBoundedFile(const QString& path) {
    BoundedRead result;
    const QFileInfo info(path);
    if (!info.exists()) {
        result.error = QStringLiteral("no such file");
        return result;
    }
    if (info.isDir()) {
        result.error = QStringLiteral("is a directory");
        return result;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = file.errorString();
        return result;
    }
    if (!file.isSequential()) {
        // A regular file: its size says everything before a byte is read.
        if (file.size() > kLimit) {
            result.error = QString::fromStdString(
                documentTooLargeMessage(static_cast<std::size_t>(file.size())));
            return result;
        }
        result.bytes.reserve(static_cast<qsizetype>(file.size()));
    }
    // In chunks for every kind of file: a pipe has no size, a regular file may grow meanwhile.
    QByteArray chunk(kChunkBytes, Qt::Uninitialized);
    for (;;) {
        const qint64 n =
            file.read(chunk.data(), std::min(kChunkBytes, kLimit + 1 - result.bytesRead));
        if (n < 0) {
            result.error = file.errorString();
            result.bytes.clear();
            return result;
        }
        if (n == 0) {
            return result;
        }
        result.bytesRead += n;
        if (result.bytesRead > kLimit) {
            result.error = QString::fromStdString(documentOverLimitMessage());
            result.bytes.clear();
            return result;
        }
        result.bytes.append(chunk.constData(), static_cast<qsizetype>(n));
    }
}

}  // namespace skydraft
