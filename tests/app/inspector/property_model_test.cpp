// PropertyModel: rows from the catalogue per selection, editors per property type, CIDR text
// checked as typed, one undo step per edit (also across a multi-selection), derived facts.
#include <gtest/gtest.h>
#include <QAbstractItemModelTester>

#include "document/document_controller.h"
#include "inspector_test_support.h"
#include "models/property_model.h"

namespace skydraft {
namespace {

using test::sourcePath;

class PropertyModelTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(controller.openFile(sourcePath("examples/three-tier-web-app.skydraft")));
    }
    QString role(int row, int r) { return model.data(model.index(row), r).toString(); }
    int row(const char* key) { return model.rowOf(QString::fromLatin1(key)); }

    DocumentController controller;
    PropertyModel model{controller};
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::Fatal};
};

TEST_F(PropertyModelTest, ASubnetGetsTheEditorsItsPropertiesCallFor) {
    EXPECT_EQ(model.rowCount(), 0);
    controller.select(QStringLiteral("subnet-app-b"));
    ASSERT_GT(model.rowCount(), 4);
    EXPECT_EQ(role(0, PropertyModel::KeyRole), "name");
    EXPECT_EQ(role(0, PropertyModel::TextRole), "app-b");
    EXPECT_EQ(role(1, PropertyModel::EditorRole), "tags");
    EXPECT_EQ(role(row("cidr"), PropertyModel::EditorRole), "cidr");
    EXPECT_EQ(role(row("cidr"), PropertyModel::FamilyRole), "v4");
    EXPECT_EQ(role(row("cidr"), PropertyModel::TextRole), "10.0.11.0/24");
    EXPECT_EQ(role(row("availability_zone"), PropertyModel::EditorRole), "zone");
    EXPECT_EQ(role(row("map_public_ip_on_launch"), PropertyModel::EditorRole), "bool");
    // Zones are those of the VPC's region.
    const QVariantList zones =
        model.data(model.index(row("availability_zone")), PropertyModel::OptionsRole).toList();
    ASSERT_EQ(zones.size(), 6);
    EXPECT_EQ(zones.front().toMap().value("value").toString(), "us-east-1a");
}

TEST_F(PropertyModelTest, CidrTextIsCheckedAsTypedAndBadTextChangesNothing) {
    controller.select(QStringLiteral("subnet-app-b"));
    const int cidr = row("cidr");
    EXPECT_EQ(model.check(cidr, QStringLiteral("10.0.12.0/24")), QString());
    const QString error = model.check(cidr, QStringLiteral("10.0.300.0/24"));
    EXPECT_TRUE(error.startsWith(QStringLiteral("\"10.0.300.0/24\": "))) << error.toStdString();
    EXPECT_TRUE(error.endsWith(QStringLiteral("(at character 6)"))) << error.toStdString();
    EXPECT_FALSE(model.check(cidr, QStringLiteral("2600::/64")).isEmpty());
    const int steps = controller.undoStack()->count();
    EXPECT_FALSE(model.setValue(cidr, QStringLiteral("10.0.300.0/24")));
    EXPECT_EQ(controller.undoStack()->count(), steps);
    ASSERT_TRUE(model.setValue(cidr, QStringLiteral(" 10.0.12.0/24 ")));
    EXPECT_EQ(controller.undoStack()->count(), steps + 1);
    EXPECT_EQ(controller.diagram().element("subnet-app-b")->stringProperty("cidr"), "10.0.12.0/24");
    EXPECT_EQ(role(cidr, PropertyModel::TextRole), "10.0.12.0/24");
    controller.undo();
    EXPECT_EQ(role(cidr, PropertyModel::TextRole), "10.0.11.0/24");
}

