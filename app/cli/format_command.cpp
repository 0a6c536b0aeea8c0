// `skydraft format`: the canonical layout of a .skydraft file, like a code formatter.
#include "cli/format_command.h"

#include <QCommandLineParser>

#include "cli/cli_io.h"
#include "cli/command_line.h"
#include "diagram_file.h"

namespace skydraft::cli {

int runFormatCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Rewrites a .skydraft file in the canonical layout (stable order, one "
                       "field per line) and prints it, or writes it to OUT."));
    parser.addHelpOption();
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Write to OUT instead of stdout."),
                                    QStringLiteral("OUT"));
    const QCommandLineOption inPlace(QStringLiteral("in-place"),
                                     QStringLiteral("Rewrite FILE itself (atomically)."));
    parser.addOption(output);
    parser.addOption(inPlace);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A .skydraft file."));
    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        return kUnusable;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return kSuccess;
    }
    if (parser.positionalArguments().size() != 1) {
        printError(QStringLiteral("format: expected one FILE (skydraft format FILE [-o OUT])"));
        return kUnusable;
    }
    const QString path = parser.positionalArguments().front();
    const auto diagram = loadDiagramFile(path);
    if (!diagram) {
        return kUnusable;
    }
    const QString target = parser.isSet(inPlace) ? path : parser.value(output);
    return writeOutput(target, QByteArray::fromStdString(saveDiagram(*diagram))) ? kSuccess
                                                                                 : kUnusable;
}

}  // namespace skydraft::cli
