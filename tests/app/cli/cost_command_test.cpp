// Tests of `skydraft cost`: the estimate as text, JSON and CSV, regions, and what cannot be priced.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "run_skydraft.h"

namespace skydraft::test {
namespace {

QString example(const char* name) {
    return sourcePath(QStringLiteral("examples/%1.skydraft").arg(QLatin1String(name)));
}

TEST(CostCommand, PrintsEachLineWithItsFormulaAndTheTotal) {
    const RunResult r = runSkydraft({QStringLiteral("cost"), example("three-tier-web-app")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral(
        "  NAT gateway nat-a: 730 h x $0.045 + 730 h of its public IPv4 x $0.005 = $36.50\n")))
        << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("Per VPC:\n  web-prod: $")));
    EXPECT_TRUE(r.out.contains(QStringLiteral("\nTotal: $"))) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral(" a month (USD, on-demand prices of 20")));
    EXPECT_TRUE(r.err.isEmpty());
}

TEST(CostCommand, JsonAndCsvAgreeAndTheRegionChangesThePrices) {
    RunResult r = runSkydraft(
        {QStringLiteral("cost"), example("three-tier-web-app"), QStringLiteral("--format=json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const auto us = nlohmann::json::parse(r.out.toStdString());
    double sum = 0;
    for (const auto& line : us["lines"]) {
        sum += line["monthly"].get<double>();
        EXPECT_EQ(line["region"], "us-east-1");
    }
    EXPECT_NEAR(us["total"].get<double>(), sum, 0.03);
    EXPECT_EQ(us["errors"].size(), 0u);

    r = runSkydraft({QStringLiteral("cost"), example("three-tier-web-app"),
                     QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--region"),
                     QStringLiteral("eu-west-1")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const auto eu = nlohmann::json::parse(r.out.toStdString());
    EXPECT_EQ(eu["lines"][0]["region"], "eu-west-1");
    EXPECT_NE(eu["total"], us["total"]);

    r = runSkydraft(
        {QStringLiteral("cost"), example("three-tier-web-app"), QStringLiteral("--format=csv")});
    ASSERT_EQ(r.exitCode, 0);
    const QStringList rows = r.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    EXPECT_EQ(rows.value(0), QStringLiteral("id,name,kind,category,vpc,region,monthly,formula"));
    EXPECT_EQ(rows.size(), static_cast<int>(us["lines"].size()) + 1);
}

TEST(CostCommand, WhatCannotBePricedIsNamedAndTheExitCodeSaysSo) {
    RunResult r = runSkydraft({QStringLiteral("cost"), example("three-tier-web-app"),
                               QStringLiteral("--region"), QStringLiteral("sa-east-1")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("has no prices for sa-east-1 (it covers ")))
        << r.err.toStdString();

    r = runSkydraft(
        {QStringLiteral("cost"), example("three-tier-web-app"), QStringLiteral("--format=xml")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err,
              QStringLiteral("skydraft: cost: unknown format \"xml\" (text, json or csv)\n"));

    const QString odd = writeTemp(
        QStringLiteral("odd.yaml"),
        "Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.0.0.0/16}\n"
        "  Sub:\n    Type: AWS::EC2::Subnet\n    Properties: {VpcId: !Ref Vpc, CidrBlock: "
        "10.0.0.0/24, AvailabilityZone: us-east-1a}\n"
        "  Odd:\n    Type: AWS::EC2::Instance\n    Properties: {InstanceType: x9.huge, SubnetId: "
        "!Ref Sub, ImageId: ami-12345678}\n");
    r = runSkydraft({QStringLiteral("cost"), odd});
    EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(
        QStringLiteral("  ! EC2 instance Odd: no price for ec2.x9.huge.hour in us-east-1")))
        << r.out.toStdString();
    EXPECT_TRUE(
        r.err.contains(QStringLiteral("odd.yaml: EC2 instance Odd: no price for ec2.x9.huge.hour")))
        << r.err.toStdString();
}

}  // namespace
}  // namespace skydraft::test
