// Writing a file atomically: the previous file stays intact when anything goes wrong.
#pragma once

#include <QByteArray>
#include <QString>

namespace skydraft {

/// Writes bytes to path with QSaveFile: a temporary file next to the target that is renamed
/// over it only once every byte was written and flushed. A full disk, a read-only file or
/// folder, or a crash leaves the previous file byte for byte as it was, and no temporary file
/// behind. Returns "" on success, else the reason for the user ("No space left on device",
/// "the file is read-only", "is a directory", ...).
QString writeFileAtomically(const QString& path, const QByteArray& bytes);

}  // namespace skydraft
