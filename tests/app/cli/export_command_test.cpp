// Tests of `skydraft export` for the Graphviz formats (dot, png, svg, pdf) and CloudFormation.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "run_skydraft.h"

namespace skydraft::test {
namespace {

QString example(const char* name) {
    return sourcePath(QStringLiteral("examples/%1.skydraft").arg(QLatin1String(name)));
}

TEST(ExportCommand, WritesPngSvgAndPdfFiles) {
    for (const char* name : {"three-tier-web-app", "hub-and-spoke-tgw-vpn", "three-peered-vpcs"}) {
        const QString base = tempDir() + QLatin1Char('/') + QLatin1String(name);
        RunResult r =
            runSkydraft({QStringLiteral("export"), QStringLiteral("--to"), QStringLiteral("png"),
                         example(name), QStringLiteral("-o"), base + QStringLiteral(".png"),
                         QStringLiteral("--dpi"), QStringLiteral("72")});
        EXPECT_EQ(r.exitCode, 0) << name << r.err.toStdString();
        EXPECT_TRUE(readAll(base + QStringLiteral(".png")).startsWith("\x89PNG\r\n\x1a\n"));

        r = runSkydraft({QStringLiteral("export"), QStringLiteral("--to"), QStringLiteral("svg"),
                         example(name), QStringLiteral("-o"), base + QStringLiteral(".svg")});
        EXPECT_EQ(r.exitCode, 0) << name << r.err.toStdString();
        const QByteArray svg = readAll(base + QStringLiteral(".svg"));
        EXPECT_TRUE(svg.contains("<svg")) << name;
        EXPECT_TRUE(svg.contains("<symbol id=\"skydraft-icon-vpc\"")) << name;
        EXPECT_FALSE(svg.contains("<image")) << name;

        r = runSkydraft({QStringLiteral("export"), QStringLiteral("--to"), QStringLiteral("pdf"),
                         example(name), QStringLiteral("-o"), base + QStringLiteral(".pdf")});
        EXPECT_EQ(r.exitCode, 0) << name << r.err.toStdString();
        EXPECT_TRUE(readAll(base + QStringLiteral(".pdf")).startsWith("%PDF-")) << name;
    }
}

/// Runs an SVG export of an example with XDG_CACHE_HOME and TMPDIR set for the child.
RunResult exportSvgWith(const QString& cache, const QString& tmp, const QString& out) {
    const QByteArray cacheBytes = cache.toLocal8Bit();
    const QByteArray tmpBytes = tmp.toLocal8Bit();
    return runSkydraft({QStringLiteral("export"), QStringLiteral("--to"), QStringLiteral("svg"),
                        example("three-peered-vpcs"), QStringLiteral("-o"), out},
                       {}, [&] {
                           setenv("XDG_CACHE_HOME", cacheBytes.constData(), 1);
                           setenv("TMPDIR", tmpBytes.constData(), 1);
                       });
}

TEST(ExportCommand, IconFilesAreWrittenOnceToTheUsersCache) {
    // Graphviz reads the icons from files: they are kept in the cache, written by one rename,
    // and a folder whose files were damaged is written again.
    const QString root = tempDir();
    const QString cache = root + QStringLiteral("/cache");
    const QString tmp = root + QStringLiteral("/tmp");
    ASSERT_TRUE(QDir().mkpath(tmp));
    RunResult r = exportSvgWith(cache, tmp, root + QStringLiteral("/a.svg"));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QDir skydraftCache(cache + QStringLiteral("/skydraft"));
    const QStringList folders =
        skydraftCache.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    ASSERT_EQ(folders.size(), 1) << folders.join(' ').toStdString();
    EXPECT_TRUE(folders[0].startsWith(QStringLiteral("graphviz-icons-")));
    const QString icons = skydraftCache.filePath(folders[0]);
    EXPECT_GE(QDir(icons).entryList({QStringLiteral("*.svg")}, QDir::Files).size(), 20);
    EXPECT_TRUE(QDir(tmp).isEmpty());  // nothing written to the temporary directory

    const QString vpc = icons + QStringLiteral("/vpc.svg");
    const QByteArray original = readAll(vpc);
    ASSERT_TRUE(original.startsWith("<?xml"));
    QFile damaged(vpc);
    ASSERT_TRUE(damaged.open(QIODevice::WriteOnly | QIODevice::Truncate));
    damaged.write("<svg");
    damaged.close();
    r = exportSvgWith(cache, tmp, root + QStringLiteral("/b.svg"));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(readAll(vpc), original);
    EXPECT_EQ(readAll(root + QStringLiteral("/b.svg")), readAll(root + QStringLiteral("/a.svg")));
    EXPECT_EQ(skydraftCache.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden), folders);

