// The designer window offscreen, driven like a user: type a subnet CIDR into overlap in the
// inspector, see SUB003 in the problems panel with both subnets badged, click it to select
// them, apply its fix, see it go, undo to bring it back.
#include <gtest/gtest.h>
#include <QFile>
#include <QFileInfo>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "app_test_support.h"
#include "designer/designer.h"
#include "document/document_controller.h"
#include "document/document_session.h"
#include "document/reach_probe.h"

namespace skydraft {
namespace {

using test::readAll;
using test::sourcePath;
using test::waitFor;
using test::waitForValidation;

/// The first item named name under root (delegates are found through the item tree).
QQuickItem* findItem(QQuickItem* root, const QString& name) {
    if (!root) {
        return nullptr;
    }
    if (root->objectName() == name) {
        return root;
    }
    const auto children = root->childItems();
    for (QQuickItem* child : children) {
        if (QQuickItem* found = findItem(child, name)) {
            return found;
        }
    }
    return nullptr;
}

class ProblemsGuiTestBase : public ::testing::Test {
protected:
    void open(const QString& example) {
        ASSERT_TRUE(controller.openFile(sourcePath(example)));
        session = DocumentSession::of(controller);
        window = loadDesignerWindow(engine, controller);
        ASSERT_NE(window, nullptr);
        window->resize(1400, 1400);
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window));
        window->requestActivate();
        ASSERT_TRUE(QTest::qWaitForWindowActive(window));
        ASSERT_TRUE(waitForValidation(*session));
    }
    QQuickItem* item(const QString& name) { return findItem(window->contentItem(), name); }
    QPoint centerOf(QQuickItem* it) {
        return it->mapToScene(QPointF(it->width() / 2, it->height() / 2)).toPoint();
    }
    void click(QQuickItem* it) {
        QTest::mouseClick(window, Qt::LeftButton, {}, centerOf(it));
        QCoreApplication::processEvents();
    }
    /// The problems-panel row of rule (or nullptr when the panel does not show it).
    QQuickItem* problemRow(const QString& rule) {
        QCoreApplication::processEvents();
        const int row = session->findings()->rowOf(rule);
        return row < 0 ? nullptr : item(QStringLiteral("problem_%1").arg(row));
    }
    void typeInto(QQuickItem* field, const QString& text) {
        field->forceActiveFocus();
        field->setProperty("text", QString());
        for (const QChar c : text) {
            QTest::keyClick(window, c.toLatin1());
        }
        QCoreApplication::processEvents();
    }

    DocumentController controller;
    DocumentSession* session = nullptr;
    QQmlApplicationEngine engine;
    QQuickWindow* window = nullptr;
};

class ProblemsGuiTest : public ProblemsGuiTestBase {
protected:
    void SetUp() override { open(QStringLiteral("examples/three-tier-web-app.skydraft")); }
};

