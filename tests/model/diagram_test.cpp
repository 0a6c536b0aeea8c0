// Tests of the Diagram document's invariants (model/diagram).
#include "diagram.h"
#include "element_builder.h"

#include <gtest/gtest.h>

namespace skydraft {
namespace {

Element make(std::string id, std::string kind, std::string parent = {},
             nlohmann::json properties = nlohmann::json::object()) {
    return test::makeElement(std::move(id), std::move(kind), std::move(parent),
                             std::move(properties));
}

Diagram vpcWithSubnet() {
    Diagram d;
    EXPECT_TRUE(d.addElement(make("vpc-1", "vpc", "", {{"cidr", "10.0.0.0/16"}})));
    EXPECT_TRUE(d.addElement(make("subnet-1", "subnet", "vpc-1", {{"cidr", "10.0.1.0/24"}})));
    EXPECT_TRUE(d.addElement(make("i-1", "ec2_instance", "subnet-1")));
    return d;
}

TEST(Diagram, AddsAndFindsElements) {
    Diagram d = vpcWithSubnet();
    ASSERT_NE(d.element("subnet-1"), nullptr);
    EXPECT_EQ(d.element("subnet-1")->stringProperty("cidr"), "10.0.1.0/24");
    EXPECT_EQ(d.children("vpc-1").size(), 1u);
    EXPECT_EQ(d.ancestorOfKind("i-1", "vpc")->id, "vpc-1");
    EXPECT_EQ(d.subtree("vpc-1"), (std::vector<Id>{"vpc-1", "subnet-1", "i-1"}));
}

TEST(Diagram, DefaultsComeFromTheCatalogue) {
    Diagram d = vpcWithSubnet();
    EXPECT_EQ(d.element("vpc-1")->stringProperty("region"), "us-east-1");
    EXPECT_TRUE(d.element("vpc-1")->boolProperty("enable_dns_support"));
    EXPECT_TRUE(d.element("i-1")->property("no_such_property").is_null());
}

TEST(Diagram, RefusesInvalidContainment) {
    Diagram d = vpcWithSubnet();
    EXPECT_EQ(d.addElement(make("subnet-2", "subnet")).error,
              "a Subnet cannot be placed at the top level");
    EXPECT_EQ(d.addElement(make("i-2", "ec2_instance", "vpc-1")).error,
              "a EC2 instance cannot be placed in a VPC");
    EXPECT_EQ(d.addElement(make("x", "subnet", "nowhere")).error,
              "\"x\": parent \"nowhere\" does not exist");
    EXPECT_EQ(d.addElement(make("y", "vpcc")).error, "unknown kind \"vpcc\"");
    EXPECT_EQ(d.addElement(make("vpc-1", "vpc")).error, "the id \"vpc-1\" is already used");
    EXPECT_EQ(d.addElement(make("bad id", "vpc")).error,
              "invalid id \"bad id\" (use letters, digits, '-', '_', '.' or ':')");
    EXPECT_EQ(d.elements().size(), 3u);
}

TEST(Diagram, TypeChecksProperties) {
    Diagram d = vpcWithSubnet();
    EXPECT_EQ(d.setProperty("vpc-1", "cidr", 42).error, "IPv4 CIDR: expected a string");
    EXPECT_EQ(d.element("vpc-1")->stringProperty("cidr"), "10.0.0.0/16");
    // A malformed CIDR string is the validator's business (DIA003), not an edit error.
    EXPECT_TRUE(d.setProperty("vpc-1", "cidr", "10.0.300.0/16"));
    // Unknown properties are kept.
    EXPECT_TRUE(d.setProperty("vpc-1", "x_custom", {{"a", 1}}));
    EXPECT_EQ(d.element("vpc-1")->property("x_custom")["a"], 1);
    EXPECT_TRUE(d.setProperty("vpc-1", "x_custom", nullptr));
    EXPECT_FALSE(d.element("vpc-1")->properties.contains("x_custom"));
    EXPECT_EQ(d.addElement(make("vpc-2", "vpc", "", {{"enable_dns_support", "yes"}})).error,
              "\"vpc-2\": property \"enable_dns_support\": expected true or false");
}

TEST(Diagram, RemovingAContainerRemovesItsContentAndConnections) {
    Diagram d = vpcWithSubnet();
    ASSERT_TRUE(d.addElement(make("vpc-2", "vpc", "", {{"cidr", "10.1.0.0/16"}})));
    Connection peering{"pcx-1", "vpc_peering", "peer", "vpc-1", "vpc-2", {}, {}};
    ASSERT_TRUE(d.addConnection(peering));
    ASSERT_TRUE(d.removeElement("vpc-1"));
    EXPECT_EQ(d.elements().size(), 1u);
    EXPECT_TRUE(d.connections().empty());
    EXPECT_EQ(d.element("i-1"), nullptr);
    EXPECT_NE(d.element("vpc-2"), nullptr);
}

TEST(Diagram, ReparentingChecksContainmentAndCycles) {
    Diagram d = vpcWithSubnet();
    ASSERT_TRUE(d.addElement(make("subnet-2", "subnet", "vpc-1")));
    EXPECT_TRUE(d.setParent("i-1", "subnet-2"));
    EXPECT_EQ(d.element("i-1")->parent, "subnet-2");
    EXPECT_EQ(d.setParent("i-1", "vpc-1").error, "a EC2 instance cannot be placed in a VPC");
    EXPECT_EQ(d.setParent("subnet-2", "subnet-2").error, "cannot place \"subnet-2\" inside itself");
}

TEST(Diagram, ConnectionsJoinAllowedKinds) {
    Diagram d = vpcWithSubnet();
    EXPECT_EQ(d.addConnection({"c1", "vpc_peering", "", "vpc-1", "subnet-1", {}, {}}).error,
              "a VPC peering cannot join a VPC to a Subnet");
    EXPECT_EQ(d.addConnection({"c2", "vpc_peering", "", "vpc-1", "gone", {}, {}}).error,
              "\"c2\": endpoint \"gone\" does not exist");
    EXPECT_EQ(d.addConnection({"c3", "teleport", "", "vpc-1", "vpc-1", {}, {}}).error,
              "unknown connection kind \"teleport\"");
    EXPECT_TRUE(d.connections().empty());
}

TEST(Diagram, MakeIdIsFreshAndShort) {
    Diagram d = vpcWithSubnet();
    EXPECT_EQ(d.makeId("vpc"), "vpc-2");
    EXPECT_EQ(d.makeId("subnet"), "subnet-2");
    EXPECT_EQ(d.makeId("nat"), "nat-1");
}

TEST(Diagram, InsertRestoresDocumentOrder) {
    Diagram d = vpcWithSubnet();
    const Diagram before = d;
    const Element removed = *d.element("i-1");
    const std::size_t index = d.indexOf("i-1");
    ASSERT_TRUE(d.removeElement("i-1"));
    ASSERT_TRUE(d.insertElement(index, removed));
    EXPECT_EQ(d, before);
}

TEST(Diagram, AssignAcceptsChildrenBeforeParentsAndRefusesCycles) {
    Diagram d;
    ASSERT_TRUE(d.assign({make("s", "subnet", "v"), make("v", "vpc")}, {}));
    EXPECT_EQ(d.elements().front().id, "s");
    Diagram::Problem problem;
    Diagram unchanged = d;
    Element a = make("a", "subnet", "b");
    Element b = make("b", "subnet", "a");
    Status s = d.assign({a, b}, {}, &problem);
    // A subnet cannot sit in a subnet: the containment rule fires before the cycle check.
    EXPECT_EQ(s.error, "\"a\": a Subnet cannot be placed in a Subnet");
    EXPECT_EQ(problem.field, "parent");
    EXPECT_EQ(d, unchanged);
    s = d.assign({make("v", "vpc"), make("v", "vpc")}, {}, &problem);
    EXPECT_EQ(s.error, "the id \"v\" is used twice");
    EXPECT_EQ(problem.index, 1u);
}

TEST(Diagram, AssignScalesLinearly) {
    std::vector<Element> elements;
    elements.push_back(make("vpc", "vpc"));
    for (int i = 0; i < 50000; ++i) {
        elements.push_back(make("s" + std::to_string(i), "subnet", "vpc"));
    }
    Diagram d;
    ASSERT_TRUE(d.assign(std::move(elements), {}));
    EXPECT_EQ(d.elements().size(), 50001u);
    EXPECT_EQ(d.element("s49999")->parent, "vpc");
}

}  // namespace
}  // namespace skydraft
