// Nothing lost, ever: the real skydraft binary is driven through a scripted sequence of edits
// (--test-script), killed with SIGKILL after every step (and with its journal's last write cut
// short), restarted with --restore-recovery, and the restored document is compared byte for
// byte with the document after the last completed step. Then the same with random edits and
// kill points (the seed is printed; SKYDRAFT_KILL_SEED repeats a run, SKYDRAFT_KILL_CYCLES
// sets how many kills).
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <csignal>
#include <iostream>
#include <random>

#include "app_test_support.h"

namespace skydraft {
namespace {

using test::readAll;
using test::sourcePath;

/// A temporary home for the child processes' data and settings.
struct Sandbox {
    QTemporaryDir home;
    QProcessEnvironment environment() const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.path() + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path() + QStringLiteral("/config"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        return env;
    }
    QString recoveryDir() const {
        return home.path() + QStringLiteral("/data/Skydraft/Skydraft/recovery");
    }
    QString file(const QString& name) const { return home.path() + QLatin1Char('/') + name; }
};

/// One designer process under --test-script.
class Designer {
public:
    Designer(const Sandbox& sandbox, QStringList arguments) {
        m_process.setProcessEnvironment(sandbox.environment());
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(QStringLiteral(SKYDRAFT_BINARY),
                        QStringList{QStringLiteral("--test-script")} + arguments);
    }
    ~Designer() {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    /// Sends a command and returns its answer line ("ok 3", "error 3: ...").
    QString send(const QString& command) {
        m_process.write((command + QLatin1Char('\n')).toUtf8());
        while (!m_process.canReadLine()) {
            if (!m_process.waitForReadyRead(60000)) {
                return QStringLiteral("no answer: ") +
                       QString::fromUtf8(m_process.readAllStandardError());
            }
        }
        return QString::fromUtf8(m_process.readLine()).trimmed();
    }
    void kill() {
        ::kill(static_cast<pid_t>(m_process.processId()), SIGKILL);
        m_process.waitForFinished();
    }
    bool quit() {
        m_process.write("quit\n");
        return m_process.waitForFinished(60000) && m_process.exitStatus() == QProcess::NormalExit &&
               m_process.exitCode() == 0;
    }
    QProcess& process() { return m_process; }
    QString journal(const Sandbox& sandbox) const {
        return sandbox.recoveryDir() +
               QStringLiteral("/recovery-%1.journal").arg(m_process.processId());
    }

private:
    QProcess m_process;
};

int lineCount(const QString& path) {
    return static_cast<int>(readAll(path).count('\n'));
}

const QStringList kScript = {
    QStringLiteral("set subnet-app-b cidr \"10.0.12.0/24\""),
    QStringLiteral("drop ec2_instance 300 460"),
    QStringLiteral("move i-app-a 40 20"),
    QStringLiteral("rename i-app-b web \"b\" ${x} ü"),
    QStringLiteral("set vpc-web enable_dns_hostnames false"),
    QStringLiteral("undo"),
    QStringLiteral("redo"),
    QStringLiteral("delete nat-b"),
    QStringLiteral("undo"),
    QStringLiteral("drop ec2_instance 800 470"),
    QStringLiteral("move db-orders -40 0"),
    QStringLiteral("set i-app-a instance_type \"m5.large\""),
    QStringLiteral("undo"),
    QStringLiteral("undo"),
    QStringLiteral("redo"),
    QStringLiteral("delete subnet-db-b"),
    QStringLiteral("rename vpc-web Web production"),
    QStringLiteral("undo"),
};

/// For every k: a designer runs the script's first k steps and is killed; the next start
/// restores. After a kill where step k appended a journal entry, every other time the
/// journal's last write is cut short first: then the document after step k - 1 comes back.
TEST(JournalKillTest, KilledAfterAnyStepLosesNothing) {
    Sandbox sandbox;
    ASSERT_TRUE(sandbox.home.isValid());
    const QString example = sandbox.file(QStringLiteral("web.skydraft"));
    ASSERT_TRUE(QFile::copy(sourcePath("examples/three-tier-web-app.skydraft"), example));
    int cuts = 0;
    for (int kill = 1; kill <= kScript.size(); ++kill) {
        Designer designer(sandbox, {example});
        const QString journal = designer.journal(sandbox);
        QByteArray before;
        QByteArray after;
        int linesBefore = 0;
        for (int step = 0; step < kill; ++step) {
            const QString dump = sandbox.file(QStringLiteral("after.skydraft"));
            ASSERT_TRUE(designer.send(QStringLiteral("dump ") + dump).startsWith("ok"));
            before = readAll(dump);
            linesBefore = lineCount(journal);
            const QString answer = designer.send(kScript[step]);
            ASSERT_TRUE(answer.startsWith(QStringLiteral("ok")))
                << "step " << step + 1 << ": " << answer.toStdString();
            ASSERT_TRUE(designer.send(QStringLiteral("dump ") + dump).startsWith("ok"));
            after = readAll(dump);
        }
        designer.kill();
        QByteArray expected = after;
        const bool appended = linesBefore >= 1 && lineCount(journal) == linesBefore + 1;
        if (appended && kill % 2 == 0) {
            QFile file(journal);
            ASSERT_TRUE(file.resize(file.size() - 1 - kill % 7));
            expected = before;
            ++cuts;
        }
        // A step that went back to the saved file leaves nothing to restore: the file is it.
        const bool leftover =
            !QDir(sandbox.recoveryDir()).entryList({QStringLiteral("*.skydraft")}).isEmpty();
        Designer again(sandbox, leftover ? QStringList{QStringLiteral("--restore-recovery")}
                                         : QStringList{example});
        const QString restored = sandbox.file(QStringLiteral("restored.skydraft"));
        ASSERT_TRUE(again.send(QStringLiteral("dump ") + restored).startsWith("ok"));
        ASSERT_EQ(readAll(restored).toStdString(), expected.toStdString())
            << "killed after step " << kill << " (" << kScript[kill - 1].toStdString() << ")"
            << (expected == before ? ", the journal's last entry cut" : "");
        if (kill == kScript.size()) {
            // Saving clears the journal; a clean exit leaves nothing behind.
            ASSERT_TRUE(again.send(QStringLiteral("save ") + example).startsWith("ok"));
            EXPECT_FALSE(QFile::exists(again.journal(sandbox)));
            EXPECT_EQ(readAll(example), expected);
        }
        EXPECT_TRUE(again.quit());
        EXPECT_TRUE(QDir(sandbox.recoveryDir()).entryList(QDir::Files).isEmpty())
            << QDir(sandbox.recoveryDir()).entryList(QDir::Files).join(' ').toStdString();
    }
    EXPECT_GE(cuts, 4);
}

/// A fatal signal says where the work is, and the next start restores all of it.
TEST(JournalKillTest, ACrashKeepsEveryEdit) {
    Sandbox sandbox;
    const QString example = sandbox.file(QStringLiteral("web.skydraft"));
    ASSERT_TRUE(QFile::copy(sourcePath("examples/three-tier-web-app.skydraft"), example));
    Designer designer(sandbox, {example});
    for (int step = 0; step < 5; ++step) {
        ASSERT_TRUE(designer.send(kScript[step]).startsWith("ok")) << step;
    }
    const QString dump = sandbox.file(QStringLiteral("before.skydraft"));
    ASSERT_TRUE(designer.send(QStringLiteral("dump ") + dump).startsWith("ok"));
    designer.process().write("crash\n");
    ASSERT_TRUE(designer.process().waitForFinished(30000));
    EXPECT_EQ(designer.process().exitStatus(), QProcess::CrashExit);
    EXPECT_TRUE(designer.process().readAllStandardError().contains(
        "every completed edit is in the recovery journal"));

    Designer again(sandbox, {QStringLiteral("--restore-recovery")});
    const QString restored = sandbox.file(QStringLiteral("restored.skydraft"));
    ASSERT_TRUE(again.send(QStringLiteral("dump ") + restored).startsWith("ok"));
    EXPECT_EQ(readAll(restored).toStdString(), readAll(dump).toStdString());
    EXPECT_TRUE(again.send(QStringLiteral("status")).contains("modified=1"));
    EXPECT_TRUE(again.quit());
}

/// Random edits, killed after a random number of steps, many times over.
TEST(JournalKillTest, RandomEditsAndKills) {
    const QByteArray seedText = qgetenv("SKYDRAFT_KILL_SEED");
    const unsigned seed = seedText.isEmpty() ? std::random_device{}() : seedText.toUInt();
    const int cycles = qEnvironmentVariableIsSet("SKYDRAFT_KILL_CYCLES")
                           ? qEnvironmentVariableIntValue("SKYDRAFT_KILL_CYCLES")
                           : 6;
    std::cout << "SKYDRAFT_KILL_SEED=" << seed << " SKYDRAFT_KILL_CYCLES=" << cycles << "\n";
    std::mt19937 random(seed);
    auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(random); };
    const QStringList instances = {QStringLiteral("i-app-a"), QStringLiteral("i-app-b"),
                                   QStringLiteral("nat-a"), QStringLiteral("db-orders")};
    auto randomStep = [&]() -> QString {
        switch (pick(7)) {
            case 0:
                return QStringLiteral("drop ec2_instance %1 %2")
                    .arg(120 + pick(400))
                    .arg(390 + pick(150));
            case 1:
                return QStringLiteral("move %1 %2 %3")
                    .arg(instances[pick(instances.size())])
                    .arg(pick(41) - 20)
                    .arg(pick(41) - 20);
            case 2:
                return QStringLiteral("rename %1 name %2")
                    .arg(instances[pick(instances.size())])
                    .arg(pick(1000));
            case 3:
                return QStringLiteral("set subnet-app-b cidr \"10.0.%1.0/24\"").arg(10 + pick(20));
            case 4:
            case 5:
                return QStringLiteral("undo");
            default:
                return QStringLiteral("redo");
        }
    };