TEST_F(ProblemsGuiTest, OverlapIsFoundSelectedFixedAndUndone) {
    EXPECT_EQ(session->findings()->errorCount(), 0);
    auto* status = item(QStringLiteral("statusProblems"));
    ASSERT_NE(status, nullptr);
    EXPECT_EQ(status->property("text").toString(), QStringLiteral("0 errors  ·  0 warnings"));

    controller.select(QStringLiteral("subnet-app-b"));
    QCoreApplication::processEvents();
    QQuickItem* cidr = item(QStringLiteral("field_cidr"));
    ASSERT_NE(cidr, nullptr);
    EXPECT_EQ(cidr->property("text").toString(), QStringLiteral("10.0.11.0/24"));

    // A CIDR that does not parse is rejected as it is typed, with the reason.
    typeInto(cidr, QStringLiteral("10.0.300.0/24"));
    QQuickItem* problem = item(QStringLiteral("problem_cidr"));
    ASSERT_NE(problem, nullptr);
    EXPECT_TRUE(problem->isVisible());
    EXPECT_TRUE(problem->property("text").toString().contains(QStringLiteral("10.0.300.0/24")))
        << problem->property("text").toString().toStdString();
    QTest::keyClick(window, Qt::Key_Return);
    EXPECT_EQ(controller.diagram().element("subnet-app-b")->stringProperty("cidr"), "10.0.11.0/24");

    // An overlapping CIDR is accepted and found by the background validation.
    typeInto(cidr, QStringLiteral("10.0.10.128/25"));
    EXPECT_FALSE(problem->isVisible());
    QTest::keyClick(window, Qt::Key_Return);
    ASSERT_EQ(controller.diagram().element("subnet-app-b")->stringProperty("cidr"),
              "10.0.10.128/25");
    ASSERT_TRUE(waitFor([&] { return problemRow("SUB003") != nullptr; }));
    EXPECT_TRUE(waitFor([&] {
        return item("badge_subnet-app-a") != nullptr && item("badge_subnet-app-b") != nullptr;
    }));
    EXPECT_EQ(status->property("text").toString(), QStringLiteral("1 errors  ·  0 warnings"));

    // Clicking the finding selects both subnets.
    controller.clearSelection();
    click(problemRow("SUB003"));
    EXPECT_EQ(controller.selection(),
              (QStringList{QStringLiteral("subnet-app-b"), QStringLiteral("subnet-app-a")}));

    // Its fix moves the subnet to a free block; the finding and the badges go.
    const int row = session->findings()->rowOf("SUB003");
    QQuickItem* fix = item(QStringLiteral("fixButton_%1").arg(row));
    ASSERT_NE(fix, nullptr);
    EXPECT_TRUE(fix->isVisible());
    EXPECT_EQ(fix->property("text").toString(), QStringLiteral("Move to 10.0.2.0/25"));
    click(fix);
    EXPECT_EQ(controller.diagram().element("subnet-app-b")->stringProperty("cidr"), "10.0.2.0/25");
    ASSERT_TRUE(waitFor([&] { return session->findings()->rowOf("SUB003") < 0; }));
    ASSERT_TRUE(waitFor([&] { return item("badge_subnet-app-a") == nullptr; }));
    EXPECT_EQ(status->property("text").toString(), QStringLiteral("0 errors  ·  0 warnings"));

    // Undo brings it back (Ctrl+Z on the window).
    window->contentItem()->forceActiveFocus();
    QTest::keyClick(window, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(controller.diagram().element("subnet-app-b")->stringProperty("cidr"),
              "10.0.10.128/25");
    ASSERT_TRUE(waitFor([&] { return problemRow("SUB003") != nullptr; }));
}

TEST_F(ProblemsGuiTest, ReachabilityFromTheContextMenuDrawsThePathAndKeepsIntents) {
    // Right-click an instance: "Check reachability from here".
    QQuickItem* canvas = item(QStringLiteral("canvas"));
    ASSERT_NE(canvas, nullptr);
    auto centreOn = [&](const QString& id) {
        const QRectF box = controller.elementBox(id);
        QMetaObject::invokeMethod(canvas, "centerOn", Q_ARG(QVariant, box.center().x()),
                                  Q_ARG(QVariant, box.center().y()));
        QCoreApplication::processEvents();
    };
    centreOn(QStringLiteral("i-app-a"));
    QQuickItem* source = item(QStringLiteral("element_i-app-a"));
    ASSERT_NE(source, nullptr);
    QTest::mouseClick(window, Qt::RightButton, {}, centerOf(source));
    QQuickItem* fromHere = nullptr;
    ASSERT_TRUE(waitFor([&] {
        fromHere = item(QStringLiteral("menuReachFrom"));
        return fromHere && fromHere->isVisible();
    }));
    click(fromHere);
    ReachProbe* reach = session->reach();
    EXPECT_TRUE(reach->picking());
    QQuickItem* panel = item(QStringLiteral("reachPanel"));
    ASSERT_NE(panel, nullptr);
    EXPECT_TRUE(panel->isVisible());
    EXPECT_EQ(item(QStringLiteral("reachSource"))->property("text").toString(), "app-a");

    // The port in the panel's bar, then a click on the destination.
    QQuickItem* port = item(QStringLiteral("reachPort"));
    ASSERT_NE(port, nullptr);
    typeInto(port, QStringLiteral("22"));
    QTest::keyClick(window, Qt::Key_Return);
    EXPECT_EQ(reach->port(), 22);
    centreOn(QStringLiteral("db-orders"));
    click(item(QStringLiteral("element_db-orders")));
    EXPECT_FALSE(reach->picking());
    EXPECT_TRUE(controller.selection().isEmpty() ||
                !controller.selection().contains(QStringLiteral("db-orders")));
    QQuickItem* verdict = item(QStringLiteral("reachVerdict"));
    ASSERT_NE(verdict, nullptr);
    EXPECT_EQ(verdict->property("text").toString(),
              QStringLiteral("Not reachable: tcp 22 from app-a to orders-db"));
    // The path is drawn: a ring per hop, the blocking security group among them.
    QQuickItem* overlay = item(QStringLiteral("reachOverlay"));
    ASSERT_NE(overlay, nullptr);
    EXPECT_TRUE(overlay->isVisible());
    EXPECT_NE(item(QStringLiteral("reachHop_sg-db")), nullptr);
    EXPECT_NE(item(QStringLiteral("reachHop_rt-app-a")), nullptr);

    // Kept as "must reach", the intent is violated: the problems panel shows REACH001.
    click(item(QStringLiteral("reachKeepReachable")));
    // The validation and the panel's rows follow the edit asynchronously (slow under load).
    EXPECT_TRUE(waitFor([&] { return problemRow(QStringLiteral("REACH001")) != nullptr; }));
    EXPECT_TRUE(waitFor([&] { return item(QStringLiteral("reachIntent_0")) != nullptr; }));

    // The fix button opens the port: reachable, and the intent holds again.
    QQuickItem* fix = item(QStringLiteral("reachFix_0"));
    ASSERT_NE(fix, nullptr);
    click(fix);
    ASSERT_TRUE(waitFor([&] { return reach->reachable(); }));
    EXPECT_TRUE(verdict->property("text").toString().startsWith(QStringLiteral("Reachable")));
    ASSERT_TRUE(waitForValidation(*session));
    EXPECT_EQ(problemRow(QStringLiteral("REACH001")), nullptr);

    // The close button ends the query and closes the panel.
    click(item(QStringLiteral("reachClose")));
    EXPECT_FALSE(reach->active());
    EXPECT_FALSE(panel->isVisible());
}

TEST_F(ProblemsGuiTest, InspectorShowsWhatTheModelDerives) {
    controller.select(QStringLiteral("subnet-public-a"));
    ASSERT_TRUE(waitFor([&] { return item("derived_Reach") != nullptr; }));
    EXPECT_EQ(item("derived_Reach")->property("text").toString(), QStringLiteral("Public"));
    EXPECT_EQ(item(QStringLiteral("derived_Usable addresses"))->property("text").toString(),
              QStringLiteral("251"));
    controller.select(QStringLiteral("subnet-db-a"));
    ASSERT_TRUE(waitFor([&] {
        QQuickItem* reach = item("derived_Reach");
        // Its table has the local routes only: isolated, as AWS defines it.
        return reach && reach->property("text").toString() == QStringLiteral("Isolated");
    }));
}

TEST_F(ProblemsGuiTest, TheStatusBarShowsTheMonthlyEstimateAfterEveryEdit) {
    QQuickItem* cost = item(QStringLiteral("statusCost"));
    ASSERT_NE(cost, nullptr);
    const QString date = session->priceDate();
    ASSERT_FALSE(date.isEmpty());
    EXPECT_EQ(cost->property("text").toString(),
              QStringLiteral("≈ $238.05 a month  ·  prices of ") + date);
    ASSERT_TRUE(controller.setProperty("i-app-a", "instance_type", "t3.large"));
    ASSERT_TRUE(waitFor([&] { return session->monthlyCost() != QStringLiteral("$238.05"); }));
    // t3.small -> t3.large: 730 h x ($0.0832 - $0.0208) more.
    EXPECT_EQ(session->monthlyCost(), QStringLiteral("$283.60"));
    ASSERT_TRUE(controller.setProperty("i-app-a", "instance_type", "x9.huge"));
    ASSERT_TRUE(waitFor([&] { return session->unpricedCount() == 1; }));
    EXPECT_EQ(cost->property("text").toString(),
              QStringLiteral("≈ $222.87 a month (1 unpriced)  ·  prices of ") + date);

    // A click on the total opens the panel: a line per priced item, the unpriced one in words,
    // and a click on a line selects its element.
    QQuickItem* panel = item(QStringLiteral("costPanel"));
    ASSERT_NE(panel, nullptr);
    EXPECT_FALSE(panel->isVisible());
    click(cost);
    ASSERT_TRUE(waitFor([&] { return panel->isVisible(); }));
    EXPECT_EQ(item(QStringLiteral("costTotal"))->property("text").toString(),
              QStringLiteral("≈ $222.87 a month"));
    ASSERT_TRUE(waitFor([&] { return item(QStringLiteral("costLine_5")) != nullptr; }));
    QString unpriced;
    for (int row = 0; row < 6; ++row) {
        const QString text =
            item(QStringLiteral("costLine_%1").arg(row))->property("text").toString();
        if (text.contains(QStringLiteral("no price"))) {
            unpriced = text;
        }
    }
    EXPECT_EQ(unpriced, QStringLiteral("EC2 instance app-a: no price for ec2.x9.huge.hour in "
                                       "us-east-1 in the price table of ") +
                            date);
    click(item(QStringLiteral("costLine_0")));
    EXPECT_EQ(controller.selection(), QStringList{QStringLiteral("nat-a")});
}

TEST_F(ProblemsGuiTest, ImportingATemplateAsksForItsParametersAndRegion) {
    QObject* dialogs = item(QStringLiteral("windowDialogs"));
    ASSERT_NE(dialogs, nullptr);
    const QUrl url = QUrl::fromLocalFile(sourcePath(
        QStringLiteral("tests/fixtures/cloudformation/yaml/parameters_for_import.yaml")));
    ASSERT_TRUE(QMetaObject::invokeMethod(dialogs, "importFile", Q_ARG(QVariant, url)));
    QObject* dialog = window->findChild<QObject*>(QStringLiteral("templateImportDialog"));
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(waitFor([&] { return dialog->property("opened").toBool(); }));
    ASSERT_TRUE(waitFor([&] { return item(QStringLiteral("parameter_OwnerToken")) != nullptr; }));
    QQuickItem* vpcCidr = item(QStringLiteral("parameter_VpcCidr"));
    QQuickItem* subnetCidr = item(QStringLiteral("parameter_SubnetCidr"));
    QQuickItem* environment = item(QStringLiteral("parameterChoice_Environment"));
    QQuickItem* region = item(QStringLiteral("templateRegion"));
    ASSERT_TRUE(vpcCidr && subnetCidr && environment && region);
    EXPECT_EQ(vpcCidr->property("placeholderText").toString(), "default: 10.0.0.0/16");
    EXPECT_EQ(environment->property("currentText").toString(), "dev");
    EXPECT_EQ(item(QStringLiteral("parameter_OwnerToken"))->property("echoMode").toInt(),
              2);  // TextInput.Password

    // A value the template refuses: the dialog stays open and says why.
    typeInto(vpcCidr, QStringLiteral("192.168.0.0/16"));
    typeInto(subnetCidr, QStringLiteral("10.1.1.0/24"));
    click(item(QStringLiteral("templateImportButton")));
    QQuickItem* error = item(QStringLiteral("templateImportError"));
    ASSERT_NE(error, nullptr);
    EXPECT_TRUE(error->property("text").toString().contains("AllowedPattern"))
        << error->property("text").toString().toStdString();
    EXPECT_TRUE(dialog->property("opened").toBool());
    EXPECT_EQ(controller.fileName(), QStringLiteral("three-tier-web-app.skydraft"));

    typeInto(vpcCidr, QStringLiteral("10.1.0.0/16"));
    int euWest1 = -1;
    ASSERT_TRUE(QMetaObject::invokeMethod(region, "find", Q_RETURN_ARG(int, euWest1),
                                          Q_ARG(QString, QStringLiteral("eu-west-1"))));
    ASSERT_GT(euWest1, 0);
    region->setProperty("currentIndex", euWest1);
    click(item(QStringLiteral("templateImportButton")));
    ASSERT_TRUE(waitFor([&] { return !dialog->property("opened").toBool(); }));
    const auto vpcs = controller.diagram().elementsOfKind("vpc");
    const auto subnets = controller.diagram().elementsOfKind("subnet");
    ASSERT_EQ(vpcs.size(), 1u);
    ASSERT_EQ(subnets.size(), 1u);
    EXPECT_EQ(vpcs[0]->stringProperty("cidr"), "10.1.0.0/16");
    EXPECT_EQ(subnets[0]->stringProperty("cidr"), "10.1.1.0/24");
    EXPECT_EQ(subnets[0]->stringProperty("availability_zone"), "eu-west-1b");
}

class PlantedFaultsGuiTest : public ProblemsGuiTestBase {
protected:
    void SetUp() override { open(QStringLiteral("examples/faulty/planted-faults.skydraft")); }
};

TEST_F(PlantedFaultsGuiTest, EveryPlantedProblemIsFixedWithoutLeavingTheDesigner) {
    EXPECT_EQ(session->findings()->errorCount(), 3);
    EXPECT_EQ(session->findings()->warningCount(), 4);
    QQuickItem* problems = item(QStringLiteral("problems"));
    ASSERT_NE(problems, nullptr);
    // The fix buttons, one click each.
    for (int guard = 0; guard < 10; ++guard) {
        int row = -1;
        for (int i = 0; i < session->findings()->rowCount() && row < 0; ++i) {
            if (session->findings()
                    ->data(session->findings()->index(i), FindingsModel::HasFixRole)
                    .toBool()) {
                row = i;
            }
        }
        if (row < 0) {
            break;
        }
        QMetaObject::invokeMethod(problems, "showRow", Q_ARG(QVariant, row));
        QCoreApplication::processEvents();
        QQuickItem* fix = item(QStringLiteral("fixButton_%1").arg(row));
        ASSERT_NE(fix, nullptr) << row;
        const int before = session->findings()->rowCount();
        click(fix);
        ASSERT_TRUE(waitFor(
            [&] { return !session->validating() && session->findings()->rowCount() < before; }));
    }
    // The duplicate route: remove it in the route table's route editor.
    controller.select(QStringLiteral("rt-app"));
    QCoreApplication::processEvents();
    QQuickItem* remove = item(QStringLiteral("removeEntry_2"));
    ASSERT_NE(remove, nullptr);
    click(remove);
    EXPECT_EQ(controller.diagram().element("rt-app")->property("routes").size(), 2u);
    // SSH open to the world: narrow the rule's source in the security group's rule editor.
    controller.select(QStringLiteral("sg-web"));
    QCoreApplication::processEvents();
    QQuickItem* source = item(QStringLiteral("entry_1_cidr"));
    ASSERT_NE(source, nullptr);
    typeInto(source, QStringLiteral("10.0.0.0/8"));
    QTest::keyClick(window, Qt::Key_Return);
    EXPECT_EQ(controller.diagram().element("sg-web")->property("ingress")[1].value("cidr", ""),
              "10.0.0.0/8");
    ASSERT_TRUE(waitForValidation(*session));
    EXPECT_EQ(session->findings()->rowCount(), 0);
    QQuickItem* status = item(QStringLiteral("statusProblems"));
    EXPECT_EQ(status->property("text").toString(), QStringLiteral("0 errors  ·  0 warnings"));
}

TEST_F(PlantedFaultsGuiTest, TheExportDialogWritesEveryFormat) {
    QTemporaryDir dir;
    window->contentItem()->forceActiveFocus();
    QTest::keyClick(window, Qt::Key_E, Qt::ControlModifier);
    QObject* dialog = window->findChild<QObject*>(QStringLiteral("exportDialog"));
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(waitFor([&] { return dialog->property("opened").toBool(); }));
    for (const QString format : {"cloudformation", "dot", "png", "svg", "pdf", "mermaid", "html"}) {
        click(item(QStringLiteral("format_") + format));
        EXPECT_EQ(dialog->property("format").toString(), format);
        QQuickItem* path = item(QStringLiteral("exportPath"));
        path->setProperty("text", dir.filePath(QStringLiteral("planted.") + format));
        QSignalSpy finished(session->exporter(), &ExportRunner::finished);
        click(item(QStringLiteral("exportButton")));
        ASSERT_TRUE(waitFor([&] { return finished.count() == 1; }, 60000)) << format.toStdString();
        EXPECT_TRUE(finished.at(0).at(0).toBool()) << finished.at(0).at(2).toString().toStdString();
        QCoreApplication::processEvents();
        EXPECT_TRUE(item(QStringLiteral("exportResult"))
                        ->property("text")
                        .toString()
                        .startsWith("Exported to "));
        EXPECT_TRUE(QFileInfo::exists(dir.filePath(QStringLiteral("planted.") + format)));
    }
    EXPECT_TRUE(
        readAll(dir.filePath(QStringLiteral("planted.mermaid"))).contains("\nflowchart TB\n"));
    EXPECT_TRUE(readAll(dir.filePath(QStringLiteral("planted.html"))).contains("<svg"));
    // Portable zones: only for CloudFormation; the template names no zone then.
    QQuickItem* portable = item(QStringLiteral("portableZones"));
    ASSERT_NE(portable, nullptr);
    EXPECT_FALSE(portable->isEnabled());
    click(item(QStringLiteral("format_cloudformation")));
    EXPECT_TRUE(portable->isEnabled());
    EXPECT_TRUE(
        readAll(dir.filePath(QStringLiteral("planted.cloudformation"))).contains("us-east-1a"));
    click(portable);
    EXPECT_TRUE(session->exporter()->portableZones());
    item(QStringLiteral("exportPath"))
        ->setProperty("text", dir.filePath(QStringLiteral("portable.json")));
    QSignalSpy finished(session->exporter(), &ExportRunner::finished);
    click(item(QStringLiteral("exportButton")));
    ASSERT_TRUE(waitFor([&] { return finished.count() == 1; }, 60000));
    const QByteArray portableTemplate = readAll(dir.filePath(QStringLiteral("portable.json")));
    EXPECT_TRUE(portableTemplate.contains("\"Fn::GetAZs\": \"\""))
        << portableTemplate.left(300).toStdString();
    EXPECT_FALSE(portableTemplate.contains("\"AvailabilityZone\": \"us-east-1a\""));
    // F1 opens the shortcuts reference.
    QTest::keyClick(window, Qt::Key_Escape);
    ASSERT_TRUE(waitFor([&] { return !dialog->property("opened").toBool(); }));
    window->contentItem()->forceActiveFocus();
    QTest::keyClick(window, Qt::Key_F1);
    QObject* shortcuts = window->findChild<QObject*>(QStringLiteral("shortcutsDialog"));
    ASSERT_NE(shortcuts, nullptr);
    EXPECT_TRUE(waitFor([&] { return shortcuts->property("opened").toBool(); }));
}

}  // namespace
}  // namespace skydraft
