// `skydraft validate`: loads a diagram, runs the validator, prints text, JSON or SARIF.
#include "cli/validate_command.h"

#include <QCommandLineParser>
#include <algorithm>
#include <map>

#include "cli/cli_io.h"
#include "cli/command_line.h"
#include "diagram_file.h"
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
        QStringLiteral("Checks a Skydraft diagram against every rule of docs/rules.md.\n"
                       "Exit codes: 0 no errors, 1 errors found, 2 the input cannot be used."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A .skydraft file."));
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
    parser.addOptions({format, minSeverity, ignore, listRulesOption});
    if (!parser.parse(arguments)) {
        printError(QStringLiteral("validate: ") + parser.errorText());
        return kUnusable;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
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
    if (parser.positionalArguments().size() != 1) {
        printError(QStringLiteral("validate: expected one FILE (skydraft validate FILE)"));
        return kUnusable;
    }

    const QString path = parser.positionalArguments().front();
    const auto bytes = readInputFile(path);
    if (!bytes) {
        return kUnusable;
    }
    const std::string_view text(bytes->constData(), static_cast<std::size_t>(bytes->size()));
    // A .skydraft file, or a CloudFormation template (JSON or YAML) imported on the fly.
    const std::optional<Diagram> loaded = loadDiagramFile(path);
    if (!loaded) {
        return kUnusable;
    }
    const Diagram& diagram = *loaded;

    ValidationResult result = validate(diagram);
    const bool errors =
        std::any_of(result.findings.begin(), result.findings.end(), [&](const Finding& f) {
            return f.severity == Severity::Error && !f.suppressed &&
                   std::find(ignored.begin(), ignored.end(), f.ruleId) == ignored.end();
        });
    std::erase_if(result.findings, [&](const Finding& f) {
        return f.severity < *threshold ||
               std::find(ignored.begin(), ignored.end(), f.ruleId) != ignored.end();
    });

    const std::string file = path.toStdString();
    if (formatName == QStringLiteral("json")) {
        writeOutput(QString(), jsonBytes(jsonReport(file, result.findings)));
    } else if (formatName == QStringLiteral("sarif")) {
        writeOutput(QString(),
                    jsonBytes(sarifReport(file, result.findings, elementLines(diagram, text))));
    } else {
        printOut(QString::fromStdString(textReport(file, result.findings)));
    }
    return errors ? kInputErrors : kSuccess;
}

}  // namespace skydraft::cli
