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
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Write to OUT instead of stdout."),
                                    QStringLiteral("OUT"));
    const QCommandLineOption inPlace(QStringLiteral("in-place"),
                                     QStringLiteral("Rewrite FILE itself (atomically)."));
    parser.addOption(output);
    parser.addOption(inPlace);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A .skydraft file."));
    int exitCode = kSuccess;
    const auto input = parseSingleInput(parser, arguments, QStringLiteral("FILE"),
                                        QStringLiteral("skydraft format FILE [-o OUT]"), &exitCode);
    if (!input) {
        return exitCode;
    }
    const QString& path = *input;
    const auto diagram = loadDiagramFile(path);
    if (!diagram) {
        return kUnusable;
    }
    const QString target = parser.isSet(inPlace) ? path : parser.value(output);
    return writeOutput(target, QByteArray::fromStdString(saveDiagram(*diagram))) ? kSuccess
                                                                                 : kUnusable;
}

}  // namespace skydraft::cli
