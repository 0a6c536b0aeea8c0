// Placement through the controller: drops with containment refusal, defaults from the
// catalogue, containers growing, moves and re-parenting, resizing; each one undoable step.
#include <gtest/gtest.h>
#include <QSignalSpy>
#include <QTemporaryDir>

#include "catalogue/resource_catalogue.h"
#include "controller_test_fixture.h"
#include "diagram_file.h"

namespace skydraft {
namespace {

using PlacementTest = test::ControllerTest;

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

/// Drops an element of kind where the catalogue lets it live, first dropping the containers it
/// needs (into the centre of each); returns its id.
QString dropWhereItLives(DocumentController& controller, const std::string& kind) {
    const KindDef* def = ResourceCatalogue::instance().kind(kind);
    if (!def || def->canLiveIn("")) {
        return controller.dropKind(q(kind), 400, 300);
    }
    const QString parent = dropWhereItLives(controller, def->containers.front());
    const QPointF centre = controller.elementBox(parent).center();
    return controller.dropKind(q(kind), centre.x(), centre.y());
}

TEST_F(PlacementTest, DropsAVpcWithTheNextFreeBlock) {
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

TEST_F(PlacementTest, EachDropIsOneUndoStep) {
    controller.dropKind("vpc", 400, 300);
    const Diagram one = d();
    controller.dropKind("subnet", 300, 250);
    checkUndoRedo(one);
    controller.undo();
    controller.undo();
    EXPECT_TRUE(d().elements().empty());
    EXPECT_FALSE(controller.canUndo());
}

TEST_F(PlacementTest, SubnetsGoIntoTheVpcUnderThePointWithFreeCidrsAndZones) {
    const QString vpc = controller.dropKind("vpc", 400, 300);
    const QString s1 = controller.dropKind("subnet", 250, 250);
    const QString s2 = controller.dropKind("subnet", 550, 250);
    EXPECT_EQ(element(s1).parent, vpc.toStdString());
    EXPECT_EQ(element(s1).properties.at("cidr"), "10.0.0.0/24");
    EXPECT_EQ(element(s1).properties.at("availability_zone"), "us-east-1a");
    EXPECT_EQ(element(s2).properties.at("cidr"), "10.0.1.0/24");
    EXPECT_EQ(element(s2).properties.at("availability_zone"), "us-east-1b");
}

TEST_F(PlacementTest, ASubnetOutsideAnyVpcIsRefusedWithAReason) {
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

TEST_F(PlacementTest, KindsAreRefusedWhereTheyCannotLive) {
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

TEST_F(PlacementTest, InstancesGoIntoTheSubnetAndContainersGrowToHoldThem) {
    const QString vpc = controller.dropKind("vpc", 400, 300);
    const QString subnet = controller.dropKind("subnet", 250, 250);
    const QRectF s = box(subnet);
    const QRectF v = box(vpc);
    EXPECT_EQ(v, QRectF(90, 100, 620, 400));
    EXPECT_EQ(s, QRectF(120, 170, 260, 170));
    Diagram before = d();
    // Near the subnet's bottom-right corner: the subnet grows (margins of 20 around the
    // instance), in the same step; the VPC still holds the grown subnet and stays.
    const QString ec2 = controller.dropKind("ec2_instance", s.right() - 5, s.bottom() - 5);
    EXPECT_EQ(element(ec2).parent, subnet.toStdString());
    EXPECT_EQ(box(ec2), QRectF(340, 300, 72, 72));
    EXPECT_EQ(box(subnet), QRectF(120, 170, 312, 222));
    EXPECT_EQ(box(vpc), v);
    checkUndoRedo(before);
    // A subnet near the VPC's corner grows the VPC.
    before = d();
    const QString corner = controller.dropKind("subnet", v.right() - 5, v.bottom() - 5);
    EXPECT_EQ(box(corner), QRectF(580, 410, 260, 170));
    EXPECT_EQ(box(vpc), QRectF(90, 100, 770, 500));
    EXPECT_EQ(controller.undoStack()->count(), 4);
    checkUndoRedo(before);
}

TEST_F(PlacementTest, MovingAContainerMovesItsContent) {
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

TEST_F(PlacementTest, DraggingAResourceIntoAnotherSubnetReparentsIt) {
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

TEST_F(PlacementTest, ASubnetCannotBeDraggedOutOfEveryVpc) {
    controller.dropKind("vpc", 400, 300);
    const QString s = controller.dropKind("subnet", 250, 250);
    const Diagram before = d();
    controller.select(s);
    EXPECT_FALSE(controller.moveSelection(2000, 0));
    EXPECT_EQ(d(), before);
    EXPECT_EQ(controller.message(), "A Subnet must be placed inside a VPC");
}

TEST_F(PlacementTest, ResizeKeepsContentInside) {
    const QString vpc = controller.dropKind("vpc", 400, 300);
    const QString subnet = controller.dropKind("subnet", 250, 250);
    const Diagram before = d();
    const QRectF v = box(vpc);
    ASSERT_TRUE(controller.resizeElement(vpc, v.x(), v.y(), 100, 100));
    EXPECT_TRUE(box(vpc).contains(box(subnet)));
    EXPECT_LT(box(vpc).width(), v.width());
    checkUndoRedo(before);
}

TEST_F(PlacementTest, EveryCatalogueKindDropsWithItsPrefixSizeAndParent) {
    for (const KindDef& def : ResourceCatalogue::instance().kinds()) {
        DocumentController fresh;
        const QString id = dropWhereItLives(fresh, def.key);
        ASSERT_FALSE(id.isEmpty()) << def.key << ": " << fresh.message().toStdString();
        const Element* e = fresh.diagram().element(id.toStdString());
        ASSERT_NE(e, nullptr);
        EXPECT_EQ(e->id, def.idPrefix + "-1");
        EXPECT_EQ(e->kind, def.key);
        const Element* parent = fresh.diagram().element(e->parent);
        EXPECT_EQ(parent ? parent->kind : std::string(),
                  def.canLiveIn("") ? std::string() : def.containers.front())
            << def.key;
        if (def.isContainer) {
            EXPECT_EQ(e->geometry.width, def.defaultWidth) << def.key;
            EXPECT_EQ(e->geometry.height, def.defaultHeight) << def.key;
        } else {
            EXPECT_EQ(e->geometry.width, 72) << def.key;
            EXPECT_EQ(e->geometry.height, 72) << def.key;
        }
        // Each drop, containers included, is one step.
        EXPECT_EQ(fresh.undoStack()->count(), static_cast<int>(fresh.diagram().elements().size()));
        EXPECT_EQ(fresh.undoText(), "Add " + id);
    }
}

}  // namespace
}  // namespace skydraft
