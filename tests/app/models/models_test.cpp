// The list models under QAbstractItemModelTester while the document is edited, undone and reopened.
#include <gtest/gtest.h>
#include <QAbstractItemModelTester>
#include <QTemporaryDir>

#include "../qt_printers.h"

#include "catalogue/resource_catalogue.h"
#include "document/document_controller.h"

namespace skydraft {
namespace {

QStringList column(const QAbstractItemModel& model, int role) {
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row) {
        out << model.data(model.index(row, 0), role).toString();
    }
    return out;
}

class ModelsTest : public ::testing::Test {
protected:
    DocumentController controller;
    QAbstractItemModelTester elementsTester{controller.elements(),
                                            QAbstractItemModelTester::FailureReportingMode::Fatal};
    QAbstractItemModelTester connectionsTester{
        controller.connections(), QAbstractItemModelTester::FailureReportingMode::Fatal};
    QAbstractItemModelTester paletteTester{controller.palette(),
                                           QAbstractItemModelTester::FailureReportingMode::Fatal};
};

TEST_F(ModelsTest, ElementRowsFollowEditsContainersFirst) {
    auto& model = *controller.elements();
    const QString vpc = controller.dropKind("vpc", 400, 300);
    const QString subnet = controller.dropKind("subnet", 250, 250);
    const QString ec2 =
        controller.dropKind("ec2_instance", controller.elementBox(subnet).center().x(),
                            controller.elementBox(subnet).center().y());
    const QString vpc2 = controller.dropKind("vpc", 1400, 300);
    EXPECT_EQ(column(model, ElementListModel::IdRole), (QStringList{vpc, vpc2, subnet, ec2}));
    EXPECT_EQ(column(model, ElementListModel::DepthRole), (QStringList{"0", "0", "1", "2"}));
    EXPECT_EQ(column(model, ElementListModel::ReachRole), (QStringList{"", "", "isolated", ""}));
    const QModelIndex vpcRow = model.index(0, 0);
    EXPECT_EQ(model.data(vpcRow, ElementListModel::SubtitleRole).toString(),
              "10.0.0.0/16  ·  us-east-1");
    EXPECT_EQ(model.data(model.index(2, 0), ElementListModel::SubtitleRole).toString(),
              "10.0.0.0/24  ·  us-east-1a");
    EXPECT_EQ(model.data(model.index(3, 0), ElementListModel::SubtitleRole).toString(), "");
    EXPECT_EQ(column(model, ElementListModel::ToneRole),
              (QStringList{"vpc", "vpc", "private", ""}));
    EXPECT_EQ(column(model, ElementListModel::CategoryRole),
              (QStringList{"networking", "networking", "networking", "compute"}));
    EXPECT_EQ(model.data(vpcRow, ElementListModel::IconRole).toUrl(), QUrl("qrc:/icons/vpc.svg"));
    EXPECT_TRUE(model.data(vpcRow, ElementListModel::IsContainerRole).toBool());
    EXPECT_EQ(model.data(model.index(3, 0), ElementListModel::SelectedRole).toBool(), false);
    EXPECT_EQ(model.data(model.index(1, 0), ElementListModel::SelectedRole).toBool(), true);

    // A move changes rows in place: no rows are inserted or removed.
    int inserted = 0;
    int removed = 0;
    QObject::connect(&model, &QAbstractItemModel::rowsInserted, [&] { ++inserted; });
    QObject::connect(&model, &QAbstractItemModel::rowsRemoved, [&] { ++removed; });
    controller.select(vpc);
    ASSERT_TRUE(controller.moveSelection(20, 20));
    EXPECT_EQ(inserted + removed, 0);
    EXPECT_EQ(model.data(model.index(0, 0), ElementListModel::XRole).toDouble(),
              controller.elementBox(vpc).x());
    controller.undo();
    controller.redo();
    controller.select(vpc);
    ASSERT_TRUE(controller.deleteSelection());
    EXPECT_EQ(column(model, ElementListModel::IdRole), QStringList{vpc2});
    controller.undo();
    EXPECT_EQ(column(model, ElementListModel::IdRole), (QStringList{vpc, vpc2, subnet, ec2}));
    while (controller.canUndo()) {
        controller.undo();
    }
    EXPECT_EQ(model.rowCount(), 0);
    while (controller.canRedo()) {
        controller.redo();
    }
    EXPECT_EQ(column(model, ElementListModel::IdRole), QStringList{vpc2});  // the delete too
}

TEST_F(ModelsTest, ReparentingMovesTheRowToItsNewDepth) {
    auto& model = *controller.elements();
    controller.dropKind("vpc", 400, 300);
    const QString lambda = controller.dropKind("lambda_function", 1400, 300);
    EXPECT_EQ(column(model, ElementListModel::IdRole), (QStringList{"vpc-1", lambda}));
    // Into the VPC: the function goes one level down, after the VPC.
    const QPointF delta = QPointF(400, 300) - controller.elementBox(lambda).center();
    ASSERT_TRUE(controller.moveElement(lambda, delta.x(), delta.y()));
    EXPECT_EQ(controller.diagram().element(lambda.toStdString())->parent, "vpc-1");
    EXPECT_EQ(column(model, ElementListModel::DepthRole), (QStringList{"0", "1"}));
    controller.undo();
    EXPECT_EQ(column(model, ElementListModel::DepthRole), (QStringList{"0", "0"}));
}

TEST_F(ModelsTest, ConnectionRowsFollowTheirEndpoints) {
    auto& model = *controller.connections();
    const QString a = controller.dropKind("vpc", 400, 300);
    const QString b = controller.dropKind("vpc", 1400, 300);
    const QString pcx = controller.connect(a, b);
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.data(model.index(0, 0), ConnectionListModel::IdRole).toString(), pcx);
    EXPECT_EQ(model.data(model.index(0, 0), ConnectionListModel::LabelRole).toString(), "peering");
    EXPECT_EQ(model.data(model.index(0, 0), ConnectionListModel::LineStyleRole).toString(),
              "peering");
    EXPECT_FALSE(model.data(model.index(0, 0), ConnectionListModel::DashedRole).toBool());
    EXPECT_FALSE(model.data(model.index(0, 0), ConnectionListModel::DirectedRole).toBool());
    controller.select(b);
    ASSERT_TRUE(controller.moveSelection(100, 0));
    EXPECT_EQ(model.data(model.index(0, 0), ConnectionListModel::ToBoxRole).toRectF(),
              controller.elementBox(b));
    EXPECT_TRUE(model.data(model.index(0, 0), ConnectionListModel::SelectedRole).toBool() == false);
    controller.select(pcx);
    EXPECT_TRUE(model.data(model.index(0, 0), ConnectionListModel::SelectedRole).toBool());
    controller.undo();
    controller.undo();
    EXPECT_EQ(model.rowCount(), 0);
}

