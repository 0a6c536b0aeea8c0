// `skydraft import --from-aws` run as a program against the fake AWS endpoint: exit codes, the
// written diagram, messages on stderr, and no secret anywhere.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include "scan_test_support.h"

namespace skydraft::test {
namespace {

struct ProgramRun {
    int exitCode = -1;
    QString out;
    QString err;
};

class ImportFromAws : public ::testing::Test {
protected:
    ImportFromAws() : fake(fakeAccount()) { fake.addCredentials(kKeyId, kSecret); }

    /// Runs the binary with only the environment given (plus PATH and an empty HOME).
    ProgramRun run(QStringList arguments, const QMap<QString, QString>& environment) {
        QProcessEnvironment env;
        env.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
        env.insert(QStringLiteral("HOME"), home.path());
        for (auto it = environment.begin(); it != environment.end(); ++it) {
            env.insert(it.key(), it.value());
        }
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(SKYDRAFT_BINARY), arguments);
        ProgramRun result;
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
            return result;
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }
    QStringList scanArguments(const QString& output) {
        return {QStringLiteral("import"),
                QStringLiteral("--from-aws"),
                QStringLiteral("--endpoint-url"),
                fake.url().toString(),
                QStringLiteral("--region"),
                QStringLiteral("us-east-1"),
                QStringLiteral("--region"),
                QStringLiteral("eu-west-1"),
                QStringLiteral("-o"),
                output};
    }
    QMap<QString, QString> keys() {
        return {{QStringLiteral("AWS_ACCESS_KEY_ID"), QString::fromLatin1(kKeyId)},
                {QStringLiteral("AWS_SECRET_ACCESS_KEY"), QString::fromLatin1(kSecret)}};
    }
    QString output(const QString& name) { return QDir(home.path()).filePath(name); }

    FakeAws fake;
    QTemporaryDir home;
};

TEST_F(ImportFromAws, WritesTheScanAsADiagram) {
    const ProgramRun r = run(scanArguments(output(QStringLiteral("scan.skydraft"))), keys());
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.out, QString());
    EXPECT_TRUE(r.err.endsWith(QStringLiteral("skydraft: scanned: 40 elements from 98 requests\n")))
        << r.err.toStdString();
    QFile file(output(QStringLiteral("scan.skydraft")));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const Diagram scanned = parseDiagram(file.readAll().toStdString());
    const Diagram expected =
        parseDiagram(sourceFile(QStringLiteral("tests/fixtures/aws/fake_account.expected.skydraft"))
                         .toStdString());
    ASSERT_EQ(scanned.elements().size(), expected.elements().size());
    for (std::size_t i = 0; i < expected.elements().size(); ++i) {
        EXPECT_EQ(scanned.elements()[i].properties, expected.elements()[i].properties);
    }
    EXPECT_EQ(scanned.connections(), expected.connections());
}

TEST_F(ImportFromAws, DeniedCallsAreWarningsAndExitOne) {
    fake.deny(QStringLiteral("DescribeInstances"));
    const ProgramRun r = run(scanArguments(output(QStringLiteral("partial.skydraft"))), keys());
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.startsWith(
        QStringLiteral("skydraft: warning: no permission for ec2:DescribeInstances in ")))
        << r.err.toStdString();
    EXPECT_TRUE(r.err.endsWith(QStringLiteral("; the diagram is incomplete (2 warnings above)\n")))
        << r.err.toStdString();
    EXPECT_TRUE(QFile::exists(output(QStringLiteral("partial.skydraft"))));
}

TEST_F(ImportFromAws, RefusedCredentialsWriteNothingAndExitTwo) {
    QMap<QString, QString> wrong = keys();
    wrong[QStringLiteral("AWS_SECRET_ACCESS_KEY")] = QStringLiteral("a-wrong-secret-value-0001");
    const ProgramRun r = run(scanArguments(output(QStringLiteral("none.skydraft"))), wrong);
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.startsWith(QStringLiteral(
        "skydraft: import: AWS refused the signature of GetCallerIdentity in us-east-1: the "
        "secret access key from environment variables does not belong to its access key id")))
        << r.err.toStdString();
    EXPECT_FALSE(QFile::exists(output(QStringLiteral("none.skydraft"))));
    EXPECT_FALSE(r.err.contains(QStringLiteral("a-wrong-secret-value")));
    EXPECT_FALSE(r.err.contains(QString::fromLatin1(kKeyId)));
}

TEST_F(ImportFromAws, NoCredentialsSaysWhereTheyAreLookedFor) {
    const ProgramRun r = run(scanArguments(output(QStringLiteral("none.skydraft"))), {});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, QStringLiteral("skydraft: import: no AWS credentials found: set "
                                    "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, choose a profile "
                                    "with --profile or AWS_PROFILE, or run aws configure\n"));
}

TEST_F(ImportFromAws, TheEndpointCanComeFromTheEnvironment) {
    QMap<QString, QString> environment = keys();
    environment[QStringLiteral("AWS_ENDPOINT_URL")] = fake.url().toString();
    environment[QStringLiteral("AWS_REGION")] = QStringLiteral("eu-west-1");
    const ProgramRun r = run({QStringLiteral("import"), QStringLiteral("--from-aws")}, environment);
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    const Diagram scanned = parseDiagram(r.out.toStdString());
    EXPECT_EQ(scanned.name(), "AWS account 123456789012 (eu-west-1)");
    EXPECT_NE(scanned.element("vpc-0eu"), nullptr);
}

TEST_F(ImportFromAws, BadArgumentsExitTwo) {
    ProgramRun r = run({QStringLiteral("import"), QStringLiteral("--from-aws"),
                        QStringLiteral("--endpoint-url"), QStringLiteral("ftp://127.0.0.1/")},
                       keys());
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, QStringLiteral("skydraft: import: ftp://127.0.0.1/ is not an endpoint URL "
                                    "such as http://127.0.0.1:5000 (--endpoint-url)\n"));
    r = run(
        {QStringLiteral("import"), QStringLiteral("--from-aws"), QStringLiteral("--all-regions"),
         QStringLiteral("--region"), QStringLiteral("us-east-1")},
        keys());
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, QStringLiteral("skydraft: import: --all-regions and --region exclude each "
                                    "other\n"));
}

TEST_F(ImportFromAws, HelpNamesTheOptions) {
    const ProgramRun r =
        run({QStringLiteral("import"), QStringLiteral("--from-aws"), QStringLiteral("--help")}, {});
    EXPECT_EQ(r.exitCode, 0);
    for (const char* option : {"--profile", "--region", "--all-regions", "--endpoint-url", "-o"}) {
        EXPECT_TRUE(r.out.contains(QLatin1String(option))) << option;
    }
}

}  // namespace
}  // namespace skydraft::test
