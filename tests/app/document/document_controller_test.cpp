// The controller's intents: drops with containment refusal, moves, re-parenting, connections,
// routes, deletion, copy and paste, property edits, files; each one an undoable step.
#include <gtest/gtest.h>
#include <QSignalSpy>
#include <QTemporaryDir>

#include "../qt_printers.h"

#include "diagram_file.h"
#include "document/document_controller.h"

namespace skydraft {
namespace {

class DocumentControllerTest : public ::testing::Test {
protected:
    const Diagram& d() const { return controller.diagram(); }
    const Element& element(const QString& id) const {
        const Element* e = d().element(id.toStdString());
        EXPECT_NE(e, nullptr) << id.toStdString();
        static const Element none;
        return e ? *e : none;
    }
    QRectF box(const QString& id) const { return controller.elementBox(id); }
    /// Undoes the last step and redoes it, checking the document returns exactly.
    void checkUndoRedo(const Diagram& before) {
        const Diagram after = d();
        controller.undo();
        EXPECT_EQ(d(), before);
        controller.redo();
        EXPECT_EQ(d(), after);
    }

    DocumentController controller;
};

TEST_F(DocumentControllerTest, DropsAVpcWithTheNextFreeBlock) {
    const QString a = controller.dropKind("vpc", 400, 300);
    ASSERT_EQ(a, "vpc-1");
    EXPECT_EQ(element(a).properties.at("cidr"), "10.0.0.0/16");
    EXPECT_EQ(element(a).parent, "");
    EXPECT_EQ(box(a).center(), QPointF(400, 300));
    const Diagram one = d();
    const QString b = controller.dropKind("vpc", 1400, 300);
    EXPECT_EQ(element(b).properties.at("cidr"), "10.1.0.0/16");
    EXPECT_EQ(controller.selection(), QStringList{b});
    EXPECT_EQ(controller.undoText(), "Add vpc-2");
    checkUndoRedo(one);
}

TEST_F(DocumentControllerTest, EachDropIsOneUndoStep) {
    controller.dropKind("vpc", 400, 300);
    const Diagram one = d();
    controller.dropKind("subnet", 300, 250);
    checkUndoRedo(one);
    controller.undo();
    controller.undo();
    EXPECT_TRUE(d().elements().empty());
    EXPECT_FALSE(controller.canUndo());
}

TEST_F(DocumentControllerTest, SubnetsGoIntoTheVpcUnderThePointWithFreeCidrsAndZones) {
    const QString vpc = controller.dropKind("vpc", 400, 300);
    const QString s1 = controller.dropKind("subnet", 250, 250);
    const QString s2 = controller.dropKind("subnet", 550, 250);
    EXPECT_EQ(element(s1).parent, vpc.toStdString());
    EXPECT_EQ(element(s1).properties.at("cidr"), "10.0.0.0/24");
    EXPECT_EQ(element(s1).properties.at("availability_zone"), "us-east-1a");
    EXPECT_EQ(element(s2).properties.at("cidr"), "10.0.1.0/24");
    EXPECT_EQ(element(s2).properties.at("availability_zone"), "us-east-1b");
}

TEST_F(DocumentControllerTest, ASubnetOutsideAnyVpcIsRefusedWithAReason) {
    controller.dropKind("vpc", 400, 300);
    const Diagram before = d();
    const int steps = controller.undoStack()->count();
    QSignalSpy refused(&controller, &DocumentController::refused);
    EXPECT_EQ(controller.dropKind("subnet", 2000, 2000), "");
    EXPECT_EQ(d(), before);
    EXPECT_EQ(controller.undoStack()->count(), steps);
    ASSERT_EQ(refused.count(), 1);
    EXPECT_EQ(controller.message(), "A Subnet must be placed inside a VPC");
    const QVariantMap check = controller.dropCheck("subnet", 2000, 2000);
    EXPECT_FALSE(check["ok"].toBool());
    EXPECT_EQ(check["reason"].toString(), controller.message());
}

TEST_F(DocumentControllerTest, KindsAreRefusedWhereTheyCannotLive) {
    const QString vpc = controller.dropKind("vpc", 400, 300);
    const QString subnet = controller.dropKind("subnet", 250, 250);
    const Diagram before = d();
    // An instance belongs in a subnet, not directly in the VPC or on the canvas.
    const QRectF s = box(subnet);
    const QRectF v = box(vpc);
    EXPECT_EQ(controller.dropKind("ec2_instance", v.right() - 30, v.bottom() - 30), "");
    EXPECT_EQ(controller.message(), "An EC2 instance cannot be placed in a VPC (vpc-1)");
    EXPECT_EQ(controller.dropKind("ec2_instance", -500, -500), "");
    // A DynamoDB table lives outside any VPC; dropped in one it is refused, not misplaced.
    EXPECT_EQ(controller.dropKind("dynamodb_table", s.center().x(), s.center().y()), "");
    EXPECT_EQ(controller.message(),
              "A DynamoDB table lives outside any VPC: drop it on the empty canvas");
    EXPECT_EQ(d(), before);
    // A load balancer dropped on a subnet goes to the subnet's VPC and lists the subnet.
    const QString lb = controller.dropKind("load_balancer", s.center().x(), s.center().y());
    EXPECT_EQ(element(lb).parent, vpc.toStdString());
    EXPECT_EQ(element(lb).properties.at("subnets"), nlohmann::json::array({"subnet-1"}));
}

TEST_F(DocumentControllerTest, InstancesGoIntoTheSubnetAndContainersGrowToHoldThem) {
    const QString vpc = controller.dropKind("vpc", 400, 300);
    const QString subnet = controller.dropKind("subnet", 250, 250);
    const QRectF s = box(subnet);
    const QRectF v = box(vpc);
    const Diagram before = d();
    // Near the subnet's bottom-right corner: the subnet and the VPC grow, in the same step.
    const QString ec2 = controller.dropKind("ec2_instance", s.right() - 5, s.bottom() - 5);
    EXPECT_EQ(element(ec2).parent, subnet.toStdString());
    EXPECT_TRUE(box(subnet).contains(box(ec2)));
    EXPECT_GT(box(subnet).width(), s.width());
    EXPECT_TRUE(box(vpc).contains(box(subnet)));
    EXPECT_GE(box(vpc).bottom(), v.bottom());
    checkUndoRedo(before);
}

TEST_F(DocumentControllerTest, MovingAContainerMovesItsContent) {
    const QString vpc = controller.dropKind("vpc", 400, 300);
    const QString subnet = controller.dropKind("subnet", 250, 250);
    const QString ec2 =
        controller.dropKind("ec2_instance", box(subnet).center().x(), box(subnet).center().y());
    const QRectF e = box(ec2);
    const Diagram before = d();
    controller.select(vpc);
    EXPECT_EQ(controller.dragSet().size(), 3);
    ASSERT_TRUE(controller.moveSelection(103, 48));  // snapped to the 10 px grid
    EXPECT_EQ(box(ec2), e.translated(100, 50));
    EXPECT_EQ(element(ec2).parent, subnet.toStdString());
    EXPECT_EQ(controller.undoText(), "Move vpc-1");
    checkUndoRedo(before);
}

TEST_F(DocumentControllerTest, DraggingAResourceIntoAnotherSubnetReparentsIt) {
    controller.dropKind("vpc", 400, 300);
    const QString a = controller.dropKind("subnet", 250, 250);
    const QString b = controller.dropKind("subnet", 550, 250);
    const QString ec2 =
        controller.dropKind("ec2_instance", box(a).center().x(), box(a).center().y());
    const Diagram before = d();
    const QPointF delta = box(b).center() - box(ec2).center();
    ASSERT_TRUE(controller.moveElement(ec2, delta.x(), delta.y()));
    EXPECT_EQ(element(ec2).parent, b.toStdString());
    EXPECT_EQ(controller.undoText(), "Move ec2-1 into subnet-2");
    checkUndoRedo(before);
    // Out of every subnet onto the VPC: refused, nothing moves.
    const Diagram inB = d();
    const QRectF v = controller.elementBox("vpc-1");
    EXPECT_FALSE(controller.moveElement(ec2, v.right() - 40 - box(ec2).center().x(),
                                        v.bottom() - 40 - box(ec2).center().y()));
    EXPECT_EQ(d(), inB);
}

TEST_F(DocumentControllerTest, ASubnetCannotBeDraggedOutOfEveryVpc) {
    controller.dropKind("vpc", 400, 300);
    const QString s = controller.dropKind("subnet", 250, 250);
    const Diagram before = d();
    controller.select(s);
    EXPECT_FALSE(controller.moveSelection(2000, 0));
    EXPECT_EQ(d(), before);
    EXPECT_EQ(controller.message(), "A Subnet must be placed inside a VPC");
}

TEST_F(DocumentControllerTest, ResizeKeepsContentInside) {
    const QString vpc = controller.dropKind("vpc", 400, 300);
    const QString subnet = controller.dropKind("subnet", 250, 250);
    const Diagram before = d();
    const QRectF v = box(vpc);
    ASSERT_TRUE(controller.resizeElement(vpc, v.x(), v.y(), 100, 100));
    EXPECT_TRUE(box(vpc).contains(box(subnet)));
    EXPECT_LT(box(vpc).width(), v.width());
    checkUndoRedo(before);
}

TEST_F(DocumentControllerTest, ConnectingTwoVpcsPeersThem) {
    const QString a = controller.dropKind("vpc", 400, 300);
    const QString b = controller.dropKind("vpc", 1400, 300);
    const Diagram before = d();
    const QString pcx = controller.connect(a, b);
    ASSERT_EQ(pcx, "pcx-1");
    EXPECT_EQ(d().connection("pcx-1")->kind, "vpc_peering");
    EXPECT_EQ(d().connection("pcx-1")->from, "vpc-1");
    checkUndoRedo(before);
    // Again, or backwards: refused.
    const Diagram peered = d();
    EXPECT_EQ(controller.connect(b, a), "");
    EXPECT_EQ(controller.message(), "VPC peering already joins vpc-1 and vpc-2");
    EXPECT_EQ(d(), peered);
}

TEST_F(DocumentControllerTest, ConnectionsPickTheirKindAndDirection) {
    const QString vpc = controller.dropKind("vpc", 400, 300);
    controller.dropKind("subnet", 250, 250);
    controller.dropKind("subnet", 550, 250);
    const QString tgw = controller.dropKind("transit_gateway", 1400, 300);
    const QString cgw = controller.dropKind("customer_gateway", 1400, 800);
    const QString s3 = controller.dropKind("s3_bucket", 1000, 800);
    const QString lambda = controller.dropKind("lambda_function", 1000, 1000);
    // Drawn from the gateway to the VPC: stored as VPC -> transit gateway.
    const QString attach = controller.connect(tgw, vpc);
    ASSERT_FALSE(attach.isEmpty()) << controller.message().toStdString();
    const Connection* c = d().connection(attach.toStdString());
    EXPECT_EQ(c->kind, "transit_gateway_attachment");
    EXPECT_EQ(c->from, "vpc-1");
    EXPECT_EQ(c->properties.at("subnets"), nlohmann::json::array({"subnet-1", "subnet-2"}));
    EXPECT_EQ(d().connection(controller.connect(cgw, tgw).toStdString())->kind, "vpn_attachment");
    EXPECT_EQ(d().connection(controller.connect(lambda, s3).toStdString())->kind, "uses");
    EXPECT_EQ(controller.connect(vpc, "subnet-1"), "");
    EXPECT_EQ(controller.message(), "Nothing connects a VPC to a Subnet");
    EXPECT_EQ(controller.connect(vpc, vpc), "");
}

TEST_F(DocumentControllerTest, SubnetToGatewayWritesARouteInOneStep) {
    const QString vpc = controller.dropKind("vpc", 400, 300);
    const QString subnet = controller.dropKind("subnet", 250, 250);
    const QString other = controller.dropKind("subnet", 550, 250);
    const QRectF v = box(vpc);
    const QString igw = controller.dropKind("internet_gateway", v.right() - 50, v.bottom() - 50);
    ASSERT_EQ(element(igw).parent, vpc.toStdString());
    const std::size_t connections = d().connections().size();
    const Diagram before = d();
    const QString table = controller.connect(subnet, igw);
    ASSERT_FALSE(table.isEmpty()) << controller.message().toStdString();
    EXPECT_EQ(d().connections().size(), connections);  // no Connection, a route
    const Element& rt = element(table);
    EXPECT_EQ(rt.kind, "route_table");
    EXPECT_EQ(rt.parent, vpc.toStdString());
    EXPECT_EQ(rt.properties.at("associations"), nlohmann::json::array({"subnet-1"}));
    EXPECT_EQ(rt.properties.at("routes"),
              nlohmann::json::parse(R"([{"destination":"0.0.0.0/0","target":"igw-1"}])"));
    EXPECT_TRUE(box(vpc).contains(box(table)));
    EXPECT_EQ(controller.undoText(), "Route subnet-1 to igw-1");
    checkUndoRedo(before);
    // The subnet now shows as public in the model.
    EXPECT_EQ(ElementListModel::subnetAccess(d()).at("subnet-1"), "public");
    EXPECT_EQ(ElementListModel::subnetAccess(d()).at(other.toStdString()), "private");
    // Drawing it again is refused; drawing to a NAT gateway replaces the default route.
    EXPECT_EQ(controller.connect(igw, subnet), "");
    const QString nat =
        controller.dropKind("nat_gateway", box(other).center().x(), box(other).center().y());
    const Diagram withNat = d();
    EXPECT_EQ(controller.connect(subnet, nat), table);
    EXPECT_EQ(element(table).properties.at("routes"),
              nlohmann::json::parse(R"([{"destination":"0.0.0.0/0","target":"nat-1"}])"));
    checkUndoRedo(withNat);
}

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

TEST_F(DocumentControllerTest, DeletingADrawnRouteRemovesItFromTheTable) {
    const QString vpc = controller.dropKind("vpc", 400, 300);
    const QString subnet = controller.dropKind("subnet", 250, 250);
    const QString igw =
        controller.dropKind("internet_gateway", box(vpc).right() - 50, box(vpc).bottom() - 50);
    const QString table = controller.connect(subnet, igw);
    ASSERT_EQ(controller.connections()->rowCount(), 1);
    const QString routeId =
        controller.connections()
            ->data(controller.connections()->index(0), ConnectionListModel::IdRole)
            .toString();
    EXPECT_EQ(routeId, "route:" + table + ":subnet-1:igw-1");
    const Diagram before = d();
    controller.select(routeId);
    ASSERT_TRUE(controller.deleteSelection());
    EXPECT_EQ(element(table).properties.at("routes"), nlohmann::json::array());
    EXPECT_EQ(controller.connections()->rowCount(), 0);
    checkUndoRedo(before);
}

TEST_F(DocumentControllerTest, PasteGivesNewIdsAndFreeCidrs) {
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
