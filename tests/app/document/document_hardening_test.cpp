// The designer's document against hostile files and failing writes: size-limited reading,
// failed opens and imports that leave the open document as it was, saves and exports on a
// full disk (a lowered file size limit) or to a target nobody can replace, safe file names
// from diagram content, and JSON writers that survive names that are not UTF-8.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

#include "../qt_printers.h"

#include "cli/atomic_write.h"
#include "cli/bounded_read.h"
#include "diagram_file.h"
#include "document/document_controller.h"
#include "document/document_session.h"
#include "document/export_runner.h"

namespace skydraft {
namespace {

QByteArray contentOf(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(unreadable)");
}

QString writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly)) << path.toStdString();
    file.write(bytes);
    return path;
}

QString sparseFile(const QString& path, qint64 size) {
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    EXPECT_TRUE(file.resize(size));  // ftruncate: no disk space, no time
    return path;
}

QString example(const char* name) {
    return QStringLiteral(SKYDRAFT_SOURCE_DIR "/examples/") + QLatin1String(name);
}

/// While alive, this process cannot write files larger than `bytes`: write() fails with EFBIG
/// as it fails with ENOSPC on a full disk. Only the soft limit is lowered, so it can be
/// raised again without privileges.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        ::getrlimit(RLIMIT_FSIZE, &m_saved);
        m_handler = ::signal(SIGXFSZ, SIG_IGN);
        struct rlimit lowered = m_saved;
        lowered.rlim_cur = bytes;
        ::setrlimit(RLIMIT_FSIZE, &lowered);
    }
    ~FileSizeLimit() {
        ::setrlimit(RLIMIT_FSIZE, &m_saved);
        ::signal(SIGXFSZ, m_handler);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
    struct rlimit m_saved = {};
    sighandler_t m_handler = SIG_DFL;
};

TEST(BoundedRead, RefusesLargeFilesWithoutReadingThem) {
    QTemporaryDir dir;
    const QString huge = sparseFile(dir.filePath("huge.yaml"), 100LL * 1024 * 1024);
    const BoundedRead read = readBoundedFile(huge);
    EXPECT_EQ(read.error, "the document is 100 MB; Skydraft opens documents up to 64 MB");
    EXPECT_EQ(read.bytesRead, 0);
    EXPECT_TRUE(read.bytes.isEmpty());
    // Exactly at the limit is fine.
    const QString limit = sparseFile(dir.filePath("limit.json"), kMaxDocumentBytes);
    const BoundedRead atLimit = readBoundedFile(limit);
    EXPECT_TRUE(atLimit.ok()) << atLimit.error.toStdString();
    EXPECT_EQ(atLimit.bytes.size(), static_cast<qsizetype>(kMaxDocumentBytes));
}

TEST(BoundedRead, CutsStreamsOneByteAfterTheLimit) {
    const BoundedRead zero = readBoundedFile(QStringLiteral("/dev/zero"));
    EXPECT_EQ(zero.error,
              "the document is larger than 64 MB; Skydraft opens documents up to 64 MB");
    EXPECT_EQ(zero.bytesRead, static_cast<qint64>(kMaxDocumentBytes) + 1);
    EXPECT_TRUE(zero.bytes.isEmpty());
}

TEST(BoundedRead, SmallFilesMissingFilesAndFolders) {
    QTemporaryDir dir;
    const QString small = writeFile(dir.filePath("small.skydraft"), "{\"format\": \"skydraft\"}");
    const BoundedRead read = readBoundedFile(small);
    EXPECT_TRUE(read.ok());
    EXPECT_EQ(read.bytes, "{\"format\": \"skydraft\"}");
    EXPECT_EQ(read.bytesRead, 22);
    EXPECT_EQ(readBoundedFile(dir.filePath("missing")).error, "no such file");
    EXPECT_EQ(readBoundedFile(dir.path()).error, "is a directory");
}

