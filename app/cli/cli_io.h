// Shared helpers of the subcommands: reading inputs, writing outputs atomically, messages.
#pragma once

#include <QByteArray>
#include <QCommandLineParser>
#include <QString>
#include <optional>

#include "diagram.h"
#include "template/intrinsic_evaluator.h"

namespace skydraft::cli {

/// Prints a message to stderr, prefixed by "skydraft: ".
void printError(const QString& message);
/// Prints to stdout.
void printOut(const QString& text);

/// Prints a subcommand's --help: the parser's text with the usage line naming the command
/// ("Usage: skydraft export [options] FILE"); arguments[0] is "PROGRAM COMMAND".
void printHelp(const QCommandLineParser& parser, const QStringList& arguments);

/// While one is alive, every message printError prints is also kept in messages (so that a
/// report can say why a file could not be used). The command line is single-threaded.
class ErrorRecorder {
public:
    ErrorRecorder();
    ~ErrorRecorder();
    ErrorRecorder(const ErrorRecorder&) = delete;
    ErrorRecorder& operator=(const ErrorRecorder&) = delete;

    QStringList messages;

private:
    ErrorRecorder* m_previous;
};

/// Parses a subcommand's arguments that take exactly one input file. Prints the help text or
/// the error ("info: expected one FILE (skydraft info FILE)") and returns nullopt with *exitCode
/// set when the command should stop; otherwise returns the file.
std::optional<QString> parseSingleInput(QCommandLineParser& parser, const QStringList& arguments,
                                        const QString& what, const QString& usage, int* exitCode);

/// Reads a whole document file (at most kMaxDocumentBytes, refused before reading when it is
/// larger); on failure prints "FILE: reason" and returns nullopt.
std::optional<QByteArray> readInputFile(const QString& path);

/// Reads a diagram file (*.skydraft, or a CloudFormation template, imported with options);
/// prints "FILE: line L, column C (pointer): message" and returns nullopt when it cannot be used.
std::optional<Diagram> loadDiagramFile(const QString& path, const TemplateOptions& options = {});

/// Writes bytes atomically (QSaveFile) to path, or to stdout when path is "-" or empty.
/// On failure prints why and returns false; the previous file is left intact.
bool writeOutput(const QString& path, const QByteArray& bytes);

}  // namespace skydraft::cli
