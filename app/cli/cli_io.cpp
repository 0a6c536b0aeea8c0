// Reading inputs and writing outputs for the subcommands.
#include "cli/cli_io.h"
#include "cli/command_line.h"

#include <cstdio>

#include "cli/atomic_write.h"
#include "cli/bounded_read.h"
#include "cli/import_command.h"
#include "diagram_file.h"

namespace skydraft::cli {

void printError(const QString& message) {
    std::fprintf(stderr, "skydraft: %s\n", message.toLocal8Bit().constData());
}

void printOut(const QString& text) {
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
}

std::optional<QString> parseSingleInput(QCommandLineParser& parser, const QStringList& arguments,
                                        const QString& what, const QString& usage, int* exitCode) {
    parser.addHelpOption();
    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        *exitCode = kUnusable;
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        *exitCode = kSuccess;
        return std::nullopt;
    }
    if (parser.positionalArguments().size() != 1) {
        const QString command = usage.section(QLatin1Char(' '), 1, 1);  // "skydraft info FILE"
        printError(QStringLiteral("%1: expected one %2 (%3)").arg(command, what, usage));
        *exitCode = kUnusable;
        return std::nullopt;
    }
    return parser.positionalArguments().front();
}

std::optional<QByteArray> readInputFile(const QString& path) {
    BoundedRead read = readBoundedFile(path);
    if (!read.ok()) {
        printError(path + QStringLiteral(": ") + read.error);
        return std::nullopt;
    }
    return std::move(read.bytes);
}

std::optional<Diagram> loadDiagramFile(const QString& path) {
    const auto bytes = readInputFile(path);
    if (!bytes) {
        return std::nullopt;
    }
    if (isCloudFormationTemplate(path, *bytes)) {
        return importTemplateFile(path, *bytes, false);
    }
    LoadResult result =
        loadDiagram(std::string_view(bytes->constData(), static_cast<std::size_t>(bytes->size())));
    if (!result) {
        printError(path + QStringLiteral(": ") + QString::fromStdString(result.error->toString()));
        return std::nullopt;
    }
    return std::move(*result.diagram);
}

bool writeOutput(const QString& path, const QByteArray& bytes) {
    if (path.isEmpty() || path == QStringLiteral("-")) {
        std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
        return std::fflush(stdout) == 0;
    }
    const QString error = writeFileAtomically(path, bytes);
    if (!error.isEmpty()) {
        printError(path + QStringLiteral(": cannot write: ") + error);
        return false;
    }
    return true;
}

}  // namespace skydraft::cli
