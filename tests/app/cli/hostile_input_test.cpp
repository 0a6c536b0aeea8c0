// The real skydraft binary against hostile inputs and failing writes: oversized files refused
// before they are read, streams cut at the limit, a YAML bomb, a full disk (simulated with a
// file size limit, which works without privileges) and targets that even root cannot replace.
// Each checks the exact message the user sees, and that the previous file is byte-identical.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <QDir>
#include <QFile>

#include "../qt_printers.h"
#include "run_skydraft.h"

namespace skydraft::test {
namespace {

/// A sparse file of the given size: it takes no disk space and no time to make.
QString sparseFile(const QString& name, qint64 size) {
    const QString path = tempDir() + QLatin1Char('/') + name;
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    EXPECT_TRUE(file.resize(size));  // ftruncate
    return path;
}

/// Runs skydraft as a process that may write files of at most `bytes` bytes: beyond that,
/// write() fails with EFBIG as it fails with ENOSPC on a full disk (SIGXFSZ, which would kill
/// the process, is ignored, as a real full disk sends no signal either).
RunResult runWithFileSizeLimit(const QStringList& arguments, rlim_t bytes) {
    return runSkydraft(arguments, {}, [bytes] {
        ::signal(SIGXFSZ, SIG_IGN);
        const struct rlimit limit = {bytes, bytes};
        ::setrlimit(RLIMIT_FSIZE, &limit);
    });
}

TEST(HostileInput, FilesOverTheLimitAreRefusedFromTheirSize) {
    constexpr qint64 kHundredMegabytes = 100LL * 1024 * 1024;
    const QString native = sparseFile(QStringLiteral("huge.skydraft"), kHundredMegabytes);
    const QString yaml = sparseFile(QStringLiteral("huge.yaml"), kHundredMegabytes);
    const QString json = sparseFile(QStringLiteral("huge.json"), kHundredMegabytes + 1);
    const QString expected = QStringLiteral(
        ": the document is 100 MB; Skydraft opens documents "
        "up to 64 MB\n");
    for (const QStringList& arguments :
         {QStringList{QStringLiteral("validate"), native},
          {QStringLiteral("info"), native},
          {QStringLiteral("import"), yaml},
          {QStringLiteral("export"), QStringLiteral("--to"), QStringLiteral("dot"), yaml}}) {
        const RunResult r = runSkydraft(arguments);
        EXPECT_EQ(r.exitCode, 2) << arguments.join(' ').toStdString();
        EXPECT_EQ(r.err, QStringLiteral("skydraft: ") + arguments.back() + expected);
        EXPECT_EQ(r.out, QString());
    }
    const RunResult r = runSkydraft({QStringLiteral("import"), json});
    EXPECT_EQ(r.err, QStringLiteral("skydraft: ") + json +
                         QStringLiteral(": the document is 101 MB; Skydraft opens documents up "
                                        "to 64 MB\n"));
}

TEST(HostileInput, StreamsAreCutAtTheLimit) {
    // /dev/zero never ends: it is read in chunks and refused once past 64 MB.
    const RunResult zero = runSkydraft({QStringLiteral("validate"), QStringLiteral("/dev/zero")});
    EXPECT_EQ(zero.exitCode, 2);
    EXPECT_EQ(zero.err, QStringLiteral("skydraft: /dev/zero: the document is larger than 64 MB; "
                                       "Skydraft opens documents up to 64 MB\n"));
    // A pipe of a normal size is read whole.
    const QByteArray example =
        readAll(sourcePath(QStringLiteral("examples/three-peered-vpcs.skydraft")));
    const RunResult piped =
        runSkydraft({QStringLiteral("info"), QStringLiteral("/dev/stdin")}, example);
    EXPECT_EQ(piped.exitCode, 0) << piped.err.toStdString();
    EXPECT_TRUE(
        piped.out.startsWith(QStringLiteral("/dev/stdin: \"Three VPCs joined by peering\"\n")))
        << piped.out.toStdString();
}

TEST(HostileInput, NotAFile) {
    const RunResult dir = runSkydraft({QStringLiteral("info"), tempDir()});
    EXPECT_EQ(dir.exitCode, 2);
    EXPECT_EQ(dir.err,
              QStringLiteral("skydraft: ") + tempDir() + QStringLiteral(": is a directory\n"));
    const QString missing = tempDir() + QStringLiteral("/missing.skydraft");
    const RunResult none = runSkydraft({QStringLiteral("info"), missing});
    EXPECT_EQ(none.exitCode, 2);
    EXPECT_EQ(none.err,
              QStringLiteral("skydraft: ") + missing + QStringLiteral(": no such file\n"));
}

TEST(HostileInput, YamlBombIsRefusedQuickly) {
    QByteArray text =
        "AWSTemplateFormatVersion: \"2010-09-09\"\nMetadata:\n"
        "  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (int level = 1; level <= 9; ++level) {
        const QByteArray previous = "*l" + QByteArray::number(level - 1);
        text += "  l" + QByteArray::number(level) + ": &l" + QByteArray::number(level) + " [";
        for (int i = 0; i < 10; ++i) {
            text += (i ? ", " : "") + previous;
        }
        text += "]\n";
    }
    text += "Resources: {}\n";
    const QString path = writeTemp(QStringLiteral("bomb.yaml"), text);
    const RunResult r = runSkydraft({QStringLiteral("import"), path});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, QStringLiteral("skydraft: ") + path +
                         QStringLiteral(": line 3, column 7: the template has more than 1000000 "
                                        "values, counting every copy a YAML alias makes; "
                                        "Skydraft imports templates of up to 1000000 values\n"));
}

