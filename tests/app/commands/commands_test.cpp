// Every undo command: push, check, undo, check, redo, check; failures leave no trace.
#include <gtest/gtest.h>
#include <QUndoStack>

#include "commands/add_items_command.h"
#include "commands/change_value_command.h"
#include "commands/move_elements_command.h"
#include "commands/remove_items_command.h"

namespace skydraft {
namespace {

using nlohmann::json;

Element makeElement(const std::string& id, const std::string& kind, const std::string& parent,
                    Geometry g = {0, 0, 72, 72}, json properties = json::object()) {
    Element e;
    e.id = id;
    e.kind = kind;
    e.name = id;
    e.parent = parent;
    e.geometry = g;
    e.properties = std::move(properties);
    return e;
}

Connection makeConnection(const std::string& id, const std::string& kind, const std::string& from,
                          const std::string& to) {
    Connection c;
    c.id = id;
    c.kind = kind;
    c.name = id;
    c.from = from;
    c.to = to;
    return c;
}

class CommandsTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(diagram.addElement(
            makeElement("vpc-a", "vpc", "", {0, 0, 600, 400}, {{"cidr", "10.0.0.0/16"}})));
        ASSERT_TRUE(diagram.addElement(makeElement("subnet-a", "subnet", "vpc-a",
                                                   {20, 50, 260, 170}, {{"cidr", "10.0.0.0/24"}})));
        ASSERT_TRUE(
            diagram.addElement(makeElement("ec2-a", "ec2_instance", "subnet-a", {40, 90, 72, 72})));
        ASSERT_TRUE(diagram.addElement(
            makeElement("vpc-b", "vpc", "", {700, 0, 600, 400}, {{"cidr", "10.1.0.0/16"}})));
        ASSERT_TRUE(
            diagram.addElement(makeElement("subnet-b", "subnet", "vpc-b", {720, 50, 260, 170})));
        ASSERT_TRUE(
            diagram.addConnection(makeConnection("pcx-1", "vpc_peering", "vpc-a", "vpc-b")));
        stack.setUndoLimit(0);
    }

    /// Pushes, checks the result, undoes to the original, redoes to the result.
    void roundTrip(QUndoCommand* command, const std::function<void()>& checkAfter) {
        const Diagram before = diagram;
        stack.push(command);
        ASSERT_EQ(stack.count(), 1) << context.error;
        checkAfter();
        const Diagram after = diagram;
        stack.undo();
        EXPECT_EQ(diagram, before);
        stack.redo();
        EXPECT_EQ(diagram, after);
        checkAfter();
    }

    Diagram diagram;
    EditContext context{diagram, {}};
    QUndoStack stack;
};

TEST_F(CommandsTest, AddItemsAddsElementsAndConnectionsAndUndoRemovesThem) {
    std::vector<Element> elements = {
        makeElement("vpc-c", "vpc", "", {1400, 0, 600, 400}, {{"cidr", "10.2.0.0/16"}}),
        makeElement("subnet-c", "subnet", "vpc-c", {1420, 50, 260, 170})};
    roundTrip(new AddItemsCommand(context, "Add", elements,
                                  {makeConnection("pcx-2", "vpc_peering", "vpc-b", "vpc-c")}),
              [&] {
                  ASSERT_NE(diagram.element("subnet-c"), nullptr);
                  EXPECT_EQ(diagram.element("subnet-c")->parent, "vpc-c");
                  ASSERT_NE(diagram.connection("pcx-2"), nullptr);
                  EXPECT_EQ(diagram.elements().size(), 7u);
              });
}

TEST_F(CommandsTest, AddItemsThatBreakContainmentIsDroppedAndChangesNothing) {
    const Diagram before = diagram;
    // The first element is fine, the second (a subnet at the top level) is not.
    stack.push(new AddItemsCommand(context, "Add",
                                   {makeElement("vpc-c", "vpc", "", {1400, 0, 600, 400}),
                                    makeElement("subnet-c", "subnet", "", {1420, 50, 260, 170})}));
    EXPECT_EQ(stack.count(), 0);
    EXPECT_EQ(diagram, before);
    EXPECT_NE(context.error.find("Subnet cannot be placed at the top level"), std::string::npos)
        << context.error;
}

