// Start-up: a subcommand runs with Qt Core only (no Qt Gui, QML or Quick library is loaded);
// the designer window comes from the module beside the executable.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>

#include "run_skydraft.h"

namespace skydraft::test {
namespace {

/// Runs skydraft with the dynamic loader reporting every library it loads; returns that
/// report (the loader writes it to standard error) and the exit code.
QString loadedLibraries(const QStringList& arguments, int& exitCode) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("libs"));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(SKYDRAFT_BINARY), arguments);
    process.waitForFinished(60000);
    exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return QString::fromLocal8Bit(process.readAllStandardError());
}

TEST(Startup, SubcommandLoadsNoGuiLibrary) {
    int exitCode = -1;
    const QString loaded = loadedLibraries(
        {QStringLiteral("validate"), sourcePath("examples/three-peered-vpcs.skydraft")}, exitCode);
    EXPECT_EQ(exitCode, 0);
    ASSERT_TRUE(loaded.contains(QStringLiteral("libQt6Core.so"))) << "no loader report";
    for (const char* library :
         {"libQt6Gui.so", "libQt6Qml.so", "libQt6Quick.so", "libskydraft_designer.so"}) {
        EXPECT_FALSE(loaded.contains(QLatin1String(library))) << library << " was loaded";
    }
}

TEST(Startup, DesignerComesFromItsModule) {
    const QString png = QDir(tempDir()).filePath(QStringLiteral("startup.png"));
    int exitCode = -1;
    const QString loaded = loadedLibraries(
        {QStringLiteral("--screenshot"), png, sourcePath("examples/three-peered-vpcs.skydraft")},
        exitCode);
    EXPECT_EQ(exitCode, 0);
    EXPECT_TRUE(loaded.contains(QStringLiteral("libskydraft_designer.so")));
    EXPECT_TRUE(loaded.contains(QStringLiteral("libQt6Quick.so")));
    EXPECT_GT(QFileInfo(png).size(), 10000);
}

TEST(Startup, MissingDesignerModuleIsAClearErrorAndTheCommandLineStillWorks) {
    const QString copy = QDir(tempDir()).filePath(QStringLiteral("skydraft"));
    ASSERT_TRUE(QFile::copy(QStringLiteral(SKYDRAFT_BINARY), copy));
    QProcess process;
    process.start(copy, {});
    process.waitForFinished(60000);
    EXPECT_EQ(process.exitCode(), 2);
    const QString err = QString::fromLocal8Bit(process.readAllStandardError());
    EXPECT_TRUE(err.startsWith(QStringLiteral("skydraft: cannot load the designer (") +
                               QDir(tempDir()).filePath(QStringLiteral("libskydraft_designer.so"))))
        << err.toStdString();
    EXPECT_TRUE(err.contains(QStringLiteral("The command line still works"))) << err.toStdString();

    process.start(copy,
                  {QStringLiteral("validate"), sourcePath("examples/three-peered-vpcs.skydraft")});
    process.waitForFinished(60000);
    EXPECT_EQ(process.exitCode(), 0);
}

}  // namespace
}  // namespace skydraft::test
