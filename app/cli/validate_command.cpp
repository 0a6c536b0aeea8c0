// `skydraft validate`: loads diagrams, runs the validator, prints one text, JSON or SARIF report.
#include "cli/validate_command.h"

#include <QCommandLineParser>
#include <algorithm>
#include <map>
#include <memory>

#include "cli/cli_io.h"
#include "cli/command_line.h"
#include "cli/import_command.h"
#include "diagram_file.h"
#include "validation/fix_apply.h"
#include "validation/report.h"
#include "validation/rule_registry.h"
#include "validation/validator.h"

namespace skydraft::cli {

namespace {

QByteArray jsonBytes(const nlohmann::json& value) {
    return QByteArray::fromStdString(
        value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

int listRules(const QString& format) {
    if (format == QStringLiteral("markdown")) {
        printOut(QString::fromStdString(rulesMarkdown()));
    } else if (format == QStringLiteral("json")) {
        writeOutput(QString(), jsonBytes(rulesJson()));
    } else if (format == QStringLiteral("text")) {
        printOut(QString::fromStdString(rulesText()));
    } else {
        printError(QStringLiteral("validate: --list-rules takes --format text, json or markdown"));
        return kUnusable;
    }
    return kSuccess;
}

/// The 1-based line of each element and connection in the file (for SARIF regions).
std::map<std::string, std::size_t> elementLines(const Diagram& diagram, std::string_view text) {
    std::map<std::string, std::size_t> lines;
    const auto& elements = diagram.elements();
    for (std::size_t i = 0; i < elements.size(); ++i) {
        lines[elements[i].id] = locateJsonPointer(text, "/elements/" + std::to_string(i)).first;
    }
    const auto& connections = diagram.connections();
    for (std::size_t i = 0; i < connections.size(); ++i) {
        lines[connections[i].id] =
            locateJsonPointer(text, "/connections/" + std::to_string(i)).first;
    }
    return lines;
}

}  // namespace

int runValidateCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Checks Skydraft diagrams and CloudFormation templates against every rule "
                       "of docs/rules.md, and prints one report for all the files.\n"
                       "Exit codes: 0 no errors, 1 errors found, 2 an input cannot be used (the "
                       "other files are still checked and reported)."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        QStringLiteral("One or more .skydraft files or CloudFormation templates (JSON or YAML)."),
        QStringLiteral("FILE..."));
    const QCommandLineOption format(
        QStringLiteral("format"),
        QStringLiteral("text (default), json or sarif; with --list-rules: text, json or markdown."),
        QStringLiteral("FORMAT"), QStringLiteral("text"));
    const QCommandLineOption minSeverity(
        QStringLiteral("min-severity"),
        QStringLiteral("Report findings of this severity and above: info (default), warning, "
                       "error."),
        QStringLiteral("SEVERITY"), QStringLiteral("info"));
    const QCommandLineOption ignore(QStringLiteral("ignore"),
                                    QStringLiteral("Leave out these rule ids (comma-separated; "
                                                   "may be repeated)."),
                                    QStringLiteral("ID[,ID]"));
    const QCommandLineOption listRulesOption(QStringLiteral("list-rules"),
                                             QStringLiteral("Print the rule reference and exit."));
    const QCommandLineOption fixOption(
        QStringLiteral("fix"),
        QStringLiteral("Apply the rules' fixes (those the designer offers) to the .skydraft FILE, "
                       "one at a time until none is left, write it back atomically, then report "
                       "what remains."));
    parser.addOptions({format, minSeverity, ignore, listRulesOption, fixOption});
    addTemplateOptions(parser);
    if (!parser.parse(arguments)) {
        printError(QStringLiteral("validate: ") + parser.errorText());
        return kUnusable;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printHelp(parser, arguments);
        return kSuccess;
    }
    const QString formatName = parser.value(format);
    if (parser.isSet(listRulesOption)) {
        return listRules(formatName);
    }
    if (formatName != QStringLiteral("text") && formatName != QStringLiteral("json") &&
        formatName != QStringLiteral("sarif")) {
        printError(QStringLiteral("validate: unknown format \"%1\" (text, json or sarif)")
                       .arg(formatName));
        return kUnusable;
    }
    const auto threshold = parseSeverity(parser.value(minSeverity).toStdString());
    if (!threshold) {
        printError(QStringLiteral("validate: unknown severity \"%1\" (info, warning or error)")
                       .arg(parser.value(minSeverity)));
        return kUnusable;
    }
    std::vector<std::string> ignored;
    for (const QString& list : parser.values(ignore)) {
        for (const QString& id : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const std::string rule = id.trimmed().toUpper().toStdString();
            if (!findRule(rule)) {
                printError(QStringLiteral("validate: --ignore: unknown rule \"%1\"").arg(id));
                return kUnusable;
            }
            ignored.push_back(rule);
        }
    }
    if (parser.positionalArguments().isEmpty()) {
        printError(
            QStringLiteral("validate: expected at least one FILE (skydraft validate FILE...)"));
        return kUnusable;
    }

