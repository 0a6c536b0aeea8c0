// `skydraft info FILE`: prints what a diagram contains.
#include "cli/info_command.h"

#include <QCommandLineParser>
#include <map>

#include "catalogue/resource_catalogue.h"
#include "cli/cli_io.h"
#include "cli/command_line.h"

namespace skydraft::cli {

int runInfoCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Shows what a Skydraft diagram contains."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A .skydraft file."));
    int exitCode = kSuccess;
    const auto input = parseSingleInput(parser, arguments, QStringLiteral("FILE"),
                                        QStringLiteral("skydraft info FILE"), &exitCode);
    if (!input) {
        return exitCode;
    }
    const QString& path = *input;
    const auto diagram = loadDiagramFile(path);
    if (!diagram) {
        return kUnusable;
    }
    const auto& catalogue = ResourceCatalogue::instance();
    std::map<std::string, int> kinds;
    for (const auto& e : diagram->elements()) {
        ++kinds[e.kind];
    }
    std::map<std::string, int> connectionKinds;
    for (const auto& c : diagram->connections()) {
        ++connectionKinds[c.kind];
    }
    QString out = path + QStringLiteral(": \"") + QString::fromStdString(diagram->name()) +
                  QStringLiteral("\"\n");
    out += QStringLiteral("  %1 elements, %2 connections\n")
               .arg(diagram->elements().size())
               .arg(diagram->connections().size());
    for (const auto& [kind, count] : kinds) {
        const KindDef* def = catalogue.kind(kind);
        out += QStringLiteral("  %1  %2\n")
                   .arg(count, 5)
                   .arg(QString::fromStdString(def ? def->displayName : kind));
    }
    for (const auto& [kind, count] : connectionKinds) {
        const ConnectionKindDef* def = catalogue.connectionKind(kind);
        out += QStringLiteral("  %1  %2 (connection)\n")
                   .arg(count, 5)
                   .arg(QString::fromStdString(def ? def->displayName : kind));
    }
    printOut(out);
    return kSuccess;
}

}  // namespace skydraft::cli
