// Files changed elsewhere and files open twice (document/file_guard): reload when clean, ask
// when not, never react to our own saves, and see another live Skydraft's lock.
#include "document/file_guard.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include "app_test_support.h"
#include "diagram_file.h"
#include "document/document_controller.h"

namespace skydraft {
namespace {

using test::readAll;
using test::sourcePath;
using test::waitFor;

/// Writes as another program would: in place, or by renaming a new file over it (git).
void writeElsewhere(const QString& path, const QByteArray& bytes, bool byRename) {
    const QString target = byRename ? path + QStringLiteral(".new") : path;
    QFile file(target);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
    file.close();
    if (byRename) {
        ASSERT_EQ(::rename(target.toLocal8Bit().constData(), path.toLocal8Bit().constData()), 0);
    }
}

class FileGuardTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir.isValid());
        path = dir.filePath(QStringLiteral("web.skydraft"));
        ASSERT_TRUE(QFile::copy(sourcePath("examples/three-tier-web-app.skydraft"), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        original = readAll(path);
        ASSERT_TRUE(controller.openFile(path));
    }
    /// The example with one property changed, as text.
    QByteArray changed(const char* cidr) {
        Diagram d = test::loadExample(QStringLiteral("examples/three-tier-web-app.skydraft"));
        EXPECT_TRUE(d.setProperty("subnet-app-b", "cidr", cidr));
        return QByteArray::fromStdString(saveDiagram(d));
    }

    QTemporaryDir dir;
    QString path;
    QByteArray original;
    DocumentController controller;
    FileGuard guard{controller};
};

TEST_F(FileGuardTest, WithoutLocalChangesAChangedFileIsReloadedAsOneUndoStep) {
    for (const bool byRename : {false, true}) {
        const QByteArray next = changed(byRename ? "10.0.22.0/24" : "10.0.21.0/24");
        QSignalSpy reloaded(&guard, &FileGuard::reloaded);
        writeElsewhere(path, next, byRename);
        ASSERT_TRUE(waitFor([&] { return reloaded.count() == 1; }, 10000)) << byRename;
        EXPECT_EQ(QByteArray::fromStdString(saveDiagram(controller.diagram())), next);
        EXPECT_FALSE(controller.modified());
        EXPECT_EQ(controller.undoText(), QStringLiteral("Reload from disk"));
        EXPECT_TRUE(guard.externalNote().contains(QStringLiteral("was reloaded")));
    }
    controller.undo();
    EXPECT_TRUE(controller.modified());
    EXPECT_EQ(controller.diagram().element("subnet-app-b")->stringProperty("cidr"), "10.0.21.0/24");
}

TEST_F(FileGuardTest, WithLocalChangesTheUserChooses) {
    ASSERT_TRUE(controller.rename(QStringLiteral("vpc-web"), QStringLiteral("mine")));
    const std::string mine = saveDiagram(controller.diagram());
    writeElsewhere(path, changed("10.0.23.0/24"), true);
    ASSERT_TRUE(waitFor([&] { return guard.conflict(); }, 10000));
    EXPECT_EQ(saveDiagram(controller.diagram()), mine);  // nothing happens until asked

    // Keep mine: no more questions about that version; saving overwrites it.
    guard.keepMine();
    EXPECT_FALSE(guard.conflict());
    QTest::qWait(FileGuard::kSettleMs * 3);
    EXPECT_FALSE(guard.conflict());
    ASSERT_TRUE(controller.save());
    EXPECT_EQ(readAll(path).toStdString(), mine);

    // Reload: the file's content, clean, and mine one undo away.
    ASSERT_TRUE(controller.rename(QStringLiteral("vpc-web"), QStringLiteral("mine again")));
    const std::string mineAgain = saveDiagram(controller.diagram());
    const QByteArray theirs = changed("10.0.24.0/24");
    writeElsewhere(path, theirs, false);
    ASSERT_TRUE(waitFor([&] { return guard.conflict(); }, 10000));
    ASSERT_TRUE(guard.reload());
    EXPECT_FALSE(guard.conflict());
    EXPECT_FALSE(controller.modified());
    EXPECT_EQ(QByteArray::fromStdString(saveDiagram(controller.diagram())), theirs);
    controller.undo();
    EXPECT_EQ(saveDiagram(controller.diagram()), mineAgain);
}

TEST_F(FileGuardTest, OwnSavesAndBrokenWritesChangeNothing) {
    ASSERT_TRUE(controller.rename(QStringLiteral("vpc-web"), QStringLiteral("saved")));
    ASSERT_TRUE(controller.save());
    QTest::qWait(FileGuard::kSettleMs * 4);
    EXPECT_FALSE(guard.conflict());
    EXPECT_EQ(guard.externalNote(), QString());
    EXPECT_NE(controller.undoText(), QStringLiteral("Reload from disk"));

    const std::string before = saveDiagram(controller.diagram());
    writeElsewhere(path, original.left(original.size() / 2), false);  // a checkout half done
    ASSERT_TRUE(waitFor([&] { return !guard.externalNote().isEmpty(); }, 10000));
    EXPECT_TRUE(guard.externalNote().startsWith(
        QStringLiteral("web.skydraft changed on disk but cannot be loaded: line ")))
        << guard.externalNote().toStdString();
    EXPECT_EQ(saveDiagram(controller.diagram()), before);

    QFile::remove(path);
    ASSERT_TRUE(waitFor([&] { return guard.externalNote().contains("deleted"); }, 10000));
    EXPECT_EQ(saveDiagram(controller.diagram()), before);
}

TEST_F(FileGuardTest, ALiveLockIsReportedAndAStaleOneTakenOver) {
    // This window holds the lock.
    const QString lock = FileGuard::lockPath(path);
    EXPECT_EQ(QJsonDocument::fromJson(readAll(lock)).object().value("pid").toInteger(),
              QCoreApplication::applicationPid());
    EXPECT_EQ(guard.lockedBy(), 0);
    controller.newDocument();
    EXPECT_FALSE(QFile::exists(lock));

    // Another live process (the test runner's parent) holds it.
    auto writeLock = [&](qint64 pid) {
        QDir().mkpath(QFileInfo(lock).absolutePath());
        QFile file(lock);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(QJsonObject{{"pid", pid}, {"host", QSysInfo::machineHostName()}})
                       .toJson());
    };
    writeLock(::getppid());
    ASSERT_TRUE(controller.openFile(path));
    EXPECT_EQ(guard.lockedBy(), ::getppid());
    controller.newDocument();
    EXPECT_TRUE(QFile::exists(lock));  // theirs stays

