// Entry point: a subcommand runs the command line, which needs Qt Core only; anything else
// loads the designer module (Qt Quick) and opens the window.
#include <QCoreApplication>

#include "cli/command_line.h"
#include "designer/designer_module.h"
#include "version.h"

int main(int argc, char* argv[]) {
    if (argc > 1 && skydraft::cli::isSubcommand(argv[1])) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("skydraft"));
        QCoreApplication::setApplicationVersion(
            QLatin1String(skydraft::skydraftVersion().data(), skydraft::skydraftVersion().size()));
        return skydraft::cli::runSubcommand(QCoreApplication::arguments());
    }
    return skydraft::runDesignerModule(argc, argv);
}
