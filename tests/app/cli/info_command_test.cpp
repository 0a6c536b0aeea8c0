// Tests of `skydraft info` and `skydraft format`, and of the dispatcher's exit codes.
#include <gtest/gtest.h>

#include <QFile>

#include "run_skydraft.h"

namespace skydraft::test {
namespace {

TEST(InfoCommand, CountsElementsByKind) {
    const QString path = sourcePath(QStringLiteral("examples/three-peered-vpcs.skydraft"));
    const RunResult r = runSkydraft({QStringLiteral("info"), path});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.out, path + QStringLiteral(": \"Three VPCs joined by peering\"\n"
                                           "  18 elements, 3 connections\n"
                                           "      6  EC2 instance\n"
                                           "      3  Route table\n"
                                           "      6  Subnet\n"
                                           "      3  VPC\n"
                                           "      3  VPC peering (connection)\n"));
}

TEST(InfoCommand, MalformedFileSaysWhereAndExitsTwo) {
    const QString path = writeTemp(QStringLiteral("bad.skydraft"),
                                   "{\"format\": \"skydraft\", \"version\": 1, \"elements\": [\n"
                                   "  {\"id\": \"a\", \"kind\": \"vpcc\"}]}");
    const RunResult r = runSkydraft({QStringLiteral("info"), path});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.out, QString());
    EXPECT_EQ(r.err, QStringLiteral("skydraft: ") + path +
                         QStringLiteral(": line 2, column 23 (/elements/0/kind): unknown kind "
                                        "\"vpcc\"\n"));
}

TEST(InfoCommand, MissingFileExitsTwo) {
    const RunResult r = runSkydraft({QStringLiteral("info"), QStringLiteral("/no/such.skydraft")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, QStringLiteral("skydraft: /no/such.skydraft: no such file\n"));
}

TEST(CommandLine, UnknownOptionAndCommand) {
    RunResult r =
        runSkydraft({QStringLiteral("info"), QStringLiteral("--bogus"), QStringLiteral("x")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, QStringLiteral("skydraft: Unknown option 'bogus'.\n"));
    r = runSkydraft({QStringLiteral("help")});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.out.contains(QStringLiteral("  info        show what a diagram contains\n")))
        << r.out.toStdString();
}

TEST(FormatCommand, RewritesInCanonicalForm) {
    const QString path = writeTemp(
        QStringLiteral("messy.skydraft"),
        "{\"version\":1,\"format\":\"skydraft\",\"name\":\"m\",\"elements\":[{\"kind\":\"vpc\","
        "\"id\":\"v\",\"properties\":{\"region\":\"eu-west-1\",\"cidr\":\"10.0.0.0/16\"}}]}");
    const RunResult r = runSkydraft({QStringLiteral("format"), path});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.out, QStringLiteral(R"({
  "format": "skydraft",
  "version": 1,
  "name": "m",
  "elements": [
    {
      "id": "v",
      "kind": "vpc",
      "name": "",
      "parent": "",
      "geometry": {"height":0,"width":0,"x":0,"y":0},
      "properties": {
        "cidr": "10.0.0.0/16",
        "region": "eu-west-1"
      }
    }
  ],
  "connections": []
}
)"));
}

TEST(FormatCommand, EveryExampleIsAlreadyCanonical) {
    for (const char* name : {"three-tier-web-app", "hub-and-spoke-tgw-vpn", "three-peered-vpcs"}) {
        const QString path =
            sourcePath(QStringLiteral("examples/%1.skydraft").arg(QLatin1String(name)));
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << name;
        const RunResult r = runSkydraft({QStringLiteral("format"), path});
        EXPECT_EQ(r.exitCode, 0);
        EXPECT_EQ(r.out.toUtf8(), file.readAll()) << name;
    }
}

}  // namespace
}  // namespace skydraft::test
