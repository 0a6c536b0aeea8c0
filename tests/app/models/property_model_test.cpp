// PropertyModel: rows from the catalogue per selection with its editors, CIDR text checked as
// typed, one undo step per edit (also across a multi-selection), list items edited from the
// catalogue's item schemas, route targets from its route-target kinds, derived facts.
#include <gtest/gtest.h>
#include <QAbstractItemModelTester>

#include "app_test_support.h"
#include "document/document_controller.h"
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
    /// "value: label" of every option.
    static QStringList labels(const QVariantList& options) {
        QStringList out;
        for (const QVariant& option : options) {
            out << option.toMap().value("value").toString() + ": " +
                       option.toMap().value("label").toString();
        }
        return out;
    }
    /// The list value of a row.
    nlohmann::json listOf(const char* id, const char* key) {
        return controller.diagram().element(id)->property(key);
    }
    int row(const char* key) { return model.rowOf(QString::fromLatin1(key)); }

    DocumentController controller;
    PropertyModel model{controller};
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::Fatal};
};

TEST_F(PropertyModelTest, ASubnetGetsTheEditorsItsPropertiesCallFor) {
    EXPECT_EQ(model.rowCount(), 0);
    controller.select(QStringLiteral("subnet-app-b"));
    // Name and tags, then the subnet's six catalogue properties.
    ASSERT_EQ(model.rowCount(), 8);
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

TEST_F(PropertyModelTest, AZoneReadFromATemplateShowsEvaluatedWithItsExpression) {
    // As the importer stores Fn::Select [1, Fn::GetAZs ''] of a stack whose region it does not
    // know.
    Diagram d = controller.diagram();
    nlohmann::json cfn = {{"symbolic",
                           {{"availability_zone",
                             nlohmann::json::parse(R"({"Fn::Select": [1, {"Fn::GetAZs": ""}]})")}}},
                          {"evaluated", {{"availability_zone", {{"zone_index", 1}}}}}};
    ASSERT_TRUE(d.setProperty("subnet-app-b", "availability_zone", "!Select [1, !GetAZs '']"));
    ASSERT_TRUE(d.setProperty("subnet-app-b", "cloudformation", cfn));
    const std::string vpc = d.element("subnet-app-b")->parent;
    ASSERT_TRUE(d.setProperty(vpc, "region", nullptr));
    controller.adoptDiagram(d);
    controller.select(QStringLiteral("subnet-app-b"));
    const int zone = row("availability_zone");
    EXPECT_EQ(role(zone, PropertyModel::TextRole), "zone 2 of the region");
    EXPECT_EQ(role(zone, PropertyModel::ExpressionRole), "!Select [1, !GetAZs '']");
    EXPECT_EQ(role(row("cidr"), PropertyModel::ExpressionRole), "");
    // Once the VPC has a region, the zone has its name.
    d.setProperty(vpc, "region", "eu-west-1");
    controller.adoptDiagram(d);
    controller.select(QStringLiteral("subnet-app-b"));
    EXPECT_EQ(role(row("availability_zone"), PropertyModel::TextRole), "eu-west-1b");
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
    // The route targets of the catalogue inside the table's VPC, in catalogue order.
    EXPECT_EQ(labels(model.routeTargets()),
              (QStringList{"igw-web: web-igw (Internet gateway)", "nat-a: nat-a (NAT gateway)",
                           "nat-b: nat-b (NAT gateway)", "vpce-s3: s3-endpoint (VPC endpoint)",
                           "i-app-a: app-a (EC2 instance)", "i-app-b: app-b (EC2 instance)"}));
    // The route list's "Via" field offers exactly these.
    const QVariantList fields =
        model.data(model.index(row("routes")), PropertyModel::ItemFieldsRole).toList();
    ASSERT_EQ(fields.size(), 3);
    EXPECT_EQ(fields[1].toMap().value("options").toList(), model.routeTargets());
}

TEST_F(PropertyModelTest, DerivedFactsExplainASubnet) {
    controller.select(QStringLiteral("subnet-public-a"));
    const QVariantList facts = model.derived();
    ASSERT_EQ(facts.size(), 3);
    EXPECT_EQ(facts[0].toMap().value("value").toString(), "251");
    EXPECT_EQ(facts[1].toMap().value("label").toString(), "Reach");
    EXPECT_EQ(facts[1].toMap().value("value").toString(), "Public");
    EXPECT_EQ(facts[1].toMap().value("detail").toString(), "0.0.0.0/0 → web-igw");
}

TEST_F(PropertyModelTest, DerivedFactsMarkPublicReachAndRouteListings) {
    controller.select(QStringLiteral("subnet-public-a"));
    QVariantList facts = model.derived();
    ASSERT_EQ(facts.size(), 3);
    EXPECT_EQ(facts[1].toMap().value("emphasis").toString(), "ok");
    EXPECT_FALSE(facts[1].toMap().value("monospace").toBool());
    EXPECT_TRUE(facts[2].toMap().value("monospace").toBool());
    controller.select(QStringLiteral("subnet-db-a"));
    facts = model.derived();
    ASSERT_EQ(facts.size(), 3);
    EXPECT_EQ(facts[1].toMap().value("value").toString(), "Isolated");
    EXPECT_EQ(facts[1].toMap().value("emphasis").toString(), "");
    controller.select(QStringLiteral("rt-public"));
    facts = model.derived();
    ASSERT_EQ(facts.size(), 2);
    EXPECT_EQ(facts[0].toMap().value("label").toString(), "Used by");
    EXPECT_EQ(facts[1].toMap().value("label").toString(), "Effective routes");
    EXPECT_TRUE(facts[1].toMap().value("monospace").toBool());
    controller.select(QStringLiteral("sg-app"));
    EXPECT_TRUE(model.derived().isEmpty());
}

TEST_F(PropertyModelTest, ListItemFieldsComeFromTheCatalogueItemSchema) {
    controller.select(QStringLiteral("sg-app"));
    const KindDef* group = ResourceCatalogue::instance().kind("security_group");
    ASSERT_NE(group, nullptr);
    for (const char* key : {"ingress", "egress"}) {
        const PropertyDef* list = group->property(key);
        ASSERT_NE(list, nullptr);
        const QModelIndex index = model.index(row(key));
        EXPECT_EQ(model.data(index, PropertyModel::ItemNameRole).toString().toStdString(),
                  list->itemName);
        const QVariantList fields = model.data(index, PropertyModel::ItemFieldsRole).toList();
        ASSERT_EQ(fields.size(), static_cast<int>(list->itemSchema.size()));
        for (std::size_t i = 0; i < list->itemSchema.size(); ++i) {
            const QVariantMap field = fields[static_cast<int>(i)].toMap();
            const PropertyDef& def = list->itemSchema[i];
            EXPECT_EQ(field.value("key").toString().toStdString(), def.key);
            EXPECT_EQ(field.value("label").toString().toStdString(), def.label);
            EXPECT_EQ(field.value("editor").toString().toStdString(),
                      propertyEditorKey(def.editor));
            EXPECT_EQ(field.value("placeholder").toString().toStdString(), def.placeholder);
        }
        // Protocols are a choice; -1 reads "all". A source group is one of the VPC's groups.
        EXPECT_EQ(labels(fields[0].toMap().value("options").toList()),
                  (QStringList{"tcp: tcp", "udp: udp", "icmp: icmp", "-1: all"}));
        EXPECT_EQ(labels(fields[5].toMap().value("options").toList()),
                  (QStringList{": (none)", "sg-alb: alb-sg", "sg-app: app-sg", "sg-db: db-sg"}));
    }
    // Lists without an item schema are no card lists.
    controller.select(QStringLiteral("vpc-web"));
    EXPECT_TRUE(model.data(model.index(row("secondary_cidrs")), PropertyModel::ItemFieldsRole)
                    .toList()
                    .isEmpty());
}

TEST_F(PropertyModelTest, ListItemsAreAddedEditedAndRemovedInOneStepEach) {
    controller.select(QStringLiteral("sg-app"));
    const int ingress = row("ingress");
    const nlohmann::json before = listOf("sg-app", "ingress");
    const std::size_t count = before.size();
    const int steps = controller.undoStack()->count();

    ASSERT_TRUE(model.addItem(ingress));
    EXPECT_EQ(controller.undoStack()->count(), steps + 1);
    EXPECT_EQ(controller.undoText(), "Change inbound rules");
    nlohmann::json rules = listOf("sg-app", "ingress");
    ASSERT_EQ(rules.size(), count + 1);
    EXPECT_EQ(rules.back(),
              ResourceCatalogue::instance().kind("security_group")->property("ingress")->newItem());
    EXPECT_EQ(rules.back(),
              nlohmann::json::parse(
                  R"({"protocol":"tcp","from_port":443,"to_port":443,"cidr":"10.0.0.0/8"})"));

    // Typed text is parsed for the field's editor; bad text changes nothing.
    const int last = static_cast<int>(count);
    EXPECT_EQ(model.checkItemField(ingress, "from_port", "84x"), "\"84x\" is not a whole number");
    EXPECT_FALSE(model.setItemField(ingress, last, "from_port", "84x"));
    EXPECT_EQ(model.checkItemField(ingress, "cidr", "10.0.0.0/33").left(15), "\"10.0.0.0/33\": ");
    EXPECT_FALSE(model.setItemField(ingress, last, "cidr", "10.0.0.0/33"));
    EXPECT_EQ(controller.undoStack()->count(), steps + 1);
    ASSERT_TRUE(model.setItemField(ingress, last, "from_port", " 8443 "));
    ASSERT_TRUE(model.setItemField(ingress, last, "protocol", QStringLiteral("udp")));
    ASSERT_TRUE(model.setItemField(ingress, last, "cidr", ""));
    ASSERT_TRUE(model.setItemField(ingress, last, "source_security_group", "sg-alb"));
    EXPECT_EQ(controller.undoStack()->count(), steps + 5);
    EXPECT_EQ(listOf("sg-app", "ingress").back(),
              nlohmann::json::parse(R"({"protocol":"udp","from_port":8443,"to_port":443,)"
                                    R"("source_security_group":"sg-alb"})"));
    // Unknown fields and items are refused.
    EXPECT_FALSE(model.setItemField(ingress, last, "no_such_field", "1"));
    EXPECT_FALSE(model.setItemField(ingress, last + 1, "from_port", "1"));
    EXPECT_FALSE(model.removeItem(ingress, last + 1));

    ASSERT_TRUE(model.removeItem(ingress, last));
    EXPECT_EQ(listOf("sg-app", "ingress"), before);
    while (controller.undoStack()->index() > steps) {
        controller.undo();
    }
    EXPECT_EQ(listOf("sg-app", "ingress"), before);
}

TEST_F(PropertyModelTest, AclEntriesStartFromTheCatalogueAndTakeSwitchesAndChoices) {
    controller.newDocument();
    controller.dropKind("vpc", 400, 300);
    const QString acl = controller.dropKind("network_acl", 650, 450);
    ASSERT_FALSE(acl.isEmpty()) << controller.message().toStdString();
    controller.select(acl);
    const int entries = row("entries");
    ASSERT_GE(entries, 0);
    EXPECT_EQ(model.data(model.index(entries), PropertyModel::ItemNameRole).toString(),
              "ACL entry");
    ASSERT_TRUE(model.addItem(entries));
    EXPECT_EQ(listOf(acl.toLatin1().constData(), "entries"),
              nlohmann::json::parse(R"([{"rule_number":100,"egress":false,"protocol":"-1",)"
                                    R"("rule_action":"allow","cidr":"0.0.0.0/0"}])"));
    ASSERT_TRUE(model.setItemField(entries, 0, "egress", true));
    ASSERT_TRUE(model.setItemField(entries, 0, "rule_action", QStringLiteral("deny")));
    EXPECT_FALSE(model.setItemField(entries, 0, "rule_action", QStringLiteral("maybe")));
    ASSERT_TRUE(model.setItemField(entries, 0, "rule_number", "200"));
    EXPECT_EQ(listOf(acl.toLatin1().constData(), "entries"),
              nlohmann::json::parse(R"([{"rule_number":200,"egress":true,"protocol":"-1",)"
                                    R"("rule_action":"deny","cidr":"0.0.0.0/0"}])"));
}

TEST_F(PropertyModelTest, TransitGatewayRouteTablesTargetTheGatewaysAttachments) {
    ASSERT_TRUE(controller.openFile(sourcePath("examples/hub-and-spoke-tgw-vpn.skydraft")));
    controller.select(QStringLiteral("tgw-rt-core"));
    EXPECT_EQ(
        labels(model.routeTargets()),
        (QStringList{"tgw-att-shared: shared-services-attachment (attachment to shared-services)",
                     "tgw-att-prod: prod-attachment (attachment to prod)",
                     "tgw-att-staging: staging-attachment (attachment to staging)",
                     "tgw-att-dev: dev-attachment (attachment to dev)",
                     "vpn-dc: datacenter-vpn (VPN connection to datacenter)"}));
    // A VPC table names the transit gateway at the far end of the VPC's attachment.
    controller.select(QStringLiteral("rt-dev"));
    EXPECT_EQ(labels(model.routeTargets()), (QStringList{"i-dev: dev-app (EC2 instance)",
                                                         "tgw-core: core-tgw (Transit gateway)"}));
}

}  // namespace
}  // namespace skydraft
