// Tests of `skydraft pricing refresh`: a table refreshed from the fixture offer files, used by
// `skydraft cost --prices`; and inputs that cannot be used, which never write the output.
#include <gtest/gtest.h>

#include <QFile>
#include <nlohmann/json.hpp>

#include "run_skydraft.h"

namespace skydraft::test {
namespace {

QString offer(const char* name) {
    return sourcePath(QStringLiteral("tests/fixtures/pricing/%1.json").arg(QLatin1String(name)));
}

QStringList allOffers() {
    QStringList offers;
    for (const char* name : {"AmazonEC2", "AmazonVPC", "AmazonRDS", "AmazonElastiCache", "AWSELB",
                             "AWSNetworkFirewall", "AWSDataTransfer"}) {
        offers << offer(name);
    }
    return offers;
}

QString threeTier() {
    return sourcePath(QStringLiteral("examples/three-tier-web-app.skydraft"));
}

TEST(PricingCommand, RefreshesTheBuiltInTableAndSaysWhatChangedAndWhatStaysUnverified) {
    const QString out = tempDir() + QStringLiteral("/refreshed.json");
    const RunResult r =
        runSkydraft(QStringList{QStringLiteral("pricing"), QStringLiteral("refresh")}
                    << allOffers() << QStringLiteral("-o") << out);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.isEmpty()) << r.err.toStdString();
    EXPECT_TRUE(r.out.startsWith(QStringLiteral(
        "Refreshed 25 prices from 7 offer files: 3 changed; the table is dated 2026-12-04.\n")))
        << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(offer("AmazonEC2") +
                               QStringLiteral(": AmazonEC2 version 20261120180412, 10 products, 5 "
                                              "prices matched, 5 table prices set\n")))
        << r.out.toStdString();
    EXPECT_TRUE(
        r.out.contains(QStringLiteral("Changed:\n"
                                      "  us-east-1/vpc_endpoint.interface.zone_hour: 0.01 "
                                      "-> 0.011\n"
                                      "  us-east-1/ec2.t3.micro.hour: 0.0104 -> 0.0105\n"
                                      "  us-east-1/rds.db.t3.micro.hour: 0.018 -> 0.019\n")))
        << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral(
        "  us-east-1/data_transfer.internet.gb: tiered; took the first tier (beginRange 0) of ")));
    EXPECT_TRUE(r.out.contains(QStringLiteral("Still unverified (no price in these files) (")));
    EXPECT_TRUE(r.out.contains(QStringLiteral("\n  us-east-1/ec2.t3.nano.hour\n")));
    EXPECT_TRUE(r.out.contains(QStringLiteral("Kept as they were (no price in these files) (")));
    EXPECT_TRUE(r.out.contains(QStringLiteral("\n  us-east-1/vpc_endpoint.gateway.hour\n")));
    EXPECT_TRUE(r.out.endsWith(QStringLiteral("Wrote ") + out + QLatin1Char('\n')));

    const auto table = nlohmann::json::parse(readAll(out).toStdString());
    EXPECT_EQ(table["date"], "2026-12-04");
    EXPECT_EQ(table["regions"]["us-east-1"]["ec2.t3.micro.hour"], 0.0105);
    EXPECT_EQ(table["regions"]["ap-northeast-2"]["ec2.t3.micro.hour"], 0.013);

    // The refreshed table prices a design.
    const RunResult cost =
        runSkydraft({QStringLiteral("cost"), threeTier(), QStringLiteral("--prices"), out});
    ASSERT_EQ(cost.exitCode, 0) << cost.err.toStdString();
    EXPECT_TRUE(cost.out.contains(QStringLiteral("on-demand prices of 2026-12-04")))
        << cost.out.toStdString();
}