TEST_F(ModelsTest, ReopeningResetsEveryModel) {
    QTemporaryDir dir;
    controller.dropKind("vpc", 400, 300);
    controller.dropKind("subnet", 250, 250);
    const QString path = dir.filePath("a.skydraft");
    ASSERT_TRUE(controller.saveFile(path));
    controller.newDocument();
    EXPECT_EQ(controller.elements()->rowCount(), 0);
    ASSERT_TRUE(controller.openFile(path));
    EXPECT_EQ(controller.elements()->rowCount(), 2);
}

TEST_F(ModelsTest, CullingFlagsOnlyTheRowsOutsideTheViewportAndSignalsOneSpan) {
    auto& model = *controller.elements();
    const QString left = controller.dropKind("vpc", 400, 300);
    const QString right = controller.dropKind("vpc", 3000, 300);
    ASSERT_FALSE(left.isEmpty());
    ASSERT_FALSE(right.isEmpty());
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(column(model, ElementListModel::InViewRole), (QStringList{"true", "true"}));
    QList<QList<QVariant>> changes;
    QObject::connect(&model, &QAbstractItemModel::dataChanged,
                     [&](const QModelIndex& a, const QModelIndex& b, const QList<int>& roles) {
                         changes.push_back({a.row(), b.row(), QVariant::fromValue(roles)});
                     });
    model.setViewport(0, 0, 1200, 800);
    EXPECT_EQ(column(model, ElementListModel::InViewRole), (QStringList{"true", "false"}));
    ASSERT_EQ(changes.size(), 1);
    EXPECT_EQ(changes[0][0].toInt(), 1);
    EXPECT_EQ(changes[0][2].value<QList<int>>(), QList<int>{ElementListModel::InViewRole});
    model.setViewport(0, 0, 1200, 800);  // unchanged: no signal
    EXPECT_EQ(changes.size(), 1);
    model.setViewport(2500, 0, 1200, 800);
    EXPECT_EQ(column(model, ElementListModel::InViewRole), (QStringList{"false", "true"}));
    ASSERT_EQ(changes.size(), 2);
    EXPECT_EQ(changes[1][0].toInt(), 0);
    EXPECT_EQ(changes[1][1].toInt(), 1);
    model.setViewport(0, 0, 0, 0);  // off
    EXPECT_EQ(column(model, ElementListModel::InViewRole), (QStringList{"true", "true"}));
}