TEST_F(CommandsTest, RemoveItemsRestoresSubtreeConnectionsAndOrder) {
    roundTrip(new RemoveItemsCommand(context, "Delete", {"vpc-a"}), [&] {
        EXPECT_EQ(diagram.element("vpc-a"), nullptr);
        EXPECT_EQ(diagram.element("subnet-a"), nullptr);
        EXPECT_EQ(diagram.element("ec2-a"), nullptr);
        EXPECT_EQ(diagram.connection("pcx-1"), nullptr);
        ASSERT_EQ(diagram.elements().size(), 2u);
        EXPECT_EQ(diagram.elements()[0].id, "vpc-b");
    });
}

TEST_F(CommandsTest, RemoveItemsRestoresParentsThatComeAfterTheirChildren) {
    // Document order child-before-parent, as imported files may have it.
    Diagram reordered;
    std::vector<Element> elements = diagram.elements();
    std::swap(elements[0], elements[2]);  // ec2-a, subnet-a, vpc-a
    ASSERT_TRUE(reordered.assign(elements, diagram.connections()));
    diagram = reordered;
    roundTrip(new RemoveItemsCommand(context, "Delete", {"vpc-a", "pcx-1"}), [&] {
        EXPECT_EQ(diagram.elements().size(), 2u);
        EXPECT_TRUE(diagram.connections().empty());
    });
    EXPECT_EQ(diagram.elements()[0].id, "vpc-b");
    stack.undo();
    EXPECT_EQ(diagram.elements()[0].id, "ec2-a");
}

TEST_F(CommandsTest, RemoveItemsOfAConnectionOnly) {
    roundTrip(new RemoveItemsCommand(context, "Delete", {"pcx-1"}), [&] {
        EXPECT_TRUE(diagram.connections().empty());
        EXPECT_EQ(diagram.elements().size(), 5u);
    });
}

TEST_F(CommandsTest, RemoveItemsOfAnUnknownIdIsDropped) {
    stack.push(new RemoveItemsCommand(context, "Delete", {"nope"}));
    EXPECT_EQ(stack.count(), 0);
    EXPECT_EQ(diagram.elements().size(), 5u);
}

TEST_F(CommandsTest, ChangeValueRenamesElementsAndConnections) {
    roundTrip(new ChangeValueCommand(context, "Rename", "subnet-a", ValueField::Name, "public-a"),
              [&] { EXPECT_EQ(diagram.element("subnet-a")->name, "public-a"); });
    stack.clear();
    roundTrip(new ChangeValueCommand(context, "Rename", "pcx-1", ValueField::Name, "a-to-b"),
              [&] { EXPECT_EQ(diagram.connection("pcx-1")->name, "a-to-b"); });
}

TEST_F(CommandsTest, ChangeValueSetsAndRemovesProperties) {
    roundTrip(
        new ChangeValueCommand(context, "Change", "subnet-b", ValueField::Property, "10.1.0.0/24",
                               "cidr"),
        [&] { EXPECT_EQ(diagram.element("subnet-b")->properties.at("cidr"), "10.1.0.0/24"); });
    stack.clear();
    roundTrip(
        new ChangeValueCommand(context, "Clear", "subnet-a", ValueField::Property, nullptr, "cidr"),
        [&] { EXPECT_FALSE(diagram.element("subnet-a")->properties.contains("cidr")); });
}

TEST_F(CommandsTest, ChangeValueRefusesAValueOfTheWrongShape) {
    const Diagram before = diagram;
    stack.push(
        new ChangeValueCommand(context, "Change", "subnet-a", ValueField::Property, 42, "cidr"));
    EXPECT_EQ(stack.count(), 0);
    EXPECT_EQ(diagram, before);
    EXPECT_EQ(context.error, "IPv4 CIDR: expected a string");
}