/// Every file in a folder, to check a failed write left no temporary file behind.
QStringList filesIn(const QString& dir) {
    return QDir(dir).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

TEST(HostileInput, FullDiskLeavesThePreviousFileIntact) {
    const QString dir = tempDir() + QStringLiteral("/full-disk");
    ASSERT_TRUE(QDir().mkpath(dir));
    const QByteArray previous = "previous content, 34 bytes long.\n";
    const QString example = sourcePath(QStringLiteral("examples/three-tier-web-app.skydraft"));
    struct Case {
        QStringList arguments;
        QString output;
    };
    const QString json = dir + QStringLiteral("/template.json");
    const QString png = dir + QStringLiteral("/picture.png");
    const QString formatted = dir + QStringLiteral("/formatted.skydraft");
    const std::vector<Case> cases = {
        {{QStringLiteral("export"), QStringLiteral("--to"), QStringLiteral("cloudformation"),
          example, QStringLiteral("-o"), json},
         json},
        {{QStringLiteral("export"), QStringLiteral("--to"), QStringLiteral("png"), example,
          QStringLiteral("-o"), png},
         png},
        {{QStringLiteral("format"), example, QStringLiteral("-o"), formatted}, formatted}};
    for (const Case& c : cases) {
        QFile file(c.output);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(previous);
        file.close();
        const RunResult r = runWithFileSizeLimit(c.arguments, 4096);
        EXPECT_EQ(r.exitCode, 2) << c.arguments.join(' ').toStdString();
        EXPECT_EQ(r.err, QStringLiteral("skydraft: ") + c.output +
                             QStringLiteral(": cannot write: File too large\n"));
        EXPECT_EQ(readAll(c.output), previous);
    }
    EXPECT_EQ(filesIn(dir), (QStringList{"formatted.skydraft", "picture.png", "template.json"}));
    // The same export with room enough succeeds, so the limit is what failed it.
    const RunResult ok = runWithFileSizeLimit(cases[0].arguments, 1 << 24);
    EXPECT_EQ(ok.exitCode, 0) << ok.err.toStdString();
    EXPECT_TRUE(readAll(json).startsWith("{\n"));
}

TEST(HostileInput, TargetsThatNobodyCanReplace) {
    const QString example = sourcePath(QStringLiteral("examples/three-peered-vpcs.skydraft"));
    // /proc refuses new files even to root: like a read-only file system, the temporary file
    // cannot be created next to the target, and the target stays as it was.
    const QByteArray version = readAll(QStringLiteral("/proc/version"));
    const RunResult proc = runSkydraft(
        {QStringLiteral("format"), example, QStringLiteral("-o"), QStringLiteral("/proc/version")});
    EXPECT_EQ(proc.exitCode, 2);
    // For anyone but root the file's own mode already refuses; root gets as far as /proc.
    EXPECT_EQ(proc.err, ::geteuid() == 0 ? QStringLiteral("skydraft: /proc/version: cannot write: "
                                                          "No such file or directory\n")
                                         : QStringLiteral("skydraft: /proc/version: cannot write: "
                                                          "the file is read-only\n"));
    EXPECT_EQ(readAll(QStringLiteral("/proc/version")), version);
    // A folder that is a regular file: a mistyped or vanished folder.
    const QString notAFolder = writeTemp(QStringLiteral("plain-file"), "x");
    const QString below = notAFolder + QStringLiteral("/out.json");
    const RunResult parent =
        runSkydraft({QStringLiteral("export"), QStringLiteral("--to"),
                     QStringLiteral("cloudformation"), example, QStringLiteral("-o"), below});
    EXPECT_EQ(parent.exitCode, 2);
    EXPECT_EQ(parent.err, QStringLiteral("skydraft: ") + below +
                              QStringLiteral(": cannot write: Not a directory\n"));
    EXPECT_EQ(readAll(notAFolder), "x");
    // A folder given as the output.
    const QString folder = tempDir() + QStringLiteral("/a-folder");
    ASSERT_TRUE(QDir().mkpath(folder));
    const RunResult isDir =
        runSkydraft({QStringLiteral("format"), example, QStringLiteral("-o"), folder});
    EXPECT_EQ(isDir.exitCode, 2);
    EXPECT_EQ(isDir.err, QStringLiteral("skydraft: ") + folder +
                             QStringLiteral(": cannot write: is a directory\n"));
}

TEST(HostileInput, ReadOnlyFileIsNotReplaced) {
    if (::geteuid() == 0) {
        GTEST_SKIP() << "root may write any file; TargetsThatNobodyCanReplace covers root";
    }
    const QString path = writeTemp(QStringLiteral("read-only.skydraft"), "keep me\n");
    ASSERT_TRUE(QFile::setPermissions(path, QFileDevice::ReadOwner));
    const RunResult r =
        runSkydraft({QStringLiteral("format"),
                     sourcePath(QStringLiteral("examples/three-peered-vpcs.skydraft")),
                     QStringLiteral("-o"), path});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, QStringLiteral("skydraft: ") + path +
                         QStringLiteral(": cannot write: the file is read-only\n"));
    EXPECT_EQ(readAll(path), "keep me\n");
}

}  // namespace
}  // namespace skydraft::test