class FailedOpen : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(m_dir.isValid());
        ASSERT_TRUE(controller.openFile(example("three-peered-vpcs.skydraft")));
        controller.dropKind("vpc", 400, 2400);  // an unsaved change to keep
        ASSERT_TRUE(controller.modified());
        m_saved = saveDiagram(controller.diagram());
        m_path = controller.filePath();
        m_title = controller.title();
    }

    /// Opening path fails with exactly message and changes nothing of the open document.
    void expectRefused(const QString& path, const QString& message) {
        EXPECT_FALSE(controller.openFile(path));
        EXPECT_EQ(controller.errorString(), message);
        EXPECT_EQ(saveDiagram(controller.diagram()), m_saved);
        EXPECT_EQ(controller.filePath(), m_path);
        EXPECT_EQ(controller.title(), m_title);
        EXPECT_TRUE(controller.modified());
        EXPECT_TRUE(controller.canUndo());
    }
    QString path(const char* name) const { return m_dir.filePath(QLatin1String(name)); }

    DocumentController controller;
    QTemporaryDir m_dir;
    std::string m_saved;
    QString m_path;
    QString m_title;
};

TEST_F(FailedOpen, LeavesTheDocumentAsItWas) {
    const QString huge = sparseFile(path("huge.skydraft"), 100LL * 1024 * 1024);
    expectRefused(huge, huge + ": the document is 100 MB; Skydraft opens documents up to 64 MB");
    expectRefused(path("missing.skydraft"), path("missing.skydraft") + ": no such file");
    expectRefused(m_dir.path(), m_dir.path() + ": is a directory");
    expectRefused(
        writeFile(path("truncated.skydraft"),
                  "{\"format\": \"skydraft\", \"version\": 1, \"elements\": [{\"id\": "),
        "truncated.skydraft: line 1, column 58: not valid JSON: error while parsing value - "
        "unexpected end of input; expected '[', '{', or a literal");
    expectRefused(
        writeFile(
            path("types.skydraft"),
            R"({"format": "skydraft", "version": 1, "elements": [{"id": "v", "kind": "vpc", "geometry": {"width": true}}]})"),
        "types.skydraft: line 1, column 100 (/elements/0/geometry/width): expected a "
        "number, found a boolean");
    expectRefused(writeFile(path("latin1.skydraft"),
                            "{\"format\": \"skydraft\", \"version\": 1, \"name\": \"caf\xE9\"}"),
                  "latin1.skydraft: line 1, column 51: not valid JSON: error while parsing value - "
                  "invalid string: ill-formed UTF-8 byte; last read: '\"caf\xEF\xBF\xBD\"'");
    expectRefused(writeFile(path("nul.skydraft"),
                            QByteArray("{\"format\": \"skydraft\", \"version\": 1, \"name\": \"a") +
                                QByteArray(1, '\0') + QByteArray("b\"}")),
                  "nul.skydraft: line 1, column 48: not valid JSON: error while parsing value - "
                  "invalid string: control character U+0000 (NUL) must be escaped to \\u0000; "
                  "last read: '\"a<U+0000>'");
    expectRefused(writeFile(path("deep.skydraft"),
                            "{\"format\": \"skydraft\", \"version\": 1, \"metadata\": {\"x\": " +
                                QByteArray(5000, '[') + QByteArray(5000, ']') + "}}"),
                  "deep.skydraft: line 1, column 154: arrays and objects are nested more than "
                  "100 levels deep");
    expectRefused(
        writeFile(
            path("cycle.skydraft"),
            R"({"format": "skydraft", "version": 1, "elements": [{"id": "a", "kind": "generic", "parent": "b"}, {"id": "b", "kind": "generic", "parent": "a"}]})"),
        "cycle.skydraft: line 1, column 92 (/elements/0/parent): \"a\": a Other resource "
        "cannot be placed in a Other resource");
    expectRefused(
        writeFile(
            path("twice.skydraft"),
            R"({"format": "skydraft", "version": 1, "elements": [{"id": "a", "kind": "vpc"}, {"id": "a", "kind": "vpc"}]})"),
        "twice.skydraft: line 1, column 86 (/elements/1/id): the id \"a\" is used twice");
}

