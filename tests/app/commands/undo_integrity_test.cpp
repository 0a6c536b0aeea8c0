// Undo integrity: thousands of random edits through the real undo commands (and through the
// controller's intents, paste and duplicate included), then undo all and redo all, comparing
// the saved document byte for byte at every step. The seed is fixed and printed on failure;
// SKYDRAFT_UNDO_SEED=N replays another one.
#include <gtest/gtest.h>
#include <QFile>
#include <QUndoStack>
#include <random>

#include "commands/add_items_command.h"
#include "commands/change_value_command.h"
#include "commands/move_elements_command.h"
#include "commands/remove_items_command.h"
#include "commands/set_tags_command.h"
#include "diagram_file.h"
#include "document/document_controller.h"

namespace skydraft {
namespace {

using nlohmann::json;

unsigned seed() {
    bool ok = false;
    const unsigned fromEnvironment = qEnvironmentVariableIntValue("SKYDRAFT_UNDO_SEED", &ok);
    return ok ? fromEnvironment : 20261122u;
}

Diagram example(const char* relative) {
    QFile file(QStringLiteral(SKYDRAFT_SOURCE_DIR "/") + QLatin1String(relative));
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << relative;
    const QByteArray bytes = file.readAll();
    LoadResult loaded = loadDiagram(std::string_view(bytes.constData(), bytes.size()));
    EXPECT_TRUE(loaded) << relative;
    return loaded ? std::move(*loaded.diagram) : Diagram();
}

/// Makes random edits of a diagram as undo commands. Most are valid; some are refused by the
/// model (a subnet at the top level, a negative size, an unknown id), which must leave no trace.
class RandomEdits {
public:
    RandomEdits(unsigned seed, EditContext& context) : m_rng(seed), m_context(context) {}

    /// A random command, possibly a composite of several; mergeable tells whether the stack may
    /// merge it into the previous step.
    DiagramCommand* next(bool* mergeable) {
        *mergeable = false;
        if (pick(12) == 0) {
            auto* composite = new CompositeCommand(m_context, QStringLiteral("Several"));
            const int children = 2 + pick(3);
            for (int i = 0; i < children; ++i) {
                bool unused = false;
                single(composite, &unused);
            }
            return composite;
        }
        return single(nullptr, mergeable);
    }

private:
    const Diagram& d() const { return m_context.diagram; }
    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(m_rng); }
    double coordinate() { return std::uniform_int_distribution<int>(-50, 3000)(m_rng); }
    template <typename T>
    const T& any(const std::vector<T>& items) {
        return items[static_cast<std::size_t>(pick(static_cast<int>(items.size())))];
    }

    Id anyElement() {
        const auto& elements = d().elements();
        return elements.empty() ? Id("none") : elements[pick(elements.size())].id;
    }
    Id anyConnection() {
        const auto& connections = d().connections();
        return connections.empty() ? Id("none") : connections[pick(connections.size())].id;
    }
    Id anyOfKind(const std::string& kind) {
        const auto of = d().elementsOfKind(kind);
        return of.empty() ? anyElement() : of[pick(of.size())]->id;
    }
    std::string anyText() {
        static const std::vector<std::string> texts = {"web",
                                                       "",
                                                       "café ☁ 🚀",
                                                       std::string("nul\0byte", 8),
                                                       "../../etc/passwd",
                                                       "a\"b\\c\n",
                                                       std::string(300, 'x'),
                                                       "10.0.0.0/24",
                                                       "2001:db8::/56",
                                                       "日本語"};
        return any(texts) + (pick(3) == 0 ? std::to_string(pick(1000)) : std::string());
    }
    json anyValue() {
        switch (pick(7)) {
            case 0:
                return nullptr;
            case 1:
                return pick(2) == 0;
            case 2:
                return pick(100000) - 50000;
            case 3:
                return json::array({anyText(), "10." + std::to_string(pick(256)) + ".0.0/16"});
            case 4:
                return json{{"destination", "0.0.0.0/0"}, {"target", anyElement()}};
            case 5:
                return "10." + std::to_string(pick(256)) + "." + std::to_string(pick(256)) +
                       ".0/24";
            default:
                return anyText();
        }
    }
    Geometry anyGeometry() {
        return {coordinate(), coordinate(), static_cast<double>(pick(700) - 5),
                static_cast<double>(pick(500))};
    }

