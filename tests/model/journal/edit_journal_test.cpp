// The edit journal (model/journal): every Diagram edit recorded as data, written as checksummed
// lines and replayed onto a snapshot to the state of the last whole step, whatever the tail.
#include "journal/edit_journal.h"
#include "element_builder.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>
#include <random>

#include "diagram_file.h"
#include "journal/diagram_ops.h"

namespace skydraft {
namespace {

using nlohmann::json;

Element make(std::string id, std::string kind, std::string parent = {},
             json properties = json::object()) {
    Element e =
        test::makeElement(std::move(id), std::move(kind), std::move(parent), std::move(properties));
    e.geometry = {10, 20, 300, 200};
    return e;
}

Diagram base() {
    Diagram d;
    d.setName("base");
    EXPECT_TRUE(d.addElement(make("vpc-1", "vpc", "", {{"cidr", "10.0.0.0/16"}})));
    EXPECT_TRUE(d.addElement(make("vpc-2", "vpc", "", {{"cidr", "10.1.0.0/16"}})));
    EXPECT_TRUE(d.addElement(make("subnet-1", "subnet", "vpc-1", {{"cidr", "10.0.1.0/24"}})));
    EXPECT_TRUE(d.addElement(make("i-1", "ec2_instance", "subnet-1")));
    return d;
}

/// A journal being written: the recorder on the diagram, one line per step.
struct Journal {
    Diagram& diagram;
    OperationRecorder recorder;
    std::string text = journalHeaderLine({{"snapshot", "test"}});
    std::vector<std::size_t> stepEnds;  ///< the text's length after each step
    std::vector<std::string> states;    ///< saveDiagram after each step

    explicit Journal(Diagram& d) : diagram(d) { diagram.setEditSink(&recorder); }
    ~Journal() { diagram.setEditSink(nullptr); }