TEST_F(FailedOpen, AFailedImportLeavesTheDocumentAsItWas) {
    DocumentSession* session = DocumentSession::of(controller);
    QByteArray bomb = "Metadata:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (int level = 1; level <= 9; ++level) {
        bomb += "  l" + QByteArray::number(level) + ": &l" + QByteArray::number(level) + " [";
        for (int i = 0; i < 10; ++i) {
            bomb += (i ? ", *l" : "*l") + QByteArray::number(level - 1);
        }
        bomb += "]\n";
    }
    bomb += "Resources: {}\n";
    const QString file = writeFile(path("bomb.yaml"), bomb);
    EXPECT_FALSE(session->importCloudFormation(QUrl::fromLocalFile(file)));
    EXPECT_EQ(session->importError(),
              "bomb.yaml is not a template Skydraft can import: line 2, column 17: the template "
              "has more than 1000000 values, counting every copy a YAML alias makes; Skydraft "
              "imports templates of up to 1000000 values");
    const QString huge = sparseFile(path("huge.json"), 100LL * 1024 * 1024);
    EXPECT_FALSE(session->importCloudFormation(QUrl::fromLocalFile(huge)));
    EXPECT_EQ(session->importError(), "Could not read " + huge +
                                          ": the document is 100 MB; Skydraft opens documents up "
                                          "to 64 MB");
    EXPECT_EQ(saveDiagram(controller.diagram()), m_saved);
    EXPECT_EQ(controller.filePath(), m_path);
    EXPECT_TRUE(controller.modified());
}

TEST(FailedSave, AFullDiskKeepsThePreviousFileAndTheUnsavedState) {
    QTemporaryDir dir;
    DocumentController controller;
    ASSERT_TRUE(controller.openFile(example("three-tier-web-app.skydraft")));
    const QString path = dir.filePath("net.skydraft");
    const QByteArray previous = "the previous version\n";
    writeFile(path, previous);
    controller.dropKind("vpc", 400, 2400);
    {
        const FileSizeLimit fullDisk(1024);
        EXPECT_FALSE(controller.saveFile(path));
    }
    EXPECT_EQ(controller.errorString(), path + ": File too large");
    EXPECT_EQ(contentOf(path), previous);
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"net.skydraft"});
    EXPECT_TRUE(controller.modified());
    ASSERT_TRUE(controller.saveFile(path)) << controller.errorString().toStdString();
    EXPECT_EQ(contentOf(path), QByteArray::fromStdString(saveDiagram(controller.diagram())));
}

TEST(FailedSave, TargetsThatNobodyCanReplace) {
    DocumentController controller;
    ASSERT_TRUE(controller.openFile(example("three-peered-vpcs.skydraft")));
    // /proc refuses new files even to root, like a read-only file system.
    const QByteArray version = contentOf("/proc/version");
    EXPECT_FALSE(controller.saveFile("/proc/version"));
    // For anyone but root the file's own mode already refuses; root gets as far as /proc.
    EXPECT_EQ(controller.errorString(), ::geteuid() == 0
                                            ? "/proc/version: No such file or directory"
                                            : "/proc/version: the file is read-only");
    EXPECT_EQ(contentOf("/proc/version"), version);
    QTemporaryDir dir;
    EXPECT_FALSE(controller.saveFile(dir.path()));
    EXPECT_EQ(controller.errorString(), dir.path() + ": is a directory");
}

TEST(FailedExport, AFullDiskKeepsThePreviousFile) {
    QTemporaryDir dir;
    DocumentController controller;
    ASSERT_TRUE(controller.openFile(example("three-tier-web-app.skydraft")));
    ExportRunner runner(controller, [] { return std::vector<Finding>{}; });
    const QString path = dir.filePath("template.json");
    const QByteArray previous = "{\"previous\": true}\n";
    writeFile(path, previous);
    QSignalSpy finished(&runner, &ExportRunner::finished);
    {
        const FileSizeLimit fullDisk(1024);
        ASSERT_TRUE(runner.start("cloudformation", path, 96, false));
        ASSERT_TRUE(finished.wait(60000));
    }
    EXPECT_FALSE(finished.at(0).at(0).toBool());
    EXPECT_EQ(finished.at(0).at(2).toString(), "Could not write " + path + ": File too large");
    EXPECT_EQ(contentOf(path), previous);
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"template.json"});
}