TEST_F(PropertyModelTest, AMultiSelectionEditsSharedPropertiesInOneStep) {
    controller.selectIds({QStringLiteral("subnet-app-a"), QStringLiteral("subnet-app-b"),
                          QStringLiteral("subnet-db-a")});
    EXPECT_EQ(model.targetCount(), 3);
    EXPECT_EQ(row("name"), -1);
    const int zone = row("availability_zone");
    ASSERT_GE(zone, 0);
    EXPECT_TRUE(model.data(model.index(zone), PropertyModel::MixedRole).toBool());
    const int steps = controller.undoStack()->count();
    ASSERT_TRUE(model.setValue(zone, QStringLiteral("us-east-1c")));
    EXPECT_EQ(controller.undoStack()->count(), steps + 1);
    EXPECT_EQ(controller.undoText(), QStringLiteral("Change availability zone of 3 items"));
    for (const char* id : {"subnet-app-a", "subnet-app-b", "subnet-db-a"}) {
        EXPECT_EQ(controller.diagram().element(id)->stringProperty("availability_zone"),
                  "us-east-1c");
    }
    EXPECT_FALSE(model.data(model.index(zone), PropertyModel::MixedRole).toBool());
    controller.undo();
    EXPECT_EQ(controller.diagram().element("subnet-app-b")->stringProperty("availability_zone"),
              "us-east-1b");

    // Different kinds share only what has the same key and type.
    controller.selectIds({QStringLiteral("subnet-app-a"), QStringLiteral("vpc-web")});
    EXPECT_GE(row("cidr"), 0);
    EXPECT_EQ(row("availability_zone"), -1);
    EXPECT_EQ(row("region"), -1);
}

TEST_F(PropertyModelTest, TagsAndListsAreParsedFromText) {
    controller.select(QStringLiteral("vpc-web"));
    ASSERT_TRUE(model.setValue(row("tags"), QStringLiteral("team = network\nenv=prod\n")));
    const std::map<std::string, std::string> tags{{"env", "prod"}, {"team", "network"}};
    EXPECT_EQ(controller.diagram().element("vpc-web")->tags, tags);
    EXPECT_EQ(role(row("tags"), PropertyModel::TextRole), "env=prod\nteam=network");
    EXPECT_FALSE(model.setValue(row("tags"), QStringLiteral("no equals sign")));
    ASSERT_TRUE(model.setValue(row("secondary_cidrs"), QStringLiteral("10.1.0.0/16, 10.2.0.0/16")));
    EXPECT_EQ(controller.diagram().element("vpc-web")->property("secondary_cidrs"),
              nlohmann::json::parse(R"(["10.1.0.0/16","10.2.0.0/16"])"));
    EXPECT_FALSE(
        model.check(row("secondary_cidrs"), QStringLiteral("10.1.0.0/16, 10.2.0/16")).isEmpty());
    controller.undo();
    controller.undo();
    EXPECT_TRUE(controller.diagram().element("vpc-web")->tags.empty());
}

TEST_F(PropertyModelTest, RouteTargetsAreThoseOfTheTablesVpc) {
    controller.select(QStringLiteral("rt-public"));
    EXPECT_EQ(role(row("routes"), PropertyModel::EditorRole), "routes");
    QStringList targets;
    for (const QVariant& option : model.routeTargets()) {
        targets << option.toMap().value("value").toString();
    }
    EXPECT_TRUE(targets.contains("igw-web"));
    EXPECT_TRUE(targets.contains("nat-a"));
    EXPECT_FALSE(targets.contains("subnet-app-a"));
}

TEST_F(PropertyModelTest, DerivedFactsExplainASubnet) {
    controller.select(QStringLiteral("subnet-public-a"));
    const QVariantList facts = model.derived();
    ASSERT_GE(facts.size(), 3);
    EXPECT_EQ(facts[0].toMap().value("value").toString(), "251");
    EXPECT_EQ(facts[1].toMap().value("label").toString(), "Reach");
    EXPECT_EQ(facts[1].toMap().value("value").toString(), "Public");
    EXPECT_EQ(facts[1].toMap().value("detail").toString(), "0.0.0.0/0 → web-igw");
}

}  // namespace
}  // namespace skydraft
