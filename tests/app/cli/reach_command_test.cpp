// Tests of `skydraft reach`: verdicts and exit codes, the JSON shape, traceroute text, names,
// logical ids and addresses as ends, templates as input, the exposure report, bad input.
#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "run_skydraft.h"

namespace skydraft::test {
namespace {

QString threeTier() {
    return sourcePath(QStringLiteral("examples/three-tier-web-app.skydraft"));
}

QJsonObject parsed(const QString& text) {
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

TEST(ReachCommand, ReachableExitsZeroAndPrintsTheHops) {
    const RunResult r =
        runSkydraft({QStringLiteral("reach"), threeTier(), QStringLiteral("--from"),
                     QStringLiteral("i-app-a"), QStringLiteral("--to"), QStringLiteral("internet"),
                     QStringLiteral("--port"), QStringLiteral("443")});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.out, QStringLiteral(
                         "i-app-a -> internet, tcp 443\n"
                         "  1  instance \"app-a\"                           ok\n"
                         "  2  route table \"app-a-rt\"                     ok  route 0.0.0.0/0 -> "
                         "nat-a\n"
                         "  3  NAT gateway \"nat-a\"                        ok  translates the "
                         "source address\n"
                         "  4  route table \"public-rt\"                    ok  route 0.0.0.0/0 -> "
                         "igw-web\n"
                         "  5  internet gateway \"web-igw\"                 ok  to the internet\n"
                         "  6  the internet                               ok\n"
                         "reachable\n"));
}

TEST(ReachCommand, BlockedExitsOneWithTheIssueJsonShape) {
    const RunResult r =
        runSkydraft({QStringLiteral("reach"), threeTier(), QStringLiteral("--from"),
                     QStringLiteral("alb-web"), QStringLiteral("--to"), QStringLiteral("orders-db"),
                     QStringLiteral("--protocol"), QStringLiteral("tcp"), QStringLiteral("--port"),
                     QStringLiteral("5432"), QStringLiteral("--format"), QStringLiteral("json")});
    EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
    const QJsonObject o = parsed(r.out);
    EXPECT_EQ(o.keys(), (QStringList{QStringLiteral("explanations"), QStringLiteral("path"),
                                     QStringLiteral("reachable")}));
    EXPECT_FALSE(o[QStringLiteral("reachable")].toBool(true));
    const QJsonArray path = o[QStringLiteral("path")].toArray();
    ASSERT_EQ(path.size(), 4);
    EXPECT_EQ(path[0].toObject(),
              (QJsonObject{{QStringLiteral("id"), QStringLiteral("alb-web")},
                           {QStringLiteral("name"), QStringLiteral("web-alb")},
                           {QStringLiteral("kind"), QStringLiteral("load_balancer")}}));
    EXPECT_EQ(path[3].toObject()[QStringLiteral("id")].toString(), QStringLiteral("db-orders"));
    const QJsonArray explanations = o[QStringLiteral("explanations")].toArray();
    ASSERT_EQ(explanations.size(), 1);
    const QJsonObject x = explanations[0].toObject();
    EXPECT_EQ(x.keys(), (QStringList{QStringLiteral("code"), QStringLiteral("component"),
                                     QStringLiteral("direction"), QStringLiteral("fix"),
                                     QStringLiteral("message")}));
    EXPECT_EQ(x[QStringLiteral("code")].toString(), QStringLiteral("SECURITY_GROUP_INGRESS"));
    EXPECT_EQ(x[QStringLiteral("direction")].toString(), QStringLiteral("inbound"));
    EXPECT_EQ(x[QStringLiteral("component")].toObject()[QStringLiteral("id")].toString(),
              QStringLiteral("sg-db"));
    EXPECT_EQ(x[QStringLiteral("message")].toString(),
              QStringLiteral("security group \"db-sg\" of database \"orders-db\" admits no "
                             "inbound tcp 5432 from load balancer \"web-alb\" (10.0.0.0/24)"));
    EXPECT_EQ(x[QStringLiteral("fix")].toString(),
              QStringLiteral("add an inbound rule to security group \"db-sg\" for tcp 5432 from "
                             "security group \"alb-sg\""));
}

TEST(ReachCommand, TemplateEndsByLogicalIdCarryTheirLogicalId) {
    const QString file =
        sourcePath(QStringLiteral("tests/fixtures/cloudformation/cdk/WebTier.json"));
    const RunResult r = runSkydraft(
        {QStringLiteral("reach"), file, QStringLiteral("--from"), QStringLiteral("internet"),
         QStringLiteral("--to"), QStringLiteral("Lb1928D9D6"), QStringLiteral("--port"),
         QStringLiteral("443"), QStringLiteral("--format"), QStringLiteral("json")});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonArray path = parsed(r.out)[QStringLiteral("path")].toArray();
    ASSERT_EQ(path.size(), 3);
    EXPECT_EQ(path[0].toObject()[QStringLiteral("kind")].toString(), QStringLiteral("internet"));
    EXPECT_EQ(path[2].toObject()[QStringLiteral("logical_id")].toString(),
              QStringLiteral("Lb1928D9D6"));
}

TEST(ReachCommand, AddressesAsEnds) {
    const RunResult r = runSkydraft({QStringLiteral("reach"), threeTier(), QStringLiteral("--from"),
                                     QStringLiteral("203.0.113.9"), QStringLiteral("--to"),
                                     QStringLiteral("10.0.20.0/24"), QStringLiteral("--format"),
                                     QStringLiteral("json")});
    EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
    const QJsonObject o = parsed(r.out);
    EXPECT_EQ(o[QStringLiteral("path")].toArray()[0].toObject()[QStringLiteral("kind")].toString(),
              QStringLiteral("address"));
    QStringList codes;
    for (const auto& x : o[QStringLiteral("explanations")].toArray()) {
        codes << x.toObject()[QStringLiteral("code")].toString();
    }
    EXPECT_EQ(codes, (QStringList{QStringLiteral("NO_PUBLIC_IP"), QStringLiteral("NO_ROUTE")}));
}

TEST(ReachCommand, UnknownNameListsTheClosestAndExitsTwo) {
    const RunResult r = runSkydraft({QStringLiteral("reach"), threeTier(), QStringLiteral("--from"),
                                     QStringLiteral("internet"), QStringLiteral("--to"),
                                     QStringLiteral("ordrs-db")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.out, QString());
    EXPECT_EQ(r.err, QStringLiteral("skydraft: reach: --to: no element, name or logical id "
                                    "\"ordrs-db\" (closest: orders-db, rt-db, db-b)\n"));
}

TEST(ReachCommand, BadArgumentsExitTwo) {
    const QStringList base = {QStringLiteral("reach"), threeTier()};
    RunResult r = runSkydraft(base + QStringList{QStringLiteral("--from"), QStringLiteral("x")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, QStringLiteral("skydraft: reach: give --from A and --to B, or --exposure\n"));
    r = runSkydraft(base + QStringList{QStringLiteral("--from"), QStringLiteral("internet"),
                                       QStringLiteral("--to"), QStringLiteral("i-app-a"),
                                       QStringLiteral("--port"), QStringLiteral("70000")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, QStringLiteral("skydraft: reach: --port \"70000\" is not a port (0-65535)\n"));
    r = runSkydraft(base + QStringList{QStringLiteral("--from"), QStringLiteral("internet"),
                                       QStringLiteral("--to"), QStringLiteral("i-app-a"),
                                       QStringLiteral("--protocol"), QStringLiteral("sctp")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, QStringLiteral("skydraft: reach: unknown protocol \"sctp\" (tcp, udp, icmp "
                                    "or any)\n"));
    r = runSkydraft(base + QStringList{QStringLiteral("--from"), QStringLiteral("internet"),
                                       QStringLiteral("--to"), QStringLiteral("i-app-a"),
                                       QStringLiteral("--protocol"), QStringLiteral("icmp"),
                                       QStringLiteral("--port"), QStringLiteral("1")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, QStringLiteral("skydraft: reach: --port applies to tcp and udp, not icmp\n"));
    r = runSkydraft({QStringLiteral("reach"), QStringLiteral("/no/such.skydraft"),
                     QStringLiteral("--exposure")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, QStringLiteral("skydraft: /no/such.skydraft: no such file\n"));
}

TEST(ReachCommand, ExposureListsElementsAndPorts) {
    RunResult r = runSkydraft({QStringLiteral("reach"), threeTier(), QStringLiteral("--exposure")});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.out, QStringLiteral("instance \"app-a\": tcp 8080 via load balancer \"web-alb\"\n"
                                    "instance \"app-b\": tcp 8080 via load balancer \"web-alb\"\n"
                                    "load balancer \"web-alb\": tcp 443\n"));
    r = runSkydraft({QStringLiteral("reach"), threeTier(), QStringLiteral("--exposure"),
                     QStringLiteral("--format"), QStringLiteral("json")});
    const QJsonArray exposed = parsed(r.out)[QStringLiteral("exposed")].toArray();
    ASSERT_EQ(exposed.size(), 3);
    const QJsonObject last = exposed[2].toObject();
    EXPECT_EQ(last[QStringLiteral("component")].toObject()[QStringLiteral("id")].toString(),
              QStringLiteral("alb-web"));
    EXPECT_EQ(last[QStringLiteral("ports")].toArray(), (QJsonArray{QStringLiteral("tcp 443")}));
}

TEST(ReachCommand, ListedInHelp) {
    const RunResult r = runSkydraft({QStringLiteral("help")});
    EXPECT_TRUE(r.out.contains(
        QStringLiteral("  reach       can A reach B, and if not, why (or --exposure)\n")))
        << r.out.toStdString();
}

}  // namespace
}  // namespace skydraft::test
