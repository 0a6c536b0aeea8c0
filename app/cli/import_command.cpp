// `skydraft import`: reads a CloudFormation template and writes a .skydraft diagram.
#include "cli/import_command.h"

#include <QCommandLineParser>
#include <QRegularExpression>
#include <nlohmann/json.hpp>

#include "cfn_yaml.h"
#include "cli/aws_import_command.h"
#include "cli/cli_io.h"
#include "cli/command_line.h"
#include "cloudformation_importer.h"
#include "diagram_file.h"

namespace skydraft::cli {

bool isCloudFormationTemplate(const QString& path, const QByteArray& bytes) {
    if (path.endsWith(QStringLiteral(".skydraft"))) {
        return false;
    }
    const std::string_view text(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    if (!looksLikeJson(text)) {
        return true;  // YAML: the native format is always JSON
    }
    // A native document has a "format" key at the top level; a template never has one, and
    // has "Resources" (and usually "AWSTemplateFormatVersion" first), which a native document
    // never has. Read without building the document (the template is parsed once more by the
    // importer), and stop at the first of those keys.
    struct FormatKeySearch : nlohmann::json_sax<nlohmann::json> {
        int depth = 0;
        bool found = false;
        bool decided = false;
        bool valid = true;
        bool null() override { return true; }
        bool boolean(bool) override { return true; }
        bool number_integer(number_integer_t) override { return true; }
        bool number_unsigned(number_unsigned_t) override { return true; }
        bool number_float(number_float_t, const string_t&) override { return true; }
        bool string(string_t&) override { return true; }
        bool binary(binary_t&) override { return true; }
        bool start_object(std::size_t) override { return ++depth > 0; }
        bool end_object() override { return --depth >= 0; }
        bool start_array(std::size_t) override { return ++depth > 0; }
        bool end_array() override { return --depth >= 0; }
        bool key(string_t& name) override {
            found = depth == 1 && name == "format";
            decided = found ||
                      (depth == 1 && (name == "Resources" || name == "AWSTemplateFormatVersion"));
            return !decided;
        }
        bool parse_error(std::size_t, const std::string&,
                         const nlohmann::detail::exception&) override {
            valid = false;
            return false;
        }
    } search;
    nlohmann::json::sax_parse(text, &search);
    return search.valid && !search.found;
}

void addTemplateOptions(QCommandLineParser& parser) {
    parser.addOption({QStringLiteral("parameter"),
                      QStringLiteral("A template parameter's value, in place of its default "
                                     "(repeatable)."),
                      QStringLiteral("KEY=VALUE")});
    parser.addOption({QStringLiteral("region"),
                      QStringLiteral("The region the template is deployed in (AWS::Region, "
                                     "Fn::GetAZs '')."),
                      QStringLiteral("REGION")});
}

std::optional<TemplateOptions> readTemplateOptions(const QCommandLineParser& parser) {
    TemplateOptions options;
    for (const QString& given : parser.values(QStringLiteral("parameter"))) {
        const qsizetype eq = given.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            printError(QStringLiteral("--parameter %1: write it as Key=Value").arg(given));
            return std::nullopt;
        }
        options.parameters[given.left(eq).toStdString()] = given.mid(eq + 1).toStdString();
    }
    if (parser.isSet(QStringLiteral("region"))) {
        const QString region = parser.value(QStringLiteral("region"));
        static const QRegularExpression pattern(QStringLiteral("^[a-z]{2}(-[a-z]+)+-[0-9]+$"));
        if (!pattern.match(region).hasMatch()) {
            printError(
                QStringLiteral("--region %1: not a region name (like us-east-1)").arg(region));
            return std::nullopt;
        }
        options.region = region.toStdString();
    }
    return options;
}

std::optional<Diagram> importTemplateFile(const QString& path, const QByteArray& bytes,
                                          bool showWarnings, const TemplateOptions& options) {
    CfnImportResult result = importCloudFormation(
        std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), options);
    if (!result) {
        printError(path + QStringLiteral(": ") + QString::fromStdString(result.error->toString()));
        return std::nullopt;
    }
    if (showWarnings) {
        for (const auto& warning : result.warnings) {
            printError(path + QStringLiteral(": ") + QString::fromStdString(warning));
        }
    }
    return std::move(*result.diagram);
}

int runImportCommand(const QStringList& arguments) {
    if (arguments.contains(QStringLiteral("--from-aws"))) {
        return runAwsImportCommand(arguments);
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Imports a CloudFormation template (JSON or YAML) as a Skydraft diagram.\n"
                       "skydraft import --from-aws --help: scan an AWS account instead."));
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      QStringLiteral("Output .skydraft file (default: standard output)."),
                      QStringLiteral("OUT")});
    parser.addPositionalArgument(QStringLiteral("TEMPLATE"), QStringLiteral("The template."));
    addTemplateOptions(parser);
    int exitCode = kSuccess;
    const auto input = parseSingleInput(
        parser, arguments, QStringLiteral("TEMPLATE"),
        QStringLiteral("skydraft import TEMPLATE [-o OUT.skydraft] [--parameter K=V] [--region R]"),
        &exitCode);
    if (!input) {
        return exitCode;
    }
    const QString& path = *input;
    const auto options = readTemplateOptions(parser);
    if (!options) {
        return kUnusable;
    }
    const auto bytes = readInputFile(path);
    if (!bytes) {
        return kUnusable;
    }
    const auto diagram = importTemplateFile(path, *bytes, true, *options);
    if (!diagram) {
        return kUnusable;
    }
    return writeOutput(parser.value(QStringLiteral("output")),
                       QByteArray::fromStdString(saveDiagram(*diagram)))
               ? kSuccess
               : kUnusable;
}

}  // namespace skydraft::cli