    DiagramCommand* single(QUndoCommand* parent, bool* mergeable) {
        const bool crowded = d().elements().size() > 80;
        switch (pick(crowded ? 12 : 11)) {
            case 0:
            case 1:
                return add(parent);
            case 2: {
                std::vector<Id> ids = {pick(4) == 0 ? anyConnection() : anyElement()};
                if (pick(3) == 0) {
                    ids.push_back(anyElement());
                }
                return new RemoveItemsCommand(m_context, QStringLiteral("Delete"), ids, parent);
            }
            case 3: {
                std::vector<MoveElementsCommand::Change> changes;
                const int count = 1 + pick(3);
                for (int i = 0; i < count; ++i) {
                    const Id id = anyElement();
                    const Element* e = d().element(id);
                    if (!e || std::any_of(changes.begin(), changes.end(),
                                          [&](const auto& c) { return c.id == id; })) {
                        continue;
                    }
                    Geometry after = e->geometry;
                    after.x += pick(41) - 20;
                    after.y += pick(41) - 20;
                    changes.push_back({id, e->geometry, after});
                }
                *mergeable = parent == nullptr && pick(2) == 0;
                return new MoveElementsCommand(m_context, QStringLiteral("Move"), changes,
                                               *mergeable, parent);
            }
            case 4:
                return new ChangeValueCommand(m_context, QStringLiteral("Rename"),
                                              pick(4) == 0 ? anyConnection() : anyElement(),
                                              ValueField::Name, anyText(), {}, parent);
            case 5: {
                static const std::vector<std::string> keys = {
                    "cidr",   "availability_zone", "instance_type", "secondary_cidrs",
                    "routes", "public_ip",         "note",          "security_groups"};
                return new ChangeValueCommand(m_context, QStringLiteral("Property"), anyElement(),
                                              ValueField::Property, anyValue(), any(keys), parent);
            }
            case 6:
                return new ChangeValueCommand(m_context, QStringLiteral("Connection property"),
                                              anyConnection(), ValueField::ConnectionProperty,
                                              anyValue(), pick(2) ? "note" : "routes", parent);
            case 7:
                return new ChangeValueCommand(
                    m_context, QStringLiteral("Reparent"), anyElement(), ValueField::Parent,
                    pick(5) == 0 ? std::string() : anyElement(), {}, parent);
            case 8:
                return new ChangeValueCommand(
                    m_context, QStringLiteral("Geometry"), anyElement(), ValueField::Geometry,
                    ChangeValueCommand::geometryToJson(anyGeometry()), {}, parent);
            case 9: {
                std::map<std::string, std::string> tags;
                const int count = pick(4);
                for (int i = 0; i < count; ++i) {
                    tags[any(std::vector<std::string>{"Name", "env", "owner", "ünï"})] = anyText();
                }
                return new SetTagsCommand(m_context, QStringLiteral("Tags"), anyElement(), tags,
                                          parent);
            }
            case 10:
                return add(parent);
            default:
                return new RemoveItemsCommand(m_context, QStringLiteral("Delete"),
                                              {anyOfKind("vpc")}, parent);
        }
    }

    DiagramCommand* add(QUndoCommand* parent) {
        std::vector<Element> elements;
        std::vector<Connection> connections;
        auto element = [&](const std::string& kind, const Id& container) {
            Element e;
            e.id = d().makeId(kind) + "-" + std::to_string(++m_serial);
            e.kind = kind;
            e.name = anyText();
            e.parent = container;
            e.geometry = anyGeometry();
            if (e.geometry.width < 0) {
                e.geometry.width = 72;
            }
            if (kind == "vpc" || kind == "subnet") {
                e.properties["cidr"] = "10." + std::to_string(pick(256)) + ".0.0/16";
            }
            elements.push_back(e);
            return e.id;
        };
        switch (pick(6)) {
            case 0: {
                const Id vpc = element("vpc", "");
                const Id subnet = element("subnet", vpc);
                element("ec2_instance", subnet);
                Connection c;
                c.id = "pcx-" + std::to_string(++m_serial);
                c.kind = "vpc_peering";
                c.from = vpc;
                c.to = anyOfKind("vpc");
                connections.push_back(c);
                break;
            }
            case 1:
                element("subnet", anyOfKind("vpc"));
                break;
            case 2:
                element("ec2_instance", anyOfKind("subnet"));
                break;
            case 3:
                element("security_group", anyOfKind("vpc"));
                break;
            case 4:
                element("generic", pick(2) ? anyElement() : Id());
                break;
            default:
                element("subnet", "");
                break;  // refused: a subnet lives in a VPC
        }
        return new AddItemsCommand(m_context, QStringLiteral("Add"), elements, connections, parent);
    }

