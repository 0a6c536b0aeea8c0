// Nothing lost: the real skydraft binary makes two edits (the first writes the snapshot, the
// second the journal), is killed with SIGKILL; the next start finds the recovery files and
// restores exactly the edited document.
#include <gtest/gtest.h>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

#include "app_test_support.h"
#include "diagram_file.h"
#include "document/document_controller.h"
#include "document/recovery_store.h"

namespace skydraft {
namespace {

using test::loadExample;
using test::sourcePath;
using test::waitFor;

/// A temporary XDG_DATA_HOME for the child processes and the location RecoveryStore uses there.
struct Sandbox {
    QTemporaryDir home;
    QProcessEnvironment environment() const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.path() + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path() + QStringLiteral("/config"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("SKYDRAFT_AUTOSAVE_MS"), QStringLiteral("200"));
        return env;
    }
    /// Where the designer (application "Skydraft", organisation "Skydraft") keeps recovery files.
    QString recoveryDir() const {
        return home.path() + QStringLiteral("/data/Skydraft/Skydraft/recovery");
    }
};

TEST(RecoveryTest, KilledWithUnsavedChangesIsRestoredOnTheNextStart) {
    Sandbox sandbox;
    ASSERT_TRUE(sandbox.home.isValid());
    const QString example = sandbox.home.path() + QStringLiteral("/web.skydraft");
    ASSERT_TRUE(QFile::copy(sourcePath("examples/three-tier-web-app.skydraft"), example));

    QProcess designer;
    designer.setProcessEnvironment(sandbox.environment());
    designer.start(
        QStringLiteral(SKYDRAFT_BINARY),
        {QStringLiteral("--test-edit"), QStringLiteral("subnet-app-b:cidr=\"10.0.12.0/24\""),
         QStringLiteral("--test-edit"), QStringLiteral("vpc-web:enable_dns_hostnames=false"),
         example});
    ASSERT_TRUE(designer.waitForStarted());
    const QString recovery =
        sandbox.recoveryDir() + QStringLiteral("/recovery-%1.skydraft").arg(designer.processId());
    // The first edit writes the snapshot, the second goes to the journal.
    const QString journal = QString(recovery).replace(".skydraft", ".journal");
    auto journalLines = [&] {
        QFile file(journal);
        return file.open(QIODevice::ReadOnly) ? file.readAll().count('\n') : 0;
    };
    ASSERT_TRUE(waitFor([&] { return QFile::exists(recovery) && journalLines() == 2; }, 30000))
        << designer.readAllStandardError().toStdString();
    ::kill(static_cast<pid_t>(designer.processId()), SIGKILL);
    ASSERT_TRUE(designer.waitForFinished());
    EXPECT_EQ(designer.exitStatus(), QProcess::CrashExit);
    ASSERT_TRUE(QFile::exists(recovery));

    // What was on screen: the example with the two edits.
    Diagram edited = loadExample(QStringLiteral("examples/three-tier-web-app.skydraft"));
    ASSERT_TRUE(edited.setProperty("subnet-app-b", "cidr", "10.0.12.0/24"));
    ASSERT_TRUE(edited.setProperty("vpc-web", "enable_dns_hostnames", false));

    // The next start offers it (same code path as the app: RecoveryStore in this process, with
    // the child's data location) and restores it as a modified document on the original file.
    qputenv("XDG_DATA_HOME", (sandbox.home.path() + QStringLiteral("/data")).toLocal8Bit());
    QStandardPaths::setTestModeEnabled(false);
    const QString savedApp = QCoreApplication::applicationName();
    const QString savedOrg = QCoreApplication::organizationName();
    QCoreApplication::setApplicationName(QStringLiteral("Skydraft"));
    QCoreApplication::setOrganizationName(QStringLiteral("Skydraft"));
    {
        const std::optional<RecoveryFile> leftover = RecoveryStore::findLeftover();
        ASSERT_TRUE(leftover.has_value());
        EXPECT_EQ(leftover->path, recovery);
        EXPECT_EQ(leftover->originalPath, example);

        DocumentController controller;
        RecoveryStore store(controller);
        ASSERT_TRUE(store.available());
        EXPECT_EQ(store.originalName(), QStringLiteral("web.skydraft"));
        ASSERT_TRUE(store.restore());
        EXPECT_EQ(controller.filePath(), example);
        EXPECT_TRUE(controller.modified());
        EXPECT_EQ(saveDiagram(controller.diagram()), saveDiagram(edited));
        EXPECT_FALSE(QFile::exists(recovery));
        // Undo goes back to the file as saved; saving removes this process's recovery file.
        controller.undo();
        EXPECT_EQ(saveDiagram(controller.diagram()),
                  saveDiagram(loadExample(QStringLiteral("examples/three-tier-web-app.skydraft"))));
        controller.redo();
        ASSERT_TRUE(store.autosave());
        EXPECT_TRUE(QFile::exists(store.ownPath()));
        ASSERT_TRUE(controller.save());
        EXPECT_FALSE(QFile::exists(store.ownPath()));
    }
    QCoreApplication::setApplicationName(savedApp);
    QCoreApplication::setOrganizationName(savedOrg);
    QStandardPaths::setTestModeEnabled(true);
    qunsetenv("XDG_DATA_HOME");
}

/// Two processes that are gone left unsaved documents: the newer is offered first, then the
/// other; the journal's last edit time counts as the document's time.
TEST(RecoveryTest, EachLeftDocumentIsOfferedNewestFirst) {
    Sandbox sandbox;
    const QString dir = sandbox.recoveryDir();
    ASSERT_TRUE(QDir().mkpath(dir));
    auto deadPid = [] {
        QProcess gone;
        gone.start(QStringLiteral("true"));
        gone.waitForStarted();
        const qint64 pid = gone.processId();  // 0 once it has finished
        gone.waitForFinished();
        return pid;
    };
    const QByteArray snapshot =
        QByteArray::fromStdString(saveDiagram(loadExample("examples/three-tier-web-app.skydraft")));
    auto leave = [&](qint64 pid, const QString& original, const QString& saved) {
        const QString base = dir + QStringLiteral("/recovery-%1").arg(pid);
        QFile note(base + QStringLiteral(".json"));
        ASSERT_TRUE(note.open(QIODevice::WriteOnly));
        note.write(
            QJsonDocument(QJsonObject{{"original", original}, {"saved", saved}, {"pid", pid}})
                .toJson());
        QFile file(base + QStringLiteral(".skydraft"));
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(snapshot);
    };
    const qint64 older = deadPid();
    const qint64 newer = deadPid();
    leave(older, QStringLiteral("/nowhere/older.skydraft"), QStringLiteral("2026-01-01T10:00:00Z"));
    leave(newer, QStringLiteral("/nowhere/newer.skydraft"), QStringLiteral("2026-01-02T10:00:00Z"));
    // The journal files are written now, after both notes: the older document's last edit is
    // then the newest of all.
    QFile journal(dir + QStringLiteral("/recovery-%1.journal").arg(older));
    ASSERT_TRUE(journal.open(QIODevice::WriteOnly));
    journal.close();

    qputenv("XDG_DATA_HOME", (sandbox.home.path() + QStringLiteral("/data")).toLocal8Bit());
    QStandardPaths::setTestModeEnabled(false);
    const QString savedApp = QCoreApplication::applicationName();
    const QString savedOrg = QCoreApplication::organizationName();
    QCoreApplication::setApplicationName(QStringLiteral("Skydraft"));
    QCoreApplication::setOrganizationName(QStringLiteral("Skydraft"));
    {
        DocumentController controller;
        RecoveryStore store(controller);
        ASSERT_TRUE(store.available());
        EXPECT_EQ(store.originalName(), QStringLiteral("older.skydraft"));
        store.discard();
        ASSERT_TRUE(store.available());
        EXPECT_EQ(store.originalName(), QStringLiteral("newer.skydraft"));
        ASSERT_TRUE(store.restore());  // the original is gone: an untitled document
        EXPECT_TRUE(controller.filePath().isEmpty());
        EXPECT_TRUE(controller.modified());
        EXPECT_FALSE(store.available());
    }
    QCoreApplication::setApplicationName(savedApp);
    QCoreApplication::setOrganizationName(savedOrg);
    QStandardPaths::setTestModeEnabled(true);
    qunsetenv("XDG_DATA_HOME");
}

TEST(RecoveryTest, TheRealAppRestoresWhenAskedAndLeavesNothingBehind) {
    Sandbox sandbox;
    const QString example = sandbox.home.path() + QStringLiteral("/web.skydraft");
    ASSERT_TRUE(QFile::copy(sourcePath("examples/three-tier-web-app.skydraft"), example));
    QProcess designer;
    designer.setProcessEnvironment(sandbox.environment());
    designer.start(QStringLiteral(SKYDRAFT_BINARY),
                   {QStringLiteral("--test-edit"),
                    QStringLiteral("subnet-app-a:cidr=\"10.0.13.0/24\""), example});
    ASSERT_TRUE(designer.waitForStarted());
    ASSERT_TRUE(waitFor(
        [&] { return !QDir(sandbox.recoveryDir()).entryList({"*.skydraft"}).isEmpty(); }, 30000));
    ::kill(static_cast<pid_t>(designer.processId()), SIGKILL);
    ASSERT_TRUE(designer.waitForFinished());

    // Restart restoring without asking, render, exit cleanly: the leftover is consumed and the
    // clean exit removes the new process's own recovery file.
    const QString shot = sandbox.home.path() + QStringLiteral("/restored.png");
    QProcess again;
    again.setProcessEnvironment(sandbox.environment());
    again.start(QStringLiteral(SKYDRAFT_BINARY),
                {QStringLiteral("--restore-recovery"), QStringLiteral("--screenshot"), shot});
    ASSERT_TRUE(again.waitForFinished(60000));
    EXPECT_EQ(again.exitCode(), 0) << again.readAllStandardError().toStdString();
    EXPECT_TRUE(QFile::exists(shot));
    EXPECT_TRUE(QDir(sandbox.recoveryDir()).entryList({"*.skydraft"}).isEmpty());
}

}  // namespace
}  // namespace skydraft
