// ReachProbe: the designer's "Can A reach B?" follows the document, draws what the model answers,
// applies a blocking hop's fix as one undo step, and keeps queries as access intents.
#include <gtest/gtest.h>
#include <QSignalSpy>

#include "analysis/reachability/access_intent.h"
#include "app_test_support.h"
#include "document/document_controller.h"
#include "document/document_session.h"
#include "document/reach_probe.h"
#include "validation/validator.h"

namespace skydraft {
namespace {

using test::sourcePath;
using test::waitFor;

class ReachProbeTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(controller.openFile(sourcePath("examples/three-tier-web-app.skydraft")));
        probe = DocumentSession::of(controller)->reach();
    }
    /// Waits for the probe to answer again after an edit.
    bool settled(QSignalSpy& spy) {
        return waitFor([&] { return spy.count() > 0; }, 5000);
    }
    QStringList hopIds() const {
        QStringList ids;
        for (const QVariant& hop : probe->hops())
            ids << hop.toMap().value("id").toString();
        return ids;
    }
    QVariantMap explanation(int i) const { return probe->explanations().at(i).toMap(); }

    DocumentController controller;
    ReachProbe* probe = nullptr;
};

TEST_F(ReachProbeTest, PicksASourceThenATargetAndExplainsTheBlockingHop) {
    EXPECT_FALSE(probe->active());
    probe->startFrom("i-app-a");
    EXPECT_TRUE(probe->active());
    EXPECT_TRUE(probe->picking());
    EXPECT_EQ(probe->sourceName(), "app-a");
    EXPECT_FALSE(probe->hasResult());
    probe->setPort(22);
    probe->pickTarget("db-orders");
    EXPECT_FALSE(probe->picking());
    ASSERT_TRUE(probe->hasResult());
    EXPECT_FALSE(probe->reachable());
    EXPECT_EQ(probe->verdict(), "Not reachable: tcp 22 from app-a to orders-db");
    EXPECT_EQ(hopIds(), (QStringList{"i-app-a", "rt-app-a", "sg-db", "db-orders"}));
    ASSERT_EQ(probe->explanations().size(), 1);
    EXPECT_EQ(explanation(0).value("code"), "SECURITY_GROUP_INGRESS");
    EXPECT_EQ(explanation(0).value("id"), "sg-db");
    EXPECT_EQ(explanation(0).value("name"), "db-sg");
    EXPECT_EQ(explanation(0).value("fixText"),
              "add an inbound rule to security group \"db-sg\" for tcp 22 from security group "
              "\"app-sg\"");
    // Every hop is drawn at its element's box; the security group is the one that blocks.
    ASSERT_EQ(probe->points().size(), 4);
    for (const QVariant& p : probe->points()) {
        const QVariantMap point = p.toMap();
        const QRectF box = controller.elementBox(point.value("id").toString());
        EXPECT_EQ(point.value("x").toDouble(), box.x());
        EXPECT_EQ(point.value("width").toDouble(), box.width());
        EXPECT_EQ(point.value("blocked").toBool(), point.value("id") == "sg-db");
    }
    // The port the database listens on passes.
    probe->setPort(5432);
    EXPECT_TRUE(probe->reachable());
    EXPECT_EQ(probe->verdict(), "Reachable: tcp 5432 from app-a to orders-db");
    EXPECT_TRUE(probe->explanations().isEmpty());
    probe->clear();
    EXPECT_FALSE(probe->active());
    EXPECT_FALSE(probe->hasResult());
    EXPECT_TRUE(probe->points().isEmpty());
}

