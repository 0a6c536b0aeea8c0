// Entry point: a subcommand runs the command line (no GUI is loaded); otherwise the designer opens.
#include <QCoreApplication>

#include "cli/command_line.h"
#include "designer/designer.h"

int main(int argc, char* argv[]) {
    if (argc > 1 && skydraft::cli::isSubcommand(argv[1])) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("skydraft"));
        return skydraft::cli::runSubcommand(QCoreApplication::arguments());
    }
    return skydraft::runDesigner(argc, argv);
}
