// Tests of `skydraft diff`: exit codes, text and JSON reports, templates against designs.
#include <gtest/gtest.h>

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include "run_skydraft.h"

namespace skydraft::test {
namespace {

QString example() {
    return sourcePath(QStringLiteral("examples/three-tier-web-app.skydraft"));
}

/// The example with one subnet's CIDR and one route changed.
QString changedExample() {
    QByteArray text = readAll(example());
    text.replace("\"cidr\": \"10.0.11.0/24\"", "\"cidr\": \"10.0.12.0/24\"");
    text.replace("{\"destination\":\"0.0.0.0/0\",\"target\":\"nat-b\"}",
                 "{\"destination\":\"0.0.0.0/0\",\"target\":\"nat-a\"}");
    return writeTemp(QStringLiteral("changed.skydraft"), text);
}

TEST(DiffCommand, EqualDiagramsExitZero) {
    const RunResult r = runSkydraft({QStringLiteral("diff"), example(), example()});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.out, QStringLiteral("no differences (24 items match)\n"));
    EXPECT_EQ(r.err, QString());
}

TEST(DiffCommand, ChangesAreSpelledOutAndExitOne) {
    const RunResult r = runSkydraft({QStringLiteral("diff"), example(), changedExample()});
    EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
    EXPECT_EQ(r.out, QStringLiteral("~ Subnet \"app-b\" (subnet-app-b)\n"
                                    "    cidr: 10.0.11.0/24 -> 10.0.12.0/24\n"
                                    "~ Route table \"app-b-rt\" (rt-app-b)\n"
                                    "    routes: route 0.0.0.0/0: target \"nat-b\" -> \"nat-a\"\n"
                                    "2 changed, 0 added, 0 removed, 22 unchanged\n"));
}

TEST(DiffCommand, TheNetworkAloneWithNetworkOnly) {
    QByteArray text = readAll(example());
    text.replace("\"instance_type\": \"t3.small\"", "\"instance_type\": \"t3.large\"");
    const QString bigger = writeTemp(QStringLiteral("bigger.skydraft"), text);
    EXPECT_EQ(runSkydraft({QStringLiteral("diff"), example(), bigger}).exitCode, 1);
    const RunResult r =
        runSkydraft({QStringLiteral("diff"), QStringLiteral("--network-only"), example(), bigger});
    EXPECT_EQ(r.exitCode, 0) << r.out.toStdString();
    EXPECT_EQ(r.out, QStringLiteral("no differences (18 items match)\n"));
}

TEST(DiffCommand, AChangeInCostIsTheMonthlyDelta) {
    QByteArray text = readAll(example());
    text.replace("\"instance_type\": \"t3.small\"", "\"instance_type\": \"t3.large\"");
    const QString bigger = writeTemp(QStringLiteral("costlier.skydraft"), text);
    RunResult r = runSkydraft({QStringLiteral("diff"), example(), bigger});
    EXPECT_EQ(r.exitCode, 1);
    const QRegularExpression line(QStringLiteral(
        "\nMonthly cost: \\$([0-9.]+) -> \\$([0-9.]+) \\(\\+\\$([0-9.]+), on-demand prices of "
        "[0-9-]+\\)\n$"));
    const QRegularExpressionMatch match = line.match(r.out);
    ASSERT_TRUE(match.hasMatch()) << r.out.toStdString();
    const double before = match.captured(1).toDouble();
    const double after = match.captured(2).toDouble();
    EXPECT_NEAR(match.captured(3).toDouble(), after - before, 0.001);
    EXPECT_GT(after, before);

    r = runSkydraft({QStringLiteral("diff"), QStringLiteral("--format=json"), example(), bigger});
    const QJsonObject cost =
        QJsonDocument::fromJson(r.out.toUtf8()).object().value("monthly_cost").toObject();
    EXPECT_NEAR(cost.value("before").toDouble(), before, 0.001);
    EXPECT_NEAR(cost.value("delta").toDouble(), after - before, 0.001);
}

TEST(DiffCommand, JsonForScripts) {
    const RunResult r = runSkydraft({QStringLiteral("diff"), QStringLiteral("--format"),
                                     QStringLiteral("json"), example(), changedExample()});
    EXPECT_EQ(r.exitCode, 1);
    const QJsonObject report = QJsonDocument::fromJson(r.out.toUtf8()).object();
    EXPECT_EQ(report.value("equal").toBool(true), false);
    EXPECT_EQ(report.value("summary").toObject().value("changed").toInt(), 2);
    EXPECT_EQ(report.value("changes").toArray().at(0).toObject().value("b").toString(),
              QStringLiteral("subnet-app-b"));
}

TEST(DiffCommand, ADesignEqualsItsOwnCloudFormationExport) {
    const QString exported = QDir(tempDir()).filePath(QStringLiteral("exported.json"));
    ASSERT_EQ(
        runSkydraft({QStringLiteral("export"), QStringLiteral("--to"),
                     QStringLiteral("cloudformation"), example(), QStringLiteral("-o"), exported})
            .exitCode,
        0);
    const RunResult r = runSkydraft({QStringLiteral("diff"), example(), exported});
    EXPECT_EQ(r.exitCode, 0) << r.out.toStdString() << r.err.toStdString();
}

TEST(DiffCommand, ReportGoesToAFileWithDashO) {
    const QString out = QDir(tempDir()).filePath(QStringLiteral("report.txt"));
    const RunResult r = runSkydraft(
        {QStringLiteral("diff"), example(), changedExample(), QStringLiteral("-o"), out});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.out, QString());
    EXPECT_TRUE(readAll(out).startsWith("~ Subnet \"app-b\""));
}

TEST(DiffCommand, UnusableInputExitsTwoSayingWhy) {
    RunResult r =
        runSkydraft({QStringLiteral("diff"), example(), QStringLiteral("/no/such.skydraft")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, QStringLiteral("skydraft: /no/such.skydraft: no such file\n"));
    r = runSkydraft({QStringLiteral("diff"), example()});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, QStringLiteral("skydraft: diff: expected two files (skydraft diff A B)\n"));
    r = runSkydraft({QStringLiteral("diff"), QStringLiteral("--format"), QStringLiteral("xml"),
                     example(), example()});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, QStringLiteral("skydraft: diff: --format must be text or json, not xml\n"));
}

}  // namespace
}  // namespace skydraft::test