TEST_F(ModelsTest, AUsesLineBendsAroundTheNodesItWouldCross) {
    ASSERT_TRUE(controller.openFile(QStringLiteral(SKYDRAFT_SOURCE_DIR) +
                                    QStringLiteral("/examples/three-tier-web-app.skydraft")));
    auto& model = *controller.connections();
    int row = -1;
    for (int i = 0; i < model.rowCount(); ++i) {
        if (model.data(model.index(i, 0), ConnectionListModel::IdRole).toString() == "uses-1") {
            row = i;
        }
    }
    ASSERT_GE(row, 0);
    // i-app-a (icon centre 176, 444) to s3-assets (1436, 444) would cross i-app-b and the S3
    // endpoint; the line goes up to a lane above them (their areas start at y = 414) and across.
    const QVariantList via = model.data(model.index(row, 0), ConnectionListModel::ViaRole).toList();
    ASSERT_EQ(via.size(), 2);
    EXPECT_EQ(via[0].toPointF(), QPointF(176, 396));
    EXPECT_EQ(via[1].toPointF(), QPointF(1436, 396));
    // Routes and peerings stay straight.
    for (int i = 0; i < model.rowCount(); ++i) {
        if (i != row) {
            EXPECT_TRUE(
                model.data(model.index(i, 0), ConnectionListModel::ViaRole).toList().isEmpty());
        }
    }
    // With the instance in between moved away, the line is straight again.
    controller.select(QStringLiteral("i-app-b"));
    ASSERT_TRUE(controller.moveSelection(0, 70));
    controller.select(QStringLiteral("vpce-s3"));
    ASSERT_TRUE(controller.moveSelection(0, 70));
    EXPECT_TRUE(model.data(model.index(row, 0), ConnectionListModel::ViaRole).toList().isEmpty());
}

TEST_F(ModelsTest, PaletteListsEveryKindByCategoryAndFilters) {
    auto& model = *controller.palette();
    const auto& kinds = ResourceCatalogue::instance().kinds();
    EXPECT_EQ(model.rowCount(), static_cast<int>(kinds.size()));
    const QStringList categories = column(model, PaletteModel::CategoryRole);
    const QStringList order{"networking", "compute", "database", "storage", "integration"};
    for (int i = 1; i < categories.size(); ++i) {
        EXPECT_LE(order.indexOf(categories[i - 1]), order.indexOf(categories[i]));
    }
    EXPECT_EQ(column(model, PaletteModel::KeyRole).front(), "vpc");
    EXPECT_EQ(model.data(model.index(0, 0), PaletteModel::PlacementRole).toString(),
              "Place it on the canvas (outside any VPC).");
    model.setFilter("nat");
    EXPECT_EQ(column(model, PaletteModel::KeyRole), QStringList{"nat_gateway"});
    model.setFilter("database");
    EXPECT_EQ(column(model, PaletteModel::KeyRole),
              (QStringList{"rds_instance", "dynamodb_table", "elasticache_cluster"}));
    model.setFilter("internet gateway");
    EXPECT_EQ(column(model, PaletteModel::KeyRole),
              (QStringList{"internet_gateway", "egress_only_internet_gateway"}));
    model.setFilter("zzz");
    EXPECT_EQ(model.rowCount(), 0);
    model.setFilter("");
    EXPECT_EQ(model.rowCount(), static_cast<int>(kinds.size()));
}

