// Reading inputs and writing outputs for the subcommands.
#include "cli/cli_io.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <cstdio>

#include "diagram_file.h"

namespace skydraft::cli {

void printError(const QString& message) {
    std::fprintf(stderr, "skydraft: %s\n", message.toLocal8Bit().constData());
}

void printOut(const QString& text) {
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
}

std::optional<QByteArray> readInputFile(const QString& path) {
    QFile file(path);
    if (!QFileInfo(path).isFile()) {
        printError(path + QStringLiteral(": no such file"));
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        printError(path + QStringLiteral(": ") + file.errorString());
        return std::nullopt;
    }
    return file.readAll();
}

std::optional<Diagram> loadDiagramFile(const QString& path) {
    const auto bytes = readInputFile(path);
    if (!bytes) {
        return std::nullopt;
    }
    LoadResult result =
        loadDiagram(std::string_view(bytes->constData(), static_cast<std::size_t>(bytes->size())));
    if (!result) {
        printError(path + QStringLiteral(": ") + QString::fromStdString(result.error->toString()));
        return std::nullopt;
    }
    return std::move(*result.diagram);
}

bool writeOutput(const QString& path, const QByteArray& bytes) {
    if (path.isEmpty() || path == QStringLiteral("-")) {
        std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
        return std::fflush(stdout) == 0;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        printError(path + QStringLiteral(": cannot write: ") + file.errorString());
        return false;
    }
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        printError(path + QStringLiteral(": cannot write: ") + file.errorString());
        return false;
    }
    return true;
}

}  // namespace skydraft::cli