TEST(AtomicWrite, ReplacesWholeFilesOrNothing) {
    QTemporaryDir dir;
    const QString path = writeFile(dir.filePath("a.txt"), "old");
    EXPECT_EQ(writeFileAtomically(path, "new"), QString());
    EXPECT_EQ(contentOf(path), "new");
    const QString below = path + "/b.txt";  // a folder that is a regular file
    EXPECT_EQ(writeFileAtomically(below, "x"), "Not a directory");
    EXPECT_EQ(contentOf(path), "new");
}

TEST(SafeFileNames, NamesFromDiagramContentStayInTheFolder) {
    const std::vector<std::pair<QString, QString>> cases = {
        {"Web tier", "Web tier"},
        {"../../etc/passwd", "etc-passwd"},
        {"/etc/cron.d/job", "etc-cron.d-job"},
        {"..", "diagram"},
        {".hidden", "hidden"},
        {"", "diagram"},
        {QString::fromUtf8("a\0b", 3), "a-b"},
        {"C:\\Windows\\win.ini", "C--Windows-win.ini"},
        {"tab\there\nnewline", "tab-here-newline"},
        {"what?*<>|\"", "what"},
        {QString(300, 'x'), QString(100, 'x')},
        {QString::fromUtf8("café ☁ 日本"), QString::fromUtf8("café ☁ 日本")}};
    for (const auto& [name, expected] : cases) {
        const QString safe = ExportRunner::safeBaseName(name);
        EXPECT_EQ(safe, expected) << name.toStdString();
        EXPECT_FALSE(safe.contains('/'));
        EXPECT_FALSE(safe.contains(QChar(0)));
        EXPECT_EQ(QDir("/chosen").filePath(safe + ".png").section('/', 0, -2), "/chosen");
    }
}

TEST(SafeFileNames, AnImportedTemplateSuggestsASafeName) {
    QTemporaryDir dir;
    DocumentController controller;
    DocumentSession* session = DocumentSession::of(controller);
    const QString file = writeFile(
        dir.filePath("evil.yaml"),
        "Description: ../../.ssh/authorized_keys\nResources:\n  Vpc:\n    Type: AWS::EC2::VPC\n"
        "    Properties: {CidrBlock: 10.0.0.0/16}\n");
    ASSERT_TRUE(session->importCloudFormation(QUrl::fromLocalFile(file)))
        << session->importError().toStdString();
    EXPECT_EQ(controller.diagram().name(), "../../.ssh/authorized_keys");
    EXPECT_EQ(session->exporter()->suggestedPath("png"),
              QDir(QDir::homePath()).filePath("ssh-authorized_keys.png"));
}

TEST(InvalidUtf8, WritersReplaceInsteadOfThrowing) {
    Diagram diagram;
    Element vpc;
    vpc.id = "vpc-a";
    vpc.kind = "vpc";
    vpc.name = "caf\xB1";
    vpc.geometry = {0, 0, 400, 300};
    vpc.properties["cidr"] = "10.0.0.0/16";
    vpc.tags["Owner"] = "\xFF\xFE";
    ASSERT_TRUE(diagram.addElement(vpc));
    QString error;
    const QByteArray cfn =
        ExportRunner::exportBytes(diagram, {}, QStringLiteral("cloudformation"), 96, error);
    EXPECT_EQ(error, QString());
    EXPECT_TRUE(cfn.contains("caf\xEF\xBF\xBD")) << cfn.toStdString();
    const QByteArray dot = ExportRunner::exportBytes(diagram, {}, QStringLiteral("dot"), 96, error);
    EXPECT_EQ(error, QString());
    EXPECT_TRUE(dot.startsWith("digraph"));
    EXPECT_NO_THROW((void)saveDiagram(diagram));
}

}  // namespace
}  // namespace skydraft
