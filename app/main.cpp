// Entry point: a subcommand runs the command line, which needs Qt Core only; anything else
// loads the designer module (Qt Quick) and opens the window.
#include <QCoreApplication>

#include <cstring>

#include "cli/command_line.h"
#include "designer/designer_module.h"
#include "graphviz_renderer.h"
#include "version.h"

namespace {

/// An export to a picture: Graphviz can start loading before anything else is set up.
bool exportsAPicture(int argc, char* argv[]) {
    if (argc < 2 || std::strcmp(argv[1], "export") != 0) {
        return false;
    }
    for (int i = 2; i < argc; ++i) {
        const char* to = std::strcmp(argv[i], "--to") == 0 && i + 1 < argc ? argv[i + 1]
                         : std::strncmp(argv[i], "--to=", 5) == 0          ? argv[i] + 5
                                                                           : nullptr;
        if (to && (std::strcmp(to, "svg") == 0 || std::strcmp(to, "png") == 0 ||
                   std::strcmp(to, "pdf") == 0 || std::strcmp(to, "html") == 0)) {
            return true;
        }
    }
    return false;
}

}  // namespace

int main(int argc, char* argv[]) {
    if (exportsAPicture(argc, argv)) {
        skydraft::keepRendersUntilExit();
        skydraft::prepareRenderer();
    }
    if (argc > 1 && skydraft::cli::isSubcommand(argv[1])) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("skydraft"));
        QCoreApplication::setApplicationVersion(
            QLatin1String(skydraft::skydraftVersion().data(), skydraft::skydraftVersion().size()));
        return skydraft::cli::runSubcommand(QCoreApplication::arguments());
    }
    return skydraft::runDesignerModule(argc, argv);
}
