// The subcommand table and the dispatcher of the command line.
#include "cli/command_line.h"

#include <QCoreApplication>
#include <cstring>

#include "cli/cli_io.h"
#include "cli/cost_command.h"
#include "cli/diff_command.h"
#include "cli/export_command.h"
#include "cli/format_command.h"
#include "cli/generate_command.h"
#include "cli/import_command.h"
#include "cli/info_command.h"
#include "cli/pricing_command.h"
#include "cli/reach_command.h"
#include "cli/validate_command.h"
#include "version.h"

namespace skydraft::cli {

namespace {

int runHelp(const QStringList&) {
    QString text = QStringLiteral(
        "Usage: skydraft [FILE]                 open the designer\n"
        "       skydraft --screenshot OUT.png [FILE]   render the designer window to a PNG\n"
        "       skydraft COMMAND [OPTIONS]      run a command (no display needed)\n\n"
        "Commands:\n");
    for (const auto& command : subcommands()) {
        text += QStringLiteral("  %1  %2\n")
                    .arg(QString::fromLatin1(command.name), -10)
                    .arg(QString::fromUtf8(command.summary));
    }
    text += QStringLiteral(
        "\nRun 'skydraft COMMAND --help' for a command's options.\n"
        "Exit codes: 0 success, 1 the input has errors, 2 the input cannot be "
        "used.\n");
    printOut(text);
    return kSuccess;
}

int runVersion(const QStringList&) {
    printOut(QStringLiteral("skydraft %1\n")
                 .arg(QLatin1String(skydraftVersion().data(), skydraftVersion().size())));
    return kSuccess;
}

}  // namespace

const std::vector<Subcommand>& subcommands() {
    static const std::vector<Subcommand> table = {
        {"info", "show what a diagram contains", &runInfoCommand},
        {"format", "rewrite a diagram in the canonical layout", &runFormatCommand},
        {"export", "export a diagram as cloudformation, dot, png, svg, pdf, mermaid or html",
         &runExportCommand},
        {"validate", "check diagrams and templates against every rule", &runValidateCommand},
        {"reach", "can A reach B, and if not, why (or --exposure)", &runReachCommand},
        {"generate", "write a synthetic diagram of a given size", &runGenerateCommand},
        {"import", "import a CloudFormation template, or scan an AWS account, as a diagram",
         &runImportCommand},
        {"diff", "compare two diagrams, templates or scans", &runDiffCommand},
        {"cost", "what a design costs a month, line by line", &runCostCommand},
        {"pricing", "refresh the price table from AWS Price List offer files", &runPricingCommand},
        {"help", "show this help", &runHelp},
    };
    return table;
}

bool isSubcommand(const char* word) {
    if (std::strcmp(word, "--help") == 0 || std::strcmp(word, "-h") == 0 ||
        std::strcmp(word, "--version") == 0) {
        return true;
    }
    for (const auto& command : subcommands()) {
        if (std::strcmp(word, command.name) == 0) {
            return true;
        }
    }
    return false;
}

int runSubcommand(const QStringList& arguments) {
    const QString name = arguments.value(1);
    if (name == QStringLiteral("--help") || name == QStringLiteral("-h")) {
        return runHelp(arguments);
    }
    if (name == QStringLiteral("--version")) {
        return runVersion(arguments);
    }
    for (const auto& command : subcommands()) {
        if (name == QLatin1String(command.name)) {
            QStringList rest = arguments.mid(2);
            rest.prepend(arguments.value(0) + QLatin1Char(' ') + name);
            return command.run(rest);
        }
    }
    printError(QStringLiteral("unknown command \"%1\" (see skydraft help)").arg(name));
    return kUnusable;
}

}  // namespace skydraft::cli
