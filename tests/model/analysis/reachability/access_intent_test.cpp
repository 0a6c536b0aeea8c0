// Access intents: stored in the diagram's metadata, read back, checked by REACH001.
#include "analysis/reachability/access_intent.h"
#include "diagram_file.h"
#include "reach_fixture.h"

namespace skydraft {
namespace {

using namespace skydraft::testing;
using reach::AccessIntent;

Diagram withIntents(json intents) {
    Diagram d = threeTier().build();
    d.setMetadata({{"access_intents", std::move(intents)}});
    return d;
}

TEST(AccessIntent, ReadWriteRoundTripThroughTheFile) {
    Diagram d = threeTier().build();
    const std::vector<AccessIntent> intents = {
        {"db-private", "internet", "data", false, Flow{Protocol::Any, -1}, "no internet to data"},
        {"app-db", "sg-app", "sg-db", true, tcp(5432), ""}};
    reach::writeIntents(d, intents);
    const auto loaded = loadDiagram(saveDiagram(d));
    ASSERT_TRUE(loaded.diagram) << loaded.error->toString();
    std::vector<std::string> problems;
    EXPECT_EQ(reach::readIntents(*loaded.diagram, &problems), intents);
    EXPECT_TRUE(problems.empty());
    EXPECT_EQ(reach::intentText(intents[1]), "sg-app must reach sg-db (tcp 5432)");
    reach::writeIntents(d, {});
    EXPECT_FALSE(d.metadata().contains("access_intents"));
}

TEST(AccessIntent, MalformedIntentsAreReportedNotDropped) {
    const Diagram d = withIntents(json::array({{{"from", "internet"}},
                                               {{"from", "a"}, {"to", "b"}, {"expect", "maybe"}},
                                               {{"from", "a"},
                                                {"to", "b"},
                                                {"expect", "reachable"},
                                                {"protocol", "icmp"},
                                                {"port", 8}}}));
    EXPECT_EQ(summary(run(d, "REACH001")),
              (Lines{"REACH001 error [] access intent 1: needs \"from\" and \"to\"",
                     "REACH001 error [] access intent 2: \"expect\" is \"reachable\" or "
                     "\"unreachable\"",
                     "REACH001 error [] access intent 3: \"port\" applies to tcp and udp"}));
}

TEST(AccessIntent, IntentsThatHoldAreSilent) {
    const Diagram d = withIntents(json::array(
        {{{"id", "db-private"}, {"from", "internet"}, {"to", "data"}, {"expect", "unreachable"}},
         {{"id", "app-db"},
          {"from", "sg-app"},
          {"to", "sg-db"},
          {"expect", "reachable"},
          {"protocol", "tcp"},
          {"port", 5432}}}));
    EXPECT_TRUE(run(d, "REACH001").empty());
}

TEST(AccessIntent, BrokenReachableIntentNamesTheBlockerAndOffersItsFix) {
    Diagram d = withIntents(json::array({{{"id", "web-db"},
                                          {"from", "web"},
                                          {"to", "db"},
                                          {"expect", "reachable"},
                                          {"port", 5432}}}));
    const auto findings = run(d, "REACH001");
    EXPECT_EQ(summary(findings),
              (Lines{"REACH001 error [sg-db] access intent \"web-db\": web -> db (tcp 5432) is "
                     "blocked: SECURITY_GROUP_INGRESS security group \"sg-db\" of database \"db\" "
                     "admits no inbound tcp 5432 from instance \"web\" (10.0.0.0/24)"}));
    ASSERT_TRUE(findings[0].fix);
    ASSERT_TRUE(applyFix(d, *findings[0].fix).ok());
    EXPECT_TRUE(run(d, "REACH001").empty());
}

TEST(AccessIntent, BrokenUnreachableIntentNamesThePath) {
    Diagram d = withIntents(json::array(
        {{{"id", "web-closed"}, {"from", "internet"}, {"to", "web"}, {"expect", "unreachable"}}}));
    EXPECT_EQ(summary(run(d, "REACH001")),
              (Lines{"REACH001 error [igw,web] access intent \"web-closed\": internet -> web (all "
                     "traffic) is reachable, and the intent says it must not be"}));
}

TEST(AccessIntent, VpcNeverReachesVpc) {
    DiagramBuilder b = threeTier();
    b.vpc("dev", "10.9.0.0/16").subnet("dev-a", "dev", "10.9.1.0/24");
    Diagram d = b.build();
    d.setMetadata(
        {{"access_intents",
          json::array(
              {{{"id", "prod-dev"}, {"from", "app"}, {"to", "dev"}, {"expect", "unreachable"}}})}});
    EXPECT_TRUE(run(d, "REACH001").empty());
    d.setMetadata(
        {{"access_intents",
          json::array(
              {{{"id", "gone"}, {"from", "app"}, {"to", "staging"}, {"expect", "unreachable"}}})}});
    EXPECT_EQ(messages(run(d, "REACH001")),
              (Lines{"access intent \"gone\" cannot be checked: to: no element, name or logical "
                     "id \"staging\""}));
}

}  // namespace
}  // namespace skydraft