    Sandbox sandbox;
    const QString example = sandbox.file(QStringLiteral("web.skydraft"));
    ASSERT_TRUE(QFile::copy(sourcePath("examples/three-tier-web-app.skydraft"), example));
    auto designer = std::make_unique<Designer>(sandbox, QStringList{example});
    for (int cycle = 0; cycle < cycles; ++cycle) {
        const int steps = 1 + pick(8);
        for (int step = 0; step < steps; ++step) {
            const QString command = randomStep();
            const QString answer = designer->send(command);
            ASSERT_TRUE(answer.startsWith("ok") || answer.startsWith("error"))
                << "seed " << seed << ", cycle " << cycle << ": " << command.toStdString() << " -> "
                << answer.toStdString();
        }
        const QString dump = sandbox.file(QStringLiteral("expected.skydraft"));
        ASSERT_TRUE(designer->send(QStringLiteral("dump ") + dump).startsWith("ok"));
        const QByteArray expected = readAll(dump);
        designer->kill();
        designer =
            std::make_unique<Designer>(sandbox, QStringList{QStringLiteral("--restore-recovery")});
        // Nothing to restore when the last steps went back to the saved file: then it opens
        // nothing, and the file is what the dump said.
        const QString restored = sandbox.file(QStringLiteral("restored.skydraft"));
        const QString answer = designer->send(QStringLiteral("dump ") + restored);
        ASSERT_TRUE(answer.startsWith("ok"))
            << "seed " << seed << ", cycle " << cycle << ": " << answer.toStdString();
        const QByteArray got = readAll(restored);
        if (got != expected) {
            ASSERT_EQ(readAll(example).toStdString(), expected.toStdString())
                << "seed " << seed << ", cycle " << cycle;
            designer = std::make_unique<Designer>(sandbox, QStringList{example});
        }
    }
    EXPECT_TRUE(designer->quit());
}

}  // namespace
}  // namespace skydraft
