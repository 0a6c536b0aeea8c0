// The four views of a subnet's reach agree, because all ask RouteAnalysis: the canvas row,
// the inspector's derived facts, the DOT picture and the analysis itself (issue 12's case: a
// table whose only route is 8.8.8.0/24 to the internet gateway was Public, Private and Isolated).
#include <gtest/gtest.h>
#include <QVariantMap>

#include "../qt_printers.h"

#include "analysis/route_analysis.h"
#include "document/document_controller.h"
#include "dot_writer.h"
#include "models/derived_facts.h"
#include "share/picture_style.h"

namespace skydraft {
namespace {

struct Views {
    QString canvas;     ///< ElementListModel's reach role
    QString inspector;  ///< the "Reach" derived fact
    bool dotStyled = false;
    SubnetReach analysis = SubnetReach::Isolated;
};

Views viewsOf(DocumentController& controller, const QString& subnet) {
    Views v;
    const auto& rows = *controller.elements();
    for (int i = 0; i < rows.rowCount(); ++i) {
        if (rows.data(rows.index(i, 0), ElementListModel::IdRole).toString() == subnet) {
            v.canvas = rows.data(rows.index(i, 0), ElementListModel::ReachRole).toString();
        }
    }
    const Diagram& d = controller.diagram();
    for (const QVariant& fact : DerivedFacts::of(d, *d.element(subnet.toStdString()))) {
        if (fact.toMap().value("label").toString() == QStringLiteral("Reach")) {
            v.inspector = fact.toMap().value("value").toString();
        }
    }
    v.analysis = RouteAnalysis(d).reach(subnet.toStdString());
    // The picture draws the subnet's cluster with the reach's fill colour.
    const std::string dot = writeDot(d);
    const std::string fill = "fillcolor=\"" + std::string(reachStyle(v.analysis).fill) + "\"";
    const std::size_t cluster = dot.find("subgraph \"cluster_" + subnet.toStdString() + "\"");
    v.dotStyled = cluster != std::string::npos && dot.find(fill, cluster) != std::string::npos &&
                  dot.find(fill, cluster) < dot.find("subgraph", cluster + 1);
    return v;
}

class ReachViewsTest : public ::testing::Test {
protected:
    void SetUp() override {
        vpc = controller.dropKind("vpc", 400, 300);
        subnet = controller.dropKind("subnet", 250, 250);
        const QRectF v = controller.elementBox(vpc);
        igw = controller.dropKind("internet_gateway", v.right() - 50, v.bottom() - 50);
        table = controller.dropKind("route_table", v.right() - 150, v.bottom() - 50);
        ASSERT_FALSE(table.isEmpty()) << controller.message().toStdString();
        ASSERT_TRUE(controller.setProperty(table, "associations", QVariantList{subnet}));
    }
    void route(const QString& destination, const QString& target) {
        ASSERT_TRUE(controller.setProperty(
            table, "routes",
            QVariantList{QVariantMap{{"destination", destination}, {"target", target}}}));
    }
    void expectAgree(SubnetReach reach) {
        const Views v = viewsOf(controller, subnet);
        EXPECT_EQ(v.analysis, reach);
        EXPECT_EQ(v.canvas, QString::fromUtf8(subnetReachKey(reach).data()));
        EXPECT_EQ(v.inspector, QString::fromUtf8(subnetReachLabel(reach).data()));
        EXPECT_TRUE(v.dotStyled) << "the DOT cluster of the subnet is not drawn as "
                                 << subnetReachLabel(reach);
    }

    DocumentController controller;
    QString vpc, subnet, igw, table;
};

TEST_F(ReachViewsTest, ARouteToTheInternetGatewayForOneBlockIsPublicEverywhere) {
    route("8.8.8.0/24", igw);
    expectAgree(SubnetReach::Public);
}

TEST_F(ReachViewsTest, ADefaultRouteToTheInternetGatewayIsPublicEverywhere) {
    route("0.0.0.0/0", igw);
    expectAgree(SubnetReach::Public);
}

TEST_F(ReachViewsTest, NothingButTheLocalRouteIsIsolatedEverywhere) {
    ASSERT_TRUE(controller.setProperty(table, "routes", QVariantList{}));
    expectAgree(SubnetReach::Isolated);
}

}  // namespace
}  // namespace skydraft