TEST_F(ReachProbeTest, AFixIsOneUndoStepAndTheAnswerFollowsTheDocument) {
    probe->startFrom("i-app-a");
    probe->setPort(22);
    probe->pickTarget("db-orders");
    ASSERT_EQ(probe->explanations().size(), 1);
    ASSERT_TRUE(explanation(0).value("hasFix").toBool());
    const Diagram before = controller.diagram();
    const int steps = controller.undoStack()->count();
    QSignalSpy answered(probe, &ReachProbe::changed);
    ASSERT_TRUE(probe->applyFix(0));
    EXPECT_EQ(controller.undoStack()->count(), steps + 1);
    ASSERT_TRUE(settled(answered));
    EXPECT_TRUE(probe->reachable());
    answered.clear();
    controller.undo();
    EXPECT_EQ(controller.diagram(), before);
    ASSERT_TRUE(settled(answered));
    EXPECT_FALSE(probe->reachable());
    EXPECT_FALSE(probe->applyFix(5));
    // Deleting the destination ends the answer; deleting the source ends the query.
    answered.clear();
    controller.select("db-orders");
    ASSERT_TRUE(controller.deleteSelection());
    ASSERT_TRUE(settled(answered));
    EXPECT_TRUE(probe->active());
    EXPECT_TRUE(probe->picking());
    EXPECT_FALSE(probe->hasResult());
    answered.clear();
    controller.select("i-app-a");
    ASSERT_TRUE(controller.deleteSelection());
    ASSERT_TRUE(settled(answered));
    EXPECT_FALSE(probe->active());
}

TEST_F(ReachProbeTest, QueriesKeptAsIntentsAreCheckedByValidationAndUndoable) {
    probe->startFrom("internet");
    probe->setPort(5432);
    probe->pickTarget("db-orders");
    ASSERT_TRUE(probe->hasResult());
    EXPECT_FALSE(probe->reachable());
    const Diagram before = controller.diagram();
    QSignalSpy answered(probe, &ReachProbe::changed);
    ASSERT_TRUE(probe->keepAsIntent(false));
    EXPECT_EQ(controller.undoText(), "Keep intent: internet must not reach db-orders (tcp 5432)");
    EXPECT_FALSE(probe->keepAsIntent(false));  // the same intent once only
    ASSERT_TRUE(settled(answered));
    ASSERT_EQ(probe->intents().size(), 1);
    EXPECT_TRUE(probe->intents().at(0).toMap().value("holds").toBool());
    const auto stored = reach::readIntents(controller.diagram(), nullptr);
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].from, "internet");
    EXPECT_EQ(stored[0].to, "db-orders");
    EXPECT_FALSE(stored[0].reachable);
    EXPECT_EQ(stored[0].flow, (reach::Flow{reach::Protocol::Tcp, 5432}));

    // An intent that does not hold is a REACH001 error of the validator.
    probe->startFrom("i-app-a");
    probe->setPort(22);
    probe->pickTarget("db-orders");
    answered.clear();
    ASSERT_TRUE(probe->keepAsIntent(true));
    ASSERT_TRUE(settled(answered));
    ASSERT_EQ(probe->intents().size(), 2);
    EXPECT_FALSE(probe->intents().at(1).toMap().value("holds").toBool());
    int violated = 0;
    for (const Finding& f : validate(controller.diagram()).findings)
        violated += f.ruleId == "REACH001";
    EXPECT_EQ(violated, 1);

    // Showing an intent loads its query; removing one is one undo step.
    probe->showIntent(0);
    EXPECT_EQ(probe->sourceId(), "internet");
    EXPECT_EQ(probe->targetId(), "db-orders");
    EXPECT_EQ(probe->port(), 5432);
    answered.clear();
    ASSERT_TRUE(probe->removeIntent(1));
    ASSERT_TRUE(settled(answered));
    EXPECT_EQ(probe->intents().size(), 1);
    controller.undo();
    controller.undo();
    controller.undo();
    EXPECT_EQ(controller.diagram(), before);
    EXPECT_FALSE(controller.diagram().metadata().contains(reach::kIntentsKey));
}

TEST_F(ReachProbeTest, RemovingAnIntentKeepsEntriesItCannotRead) {
    Diagram d = controller.diagram();
    nlohmann::json metadata = d.metadata();
    metadata[std::string(reach::kIntentsKey)] = nlohmann::json::array(
        {{{"id", "a"}, {"from", "internet"}, {"to", "db-orders"}, {"expect", "unreachable"}},
         {{"id", "future"}, {"from", "internet"}, {"expect", "someday"}}});
    d.setMetadata(metadata);
    controller.adoptDiagram(std::move(d));
    ASSERT_TRUE(waitFor([&] { return probe->intents().size() == 1; }, 5000));
    ASSERT_TRUE(probe->removeIntent(0));
    const nlohmann::json& left =
        controller.diagram().metadata().at(std::string(reach::kIntentsKey));
    ASSERT_EQ(left.size(), 1u);
    EXPECT_EQ(left[0]["id"], "future");
}

}  // namespace
}  // namespace skydraft
