// Reading inputs and writing outputs for the subcommands.
#include "cli/cli_io.h"
#include "cli/command_line.h"

#include <QFileInfo>
#include <cstdio>

#include "cli/atomic_write.h"
#include "cli/bounded_read.h"
#include "cli/import_command.h"
#include "diagram_file.h"

namespace skydraft::cli {

namespace {

ErrorRecorder* g_recorder = nullptr;

}  // namespace

ErrorRecorder::ErrorRecorder() : m_previous(g_recorder) {
    g_recorder = this;
}

ErrorRecorder::~ErrorRecorder() {
    g_recorder = m_previous;
}

void printError(const QString& message) {
    std::fprintf(stderr, "skydraft: %s\n", message.toLocal8Bit().constData());
    if (g_recorder) {
        g_recorder->messages.append(message);
    }
}

void printOut(const QString& text) {
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
}

void printHelp(const QCommandLineParser& parser, const QStringList& arguments) {
    QString text = parser.helpText();
    // Qt names the executable only: put the program's name and the command in its place.
    const QString usage = QStringLiteral("Usage: ");
    const qsizetype end = text.indexOf(QStringLiteral(" [options]"));
    const QString invoked = arguments.value(0);
    if (text.startsWith(usage) && end > 0) {
        const QString program = QFileInfo(invoked.section(QLatin1Char(' '), 0, 0)).fileName();
        const QString command = invoked.section(QLatin1Char(' '), 1);
        text.replace(usage.size(), end - usage.size(), program + QLatin1Char(' ') + command);
    }
    printOut(text);
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
        printHelp(parser, arguments);
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

std::optional<Diagram> loadDiagramFile(const QString& path, const TemplateOptions& options) {
    const auto bytes = readInputFile(path);
    if (!bytes) {
        return std::nullopt;
    }
    if (isCloudFormationTemplate(path, *bytes)) {
        return importTemplateFile(path, *bytes, false, options);
    }
    if (!options.parameters.empty() || !options.region.empty()) {
        printError(path +
                   QStringLiteral(": --parameter and --region apply to CloudFormation templates; "
                                  "ignored for a diagram"));
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