TEST_F(ModelsTest, LinesOfTheHubExampleLookAndReadAsTheCatalogueSays) {
    ASSERT_TRUE(controller.openFile(QStringLiteral(SKYDRAFT_SOURCE_DIR) +
                                    QStringLiteral("/examples/hub-and-spoke-tgw-vpn.skydraft")));
    const auto& model = *controller.connections();
    const auto& catalogue = ResourceCatalogue::instance();
    QStringList routes;
    for (int i = 0; i < model.rowCount(); ++i) {
        const QModelIndex row = model.index(i, 0);
        const QString kind = model.data(row, ConnectionListModel::KindRole).toString();
        const QString style = model.data(row, ConnectionListModel::LineStyleRole).toString();
        const bool dashed = model.data(row, ConnectionListModel::DashedRole).toBool();
        const bool directed = model.data(row, ConnectionListModel::DirectedRole).toBool();
        const QString label = model.data(row, ConnectionListModel::LabelRole).toString();
        if (kind == "route") {
            EXPECT_EQ(style, "route");
            EXPECT_TRUE(dashed && directed);
            routes << model.data(row, ConnectionListModel::FromRole).toString() + " -> " +
                          model.data(row, ConnectionListModel::ToRole).toString() + " " + label;
            continue;
        }
        const ConnectionKindDef* def = catalogue.connectionKind(kind.toStdString());
        ASSERT_NE(def, nullptr) << kind.toStdString();
        EXPECT_EQ(style.toStdString(), def->lineStyle);
        EXPECT_EQ(dashed, def->dashed);
        EXPECT_EQ(directed, def->directed);
        EXPECT_EQ(label.toStdString(), def->label);
    }
    // Every subnet routes to the transit gateway: two routes, one line each.
    QStringList expected;
    for (const char* vpc : {"shared", "prod", "staging", "dev"}) {
        for (const char* zone : {"a", "b"}) {
            expected << QStringLiteral("subnet-%1-%2 -> tgw-core 10.0.0.0/8, 192.168.0.0/16")
                            .arg(vpc, zone);
        }
    }
    EXPECT_EQ(routes, expected);
}

TEST_F(ModelsTest, RouteLinesGoToEveryElementThatIsARouteTargetButNotToConnections) {
    const QString vpc = controller.dropKind("vpc", 400, 300);
    const QString subnet = controller.dropKind("subnet", 250, 250);
    const QString instance =
        controller.dropKind("ec2_instance", controller.elementBox(subnet).center().x(),
                            controller.elementBox(subnet).center().y());
    const QRectF v = controller.elementBox(vpc);
    const QString eigw =
        controller.dropKind("egress_only_internet_gateway", v.right() - 50, v.bottom() - 50);
    const QString other = controller.dropKind("vpc", 1400, 300);
    const QString pcx = controller.connect(vpc, other);
    const QString table = controller.dropKind("route_table", v.right() - 150, v.bottom() - 50);
    ASSERT_FALSE(table.isEmpty()) << controller.message().toStdString();
    const QVariantList routes{QVariantMap{{"destination", "10.9.0.0/16"}, {"target", instance}},
                              QVariantMap{{"destination", "::/0"}, {"target", eigw}},
                              QVariantMap{{"destination", "10.1.0.0/16"}, {"target", pcx}}};
    ASSERT_TRUE(controller.setProperty(table, "routes", routes));
    ASSERT_TRUE(controller.setProperty(table, "associations", QVariantList{subnet}));
    const auto& model = *controller.connections();
    QStringList lines;
    for (int i = 0; i < model.rowCount(); ++i) {
        lines << model.data(model.index(i, 0), ConnectionListModel::IdRole).toString() + " " +
                     model.data(model.index(i, 0), ConnectionListModel::LabelRole).toString();
    }
    EXPECT_EQ(lines, (QStringList{pcx + " peering",
                                  "route:" + table + ":" + subnet + ":" + instance + " 10.9.0.0/16",
                                  "route:" + table + ":" + subnet + ":" + eigw + " ::/0"}));
}

}  // namespace
}  // namespace skydraft