    // No usable cache (its path is a file): a private temporary folder, gone at exit.
    const QString notADirectory = root + QStringLiteral("/file");
    QFile file(notADirectory);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.close();
    r = exportSvgWith(notADirectory, tmp, root + QStringLiteral("/c.svg"));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(readAll(root + QStringLiteral("/c.svg")), readAll(root + QStringLiteral("/a.svg")));
    EXPECT_TRUE(QDir(tmp).isEmpty()) << QDir(tmp).entryList().join(' ').toStdString();
}

TEST(ExportCommand, HigherDpiMakesALargerPng) {
    const QString low = tempDir() + QStringLiteral("/low.png");
    const QString high = tempDir() + QStringLiteral("/high.png");
    for (const auto& [path, dpi] : {std::pair{low, "48"}, std::pair{high, "96"}}) {
        const RunResult r =
            runSkydraft({QStringLiteral("export"), QStringLiteral("--to"), QStringLiteral("png"),
                         example("three-peered-vpcs"), QStringLiteral("-o"), path,
                         QStringLiteral("--dpi"), QLatin1String(dpi)});
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    }
    const auto width = [](const QByteArray& png) {
        return (static_cast<unsigned char>(png[16]) << 24) |
               (static_cast<unsigned char>(png[17]) << 16) |
               (static_cast<unsigned char>(png[18]) << 8) | static_cast<unsigned char>(png[19]);
    };
    EXPECT_NEAR(width(readAll(high)), 2 * width(readAll(low)), 2);
}

TEST(ExportCommand, BadArgumentsExitTwo) {
    RunResult r = runSkydraft({QStringLiteral("export"), QStringLiteral("--to"),
                               QStringLiteral("gif"), example("three-peered-vpcs")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, QStringLiteral("skydraft: export: unknown format \"gif\" (use "
                                    "cloudformation, dot, png, svg, pdf, mermaid or html)\n"));
    r = runSkydraft({QStringLiteral("export"), QStringLiteral("--to"), QStringLiteral("png"),
                     QStringLiteral("--dpi"), QStringLiteral("0"), example("three-peered-vpcs")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, QStringLiteral("skydraft: export: --dpi must be a whole number from 1 to "
                                    "2400 (got \"0\")\n"));
    r = runSkydraft({QStringLiteral("export"), example("three-peered-vpcs")});
    EXPECT_EQ(r.exitCode, 2);
    r = runSkydraft({QStringLiteral("export"), QStringLiteral("--to"), QStringLiteral("svg"),
                     QStringLiteral("/no/such.skydraft")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, QStringLiteral("skydraft: /no/such.skydraft: no such file\n"));
}

TEST(ExportCommand, TooLargeABitmapSaysSo) {
    const QString out = tempDir() + QStringLiteral("/huge.png");
    const RunResult r =
        runSkydraft({QStringLiteral("export"), QStringLiteral("--to"), QStringLiteral("png"),
                     example("three-peered-vpcs"), QStringLiteral("-o"), out,
                     QStringLiteral("--dpi"), QStringLiteral("2400")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("too large for a PNG bitmap")))
        << r.err.toStdString();
    EXPECT_FALSE(QFile::exists(out));
}

TEST(ExportCommand, WithFindingsMarksTheValidatorsFindings) {
    const QString path = tempDir() + QStringLiteral("/outside.skydraft");
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "skydraft", "version": 1, "name": "Outside", "elements": [
  {"id": "vpc", "kind": "vpc", "name": "main", "parent": "",
   "properties": {"cidr": "10.0.0.0/16", "region": "us-east-1"}},
  {"id": "s", "kind": "subnet", "name": "stray", "parent": "vpc",
   "properties": {"availability_zone": "us-east-1a", "cidr": "10.1.0.0/24"}}],
 "connections": []})");
    file.close();
    RunResult r = runSkydraft({QStringLiteral("export"), QStringLiteral("--to"),
                               QStringLiteral("dot"), path, QStringLiteral("--with-findings")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    // SUB002: the subnet lies outside its VPC; the subnet box is outlined in red with the id.
    const qsizetype cluster = r.out.indexOf(QStringLiteral("subgraph \"cluster_s\""));
    ASSERT_GE(cluster, 0) << r.out.toStdString();
    const QString subnet =
        r.out.mid(cluster, r.out.indexOf(QStringLiteral("}"), cluster) - cluster);
    EXPECT_TRUE(subnet.contains(QStringLiteral("SUB002"))) << subnet.toStdString();
    EXPECT_TRUE(subnet.contains(QStringLiteral("color=\"#D13212\""))) << subnet.toStdString();
    // Without the option nothing is marked.
    r = runSkydraft(
        {QStringLiteral("export"), QStringLiteral("--to"), QStringLiteral("dot"), path});
    ASSERT_EQ(r.exitCode, 0);
    EXPECT_FALSE(r.out.contains(QStringLiteral("SUB002")));
}

TEST(ExportCommand, ExportsACloudFormationTemplate) {
    const QString out = tempDir() + QStringLiteral("/template.svg");
    const RunResult r = runSkydraft(
        {QStringLiteral("export"), QStringLiteral("--to"), QStringLiteral("svg"),
         sourcePath(QStringLiteral("tests/fixtures/cloudformation/cdk/ThreeTierVpc.json")),
         QStringLiteral("-o"), out});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QByteArray svg = readAll(out);
    EXPECT_TRUE(svg.contains("class=\"cluster\"")) << svg.left(400).toStdString();
    EXPECT_TRUE(svg.contains("<symbol id=\"skydraft-icon-subnet\"") ||
                svg.contains("<symbol id=\"skydraft-icon-vpc\""));
}

TEST(ExportCommand, PortableZonesWriteGetAZsInsteadOfNames) {
    RunResult r = runSkydraft({QStringLiteral("export"), QStringLiteral("--to"),
                               QStringLiteral("cloudformation"), QStringLiteral("--portable-zones"),
                               example("three-tier-web-app")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("\"Fn::GetAZs\": \"\"")))
        << r.out.left(300).toStdString();
    // The resources name no zone; the Skydraft metadata keeps the names for the way back.
    const auto resources = nlohmann::json::parse(r.out.toStdString())["Resources"].dump();
    EXPECT_EQ(resources.find("us-east-1a"), std::string::npos);
    EXPECT_TRUE(r.out.contains(QStringLiteral("us-east-1a")));
    r = runSkydraft({QStringLiteral("export"), QStringLiteral("--to"), QStringLiteral("svg"),
                     QStringLiteral("--portable-zones"), example("three-tier-web-app")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, QStringLiteral("skydraft: export: --portable-zones is for --to "
                                    "cloudformation\n"));
}

}  // namespace
}  // namespace skydraft::test
