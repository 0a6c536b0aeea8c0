// The controller itself: deleting, property edits and renames, selection, files; each edit one
// undoable step.
#include <gtest/gtest.h>
#include <QSignalSpy>
#include <QTemporaryDir>

#include "catalogue/resource_catalogue.h"
#include "controller_test_fixture.h"
#include "diagram_file.h"

namespace skydraft {
namespace {

using DocumentControllerTest = test::ControllerTest;

TEST_F(DocumentControllerTest, DeleteSelectionRemovesContentAndUndoRestoresIt) {
    const QString a = controller.dropKind("vpc", 400, 300);
    controller.dropKind("subnet", 250, 250);
    const QString b = controller.dropKind("vpc", 1400, 300);
    controller.connect(a, b);
    const Diagram before = d();
    controller.select(a);
    ASSERT_TRUE(controller.deleteSelection());
    EXPECT_EQ(d().elements().size(), 1u);
    EXPECT_TRUE(d().connections().empty());
    EXPECT_TRUE(controller.selection().isEmpty());
    EXPECT_EQ(controller.undoText(), "Delete vpc-1");
    checkUndoRedo(before);
}

TEST_F(DocumentControllerTest, PropertyEditsAndRenamesAreUndoable) {
    const QString vpc = controller.dropKind("vpc", 400, 300);
    Diagram before = d();
    ASSERT_TRUE(controller.setProperty(vpc, "enable_dns_hostnames", false));
    EXPECT_EQ(element(vpc).properties.at("enable_dns_hostnames"), false);
    EXPECT_EQ(controller.undoText(), "Change enable_dns_hostnames");
    checkUndoRedo(before);
    before = d();
    ASSERT_TRUE(controller.setProperty(vpc, "secondary_cidrs", QVariantList{"100.64.0.0/16"}));
    EXPECT_EQ(element(vpc).properties.at("secondary_cidrs"),
              nlohmann::json::array({"100.64.0.0/16"}));
    checkUndoRedo(before);
    before = d();
    const QString tgw = controller.dropKind("transit_gateway", 1400, 300);
    before = d();
    ASSERT_TRUE(controller.setProperty(tgw, "amazon_side_asn", 64600));
    EXPECT_TRUE(element(tgw).properties.at("amazon_side_asn").is_number_integer());
    checkUndoRedo(before);
    before = d();
    EXPECT_FALSE(controller.setProperty(vpc, "cidr", 5));
    EXPECT_EQ(d(), before);
    ASSERT_TRUE(controller.rename(vpc, "web-prod"));
    EXPECT_EQ(element(vpc).name, "web-prod");
    checkUndoRedo(before);
}

TEST_F(DocumentControllerTest, SelectionByClickShiftAndRubberBand) {
    const QString a = controller.dropKind("vpc", 400, 300);
    const QString b = controller.dropKind("vpc", 1400, 300);
    controller.select(a);
    controller.select(b, true);
    EXPECT_EQ(controller.selection(), (QStringList{a, b}));
    controller.select(a, true);
    EXPECT_EQ(controller.selection(), QStringList{b});
    controller.selectInRect(0, 0, 800, 600);
    EXPECT_EQ(controller.selection(), QStringList{a});
    controller.selectAll();
    EXPECT_EQ(controller.selection().size(), 2);
    controller.clearSelection();
    EXPECT_TRUE(controller.selection().isEmpty());
    EXPECT_EQ(controller.elementAt(400, 300), a);
    EXPECT_EQ(controller.elementAt(-100, -100), "");
}

TEST_F(DocumentControllerTest, SaveAndOpenRoundTripAndTrackModifiedState) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString a = controller.dropKind("vpc", 400, 300);
    controller.dropKind("subnet", 250, 250);
    controller.connect(a, controller.dropKind("vpc", 1400, 300));
    EXPECT_TRUE(controller.modified());
    EXPECT_EQ(controller.title(), "Untitled • — Skydraft");
    EXPECT_FALSE(controller.save());  // no file yet: Save As is needed
    const Diagram saved = d();
    const QString path = dir.filePath("net.skydraft");
    ASSERT_TRUE(controller.saveAs(QUrl::fromLocalFile(dir.filePath("net"))));
    EXPECT_FALSE(controller.modified());
    EXPECT_EQ(controller.filePath(), path);
    EXPECT_EQ(controller.title(), "net.skydraft — Skydraft");
    EXPECT_EQ(controller.recentFiles().front(), path);
    controller.newDocument();
    EXPECT_TRUE(d().elements().empty());
    EXPECT_FALSE(controller.canUndo());
    ASSERT_TRUE(controller.openFile(path)) << controller.errorString().toStdString();
    EXPECT_EQ(d(), saved);
    EXPECT_FALSE(controller.modified());
    controller.undo();  // nothing to undo after opening
    EXPECT_EQ(d(), saved);
    // Undoing back to the saved state makes the document clean again.
    controller.dropKind("vpc", 400, 1400);
    EXPECT_TRUE(controller.modified());
    controller.undo();
    EXPECT_FALSE(controller.modified());
    // A broken file is refused and the open document stays.
    QFile broken(dir.filePath("broken.skydraft"));
    ASSERT_TRUE(broken.open(QIODevice::WriteOnly));
    broken.write("{\"format\": \"skydraft\", \"version\": 1, \"elements\": [");
    broken.close();
    EXPECT_FALSE(controller.openFile(broken.fileName()));
    EXPECT_TRUE(controller.errorString().startsWith("broken.skydraft: line 1"))
        << controller.errorString().toStdString();
    EXPECT_EQ(d(), saved);
}

}  // namespace
}  // namespace skydraft
