// Tests of `skydraft export` for the outputs that travel: DOT with its icons beside it (rendered
// by the plain dot program), --icons none, Mermaid and HTML, and the version everywhere.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>

#include "run_skydraft.h"

namespace skydraft::test {
namespace {

const char* const kExamples[] = {"three-tier-web-app", "hub-and-spoke-tgw-vpn", "three-peered-vpcs",
                                 "faulty/planted-faults"};

QString example(const char* name) {
    return sourcePath(QStringLiteral("examples/%1.skydraft").arg(QLatin1String(name)));
}

QString fresh(const QString& name) {
    const QString path = tempDir() + QLatin1Char('/') + name;
    QDir(path).removeRecursively();
    QDir().mkpath(path);
    return path;
}

/// Runs `dot -Tsvg FILE` in workingDirectory; returns its exit code and everything it printed
/// on stderr (warnings included).
std::pair<int, QString> runDot(const QString& file, const QString& workingDirectory) {
    QProcess dot;
    dot.setWorkingDirectory(workingDirectory);
    dot.start(QStringLiteral(SKYDRAFT_DOT), {QStringLiteral("-Tsvg"), file});
    dot.waitForFinished(60000);
    return {dot.exitCode(), QString::fromUtf8(dot.readAllStandardError())};
}

TEST(ExportShare, DotFilesComeWithTheirIconsAndRenderWithPlainDot) {
#ifndef SKYDRAFT_DOT
    GTEST_SKIP() << "the dot program is not installed";
#else
    for (const char* name : kExamples) {
        const QString dir =
            fresh(QStringLiteral("dot-") + QString::fromLatin1(name).section(QLatin1Char('/'), -1));
        const QString dotFile = dir + QStringLiteral("/picture.dot");
        const RunResult r = runSkydraft({QStringLiteral("export"), QStringLiteral("--to"),
                                         QStringLiteral("dot"), QStringLiteral("--with-findings"),
                                         example(name), QStringLiteral("-o"), dotFile});
        ASSERT_EQ(r.exitCode, 0) << name << r.err.toStdString();
        EXPECT_EQ(r.err, QString());
        const QString text = QString::fromUtf8(readAll(dotFile));
        // Every image the DOT names is in the folder beside it, a valid SVG file.
        const QRegularExpression image(QStringLiteral("SRC=\"([^\"]+)\""));
        int images = 0;
        for (const auto& match : image.globalMatch(text)) {
            ++images;
            const QByteArray icon =
                readAll(dir + QStringLiteral("/picture-icons/") + match.captured(1));
            EXPECT_TRUE(icon.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!--"))
                << match.captured(1).toStdString();
            EXPECT_TRUE(icon.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        }
        EXPECT_GT(images, 3) << name;
        EXPECT_TRUE(text.contains(QStringLiteral("imagepath=\"picture-icons:") + dir +
                                  QStringLiteral("/picture-icons\"")))
            << name;
        // From anywhere, and from beside the file once both are moved elsewhere: no warning.
        const auto [code, warnings] = runDot(dotFile, QStringLiteral("/"));
        EXPECT_EQ(code, 0) << name;
        EXPECT_EQ(warnings, QString()) << name;
        const QString moved = fresh(QStringLiteral("moved"));
        ASSERT_TRUE(QFile::rename(dotFile, moved + QStringLiteral("/picture.dot")));
        ASSERT_TRUE(QDir().rename(dir + QStringLiteral("/picture-icons"),
                                  moved + QStringLiteral("/picture-icons")));
        const auto [movedCode, movedWarnings] = runDot(QStringLiteral("picture.dot"), moved);
        EXPECT_EQ(movedCode, 0) << name;
        EXPECT_EQ(movedWarnings, QString()) << name;
    }
#endif
}

TEST(ExportShare, IconsNoneDrawsShapesWithoutImages) {
    const QString dir = fresh(QStringLiteral("no-icons"));
    const RunResult r = runSkydraft({QStringLiteral("export"), QStringLiteral("--to"),
                                     QStringLiteral("dot"), QStringLiteral("--icons"),
                                     QStringLiteral("none"), example("three-tier-web-app"),
                                     QStringLiteral("-o"), dir + QStringLiteral("/plain.dot")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QString text = QString::fromUtf8(readAll(dir + QStringLiteral("/plain.dot")));
    EXPECT_FALSE(text.contains(QStringLiteral("<IMG")));
    EXPECT_FALSE(text.contains(QStringLiteral("imagepath")));
    EXPECT_TRUE(text.contains(QStringLiteral("shape=box, style=rounded")));
    EXPECT_EQ(QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
              QStringList{QStringLiteral("plain.dot")});
#ifdef SKYDRAFT_DOT
    const auto [code, warnings] = runDot(dir + QStringLiteral("/plain.dot"), dir);
    EXPECT_EQ(code, 0);
    EXPECT_EQ(warnings, QString());
#endif
    const RunResult svg = runSkydraft({QStringLiteral("export"), QStringLiteral("--to"),
                                       QStringLiteral("svg"), QStringLiteral("--icons"),
                                       QStringLiteral("none"), example("three-tier-web-app")});
    EXPECT_EQ(svg.exitCode, 0);
    EXPECT_FALSE(svg.out.contains(QStringLiteral("<use")));
    const RunResult wrong =
        runSkydraft({QStringLiteral("export"), QStringLiteral("--to"), QStringLiteral("svg"),
                     QStringLiteral("--icons"), dir, example("three-tier-web-app")});
    EXPECT_EQ(wrong.exitCode, 2);
    EXPECT_TRUE(wrong.err.contains(QStringLiteral("--icons DIR is for --to dot")));
}

TEST(ExportShare, DotOnStdoutPutsItsIconsInTheWorkingDirectory) {
    const QString dir = fresh(QStringLiteral("stdout"));
    QProcess process;
    process.setWorkingDirectory(dir);
    process.start(QStringLiteral(SKYDRAFT_BINARY),
                  {QStringLiteral("export"), QStringLiteral("--to"), QStringLiteral("dot"),
                   example("three-peered-vpcs")});
    ASSERT_TRUE(process.waitForFinished(60000));
    EXPECT_EQ(process.exitCode(), 0);
    const QString text = QString::fromUtf8(process.readAllStandardOutput());
    EXPECT_TRUE(text.contains(QStringLiteral("imagepath=\"skydraft-icons:") + dir +
                              QStringLiteral("/skydraft-icons\"")));
    EXPECT_TRUE(QFile::exists(dir + QStringLiteral("/skydraft-icons/vpc.svg")));
    // Apart from where the icons are, it is the reviewed golden DOT.
    QString withoutPath = text;
    withoutPath.remove(QRegularExpression(QStringLiteral(", imagepath=\"[^\"]*\"")));
    EXPECT_EQ(withoutPath.toUtf8(),
              readAll(sourcePath(QStringLiteral("tests/fixtures/graphviz/three-peered-vpcs.dot"))));
}

TEST(ExportShare, MermaidOfEveryExample) {
    for (const char* name : kExamples) {
        const RunResult r = runSkydraft({QStringLiteral("export"), QStringLiteral("--to"),
                                         QStringLiteral("mermaid"), example(name)});
        EXPECT_EQ(r.exitCode, 0) << name << r.err.toStdString();
        EXPECT_TRUE(r.out.startsWith(QStringLiteral("%%{init: "))) << name;
        EXPECT_TRUE(r.out.contains(QStringLiteral("%%\nflowchart TB\n"))) << name;
        EXPECT_TRUE(r.out.contains(QStringLiteral("subgraph n_"))) << name;
    }
}

TEST(ExportShare, HtmlPageOfEveryExample) {
    for (const char* name : kExamples) {
        const QString out = tempDir() + QStringLiteral("/page.html");
        const RunResult r =
            runSkydraft({QStringLiteral("export"), QStringLiteral("--to"), QStringLiteral("html"),
                         example(name), QStringLiteral("-o"), out});
        EXPECT_EQ(r.exitCode, 0) << name << r.err.toStdString();
        EXPECT_EQ(r.err, QString()) << name;
        const QByteArray page = readAll(out);
        EXPECT_TRUE(page.startsWith("<!DOCTYPE html>")) << name;
        EXPECT_TRUE(page.contains("Content-Security-Policy")) << name;
        EXPECT_TRUE(page.contains("<svg")) << name;
    }
}

TEST(Version, IsTheProjectVersionEverywhere) {
    const RunResult version = runSkydraft({QStringLiteral("--version")});
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_EQ(version.out, QStringLiteral("skydraft " SKYDRAFT_VERSION "\n"));
    const RunResult cfn =
        runSkydraft({QStringLiteral("export"), QStringLiteral("--to"),
                     QStringLiteral("cloudformation"), example("three-peered-vpcs")});
    EXPECT_TRUE(
        cfn.out.contains(QStringLiteral("\"generator\": \"skydraft " SKYDRAFT_VERSION "\"")));
}

TEST(Help, SubcommandUsageNamesTheCommand) {
    for (const char* command : {"export", "validate", "info", "generate"}) {
        const RunResult r = runSkydraft({QLatin1String(command), QStringLiteral("--help")});
        EXPECT_EQ(r.exitCode, 0) << command;
        EXPECT_TRUE(r.out.startsWith(QStringLiteral("Usage: skydraft ") + QLatin1String(command) +
                                     QStringLiteral(" [options]")))
            << r.out.left(80).toStdString();
    }
}

}  // namespace
}  // namespace skydraft::test