TEST_F(CommandsTest, ChangeValueReparentsAndChecksContainment) {
    roundTrip(new ChangeValueCommand(context, "Move", "ec2-a", ValueField::Parent, "subnet-b"),
              [&] { EXPECT_EQ(diagram.element("ec2-a")->parent, "subnet-b"); });
    stack.clear();
    const Diagram before = diagram;
    stack.push(new ChangeValueCommand(context, "Move", "ec2-a", ValueField::Parent, "vpc-a"));
    EXPECT_EQ(stack.count(), 0);
    EXPECT_EQ(diagram, before);
}

TEST_F(CommandsTest, ChangeValueSetsGeometryAndConnectionProperties) {
    roundTrip(new ChangeValueCommand(context, "Resize", "vpc-b", ValueField::Geometry,
                                     ChangeValueCommand::geometryToJson({700, 10, 800, 500})),
              [&] {
                  EXPECT_EQ(diagram.element("vpc-b")->geometry, (Geometry{700, 10, 800, 500}));
              });
    stack.clear();
    roundTrip(new ChangeValueCommand(context, "Change", "pcx-1", ValueField::ConnectionProperty,
                                     "123456789012", "peer_owner_id"),
              [&] {
                  EXPECT_EQ(diagram.connection("pcx-1")->properties.at("peer_owner_id"),
                            "123456789012");
              });
}

TEST_F(CommandsTest, MoveElementsMovesAndMergesConsecutiveNudges) {
    const Geometry start = diagram.element("ec2-a")->geometry;
    auto nudge = [&](double dx) {
        const Geometry g = diagram.element("ec2-a")->geometry;
        return new MoveElementsCommand(context, "Nudge",
                                       {{"ec2-a", g, {g.x + dx, g.y, g.width, g.height}}}, true);
    };
    roundTrip(nudge(10), [&] { EXPECT_EQ(diagram.element("ec2-a")->geometry.x, start.x + 10); });
    stack.push(nudge(10));
    stack.push(nudge(10));
    EXPECT_EQ(stack.count(), 1);  // one step for the whole series
    EXPECT_EQ(diagram.element("ec2-a")->geometry.x, start.x + 30);
    stack.undo();
    EXPECT_EQ(diagram.element("ec2-a")->geometry, start);
    stack.redo();
    EXPECT_EQ(diagram.element("ec2-a")->geometry.x, start.x + 30);
}

TEST_F(CommandsTest, NonMergeableMovesStaySeparateSteps) {
    const Geometry g = diagram.element("ec2-a")->geometry;
    const Geometry moved{g.x + 10, g.y, g.width, g.height};
    stack.push(new MoveElementsCommand(context, "Move", {{"ec2-a", g, moved}}));
    stack.push(new MoveElementsCommand(context, "Move", {{"ec2-a", moved, g}}));
    EXPECT_EQ(stack.count(), 2);
}

TEST_F(CommandsTest, CompositeIsOneStepAndRollsBackWhenAChildFails) {
    auto* ok = new CompositeCommand(context, "Drop and grow");
    new AddItemsCommand(context, {}, {makeElement("ec2-b", "ec2_instance", "subnet-b")}, {}, ok);
    new ChangeValueCommand(context, {}, "vpc-b", ValueField::Geometry,
                           ChangeValueCommand::geometryToJson({700, 0, 900, 500}), {}, ok);
    roundTrip(ok, [&] {
        EXPECT_NE(diagram.element("ec2-b"), nullptr);
        EXPECT_EQ(diagram.element("vpc-b")->geometry.width, 900);
    });

    const Diagram before = diagram;
    auto* bad = new CompositeCommand(context, "Broken");
    new AddItemsCommand(context, {}, {makeElement("ec2-c", "ec2_instance", "subnet-b")}, {}, bad);
    new ChangeValueCommand(context, {}, "ec2-c", ValueField::Parent, "vpc-b", {}, bad);
    stack.push(bad);
    EXPECT_EQ(stack.count(), 1);
    EXPECT_EQ(diagram, before);
}

}  // namespace
}  // namespace skydraft