    // A process that is gone left it: stale, taken over silently.
    QProcess gone;
    gone.start(QStringLiteral("true"));
    ASSERT_TRUE(gone.waitForStarted());
    const qint64 gonePid = gone.processId();  // 0 once it has finished
    ASSERT_TRUE(gone.waitForFinished());
    ASSERT_GT(gonePid, 0);
    writeLock(gonePid);
    ASSERT_TRUE(controller.openFile(path));
    EXPECT_EQ(guard.lockedBy(), 0);
    EXPECT_EQ(QJsonDocument::fromJson(readAll(lock)).object().value("pid").toInteger(),
              QCoreApplication::applicationPid());
}

/// Two real designer windows on one file, and a change made on disk under a running one.
TEST(FileGuardWindows, TheSecondWindowWarnsAndAnOpenWindowReloads) {
    QTemporaryDir home;
    const QString path = home.filePath(QStringLiteral("web.skydraft"));
    ASSERT_TRUE(QFile::copy(sourcePath("examples/three-tier-web-app.skydraft"), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    auto start = [&](QProcess& p) {
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(SKYDRAFT_BINARY), {QStringLiteral("--test-script"), path});
        EXPECT_TRUE(p.waitForStarted());
    };
    auto send = [](QProcess& p, const char* command) {
        p.write(QByteArray(command) + "\n");
        while (!p.canReadLine() && p.waitForReadyRead(60000)) {
        }
        return QString::fromUtf8(p.readLine()).trimmed();
    };
    QProcess first;
    start(first);
    ASSERT_TRUE(send(first, "status").contains("lockedBy=0"));
    QProcess second;
    start(second);
    EXPECT_TRUE(
        send(second, "status").contains(QStringLiteral("lockedBy=%1").arg(first.processId())));

    // The first window has no unsaved changes: a change on disk is reloaded there.
    Diagram d = test::loadExample(QStringLiteral("examples/three-tier-web-app.skydraft"));
    ASSERT_TRUE(d.setName("i-app-a", "changed on disk"));
    writeElsewhere(path, QByteArray::fromStdString(saveDiagram(d)), true);
    ASSERT_TRUE(
        waitFor([&] { return send(first, "status").contains("undo=Reload from disk"); }, 10000));
    const QString dump = home.filePath(QStringLiteral("dump.skydraft"));
    ASSERT_TRUE(send(first, qPrintable("dump " + dump)).startsWith("ok"));
    EXPECT_EQ(readAll(dump).toStdString(), saveDiagram(d));
    EXPECT_TRUE(send(first, "status").contains("modified=0"));
    first.write("quit\n");
    second.write("quit\n");
    EXPECT_TRUE(first.waitForFinished(30000));
    EXPECT_TRUE(second.waitForFinished(30000));
}

}  // namespace
}  // namespace skydraft