    std::mt19937 m_rng;
    EditContext& m_context;
    int m_serial = 0;
};

TEST(UndoIntegrity, ThousandsOfRandomCommandsUndoAndRedoByteForByte) {
    const unsigned s = seed();
    SCOPED_TRACE("seed " + std::to_string(s) +
                 " (replay with SKYDRAFT_UNDO_SEED=" + std::to_string(s) + ")");
    Diagram diagram = example("examples/three-tier-web-app.skydraft");
    EditContext context{diagram, {}};
    QUndoStack stack;
    RandomEdits edits(s, context);
    std::vector<std::string> states = {saveDiagram(diagram)};  // states[i]: at stack index i
    int refused = 0;
    for (int step = 0; step < 2500; ++step) {
        bool mergeable = false;
        DiagramCommand* command = edits.next(&mergeable);
        const int before = stack.index();
        stack.push(command);
        const std::string now = saveDiagram(diagram);
        if (stack.index() == before) {
            if (!mergeable) {
                ++refused;
                ASSERT_EQ(now, states.back()) << "a refused command changed the document, step "
                                              << step << ": " << context.error;
            }
            states.back() = now;  // merged into the previous step
        } else {
            ASSERT_EQ(stack.index(), before + 1);
            states.resize(static_cast<std::size_t>(before) + 1);
            states.push_back(now);
        }
    }
    ASSERT_EQ(states.size(), static_cast<std::size_t>(stack.count()) + 1);
    EXPECT_GT(stack.count(), 1000);
    EXPECT_GT(refused, 150);
    for (int index = stack.index(); index > 0; --index) {
        stack.undo();
        ASSERT_EQ(saveDiagram(diagram), states[index - 1]) << "undo to step " << index - 1;
    }
    for (int index = 1; index <= stack.count(); ++index) {
        stack.redo();
        ASSERT_EQ(saveDiagram(diagram), states[index]) << "redo to step " << index;
    }
}

/// The same through the controller's intents, which build composites, grow containers, write
/// routes, paste and duplicate.
TEST(UndoIntegrity, RandomIntentsThroughTheControllerUndoAndRedoByteForByte) {
    const unsigned s = seed();
    SCOPED_TRACE("seed " + std::to_string(s) +
                 " (replay with SKYDRAFT_UNDO_SEED=" + std::to_string(s) + ")");
    std::mt19937 rng(s);
    auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
    DocumentController controller;
    ASSERT_TRUE(controller.openFile(QStringLiteral(SKYDRAFT_SOURCE_DIR) +
                                    QStringLiteral("/examples/hub-and-spoke-tgw-vpn.skydraft")))
        << controller.errorString().toStdString();
    const std::string start = saveDiagram(controller.diagram());
    auto anyId = [&] {
        const auto& elements = controller.diagram().elements();
        return elements.empty() ? QString()
                                : QString::fromStdString(elements[pick(elements.size())].id);
    };
    static const QStringList kinds = {
        "vpc",         "subnet", "ec2_instance", "security_group", "internet_gateway",
        "nat_gateway", "generic"};
    for (int step = 0; step < 1500; ++step) {
        const QString id = anyId();
        switch (pick(10)) {
            case 0:
                controller.dropKind(kinds[pick(kinds.size())], pick(3000), pick(2000));
                break;
            case 1:
                controller.moveElement(id, pick(81) - 40, pick(81) - 40);
                break;
            case 2: {
                const QRectF box = controller.elementBox(id);
                controller.resizeElement(id, box.x(), box.y(), box.width() + pick(60) - 20,
                                         box.height() + pick(60) - 20);
                break;
            }
            case 3:
                controller.connect(id, anyId());
                break;
            case 4:
                controller.rename(id, QStringLiteral("n%1 ☁").arg(pick(100)));
                break;
            case 5:
                controller.setProperty(id, QStringLiteral("cidr"),
                                       QStringLiteral("10.%1.0.0/16").arg(pick(256)));
                break;
            case 6:
                controller.select(id);
                controller.deleteSelection();
                break;
            case 7:
                controller.select(id);
                controller.copySelection();
                controller.paste();
                break;
            case 8:
                controller.select(id);
                controller.duplicateSelection();
                break;
            default:
                controller.moveSelection(pick(21) - 10, pick(21) - 10);
                break;
        }
    }
    const std::string end = saveDiagram(controller.diagram());
    ASSERT_NE(start, end);
    int steps = 0;
    while (controller.canUndo()) {
        controller.undo();
        ++steps;
    }
    EXPECT_GT(steps, 500);
    EXPECT_EQ(saveDiagram(controller.diagram()), start);
    while (controller.canRedo()) {
        controller.redo();
    }
    EXPECT_EQ(saveDiagram(controller.diagram()), end);
}

}  // namespace
}  // namespace skydraft
