// Connecting through the controller: connection kinds from the catalogue's endpoint rules,
// routes drawn from subnets to route targets, and deleting drawn routes.
#include <gtest/gtest.h>
#include <QSignalSpy>
#include <QTemporaryDir>

#include "catalogue/resource_catalogue.h"
#include "controller_test_fixture.h"
#include "diagram_file.h"

namespace skydraft {
namespace {

using ConnectorTest = test::ControllerTest;

TEST_F(ConnectorTest, ConnectingTwoVpcsPeersThem) {
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

TEST_F(ConnectorTest, ConnectionsPickTheirKindAndDirection) {
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

TEST_F(ConnectorTest, SubnetToGatewayWritesARouteInOneStep) {
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
    EXPECT_EQ(ElementListModel::subnetReach(d()).at("subnet-1"), "public");
    EXPECT_EQ(ElementListModel::subnetReach(d()).at(other.toStdString()), "isolated");
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

TEST_F(ConnectorTest, DeletingADrawnRouteRemovesItFromTheTable) {
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

TEST_F(ConnectorTest, EveryKindWithADrawnDestinationGetsThatRouteFromASubnet) {
    const auto& catalogue = ResourceCatalogue::instance();
    int routed = 0;
    for (const KindDef& def : catalogue.kinds()) {
        const RouteTarget* target = def.routeTargetIn("route_table");
        DocumentController fresh;
        const QString vpc = fresh.dropKind("vpc", 400, 300);
        const QString subnet = fresh.dropKind("subnet", 250, 250);
        const QRectF v = fresh.elementBox(vpc);
        const QString other =
            def.canLiveIn("vpc")
                ? fresh.dropKind(QString::fromStdString(def.key), v.right() - 50, v.bottom() - 50)
            : def.canLiveIn("") ? fresh.dropKind(QString::fromStdString(def.key), 1400, 300)
                                : QString();
        if (other.isEmpty()) {
            continue;
        }
        const QVariantMap check = fresh.connectCheck(subnet, other);
        if (!target || target->drawnDestination.empty()) {
            EXPECT_NE(check["kind"].toString(), "route") << def.key;
            continue;
        }
        EXPECT_EQ(check["kind"].toString(), "route") << def.key;
        const QString table = fresh.connect(other, subnet);  // either way round
        ASSERT_FALSE(table.isEmpty()) << def.key << ": " << fresh.message().toStdString();
        EXPECT_EQ(fresh.diagram().element(table.toStdString())->property("routes"),
                  nlohmann::json::array({{{"destination", target->drawnDestination},
                                          {"target", other.toStdString()}}}))
            << def.key;
        ++routed;
    }
    // Internet, NAT, transit and virtual private gateways.
    EXPECT_EQ(routed, 4);
}

TEST_F(ConnectorTest, AnyTwoResourcesAreJoinedOnceByTheKindWithoutEndpointRules) {
    const QString s3 = controller.dropKind("s3_bucket", 1000, 800);
    const QString lambda = controller.dropKind("lambda_function", 1000, 1000);
    const QString uses = controller.connect(lambda, s3);
    ASSERT_EQ(uses, "uses-1");
    EXPECT_EQ(controller.selection(), QStringList{uses});
    EXPECT_EQ(d().connection("uses-1")->name, "lambda-1 → s3-1");
    EXPECT_EQ(controller.undoText(), "Connect lambda-1 to s3-1");
    const Diagram once = d();
    EXPECT_EQ(controller.connect(lambda, s3), "");
    EXPECT_EQ(controller.message(), "lambda-1 already has a connection to s3-1");
    EXPECT_EQ(d(), once);
    // The other way round is another connection.
    EXPECT_EQ(controller.connect(s3, lambda), "uses-2");
}

}  // namespace
}  // namespace skydraft