TEST(PricingCommand, ATableFileIsRefreshedAndCostUsesTheNewPrices) {
    // A table whose NAT gateway hour in us-east-1 is 0.5: the EC2 offer sets it back to 0.045.
    auto table = nlohmann::ordered_json::parse(
        readAll(sourcePath(QStringLiteral("model/pricing/price_table.json"))).toStdString());
    table["regions"]["us-east-1"]["nat_gateway.hour"] = 0.5;
    const QString in =
        writeTemp(QStringLiteral("old-table.json"), QByteArray::fromStdString(table.dump(2)));
    const QString out = tempDir() + QStringLiteral("/new-table.json");

    RunResult r =
        runSkydraft({QStringLiteral("cost"), threeTier(), QStringLiteral("--prices"), in});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("  NAT gateway nat-a: 730 h x $0.50 + ")))
        << r.out.toStdString();

    r = runSkydraft({QStringLiteral("pricing"), QStringLiteral("refresh"), offer("AmazonEC2"),
                     QStringLiteral("--table"), in, QStringLiteral("-o"), out,
                     QStringLiteral("--region"), QStringLiteral("us-east-1")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.startsWith(QStringLiteral(
        "Refreshed 3 prices from 1 offer file: 2 changed; the table is dated 2026-11-20.\n")))
        << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("  us-east-1/nat_gateway.hour: 0.5 -> 0.045\n")));
    EXPECT_FALSE(r.out.contains(QStringLiteral("eu-west-1/")));  // only the asked region

    r = runSkydraft({QStringLiteral("cost"), threeTier(), QStringLiteral("--prices"), out});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral(
        "  NAT gateway nat-a: 730 h x $0.045 + 730 h of its public IPv4 x $0.005 = $36.50\n")))
        << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("on-demand prices of 2026-11-20")));
}

TEST(PricingCommand, InputsThatCannotBeUsedExitTwoAndLeaveTheOutputAlone) {
    const QString out = writeTemp(QStringLiteral("keep.json"), "previous bytes\n");
    const QByteArray whole = readAll(offer("AmazonVPC"));
    const QString truncated =
        writeTemp(QStringLiteral("truncated.json"), whole.left(whole.size() / 2));
    const QString notJson = writeTemp(QStringLiteral("not-json.json"), "<html>throttled</html>");
    const QString badPrice = writeTemp(
        QStringLiteral("bad-price.json"),
        QByteArray(readAll(offer("AmazonRDS"))).replace("\"0.0190000000\"", "\"0.019USD\""));
    const struct {
        QStringList arguments;
        QString error;
    } cases[] = {
        {{offer("AmazonEC2"), tempDir() + QStringLiteral("/missing.json")},
         tempDir() + QStringLiteral("/missing.json: no such file")},
        {{notJson}, notJson + QStringLiteral(": byte 1: syntax error while parsing value")},
        {{offer("AmazonEC2"), truncated},
         truncated + QStringLiteral(": byte %1: syntax error").arg(whole.size() / 2 + 1)},
        {{threeTier()},
         threeTier() +
             QStringLiteral(": not an AWS Price List offer file (\"version\" is not a text)")},
        {{badPrice}, badPrice + QStringLiteral(": sku ")},
        {{tempDir()}, tempDir() + QStringLiteral(": is a directory")},
        {{offer("AmazonEC2"), QStringLiteral("--region"), QStringLiteral("sa-east-1")},
         QStringLiteral("the built-in table has no region sa-east-1 (it covers ")},
        {{offer("AmazonEC2"), QStringLiteral("--table"), notJson},
         notJson + QStringLiteral(": the price table is not a JSON object")},
    };
    for (const auto& c : cases) {
        const RunResult r =
            runSkydraft(QStringList{QStringLiteral("pricing"), QStringLiteral("refresh")}
                        << c.arguments << QStringLiteral("-o") << out);
        EXPECT_EQ(r.exitCode, 2) << c.arguments.join(' ').toStdString();
        EXPECT_TRUE(r.err.contains(c.error))
            << "expected " << c.error.toStdString() << "\ngot " << r.err.toStdString();
        EXPECT_EQ(readAll(out), QByteArray("previous bytes\n"));
    }
    EXPECT_TRUE(
        runSkydraft({QStringLiteral("pricing"), QStringLiteral("refresh"), offer("AmazonEC2")})
            .err.contains(QStringLiteral("expected -o OUT.json")));
    EXPECT_EQ(runSkydraft({QStringLiteral("pricing"), QStringLiteral("fetch")}).exitCode, 2);
    const RunResult help = runSkydraft({QStringLiteral("pricing"), QStringLiteral("--help")});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.contains(QStringLiteral("--table <FILE>"))) << help.out.toStdString();

    const RunResult cost =
        runSkydraft({QStringLiteral("cost"), threeTier(), QStringLiteral("--prices"), notJson});
    EXPECT_EQ(cost.exitCode, 2);
    EXPECT_TRUE(
        cost.err.contains(notJson + QStringLiteral(": the price table is not a JSON object")))
        << cost.err.toStdString();
}

}  // namespace
}  // namespace skydraft::test
