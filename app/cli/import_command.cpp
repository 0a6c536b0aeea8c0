// `skydraft import`: reads a CloudFormation template and writes a .skydraft diagram.
#include "cli/import_command.h"

#include <QCommandLineParser>
#include <nlohmann/json.hpp>

#include "cfn_yaml.h"
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
    // A native document has a "format" key at the top level; a template never has one.
    const auto document = nlohmann::json::parse(text, nullptr, false);
    return document.is_object() && !document.contains("format");
}

std::optional<Diagram> importTemplateFile(const QString& path, const QByteArray& bytes,
                                          bool showWarnings) {
    CfnImportResult result = importCloudFormation(
        std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
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
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Imports a CloudFormation template (JSON or YAML) as a Skydraft diagram."));
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      QStringLiteral("Output .skydraft file (default: standard output)."),
                      QStringLiteral("OUT")});
    parser.addPositionalArgument(QStringLiteral("TEMPLATE"), QStringLiteral("The template."));
    int exitCode = kSuccess;
    const auto input =
        parseSingleInput(parser, arguments, QStringLiteral("TEMPLATE"),
                         QStringLiteral("skydraft import TEMPLATE [-o OUT.skydraft]"), &exitCode);
    if (!input) {
        return exitCode;
    }
    const QString& path = *input;
    const auto bytes = readInputFile(path);
    if (!bytes) {
        return kUnusable;
    }
    const auto diagram = importTemplateFile(path, *bytes, true);
    if (!diagram) {
        return kUnusable;
    }
    return writeOutput(parser.value(QStringLiteral("output")),
                       QByteArray::fromStdString(saveDiagram(*diagram)))
               ? kSuccess
               : kUnusable;
}

}  // namespace skydraft::cli
