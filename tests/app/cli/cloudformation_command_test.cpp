// Tests of `skydraft export --to cloudformation` and `skydraft import`, run on the binary.
#include <gtest/gtest.h>

#include <QFile>
#include <nlohmann/json.hpp>

#include "diagram_file.h"
#include "run_skydraft.h"

namespace skydraft::test {
namespace {

TEST(ExportCommand, WritesACloudFormationTemplate) {
    const QString example = sourcePath(QStringLiteral("examples/three-tier-web-app.skydraft"));
    const QString out = tempDir() + QStringLiteral("/web.json");
    const RunResult r =
        runSkydraft({QStringLiteral("export"), QStringLiteral("--to"),
                     QStringLiteral("cloudformation"), example, QStringLiteral("-o"), out});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.out, QString());
    const auto t = nlohmann::ordered_json::parse(readAll(out).toStdString());
    EXPECT_EQ(t["AWSTemplateFormatVersion"], "2010-09-09");
    EXPECT_EQ(t["Resources"]["OrdersDb"]["Type"], "AWS::RDS::DBInstance");
    // Without -o the same bytes go to standard output.
    const RunResult toStdout = runSkydraft({QStringLiteral("export"), QStringLiteral("--to"),
                                            QStringLiteral("cloudformation"), example});
    EXPECT_EQ(toStdout.exitCode, 0);
    EXPECT_EQ(toStdout.out.toUtf8(), readAll(out));
}

TEST(ExportCommand, RefusesUnknownFormatsAndMissingArguments) {
    const QString example = sourcePath(QStringLiteral("examples/three-tier-web-app.skydraft"));
    RunResult r = runSkydraft(
        {QStringLiteral("export"), QStringLiteral("--to"), QStringLiteral("terraform"), example});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, QStringLiteral("skydraft: export: unknown format \"terraform\" (use "
                                    "cloudformation, dot, png, svg, pdf, mermaid or html)\n"));
    r = runSkydraft({QStringLiteral("export"), example});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.startsWith(QStringLiteral("skydraft: export: expected --to FORMAT")));
}

TEST(ImportCommand, ImportsCdkAndExportsBackTheSameDiagram) {
    const QString dir = tempDir();
    const QString example = sourcePath(QStringLiteral("examples/hub-and-spoke-tgw-vpn.skydraft"));
    RunResult r =
        runSkydraft({QStringLiteral("export"), QStringLiteral("--to"), QStringLiteral("cfn"),
                     example, QStringLiteral("-o"), dir + QStringLiteral("/hub.json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    r = runSkydraft({QStringLiteral("import"), dir + QStringLiteral("/hub.json"),
                     QStringLiteral("-o"), dir + QStringLiteral("/hub.skydraft")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const LoadResult original = loadDiagram(readAll(example).toStdString());
    ASSERT_TRUE(original);
    EXPECT_EQ(readAll(dir + QStringLiteral("/hub.skydraft")).toStdString(),
              saveDiagram(*original.diagram));
}

TEST(ImportCommand, ImportsYamlAndNamesSymbolicValues) {
    const QString path =
        sourcePath(QStringLiteral("tests/fixtures/cloudformation/yaml/vpc_public_private.yaml"));
    const RunResult r = runSkydraft({QStringLiteral("import"), path});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    const LoadResult loaded = loadDiagram(r.out.toStdString());
    ASSERT_TRUE(loaded) << loaded.error->toString();
    EXPECT_EQ(loaded.diagram->elementsOfKind("subnet").size(), 4u);
    EXPECT_TRUE(r.err.contains(path + QStringLiteral(": Resources.PublicSubnet1.Properties."
                                                     "AvailabilityZone: kept symbolic as "
                                                     "!Select [0, !GetAZs ''] (zone 1 of the "
                                                     "stack's region)\n")))
        << r.err.toStdString();
}

TEST(ImportCommand, ErrorsNameTheResourceAndProperty) {
    const QString path = tempDir() + QStringLiteral("/bad.yaml");
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(
        "Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n"
        "      CidrBlock: 10.0.300.0/16\n");
    file.close();
    const RunResult r = runSkydraft({QStringLiteral("import"), path});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.startsWith(QStringLiteral("skydraft: ") + path +
                                 QStringLiteral(": Resources.Vpc.Properties.CidrBlock: "
                                                "\"10.0.300.0/16\" is not a CIDR")))
        << r.err.toStdString();
}

TEST(ImportCommand, OtherCommandsReadTemplatesDirectly) {
    const QString path =
        sourcePath(QStringLiteral("tests/fixtures/cloudformation/cdk/ThreeTierVpc.json"));
    const RunResult r = runSkydraft({QStringLiteral("info"), path});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("      6  Subnet\n"))) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("      2  NAT gateway\n"))) << r.out.toStdString();
}

}  // namespace
}  // namespace skydraft::test
