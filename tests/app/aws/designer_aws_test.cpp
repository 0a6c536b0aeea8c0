// The designer's AWS pieces in the real window, offscreen: File > Import from AWS Account…
// scanning the fake endpoint (progress per region and service, Cancel, the result adopted,
// no secret in the recovery file), and View > Compare with… outlining the differences.
// With SKYDRAFT_SCREENSHOT_DIR set, the tests save the pictures the README shows.
#include <gtest/gtest.h>

#include <QFile>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

#include "../qt_printers.h"

#include "aws/aws_module_loader.h"
#include "aws/aws_scan_service.h"
#include "designer/designer.h"
#include "diagram_file.h"
#include "document/document_controller.h"
#include "document/document_session.h"
#include "scan_test_support.h"

namespace skydraft {
namespace {

using test::FakeAws;

QQuickItem* findItem(QQuickItem* root, const QString& name) {
    if (!root) {
        return nullptr;
    }
    if (root->objectName() == name) {
        return root;
    }
    for (QQuickItem* child : root->childItems()) {
        if (QQuickItem* found = findItem(child, name)) {
            return found;
        }
    }
    return nullptr;
}

QObject* findObject(QObject* root, const QString& name) {
    return root ? root->findChild<QObject*>(name) : nullptr;
}

/// Saves the window's picture for the README when SKYDRAFT_SCREENSHOT_DIR names a folder; at
/// once (without letting a running scan go on while icons load) when now is set.
void keepPicture(QQuickWindow* window, const QString& name, bool now = false) {
    const QString dir = qEnvironmentVariable("SKYDRAFT_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        (now ? window->grabWindow() : grabDesignerWindow(window))
            .save(dir + QLatin1Char('/') + name);
    }
}

bool waitFor(const std::function<bool()>& condition, int ms = 15000) {
    QElapsedTimer timer;
    timer.start();
    while (!condition() && timer.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return condition();
}

class DesignerAws : public ::testing::Test {
protected:
    void SetUp() override {
        aws::useAwsModuleApi(aws::awsModuleApi());
        window = loadDesignerWindow(engine, controller, QSize(1400, 900));
        ASSERT_NE(window, nullptr);
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window));
        session = DocumentSession::of(controller);
        session->recovery()->ignoreLeftover();
    }
    void TearDown() override { session->recovery()->removeOwn(); }