    void step(const char* name) {
        text += journalEntryLine(stepEnds.size() + 1, "do", name, recorder.take());
        stepEnds.push_back(text.size());
        states.push_back(saveDiagram(diagram));
    }
};

TEST(EditJournal, EveryKindOfEditReplaysToTheSameDocument) {
    const Diagram snapshot = base();
    Diagram d = snapshot;
    Journal journal(d);
    ASSERT_TRUE(d.setGeometry("vpc-1", {40.5, -20, 640, 480.25}));
    journal.step("Move");
    ASSERT_TRUE(d.setName("subnet-1", "App \"a\" ${x}"));
    ASSERT_TRUE(d.setProperty("subnet-1", "cidr", "10.0.2.0/24"));
    ASSERT_TRUE(d.setProperty("i-1", "custom_key", json{{"nested", {1, 2}}}));
    journal.step("Edit");
    ASSERT_TRUE(d.setTags("i-1", {{"team", "net"}, {"env", "prod"}}));
    ASSERT_TRUE(d.setSuppressions("i-1", {"SG001"}));
    ASSERT_TRUE(d.insertElement(1, make("igw-1", "internet_gateway", "vpc-1")));
    journal.step("Add");
    Connection peering;
    peering.id = "pcx-1";
    peering.kind = "vpc_peering";
    peering.from = "vpc-1";
    peering.to = "vpc-2";
    ASSERT_TRUE(d.addConnection(peering));
    ASSERT_TRUE(d.setConnectionProperty("pcx-1", "peer_region", "eu-west-1"));
    ASSERT_TRUE(d.setName("pcx-1", "peering"));
    journal.step("Connect");
    ASSERT_TRUE(d.setProperty("i-1", "custom_key", nullptr));
    ASSERT_TRUE(d.setParent("igw-1", "vpc-2"));
    ASSERT_TRUE(d.setConnectionProperty("pcx-1", "peer_region", nullptr));
    d.setName("renamed");
    d.setMetadata({{"note", "kept"}});
    journal.step("Misc");
    ASSERT_TRUE(d.removeConnection("pcx-1"));
    ASSERT_TRUE(d.removeElement("subnet-1"));
    journal.step("Delete");
    std::vector<Element> elements = d.elements();
    std::reverse(elements.begin(), elements.end());
    ASSERT_TRUE(d.assign(elements, {}));
    journal.step("Replace");

    const JournalReplay replay = replayJournal(snapshot, journal.text);
    EXPECT_EQ(replay.problem, "");
    EXPECT_EQ(replay.steps, 7u);
    EXPECT_EQ(replay.validBytes, journal.text.size());
    EXPECT_EQ(replay.header["snapshot"], "test");
    EXPECT_TRUE(replay.diagram == d);
    EXPECT_EQ(saveDiagram(replay.diagram), saveDiagram(d));
}

TEST(EditJournal, ACutAtAnyByteRestoresTheLastWholeStep) {
    const Diagram snapshot = base();
    Diagram d = snapshot;
    Journal journal(d);
    for (int i = 0; i < 6; ++i) {
        ASSERT_TRUE(d.setGeometry("i-1", {10.0 * i, 5.0 * i, 40, 40}));
        ASSERT_TRUE(d.setName("i-1", "instance " + std::to_string(i)));
        journal.step("Step");
    }
    const std::size_t headerEnd = journal.text.find('\n') + 1;
    for (std::size_t cut = 0; cut <= journal.text.size(); ++cut) {
        const JournalReplay replay =
            replayJournal(snapshot, std::string_view(journal.text).substr(0, cut));
        std::size_t whole = 0;
        while (whole < journal.stepEnds.size() && journal.stepEnds[whole] <= cut) {
            ++whole;
        }
        ASSERT_EQ(replay.steps, whole) << "cut at " << cut;
        const std::string expected = whole == 0 ? saveDiagram(snapshot) : journal.states[whole - 1];
        ASSERT_EQ(saveDiagram(replay.diagram), expected) << "cut at " << cut;
        const bool atBoundary =
            cut == 0 || cut == headerEnd || (whole > 0 && journal.stepEnds[whole - 1] == cut);
        EXPECT_EQ(replay.problem.empty(), atBoundary) << "cut at " << cut << ": " << replay.problem;
        if (!atBoundary && cut > headerEnd) {
            EXPECT_NE(replay.problem.find("cut short"), std::string::npos) << replay.problem;
        }
    }
}

TEST(EditJournal, ADamagedLineStopsTheReplayThere) {
    const Diagram snapshot = base();
    Diagram d = snapshot;
    Journal journal(d);
    ASSERT_TRUE(d.setName("i-1", "first"));
    journal.step("One");
    ASSERT_TRUE(d.setName("i-1", "second"));
    journal.step("Two");
    ASSERT_TRUE(d.setName("i-1", "third"));
    journal.step("Three");
    std::string damaged = journal.text;
    const std::size_t at = damaged.find("second");
    damaged[at] = 'S';
    const JournalReplay replay = replayJournal(snapshot, damaged);
    EXPECT_EQ(replay.steps, 1u);
    EXPECT_EQ(replay.diagram.element("i-1")->name, "first");
    EXPECT_EQ(replay.problem, "journal line 3: the checksum does not match (the line is damaged)");
}

TEST(EditJournal, AnEntryThatDoesNotApplyIsUndoneWhole) {
    const Diagram snapshot = base();
    std::string text = journalHeaderLine({});
    text += journalEntryLine(1, "do", "Rename", json::array({json::array({"name", "i-1", "x"})}));
    // The second entry renames, then names an element that does not exist.
    text += journalEntryLine(
        2, "do", "Broken",
        json::array({json::array({"name", "i-1", "y"}), json::array({"remove", "nothing"})}));
    const JournalReplay replay = replayJournal(snapshot, text);
    EXPECT_EQ(replay.steps, 1u);
    EXPECT_EQ(replay.diagram.element("i-1")->name, "x");
    EXPECT_EQ(replay.problem, "journal line 3: operation 2: no element \"nothing\"");
}

TEST(EditJournal, EntriesOutOfSequenceOrWithoutHeaderAreRefused) {
    const Diagram snapshot = base();
    const std::string entry =
        journalEntryLine(2, "do", "Rename", json::array({json::array({"name", "i-1", "x"})}));
    JournalReplay replay = replayJournal(snapshot, journalHeaderLine({}) + entry);
    EXPECT_EQ(replay.steps, 0u);
    EXPECT_EQ(replay.problem, "journal line 2: entry 2 is out of sequence (expected 1)");
    replay = replayJournal(snapshot, entry);
    EXPECT_EQ(replay.problem, "journal line 1: this is not a Skydraft edit journal of version 1");
    replay = replayJournal(snapshot, "not a journal\n");
    EXPECT_EQ(replay.problem, "journal line 1: the line has no checksum");
}

TEST(EditJournal, MalformedOperationsSayWhatIsWrong) {
    Diagram d = base();
    EXPECT_EQ(applyOperation(d, json::array({"geometry", "i-1", 1, 2})).error,
              "a \"geometry\" operation needs an id, x, y and a width and height of at least 0");
    EXPECT_EQ(applyOperation(d, json::array({"teleport", "i-1"})).error,
              "unknown operation \"teleport\"");
    EXPECT_EQ(applyOperation(d, json::object()).error,
              "an operation must be an array starting with its name");
    EXPECT_EQ(applyOperation(d, json::array({"insert", 0, {{"id", "x"}}})).error,
              "element missing field \"kind\"");
    EXPECT_EQ(applyOperation(d, json::array({"insert", 0, {{"id", "x"}, {"kind", "warp"}}})).error,
              "unknown kind \"warp\"");
    EXPECT_EQ(applyOperation(d, json::array({"insert", -1, {{"id", "x"}, {"kind", "vpc"}}})).error,
              "a \"insert\" operation needs an index and an object");
    EXPECT_TRUE(d == base());
}

TEST(EditJournal, TheSinkBelongsToTheObjectNotItsValue) {
    Diagram d = base();
    OperationRecorder recorder;
    d.setEditSink(&recorder);
    Diagram copy = d;
    ASSERT_TRUE(copy.setName("i-1", "copy"));
    EXPECT_TRUE(recorder.empty());
    d = base();  // replacing the document reports nothing and keeps the sink
    EXPECT_TRUE(recorder.empty());
    ASSERT_TRUE(d.setName("i-1", "renamed"));
    EXPECT_EQ(recorder.take(), json::array({json::array({"name", "i-1", "renamed"})}));
    EXPECT_FALSE(d.setName("nothing", "x"));  // a refused edit is not recorded
    EXPECT_TRUE(recorder.empty());
    d.setEditSink(nullptr);
}

/// Thousands of random edits in 1,000 steps, the journal cut at 30 random bytes (set
/// SKYDRAFT_JOURNAL_KILLS for more): the replay always gives the state after the last whole
/// step. The seed is printed; set SKYDRAFT_JOURNAL_SEED to run one again.
TEST(EditJournal, RandomEditsAndKillsAlwaysRestoreTheLastWholeStep) {
    const char* fromEnvironment = std::getenv("SKYDRAFT_JOURNAL_SEED");
    const unsigned seed = fromEnvironment
                              ? static_cast<unsigned>(std::strtoul(fromEnvironment, nullptr, 10))
                              : std::random_device{}();
    std::cout << "SKYDRAFT_JOURNAL_SEED=" << seed << "\n";
    std::mt19937 random(seed);
    auto pick = [&](std::size_t n) {
        return std::uniform_int_distribution<std::size_t>(0, n - 1)(random);
    };
    const Diagram snapshot = base();
    Diagram d = snapshot;
    Journal journal(d);
    int next = 0;
    for (int step = 0; step < 1000; ++step) {
        const int edits = 1 + static_cast<int>(pick(3));
        for (int e = 0; e < edits; ++e) {
            const auto& elements = d.elements();
            const Element& target = elements[pick(elements.size())];
            switch (pick(6)) {
                case 0:
                    (void)d.setGeometry(target.id, {static_cast<double>(pick(2000)) / 4,
                                                    static_cast<double>(pick(2000)) / 3, 80, 60});
                    break;
                case 1:
                    (void)d.setName(target.id, "name " + std::to_string(pick(1000)));
                    break;
                case 2:
                    (void)d.addElement(
                        make("i-r" + std::to_string(++next), "ec2_instance", "subnet-1"));
                    break;
                case 3:
                    if (target.kind == "ec2_instance" && d.elements().size() > 4) {
                        (void)d.removeElement(target.id);
                    }
                    break;
                case 4:
                    (void)d.setTags(target.id, {{"k", std::to_string(pick(10))}});
                    break;
                default:
                    (void)d.setProperty(target.id, "note", pick(2) ? json(pick(100)) : json());
                    break;
            }
        }
        journal.step("Random");
    }
    const char* killsFromEnvironment = std::getenv("SKYDRAFT_JOURNAL_KILLS");
    const int kills = killsFromEnvironment ? std::atoi(killsFromEnvironment) : 30;
    for (int kill = 0; kill < kills; ++kill) {
        const std::size_t cut = pick(journal.text.size() + 1);
        const JournalReplay replay =
            replayJournal(snapshot, std::string_view(journal.text).substr(0, cut));
        std::size_t whole = 0;
        while (whole < journal.stepEnds.size() && journal.stepEnds[whole] <= cut) {
            ++whole;
        }
        ASSERT_EQ(replay.steps, whole) << "seed " << seed << ", cut at " << cut;
        ASSERT_EQ(saveDiagram(replay.diagram),
                  whole == 0 ? saveDiagram(snapshot) : journal.states[whole - 1])
            << "seed " << seed << ", cut at " << cut;
    }
}

}  // namespace
}  // namespace skydraft
