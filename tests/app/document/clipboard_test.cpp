// Copy, paste and duplicate through the controller: new ids, free CIDRs, one step each.
#include <gtest/gtest.h>
#include <QSignalSpy>
#include <QTemporaryDir>

#include "catalogue/resource_catalogue.h"
#include "controller_test_fixture.h"
#include "diagram_file.h"

namespace skydraft {
namespace {

using ClipboardTest = test::ControllerTest;

TEST_F(ClipboardTest, PasteGivesNewIdsAndFreeCidrs) {
    const QString vpc = controller.dropKind("vpc", 400, 300);
    const QString subnet = controller.dropKind("subnet", 250, 250);
    controller.select(vpc);
    controller.copySelection();
    ASSERT_TRUE(controller.canPaste());
    const Diagram before = d();
    ASSERT_TRUE(controller.paste());
    ASSERT_EQ(d().elements().size(), 4u);
    const Element& pastedVpc = d().elements()[2];
    const Element& pastedSubnet = d().elements()[3];
    EXPECT_EQ(pastedVpc.id, "vpc-2");
    EXPECT_EQ(pastedVpc.properties.at("cidr"), "10.1.0.0/16");
    EXPECT_EQ(pastedSubnet.parent, "vpc-2");
    EXPECT_EQ(pastedSubnet.properties.at("cidr"), "10.1.0.0/24");
    EXPECT_EQ(controller.selection(), QStringList{"vpc-2"});
    EXPECT_EQ(controller.undoText(), "Paste");
    checkUndoRedo(before);
    // A subnet pasted into its own VPC gets the next free /24 there.
    controller.select(subnet);
    ASSERT_TRUE(controller.duplicateSelection());
    const Element& copy = d().elements().back();
    EXPECT_EQ(copy.kind, "subnet");
    EXPECT_EQ(copy.parent, vpc.toStdString());
    EXPECT_EQ(copy.properties.at("cidr"), "10.0.1.0/24");
}

TEST_F(ClipboardTest, EachPasteGoesFurtherAndKeepsItsConnections) {
    controller.dropKind("vpc", 400, 300);
    const QString subnet = controller.dropKind("subnet", 250, 250);
    const QPointF centre = box(subnet).center();
    const QString a = controller.dropKind("ec2_instance", centre.x() - 40, centre.y());
    const QString b = controller.dropKind("ec2_instance", centre.x() + 60, centre.y());
    const QString uses = controller.connect(a, b);
    ASSERT_FALSE(uses.isEmpty()) << controller.message().toStdString();
    EXPECT_FALSE(controller.canPaste());
    controller.copySelection();  // the connection alone is no element: nothing copied
    EXPECT_FALSE(controller.canPaste());
    controller.selectIds({a, b});
    controller.copySelection();
    EXPECT_TRUE(controller.canPaste());
    EXPECT_EQ(controller.message(), "Copied 2 element(s)");
    ASSERT_TRUE(controller.paste());
    EXPECT_EQ(controller.selection(), (QStringList{"ec2-3", "ec2-4"}));
    EXPECT_EQ(box("ec2-3"), box(a).translated(30, 30));
    EXPECT_EQ(element("ec2-3").parent, subnet.toStdString());
    ASSERT_NE(d().connection("uses-2"), nullptr);
    EXPECT_EQ(d().connection("uses-2")->from, "ec2-3");
    EXPECT_EQ(d().connection("uses-2")->to, "ec2-4");
    ASSERT_TRUE(controller.paste());
    EXPECT_EQ(box("ec2-5"), box(a).translated(60, 60));
    // A new document starts the offsets again.
    controller.newDocument();
    EXPECT_TRUE(controller.canPaste());
}

}  // namespace
}  // namespace skydraft
