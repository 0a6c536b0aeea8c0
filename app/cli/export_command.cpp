// `skydraft export`: the export pipeline's bytes (and a DOT file's icons), written to files.
#include "cli/export_command.h"

#include <unistd.h>

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <cstdio>
#include <optional>

#include "cli/cli_io.h"
#include "cli/command_line.h"
#include "cli/import_command.h"
#include "export_pipeline.h"
#include "graphviz_renderer.h"

namespace skydraft::cli {

namespace {

/// Where the command line reads and writes (what to export is the pipeline's ExportRequest).
struct CliRequest {
    QString input;
    QString output;  ///< "" or "-": stdout
    /// "none": shapes without images; otherwise the folder the DOT's icons go to ("": the
    /// default, OUT's name with "-icons" beside it, or ./skydraft-icons for stdout).
    QString icons;
};

/// The folder a DOT file's icons are written to.
QString iconFolder(const CliRequest& request) {
    if (!request.icons.isEmpty()) {
        return request.icons;
    }
    if (request.output.isEmpty() || request.output == QStringLiteral("-")) {
        return QStringLiteral("skydraft-icons");
    }
    const QFileInfo out(request.output);
    return out.dir().filePath(out.completeBaseName() + QStringLiteral("-icons"));
}

/// Creates the icon folder and returns the DOT's imagepath: the folder relative to the DOT
/// file (for dot run beside it, after both were moved), then its absolute path (for dot run
/// from anywhere).
std::optional<std::string> prepareIconFolder(const QString& folder, const CliRequest& request) {
    if (!QDir().mkpath(folder)) {
        printError(folder + QStringLiteral(": cannot create the icon folder"));
        return std::nullopt;
    }
    const bool toStdout = request.output.isEmpty() || request.output == QStringLiteral("-");
    const QDir dotDir = toStdout ? QDir::current() : QFileInfo(request.output).absoluteDir();
    const QString absolute = QFileInfo(folder).absoluteFilePath();
    QString path = dotDir.relativeFilePath(absolute);
    if (!absolute.contains(QLatin1Char(':')) && absolute != path) {
        path += QLatin1Char(':') + absolute;
    }
    return path.toStdString();
}

bool writesToTerminal(const QString& output) {
    return (output.isEmpty() || output == QStringLiteral("-")) && isatty(fileno(stdout));
}

}  // namespace

int runExportCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Exports a diagram: as CloudFormation, as Graphviz DOT text (with its "
                       "icons in a folder beside it, so that plain dot renders it), as a PNG, "
                       "SVG or PDF picture (rendered in process; SVG files embed their icons), "
                       "as a Mermaid flowchart for Markdown, or as one self-contained HTML page "
                       "(pan, zoom, and every element's properties and findings on a click)."));
    parser.addHelpOption();
    const QCommandLineOption to(QStringLiteral("to"),
                                QStringLiteral("Output format: cloudformation, dot, png, svg, "
                                               "pdf, mermaid or html."),
                                QStringLiteral("FORMAT"));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Write to OUT instead of stdout."),
                                    QStringLiteral("OUT"));
    const QCommandLineOption withFindings(
        QStringLiteral("with-findings"),
        QStringLiteral("Mark validation findings on the picture (errors in red, warnings in "
                       "amber, with their rule ids)."));
    const QCommandLineOption dpi(QStringLiteral("dpi"),
                                 QStringLiteral("Resolution of a PNG, in dots per inch "
                                                "(default 96)."),
                                 QStringLiteral("N"), QStringLiteral("96"));
    const QCommandLineOption icons(
        QStringLiteral("icons"),
        QStringLiteral("Pictures: 'none' draws resources as shapes without images. DOT: the "
                       "folder to write the icons it names to (default: OUT's name with "
                       "'-icons' beside OUT, or ./skydraft-icons when writing to stdout)."),
        QStringLiteral("none|DIR"));
    const QCommandLineOption portableZones(
        QStringLiteral("portable-zones"),
        QStringLiteral("CloudFormation: write availability zones as !Select [i, !GetAZs ''] "
                       "(the zones each region's subnets use, in name order), so that the "
                       "template deploys in any region."));
    parser.addOptions({to, output, withFindings, dpi, icons, portableZones});
    addTemplateOptions(parser);
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        QStringLiteral("A .skydraft file, or a CloudFormation template (JSON or YAML)."));
    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        return kUnusable;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printHelp(parser, arguments);
        return kSuccess;
    }
    if (parser.positionalArguments().size() != 1 || !parser.isSet(to)) {
        printError(
            QStringLiteral("export: expected --to FORMAT and one FILE (skydraft export "
                           "--to dot|png|svg|pdf|mermaid|html|cloudformation FILE [-o OUT])"));
        return kUnusable;
    }
    const auto format = parseExportFormat(parser.value(to).toStdString());
    if (!format) {
        printError(QStringLiteral("export: unknown format \"%1\" (use cloudformation, dot, png, "
                                  "svg, pdf, mermaid or html)")
                       .arg(parser.value(to)));
        return kUnusable;
    }
    CliRequest request;
    request.input = parser.positionalArguments().front();
    request.output = parser.value(output);
    request.icons = parser.value(icons);
    if (parser.isSet(icons) && request.icons.isEmpty()) {
        printError(QStringLiteral("export: --icons takes none or a folder"));
        return kUnusable;
    }
    if (parser.isSet(icons) && request.icons != QStringLiteral("none") &&
        *format != ExportFormat::Dot) {
        printError(
            QStringLiteral("export: --icons DIR is for --to dot (pictures embed their "
                           "icons); use --icons none for shapes without images"));
        return kUnusable;
    }
    if (parser.isSet(portableZones) && *format != ExportFormat::CloudFormation) {
        printError(QStringLiteral("export: --portable-zones is for --to cloudformation"));
        return kUnusable;
    }
    ExportRequest pipeline;
    pipeline.format = *format;
    pipeline.portableZones = parser.isSet(portableZones);
    pipeline.withFindings = parser.isSet(withFindings);
    pipeline.icons = request.icons != QStringLiteral("none");
    bool dpiOk = false;
    pipeline.dpi = parser.value(dpi).toInt(&dpiOk);
    if (!dpiOk || pipeline.dpi < kMinDpi || pipeline.dpi > kMaxDpi) {
        printError(QStringLiteral("export: --dpi must be a whole number from %1 to %2 (got "
                                  "\"%3\")")
                       .arg(kMinDpi)
                       .arg(kMaxDpi)
                       .arg(parser.value(dpi)));
        return kUnusable;
    }
    if (*format == ExportFormat::Png || *format == ExportFormat::Svg ||
        *format == ExportFormat::Pdf || *format == ExportFormat::Html) {
        keepRendersUntilExit();  // the process ends after this export
        prepareRenderer();       // Graphviz starts on another thread while the input is read
    }
    if (isBinaryExportFormat(*format) && writesToTerminal(request.output)) {
        printError(QStringLiteral("export: not writing %1 to a terminal; use -o FILE")
                       .arg(QString::fromLatin1(exportFormatName(*format).data())));
        return kUnusable;
    }
    const auto options = readTemplateOptions(parser);
    if (!options) {
        return kUnusable;
    }
    const auto diagram = loadDiagramFile(request.input, *options);
    if (!diagram) {
        return kUnusable;
    }
    QString folder;
    if (*format == ExportFormat::Dot && pipeline.icons) {
        // The icons go beside the DOT file, and the DOT says where: plain `dot` renders it.
        folder = iconFolder(request);
        const auto imagePath = prepareIconFolder(folder, request);
        if (!imagePath) {
            return kUnusable;
        }
        pipeline.dotImagePath = *imagePath;
    }
    const ExportResult result = exportDiagram(*diagram, pipeline);
    if (!result.ok()) {
        printError(request.input + QStringLiteral(": ") + QString::fromStdString(result.error));
        return kUnusable;
    }
    for (const std::string& warning : result.warnings) {
        printError(QStringLiteral("warning: ") + QString::fromStdString(warning));
    }
    for (const IconFile& icon : result.iconFiles) {
        if (!writeOutput(QDir(folder).filePath(QString::fromStdString(icon.name)),
                         QByteArray::fromStdString(icon.contents))) {
            return kUnusable;
        }
    }
    return writeOutput(request.output, QByteArray::fromStdString(result.bytes)) ? kSuccess
                                                                                : kUnusable;
    return kUnusable;
}

}  // namespace skydraft::cli
