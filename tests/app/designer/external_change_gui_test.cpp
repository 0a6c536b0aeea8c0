// The real designer window when its file changes on disk or is open elsewhere: the question
// comes up only with unsaved changes, its buttons do what they say, and the status bar tells.
#include <gtest/gtest.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include "app_test_support.h"
#include "designer/designer.h"
#include "diagram_file.h"
#include "document/document_controller.h"
#include "document/file_guard.h"

namespace skydraft {
namespace {

QQuickItem* findItem(QQuickItem* root, const QString& name) {
    if (!root || root->objectName() == name) {
        return root;
    }
    for (QQuickItem* child : root->childItems()) {
        if (QQuickItem* found = findItem(child, name)) {
            return found;
        }
    }
    return nullptr;
}

class ExternalChangeGuiTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir.isValid());
        path = dir.filePath(QStringLiteral("web.skydraft"));
        ASSERT_TRUE(QFile::copy(test::sourcePath("examples/three-tier-web-app.skydraft"), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    }
    void open() {
        ASSERT_TRUE(controller.openFile(path));
        window = loadDesignerWindow(engine, controller, QSize(1400, 900));
        ASSERT_NE(window, nullptr);
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window));
    }
    QString notice() {
        QQuickItem* label = findItem(window->contentItem(), QStringLiteral("fileNotice"));
        return label ? label->property("text").toString() : QStringLiteral("(no label)");
    }
    void writeElsewhere(const char* name) {
        Diagram d = test::loadExample(QStringLiteral("examples/three-tier-web-app.skydraft"));
        ASSERT_TRUE(d.setName("i-app-a", name));
        QFile file(path + QStringLiteral(".new"));
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(saveDiagram(d)));
        file.close();
        ASSERT_EQ(::rename(qPrintable(path + QStringLiteral(".new")), qPrintable(path)), 0);
    }
    void click(const QString& button) {
        QQuickItem* item = findItem(window->contentItem(), button);
        ASSERT_NE(item, nullptr) << button.toStdString();
        QTest::mouseClick(
            window, Qt::LeftButton, {},
            item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint());
        QCoreApplication::processEvents();
    }

    QTemporaryDir dir;
    QString path;
    DocumentController controller;
    QQmlApplicationEngine engine;
    QQuickWindow* window = nullptr;
};

TEST_F(ExternalChangeGuiTest, WithUnsavedChangesTheWindowAsksAndKeepMineKeepsThem) {
    open();
    QObject* dialog = window->findChild<QObject*>(QStringLiteral("externalChangeDialog"));
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(controller.rename(QStringLiteral("vpc-web"), QStringLiteral("mine")));
    writeElsewhere("theirs");
    ASSERT_TRUE(QTest::qWaitFor([&] { return dialog->property("opened").toBool(); }, 10000));
    EXPECT_EQ(notice(),
              QStringLiteral("web.skydraft changed on disk while you have unsaved changes"));

    click(QStringLiteral("keepMineButton"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !dialog->property("visible").toBool(); }, 5000));
    EXPECT_EQ(controller.diagram().element("vpc-web")->name, "mine");
    EXPECT_EQ(controller.diagram().element("i-app-a")->name, "app-a");
    EXPECT_TRUE(notice().contains(QStringLiteral("your version is kept")));

    // Asked again for a newer change, and this time reloaded: theirs, mine one undo away.
    writeElsewhere("theirs again");
    ASSERT_TRUE(QTest::qWaitFor([&] { return dialog->property("opened").toBool(); }, 10000));
    click(QStringLiteral("reloadButton"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !dialog->property("visible").toBool(); }, 5000));
    EXPECT_EQ(controller.diagram().element("i-app-a")->name, "theirs again");
    EXPECT_FALSE(controller.modified());
    controller.undo();
    EXPECT_EQ(controller.diagram().element("vpc-web")->name, "mine");
}

TEST_F(ExternalChangeGuiTest, WithoutChangesItReloadsWithoutAsking) {
    open();
    QObject* dialog = window->findChild<QObject*>(QStringLiteral("externalChangeDialog"));
    writeElsewhere("from git");
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return controller.diagram().element("i-app-a")->name == "from git"; }, 10000));
    EXPECT_FALSE(dialog->property("visible").toBool());
    EXPECT_EQ(notice(),
              QStringLiteral("web.skydraft was reloaded: it changed on disk (undo goes back)"));
}

TEST_F(ExternalChangeGuiTest, AFileOpenInAnotherLiveSkydraftIsShownInTheStatusBar) {
    const QString lock = FileGuard::lockPath(path);
    QDir().mkpath(QFileInfo(lock).absolutePath());
    QFile file(lock);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(
        QJsonDocument(QJsonObject{{"pid", ::getppid()}, {"host", QSysInfo::machineHostName()}})
            .toJson());
    file.close();
    open();
    EXPECT_EQ(notice(), QStringLiteral("Also open in another Skydraft window (process %1): saving "
                                       "here overwrites its changes")
                            .arg(::getppid()));
    controller.newDocument();
    EXPECT_EQ(notice(), QString());
    QFile::remove(lock);
}

}  // namespace
}  // namespace skydraft
