// DocumentSession: background validation follows edits, the rules' fixes (SUB003, PEER005)
// apply as one undo step each, and stale results are never published.
#include <gtest/gtest.h>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

#include "app_test_support.h"
#include "diagram_file.h"
#include "document/document_controller.h"
#include "document/document_session.h"
#include "validation/validator.h"

namespace skydraft {
namespace {

using test::loadExample;
using test::sourcePath;
using test::waitForValidation;

std::vector<std::string> ruleIds(const std::vector<Finding>& findings) {
    std::vector<std::string> ids;
    for (const Finding& f : findings) {
        if (!f.suppressed) {
            ids.push_back(f.ruleId);
        }
    }
    return ids;
}

TEST(DocumentSessionTest, FindingsFollowEditsAndFixesAreOneUndoStep) {
    DocumentController controller;
    DocumentSession* session = DocumentSession::of(controller);
    ASSERT_EQ(session, DocumentSession::of(controller));
    ASSERT_TRUE(controller.openFile(sourcePath("examples/three-tier-web-app.skydraft")));
    ASSERT_TRUE(waitForValidation(*session));
    EXPECT_EQ(session->findings()->errorCount(), 0);

    ASSERT_TRUE(controller.setProperty("subnet-app-b", "cidr", "10.0.10.0/25"));
    ASSERT_TRUE(waitForValidation(*session));
    const int row = session->findings()->rowOf("SUB003");
    ASSERT_GE(row, 0);
    EXPECT_EQ(session->findings()->errorCount(), 1);
    EXPECT_GE(session->markers()->rowOf("subnet-app-b"), 0);
    EXPECT_GE(session->markers()->rowOf("subnet-app-a"), 0);

    EXPECT_EQ(session->selectFinding(row), (QStringList{"subnet-app-b", "subnet-app-a"}));
    const int steps = controller.undoStack()->count();
    ASSERT_TRUE(session->applyFix(row));
    EXPECT_EQ(controller.undoStack()->count(), steps + 1);
    EXPECT_EQ(controller.diagram().element("subnet-app-b")->stringProperty("cidr"), "10.0.2.0/25");
    ASSERT_TRUE(waitForValidation(*session));
    EXPECT_EQ(session->findings()->rowOf("SUB003"), -1);
    EXPECT_EQ(session->markers()->rowOf("subnet-app-a"), -1);

    controller.undo();
    ASSERT_TRUE(waitForValidation(*session));
    EXPECT_GE(session->findings()->rowOf("SUB003"), 0);
}

TEST(DocumentSessionTest, AFixThatAddsAnElementIsOneUndoStep) {
    // COST001's fix adds the S3 gateway endpoint the design lacks; the estimate drops by the
    // NAT processing of the annotated traffic.
    Diagram d = loadExample("examples/three-tier-web-app.skydraft");
    ASSERT_TRUE(d.setConnectionProperty("uses-1", "gb_per_month", 100));
    ASSERT_TRUE(d.removeElement("vpce-s3"));
    QTemporaryDir dir;
    const QString path = dir.filePath("no-endpoint.skydraft");
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromStdString(saveDiagram(d)));
    file.close();

    DocumentController controller;
    DocumentSession* session = DocumentSession::of(controller);
    ASSERT_TRUE(controller.openFile(path));
    ASSERT_TRUE(waitForValidation(*session));
    const int row = session->findings()->rowOf("COST001");
    ASSERT_GE(row, 0);
    const QString before = session->monthlyCost();
    const int steps = controller.undoStack()->count();
    ASSERT_TRUE(session->applyFix(row));
    EXPECT_EQ(controller.undoStack()->count(), steps + 1);
    ASSERT_EQ(controller.diagram().elementsOfKind("vpc_endpoint").size(), 1u);
    ASSERT_TRUE(waitForValidation(*session));
    EXPECT_EQ(session->findings()->rowOf("COST001"), -1);
    EXPECT_NE(session->monthlyCost(), before);
    controller.undo();
    EXPECT_TRUE(controller.diagram().elementsOfKind("vpc_endpoint").empty());
    ASSERT_TRUE(waitForValidation(*session));
    EXPECT_GE(session->findings()->rowOf("COST001"), 0);
    EXPECT_EQ(session->monthlyCost(), before);
}

TEST(DocumentSessionTest, ARunOverlappedByEditsReportsOnlyTheLatestDocument) {
    DocumentController controller;
    DocumentSession* session = DocumentSession::of(controller);
    session->validator().setDebounce(0);
    ASSERT_TRUE(controller.openFile(sourcePath("examples/three-tier-web-app.skydraft")));
    QSignalSpy published(session, &DocumentSession::findingsUpdated);
    // Several edits while validations are in flight: only the final state may be published.
    for (const char* cidr : {"10.0.10.0/25", "10.0.10.128/25", "10.0.11.0/24"}) {
        ASSERT_TRUE(controller.setProperty("subnet-app-b", "cidr", cidr));
        QCoreApplication::processEvents();
    }
    ASSERT_TRUE(waitForValidation(*session));
    ASSERT_GE(published.count(), 1);
    EXPECT_EQ(session->validator().result().findings, validate(controller.diagram()).findings);
    EXPECT_EQ(session->findings()->rowOf("SUB003"), -1);
}

TEST(PlantedFaultsTest, EveryPlantedFaultIsFoundAndEachRuleFamilyIsRepresented) {
    const Diagram d = loadExample(QStringLiteral("examples/faulty/planted-faults.skydraft"));
    const ValidationResult result = validate(d);
    std::vector<std::string> ids = ruleIds(result.findings);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    EXPECT_EQ(ids, (std::vector<std::string>{"NAT001", "PEER005", "RDS002", "RT005", "SG004",
                                             "SUB003", "VPC008"}));
}

TEST(PlantedFaultsTest, TheDesignerFixesRepairAllButTheHandEditedFaults) {
    DocumentController controller;
    DocumentSession* session = DocumentSession::of(controller);
    ASSERT_TRUE(controller.openFile(sourcePath("examples/faulty/planted-faults.skydraft")));
    ASSERT_TRUE(waitForValidation(*session));
    // Apply fixes until none is offered.
    for (int guard = 0; guard < 20; ++guard) {
        int row = -1;
        for (int i = 0; i < session->findings()->rowCount(); ++i) {
            if (session->findings()
                    ->data(session->findings()->index(i), FindingsModel::HasFixRole)
                    .toBool()) {
                row = i;
                break;
            }
        }
        if (row < 0) {
            break;
        }
        ASSERT_TRUE(session->applyFix(row));
        ASSERT_TRUE(waitForValidation(*session));
    }
    std::vector<std::string> left = ruleIds(session->validator().result().findings);
    std::sort(left.begin(), left.end());
    // The two left are fixed in the inspector's route and rule editors (see the GUI test).
    EXPECT_EQ(left, (std::vector<std::string>{"RT005", "SG004"}));
}

}  // namespace
}  // namespace skydraft
