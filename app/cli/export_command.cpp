// `skydraft export`: one branch per format, each calling its exporter.
#include "cli/export_command.h"

#include <QCommandLineParser>

#include "cli/cli_io.h"
#include "cli/command_line.h"
#include "cloudformation_exporter.h"
#include "export_format.h"

namespace skydraft::cli {

namespace {

/// The exported bytes, or nullopt (after printing why) for a format this build cannot write.
std::optional<QByteArray> exportAs(ExportFormat format, const Diagram& diagram) {
    switch (format) {
        case ExportFormat::CloudFormation:
            return QByteArray::fromStdString(exportCloudFormation(diagram).dump(2) + "\n");
        default:
            printError(QStringLiteral("export: the %1 format is not available in this build")
                           .arg(QString::fromLatin1(exportFormatName(format).data())));
            return std::nullopt;
    }
}

}  // namespace

int runExportCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Exports a diagram (a .skydraft file or a CloudFormation template) to another format."));
    parser.addHelpOption();
    parser.addOption({{QStringLiteral("t"), QStringLiteral("to")},
                      QStringLiteral("Output format: cloudformation."),
                      QStringLiteral("FORMAT")});
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      QStringLiteral("Output file (default: standard output)."),
                      QStringLiteral("OUT")});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The diagram."));
    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        return kUnusable;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return kSuccess;
    }
    if (parser.positionalArguments().size() != 1 || !parser.isSet(QStringLiteral("to"))) {
        printError(
            QStringLiteral("export: expected --to FORMAT and one FILE "
                           "(skydraft export --to cloudformation FILE [-o OUT])"));
        return kUnusable;
    }
    const QString formatName = parser.value(QStringLiteral("to"));
    const auto format = parseExportFormat(formatName.toStdString());
    if (!format) {
        printError(QStringLiteral("export: unknown format \"%1\"").arg(formatName));
        return kUnusable;
    }
    const auto diagram = loadDiagramFile(parser.positionalArguments().front());
    if (!diagram) {
        return kUnusable;
    }
    const auto bytes = exportAs(*format, *diagram);
    if (!bytes) {
        return kUnusable;
    }
    return writeOutput(parser.value(QStringLiteral("output")), *bytes) ? kSuccess : kUnusable;
}

}  // namespace skydraft::cli