    DocumentController controller;
    QQmlApplicationEngine engine;
    QQuickWindow* window = nullptr;
    DocumentSession* session = nullptr;
};

TEST_F(DesignerAws, ImportFromAnAccountShowsProgressAndOpensTheScan) {
    const std::string secret = "DESIGNER-SECRET-WHICH-MUST-NOT-LEAK-0001";
    FakeAws fake(test::fakeAccount(), {2, 60});
    fake.addCredentials(test::kKeyId, QString::fromStdString(secret));
    fake.deny(QStringLiteral("ListFunctions"));
    QTemporaryDir home;
    QDir(home.path()).mkpath(QStringLiteral(".aws"));
    QFile config(home.path() + QStringLiteral("/.aws/config"));
    ASSERT_TRUE(config.open(QIODevice::WriteOnly));
    config.write("[default]\nregion = us-east-1\n[profile audit]\nregion = eu-west-1\n");
    config.close();
    AwsImportRunner* runner = session->awsImport();
    runner->setTestSettings({{"HOME", home.path().toStdString()},
                             {"AWS_ACCESS_KEY_ID", test::kKeyId},
                             {"AWS_SECRET_ACCESS_KEY", secret}},
                            5);
    EXPECT_EQ(runner->profiles(), (QStringList{"default", "audit"}));
    EXPECT_EQ(runner->regionOf(QStringLiteral("audit")), "eu-west-1");

    QObject* dialog = findObject(window, QStringLiteral("awsImportDialog"));
    ASSERT_NE(dialog, nullptr);
    QMetaObject::invokeMethod(dialog, "open");
    ASSERT_TRUE(waitFor([&] { return dialog->property("opened").toBool(); }));
    QMetaObject::invokeMethod(dialog, "chooseProfile", Q_ARG(QVariant, QStringLiteral("default")));
    QVariantMap chosen = dialog->property("chosen").toMap();
    EXPECT_EQ(chosen.keys(), QStringList{"us-east-1"});
    chosen.insert(QStringLiteral("eu-west-1"), true);
    dialog->setProperty("chosen", chosen);

    ASSERT_TRUE(runner->start(QStringLiteral("default"), {"us-east-1", "eu-west-1"}, false,
                              fake.url().toString()));
    EXPECT_TRUE(runner->busy());
    ASSERT_TRUE(waitFor([&] { return runner->warnings().size() >= 1; }));
    keepPicture(window, QStringLiteral("aws-import.png"), true);
    ASSERT_TRUE(waitFor([&] { return !runner->busy(); }, 30000));
    QCoreApplication::processEvents();
    EXPECT_EQ(runner->result(),
              "Scanned 38 elements with 96 requests. Calls denied or failed: 2; the diagram is "
              "incomplete.");
    ASSERT_EQ(runner->warnings().size(), 2);
    EXPECT_TRUE(runner->warnings()[0].startsWith("no permission for lambda:ListFunctions in "));
    for (const QVariant& row : runner->progress()) {
        const QVariantMap p = row.toMap();
        EXPECT_EQ(p.value("done"), p.value("total")) << p.value("service").toString().toStdString();
    }
    EXPECT_EQ(controller.diagram().elements().size(), 38u);
    EXPECT_TRUE(controller.filePath().isEmpty());
    EXPECT_NE(controller.diagram().element("vpc-0web"), nullptr);

    // Nothing of the credentials reaches the document or its recovery copy.
    ASSERT_TRUE(controller.rename(QStringLiteral("vpc-0web"), QStringLiteral("web-prod-2")));
    ASSERT_TRUE(session->recovery()->autosave());
    const QByteArray recovered = test::readAllOf(session->recovery()->ownPath());
    EXPECT_TRUE(recovered.contains("web-prod-2"));
    EXPECT_FALSE(recovered.contains(QByteArray::fromStdString(secret)));
    EXPECT_FALSE(recovered.contains(test::kKeyId));
    EXPECT_FALSE(
        QByteArray::fromStdString(saveDiagram(controller.diagram())).contains("PSK-DO-NOT"));
}

TEST_F(DesignerAws, ACancelledScanLeavesTheDocumentAlone) {
    ASSERT_TRUE(controller.openFile(
        QStringLiteral(SKYDRAFT_SOURCE_DIR "/examples/three-tier-web-app.skydraft")));
    FakeAws slow(test::fakeAccount(), {1, 100});
    slow.addCredentials(test::kKeyId, test::kSecret);
    QTemporaryDir home;
    AwsImportRunner* runner = session->awsImport();
    runner->setTestSettings({{"HOME", home.path().toStdString()},
                             {"AWS_ACCESS_KEY_ID", test::kKeyId},
                             {"AWS_SECRET_ACCESS_KEY", test::kSecret}},
                            5);
    QString reported;
    QObject::connect(runner, &AwsImportRunner::finished,
                     [&](bool, const QString& text) { reported = text; });
    ASSERT_TRUE(
        runner->start(QStringLiteral("default"), {"us-east-1"}, false, slow.url().toString()));
    ASSERT_TRUE(waitFor([&] { return runner->progress().size() >= 2; }));
    runner->cancel();
    ASSERT_TRUE(waitFor([&] { return !runner->busy(); }));
    QCoreApplication::processEvents();
    EXPECT_EQ(reported, "The scan was cancelled; the document is unchanged.");
    EXPECT_TRUE(controller.filePath().endsWith(QStringLiteral("three-tier-web-app.skydraft")));
    EXPECT_FALSE(runner->start(QStringLiteral("default"), {}, false, {}));
    EXPECT_EQ(runner->result(), "Choose at least one region.");
}

TEST_F(DesignerAws, CompareWithOutlinesTheDifferencesOnTheCanvas) {
    const QString example =
        QStringLiteral(SKYDRAFT_SOURCE_DIR "/examples/three-tier-web-app.skydraft");
    ASSERT_TRUE(controller.openFile(example));
    // "What is deployed": the design with drift in it.
    Diagram deployed = controller.diagram();
    ASSERT_TRUE(deployed.setProperty("subnet-app-b", "cidr", "10.0.12.0/24"));
    ASSERT_TRUE(deployed.setProperty(
        "rt-app-b", "routes",
        nlohmann::json::array({{{"destination", "0.0.0.0/0"}, {"target", "nat-a"}}})));
    ASSERT_TRUE(deployed.removeElement("i-app-b"));
    ASSERT_TRUE(deployed.setProperty("alb-web", "targets", nlohmann::json::array({"i-app-a"})));
    Element extra;
    extra.id = "sg-0extra";
    extra.kind = "security_group";
    extra.name = "debug-ssh";
    extra.parent = "vpc-web";
    ASSERT_TRUE(deployed.addElement(extra));
    DiagramComparison* comparison = session->comparison();
    comparison->compareWithDiagram(deployed, QStringLiteral("scan.skydraft"));
    QCoreApplication::processEvents();

    EXPECT_TRUE(comparison->active());
    EXPECT_EQ(comparison->summary(),
              "3 changed, 1 only here, 1 only in scan.skydraft, 20 the same.");
    std::map<QString, QString> statuses;
    for (const QVariant& h : comparison->highlights()) {
        statuses[h.toMap().value("id").toString()] = h.toMap().value("status").toString();
    }
    EXPECT_EQ(statuses, (std::map<QString, QString>{{"subnet-app-b", "changed"},
                                                    {"i-app-b", "here"},
                                                    {"alb-web", "changed"},
                                                    {"rt-app-b", "changed"}}));
    QMetaObject::invokeMethod(window, "fitToContent");
    waitFor([&] { return !session->validating(); });
    QQuickItem* outline = findItem(window->contentItem(), QStringLiteral("compare_subnet-app-b"));
    ASSERT_NE(outline, nullptr);
    EXPECT_TRUE(outline->isVisible());
    QQuickItem* panel = findItem(window->contentItem(), QStringLiteral("comparePanel"));
    ASSERT_NE(panel, nullptr);
    EXPECT_TRUE(panel->isVisible());
    keepPicture(window, QStringLiteral("compare.png"));

    // An edit that removes a difference updates the comparison.
    ASSERT_TRUE(controller.setProperty(QStringLiteral("subnet-app-b"), QStringLiteral("cidr"),
                                       QStringLiteral("10.0.12.0/24")));
    EXPECT_TRUE(waitFor([&] {
        return comparison->summary() ==
               "2 changed, 1 only here, 1 only in scan.skydraft, 21 the same.";
    })) << comparison->summary().toStdString();
    comparison->clear();
    QCoreApplication::processEvents();
    EXPECT_FALSE(panel->isVisible());
}

TEST_F(DesignerAws, ComparingWithAFileThatDoesNotLoadSaysWhy) {
    const QString bad = test::writeTempFile(QStringLiteral("bad.skydraft"), "{\"format\": \"x\"}");
    EXPECT_FALSE(session->comparison()->compareWith(QUrl::fromLocalFile(bad)));
    EXPECT_TRUE(
        session->comparison()->error().startsWith(QStringLiteral("bad.skydraft cannot be "
                                                                 "compared: ")))
        << session->comparison()->error().toStdString();
    EXPECT_FALSE(session->comparison()->active());
}

}  // namespace
}  // namespace skydraft
