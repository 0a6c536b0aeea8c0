// Shared helpers of the subcommands: reading inputs, writing outputs atomically, messages.
#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

#include "diagram.h"

namespace skydraft::cli {

/// Prints a message to stderr, prefixed by "skydraft: ".
void printError(const QString& message);
/// Prints to stdout.
void printOut(const QString& text);

/// Reads a whole file; on failure prints "FILE: reason" and returns nullopt.
std::optional<QByteArray> readInputFile(const QString& path);

/// Reads a diagram file (*.skydraft, or a CloudFormation template, imported); prints "FILE: line L, column C (pointer): message" and
/// returns nullopt when it cannot be used.
std::optional<Diagram> loadDiagramFile(const QString& path);

/// Writes bytes atomically (QSaveFile) to path, or to stdout when path is "-" or empty.
/// On failure prints why and returns false; the previous file is left intact.
bool writeOutput(const QString& path, const QByteArray& bytes);

}  // namespace skydraft::cli