    const auto options = readTemplateOptions(parser);
    if (!options) {
        return kUnusable;
    }
    const auto isReported = [&](const Finding& f) {
        return f.severity >= *threshold &&
               std::find(ignored.begin(), ignored.end(), f.ruleId) == ignored.end();
    };
    /// A file's text and diagram, kept until the report is written (SARIF fixes refer to them).
    struct Document {
        QByteArray bytes;
        std::string fixedText;
        Diagram diagram;
        bool isTemplate = false;
    };
    std::vector<std::unique_ptr<Document>> documents;
    std::vector<ReportedFile> files;
    bool errors = false;
    bool unusable = false;
    for (const QString& path : parser.positionalArguments()) {
        ReportedFile& reported = files.emplace_back();
        reported.file = path.toStdString();
        ErrorRecorder recorder;
        const auto markUnusable = [&] {
            reported.error = recorder.messages.join(QStringLiteral("; ")).toStdString();
            if (reported.error.empty()) {
                reported.error = reported.file + ": cannot be used";
            }
            unusable = true;
        };
        const auto bytes = readInputFile(path);
        // A .skydraft file, or a CloudFormation template (JSON or YAML) imported on the fly.
        std::optional<Diagram> loaded = bytes ? loadDiagramFile(path, *options) : std::nullopt;
        if (!loaded) {
            markUnusable();
            continue;
        }
        Document& document = *documents.emplace_back(std::make_unique<Document>(
            Document{*bytes, {}, std::move(*loaded), isCloudFormationTemplate(path, *bytes)}));
        if (parser.isSet(fixOption)) {
            if (document.isTemplate) {
                printError(path + QStringLiteral(": --fix rewrites .skydraft files; import the "
                                                 "template first (skydraft import)"));
                markUnusable();
                continue;
            }
            const auto applied = applyAllFixes(document.diagram, isReported);
            for (const AppliedFix& fix : applied) {
                printError(QStringLiteral("%1: fixed %2 %3: %4")
                               .arg(path, QString::fromStdString(fix.ruleId),
                                    QString::fromStdString(fix.message),
                                    QString::fromStdString(fix.label)));
            }
            if (!applied.empty()) {
                document.fixedText = saveDiagram(document.diagram);
                if (!writeOutput(path, QByteArray::fromStdString(document.fixedText))) {
                    markUnusable();
                    continue;
                }
            }
        }
        const std::string_view current =
            document.fixedText.empty()
                ? std::string_view(document.bytes.constData(),
                                   static_cast<std::size_t>(document.bytes.size()))
                : std::string_view(document.fixedText);
        ValidationResult result = validate(document.diagram);
        errors = errors ||
                 std::any_of(result.findings.begin(), result.findings.end(), [&](const Finding& f) {
                     return f.severity == Severity::Error && !f.suppressed &&
                            std::find(ignored.begin(), ignored.end(), f.ruleId) == ignored.end();
                 });
        std::erase_if(result.findings, [&](const Finding& f) { return !isReported(f); });
        reported.findings = std::move(result.findings);
        if (formatName == QStringLiteral("sarif")) {
            reported.lines = elementLines(document.diagram, current);
            reported.source = {current, document.isTemplate ? nullptr : &document.diagram};
        }
    }

    if (files.size() == 1 && unusable) {
        return kUnusable;  // as before several files were taken: the message alone
    }
    if (formatName == QStringLiteral("json")) {
        // One file keeps the single-file shape scripts already read.
        writeOutput(QString(), jsonBytes(files.size() == 1 ? jsonReport(files.front().file,
                                                                        files.front().findings)
                                                           : jsonReport(files)));
    } else if (formatName == QStringLiteral("sarif")) {
        writeOutput(QString(), jsonBytes(sarifReport(files)));
    } else {
        printOut(QString::fromStdString(textReport(files)));
    }
    return unusable ? kUnusable : errors ? kInputErrors : kSuccess;
}

}  // namespace skydraft::cli
