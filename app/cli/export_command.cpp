// `skydraft export`: one branch per output format; the exporters return bytes, this writes them.
#include "cli/export_command.h"

#include <unistd.h>

#include <QCommandLineParser>
#include <cstdio>
#include <optional>
#include <vector>

#include "cli/cli_io.h"
#include "cli/command_line.h"
#include "cloudformation_exporter.h"
#include "dot_writer.h"
#include "export_format.h"
#include "graphviz_renderer.h"
#include "validation/validator.h"

namespace skydraft::cli {

namespace {

/// What the command line asked for, beyond the format.
struct ExportRequest {
    QString input;
    QString output;  ///< "" or "-": stdout
    bool withFindings = false;
    int dpi = 96;
};

bool writesToTerminal(const QString& output) {
    return (output.isEmpty() || output == QStringLiteral("-")) && isatty(fileno(stdout));
}

/// The validator's findings that no element suppresses, as the DOT writer marks them.
std::vector<DotFinding> pictureFindings(const Diagram& diagram) {
    std::vector<DotFinding> marks;
    for (const Finding& finding : validate(diagram).findings) {
        if (finding.suppressed) {
            continue;
        }
        const FindingSeverity severity =
            finding.severity == Severity::Error     ? FindingSeverity::Error
            : finding.severity == Severity::Warning ? FindingSeverity::Warning
                                                    : FindingSeverity::Info;
        marks.push_back({finding.elements, severity, finding.ruleId});
    }
    return marks;
}

/// DOT, PNG, SVG and PDF: the DOT writer, then (except for DOT) the in-process renderer.
int exportPicture(const Diagram& diagram, ExportFormat format, const ExportRequest& request) {
    DotOptions options;
    if (request.withFindings) {
        options.findings = pictureFindings(diagram);
    }
    const std::string dot = writeDot(diagram, options);
    if (format == ExportFormat::Dot) {
        return writeOutput(request.output, QByteArray::fromStdString(dot)) ? kSuccess : kUnusable;
    }
    const RenderFormat renderFormat = format == ExportFormat::Png   ? RenderFormat::Png
                                      : format == ExportFormat::Pdf ? RenderFormat::Pdf
                                                                    : RenderFormat::Svg;
    if (isBinaryExportFormat(format) && writesToTerminal(request.output)) {
        printError(QStringLiteral("export: not writing %1 to a terminal; use -o FILE")
                       .arg(QString::fromLatin1(exportFormatName(format).data())));
        return kUnusable;
    }
    const RenderResult result = renderDot(dot, renderFormat, request.dpi);
    if (!result.ok()) {
        printError(request.input + QStringLiteral(": ") + QString::fromStdString(result.error));
        return kUnusable;
    }
    for (const std::string& warning : result.warnings) {
        printError(QStringLiteral("warning: ") + QString::fromStdString(warning));
    }
    return writeOutput(request.output, QByteArray::fromStdString(result.bytes)) ? kSuccess
                                                                                : kUnusable;
}

/// AWS CloudFormation: the template as indented JSON.
int exportTemplate(const Diagram& diagram, const ExportRequest& request) {
    const std::string text = skydraft::exportCloudFormation(diagram).dump(
                                 2, ' ', false, nlohmann::json::error_handler_t::replace) +
                             "\n";
    return writeOutput(request.output, QByteArray::fromStdString(text)) ? kSuccess : kUnusable;
}

}  // namespace

int runExportCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Exports a diagram: as CloudFormation, as Graphviz DOT text, or as a "
                       "PNG, SVG or PDF picture (rendered in process; SVG files embed their "
                       "icons)."));
    parser.addHelpOption();
    const QCommandLineOption to(QStringLiteral("to"),
                                QStringLiteral("Output format: cloudformation, dot, png, svg "
                                               "or pdf."),
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
    parser.addOptions({to, output, withFindings, dpi});
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        QStringLiteral("A .skydraft file, or a CloudFormation template (JSON or YAML)."));
    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        return kUnusable;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return kSuccess;
    }
    if (parser.positionalArguments().size() != 1 || !parser.isSet(to)) {
        printError(
            QStringLiteral("export: expected --to FORMAT and one FILE (skydraft export "
                           "--to dot|png|svg|pdf|cloudformation FILE [-o OUT])"));
        return kUnusable;
    }
    const auto format = parseExportFormat(parser.value(to).toStdString());
    if (!format) {
        printError(QStringLiteral("export: unknown format \"%1\" (use cloudformation, dot, png, "
                                  "svg or pdf)")
                       .arg(parser.value(to)));
        return kUnusable;
    }
    ExportRequest request;
    request.input = parser.positionalArguments().front();
    request.output = parser.value(output);
    request.withFindings = parser.isSet(withFindings);
    bool dpiOk = false;
    request.dpi = parser.value(dpi).toInt(&dpiOk);
    if (!dpiOk || request.dpi < kMinDpi || request.dpi > kMaxDpi) {
        printError(QStringLiteral("export: --dpi must be a whole number from %1 to %2 (got "
                                  "\"%3\")")
                       .arg(kMinDpi)
                       .arg(kMaxDpi)
                       .arg(parser.value(dpi)));
        return kUnusable;
    }
    const auto diagram = loadDiagramFile(request.input);
    if (!diagram) {
        return kUnusable;
    }
    switch (*format) {
        case ExportFormat::CloudFormation:
            return exportTemplate(*diagram, request);
        case ExportFormat::Dot:
        case ExportFormat::Png:
        case ExportFormat::Svg:
        case ExportFormat::Pdf:
            return exportPicture(*diagram, *format, request);
    }
    return kUnusable;
}

}  // namespace skydraft::cli
