// The subcommand table and the dispatcher of the command line.
#include "cli/command_line.h"

#include <QCoreApplication>
#include <cstring>

#include "cli/cli_io.h"
#include "cli/export_command.h"
#include "cli/format_command.h"
#include "cli/generate_command.h"
#include "cli/info_command.h"
#include "cli/validate_command.h"

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
    printOut(QStringLiteral("skydraft 0.1.0\n"));
    return kSuccess;
}

}  // namespace

const std::vector<Subcommand>& subcommands() {
    static const std::vector<Subcommand> table = {
        {"info", "show what a diagram contains", &runInfoCommand},
        {"format", "rewrite a diagram in the canonical layout", &runFormatCommand},
        {"validate", "check a diagram against every rule", &runValidateCommand},
        {"export", "export a diagram as dot, png, svg, pdf or cloudformation", &runExportCommand},
        {"generate", "write a synthetic diagram of a given size", &runGenerateCommand},
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
