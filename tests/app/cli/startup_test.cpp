// Start-up: a subcommand runs with Qt Core only (no Qt Gui, QML, Quick or Network library is
// loaded); the designer window comes from the module beside the executable, and Qt Network
// comes with the AWS scan module, which only import --from-aws loads.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include "run_skydraft.h"

namespace skydraft::test {
namespace {

/// Runs skydraft with the dynamic loader reporting every library it loads; returns that
/// report (the loader writes it to standard error) and the exit code.
QString loadedLibraries(const QStringList& arguments, int& exitCode,
                        const QMap<QString, QString>& changes = {}) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (it.value().isEmpty()) {
            environment.remove(it.key());
        } else {
            environment.insert(it.key(), it.value());
        }
    }
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
         {"libQt6Gui.so", "libQt6Qml.so", "libQt6Quick.so", "libQt6Network.so",
          "libskydraft_designer.so", "libskydraft_aws.so"}) {
        EXPECT_FALSE(loaded.contains(QLatin1String(library))) << library << " was loaded";
    }
}

TEST(Startup, NoSubcommandButTheScanLoadsQtNetwork) {
    const QString example = sourcePath("examples/three-tier-web-app.skydraft");
    const QString out = QDir(tempDir()).filePath(QStringLiteral("startup-out"));
    const QList<QStringList> commands = {
        {QStringLiteral("info"), example},
        {QStringLiteral("validate"), example},
        {QStringLiteral("format"), example},
        {QStringLiteral("diff"), example, example},
        {QStringLiteral("export"), QStringLiteral("--to"), QStringLiteral("cloudformation"),
         example, QStringLiteral("-o"), out + QStringLiteral(".json")},
        {QStringLiteral("import"), out + QStringLiteral(".json"), QStringLiteral("-o"),
         out + QStringLiteral(".skydraft")},
        {QStringLiteral("generate"), QStringLiteral("--vpcs"), QStringLiteral("2"),
         QStringLiteral("-o"), out + QStringLiteral("-generated.skydraft")},
        {QStringLiteral("help")},
        {QStringLiteral("import"), QStringLiteral("--from-aws"), QStringLiteral("--help")},
    };
    for (const QStringList& command : commands) {
        int exitCode = -1;
        const QString loaded = loadedLibraries(command, exitCode);
        EXPECT_EQ(exitCode, 0) << command.join(' ').toStdString();
        ASSERT_TRUE(loaded.contains(QStringLiteral("libQt6Core.so"))) << "no loader report";
        EXPECT_FALSE(loaded.contains(QStringLiteral("libQt6Network.so")))
            << command.join(' ').toStdString();
        EXPECT_FALSE(loaded.contains(QStringLiteral("libskydraft_aws.so")))
            << command.join(' ').toStdString();
    }
    // The scan loads its module, and Qt Network with it (here it stops at once: no credentials).
    QTemporaryDir emptyHome;
    int exitCode = -1;
    const QString loaded =
        loadedLibraries({QStringLiteral("import"), QStringLiteral("--from-aws"),
                         QStringLiteral("--region"), QStringLiteral("us-east-1"),
                         QStringLiteral("--endpoint-url"), QStringLiteral("http://127.0.0.1:1")},
                        exitCode,
                        {{QStringLiteral("AWS_ACCESS_KEY_ID"), {}},
                         {QStringLiteral("AWS_SECRET_ACCESS_KEY"), {}},
                         {QStringLiteral("AWS_PROFILE"), {}},
                         {QStringLiteral("AWS_CONFIG_FILE"), {}},
                         {QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), {}},
                         {QStringLiteral("HOME"), emptyHome.path()}});
    EXPECT_EQ(exitCode, 2);
    EXPECT_TRUE(loaded.contains(QStringLiteral("libskydraft_aws.so")));
    EXPECT_TRUE(loaded.contains(QStringLiteral("libQt6Network.so")));
    EXPECT_FALSE(loaded.contains(QStringLiteral("libQt6Gui.so")));
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
