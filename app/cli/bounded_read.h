// Reading a document file with a size limit that holds before anything is read into memory.
#pragma once

#include <QByteArray>
#include <QString>

#include "json_text.h"

namespace skydraft {

/// What readBoundedFile() got: the bytes, or why not (without the path), and how many bytes
/// it read from the file, so that callers and tests can see a refusal read nothing.
struct BoundedRead {
    QByteArray bytes;
    QString error;  ///< "" on success, else e.g. "no such file", "is a directory",
                    ///< "the document is 105 MB; Skydraft opens documents up to 64 MB"
    qint64 bytesRead = 0;
    bool ok() const { return error.isEmpty(); }
};

/// Reads a whole document file of at most kMaxDocumentBytes (native documents and templates
/// share the limit). A regular file larger than that is refused from its size, reading
/// nothing; a pipe, a device or /dev/stdin is read in chunks and refused as soon as it passes
/// the limit, so memory never holds more than the limit plus one byte.
BoundedRead readBoundedFile(const QString& path);

}  // namespace skydraft
