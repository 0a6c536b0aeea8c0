// Running the skydraft binary from command-line tests.
#include "run_skydraft.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

namespace skydraft::test {

RunResult runSkydraft(const QStringList& arguments, const QByteArray& input,
                      const std::function<void()>& childSetup) {
    QProcess process;
    process.setProgram(QStringLiteral(SKYDRAFT_BINARY));
    process.setArguments(arguments);
    if (childSetup) {
        process.setChildProcessModifier(childSetup);
    }
    process.start();
    process.waitForStarted();
    if (!input.isEmpty()) {
        process.write(input);
    }
    process.closeWriteChannel();
    RunResult result;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        result.err = QStringLiteral("timed out");
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QString sourcePath(const QString& relative) {
    return QStringLiteral(SKYDRAFT_SOURCE_DIR) + QLatin1Char('/') + relative;
}

QString tempDir() {
    static QTemporaryDir dir;
    return dir.path();
}

QString writeTemp(const QString& name, const QByteArray& bytes) {
    const QString path = tempDir() + QLatin1Char('/') + name;
    QFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(bytes);
    }
    return path;
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(unreadable)");
}

}  // namespace skydraft::test
