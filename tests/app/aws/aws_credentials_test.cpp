// The AWS CLI's shared files and credential chain: precedence, profiles, roles, processes,
// expirations, endpoints and regions, each with the message a user reads when it fails.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include "aws/aws_credentials.h"
#include "aws/aws_scan_service.h"

namespace skydraft::aws {
namespace {

QProcessEnvironment environmentOf(std::initializer_list<std::pair<const char*, const char*>> vars) {
    QProcessEnvironment env;
    for (const auto& [name, value] : vars) {
        env.insert(QString::fromLatin1(name), QString::fromLatin1(value));
    }
    return env;
}

const QDateTime kNow = QDateTime(QDate(2026, 5, 1), QTime(12, 0), Qt::UTC);

CredentialResult resolve(const AwsConfig& config, const QString& profile,
                         const QProcessEnvironment& env, const AssumeRole& assume = {}) {
    return resolveCredentials(config, {profile, env, kNow}, assume);
}

TEST(AwsConfigFiles, IniSectionsCommentsAndNestedBlocks) {
    const IniFile ini = parseIni(
        "# a comment\n[default]\nregion = eu-west-1\n; another\n"
        "s3 =\n  max_concurrent_requests = 20\n  multipart_threshold = 64MB\n"
        "output=json\n[profile dev]\nrole_arn = arn:aws:iam::1:role/R\nbroken line\n[oops\n");
    EXPECT_EQ(ini.sections.value("default").value("region"), "eu-west-1");
    EXPECT_EQ(ini.sections.value("default").value("output"), "json");
    EXPECT_FALSE(ini.sections.value("default").contains("max_concurrent_requests"));
    EXPECT_EQ(ini.sections.value("profile dev").value("role_arn"), "arn:aws:iam::1:role/R");
    EXPECT_EQ(ini.problems, (QStringList{"line 11: expected key = value",
                                         "line 12: a section header needs a closing ]"}));
}

TEST(AwsConfigFiles, ProfilesOfBothFilesDefaultFirst) {
    const AwsConfig config = AwsConfig::fromText(
        "[default]\nregion = us-east-1\n[profile zeta]\n[profile alpha]\n[sso-session corp]\n",
        "[beta]\naws_access_key_id = A\n[default]\naws_access_key_id = B\n");
    EXPECT_EQ(config.profiles(), (QStringList{"default", "alpha", "beta", "zeta"}));
    EXPECT_EQ(config.value("default", "region"), "us-east-1");
    EXPECT_EQ(config.value("default", "aws_access_key_id"), "B");
    EXPECT_FALSE(config.hasProfile("corp"));
}

TEST(AwsCredentials, EnvironmentKeysWinOverAwsProfile) {
    const AwsConfig config =
        AwsConfig::fromText({}, "[dev]\naws_access_key_id = FILE\naws_secret_access_key = F\n");
    const auto env = environmentOf({{"AWS_ACCESS_KEY_ID", "ENV"},
                                    {"AWS_SECRET_ACCESS_KEY", "E"},
                                    {"AWS_SESSION_TOKEN", "T"},
                                    {"AWS_PROFILE", "dev"}});
    const CredentialResult r = resolve(config, {}, env);
    ASSERT_TRUE(r.ok()) << r.error.toStdString();
    EXPECT_EQ(r.credentials.accessKeyId, "ENV");
    EXPECT_EQ(r.credentials.sessionToken, "T");
    EXPECT_EQ(r.credentials.source, "environment variables");
}

TEST(AwsCredentials, AnExplicitProfileSkipsTheEnvironment) {
    const AwsConfig config =
        AwsConfig::fromText({}, "[dev]\naws_access_key_id = FILE\naws_secret_access_key = F\n",
                            "config", "/home/u/.aws/credentials");
    const auto env = environmentOf({{"AWS_ACCESS_KEY_ID", "ENV"}, {"AWS_SECRET_ACCESS_KEY", "E"}});
    const CredentialResult r = resolve(config, "dev", env);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.credentials.accessKeyId, "FILE");
    EXPECT_EQ(r.credentials.source, "profile dev (/home/u/.aws/credentials)");
}

TEST(AwsCredentials, HalfAKeyInTheEnvironmentIsAnError) {
    const CredentialResult r =
        resolve(AwsConfig::fromText({}, {}), {}, environmentOf({{"AWS_ACCESS_KEY_ID", "A"}}));
    EXPECT_EQ(r.error, "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not");
}

TEST(AwsCredentials, TheCredentialsFileComesBeforeACredentialProcessAndThatBeforeConfigKeys) {
    QTemporaryDir dir;
    const QString script = dir.filePath("creds.sh");
    QFile file(script);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(
        "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"PROC\", \"SecretAccessKey\": "
        "\"S\", \"SessionToken\": \"T\", \"Expiration\": \"2026-05-01T13:00:00Z\"}'\n");
    file.close();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QByteArray config =
        "[profile p]\naws_access_key_id = CONF\naws_secret_access_key = C\n"
        "credential_process = " +
        script.toUtf8() + "\n";
    CredentialResult r = resolve(AwsConfig::fromText(config, {}), "p", {});
    ASSERT_TRUE(r.ok()) << r.error.toStdString();
    EXPECT_EQ(r.credentials.accessKeyId, "PROC");
    EXPECT_EQ(r.credentials.expiration, QDateTime(QDate(2026, 5, 1), QTime(13, 0), Qt::UTC));
    EXPECT_EQ(r.credentials.source, "credential_process of profile p");
    r = resolve(
        AwsConfig::fromText(config, "[p]\naws_access_key_id = CRED\naws_secret_access_key = X\n"),
        "p", {});
    EXPECT_EQ(r.credentials.accessKeyId, "CRED");
    r = resolve(AwsConfig::fromText(
                    "[profile p]\naws_access_key_id = CONF\naws_secret_access_key = C\n", {}),
                "p", {});
    EXPECT_EQ(r.credentials.accessKeyId, "CONF");
}

TEST(AwsCredentials, AFailingCredentialProcessSaysHow) {
    const CredentialResult r =
        resolve(AwsConfig::fromText(
                    "[default]\ncredential_process = /bin/sh -c \"echo nope >&2; exit 3\"\n", {}),
                {}, {});
    EXPECT_EQ(r.error, "credential_process of profile default: /bin/sh failed (exit code 3): nope");
    QString why;
    EXPECT_FALSE(parseCredentialProcessOutput("{\"Version\": 2}", &why));
    EXPECT_EQ(why, "its output needs \"Version\": 1");
    EXPECT_FALSE(parseCredentialProcessOutput("[]", &why));
    EXPECT_EQ(why, "its output is not a JSON object");
    EXPECT_FALSE(parseCredentialProcessOutput(
        R"({"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "S", "Expiration": "soon"})",
        &why));
    EXPECT_EQ(why, "its \"Expiration\" is not an ISO 8601 time");
}

TEST(AwsCredentials, ARoleIsAssumedWithItsSourceProfile) {
    const AwsConfig config = AwsConfig::fromText(
        "[profile admin]\nrole_arn = arn:aws:iam::1:role/Admin\nsource_profile = base\n"
        "external_id = ext-7\nduration_seconds = 900\nregion = eu-central-1\n",
        "[base]\naws_access_key_id = BASE\naws_secret_access_key = B\n");
    QString seen;
    const AssumeRole assume = [&](const Credentials& source, const QString& role,
                                  const QString& session, const QString& externalId, int duration,
                                  const QString& region, QString*) -> std::optional<Credentials> {
        seen = QString::fromUtf8(source.accessKeyId) + " " + role + " " + session + " " +
               externalId + " " + QString::number(duration) + " " + region;
        Credentials c;
        c.accessKeyId = "ROLE";
        c.secretAccessKey = "R";
        c.sessionToken = "RT";
        return c;
    };
    const CredentialResult r = resolve(config, "admin", {}, assume);
    ASSERT_TRUE(r.ok()) << r.error.toStdString();
    EXPECT_EQ(r.credentials.accessKeyId, "ROLE");
    EXPECT_EQ(r.credentials.source, "role arn:aws:iam::1:role/Admin of profile admin");
    EXPECT_EQ(seen, QStringLiteral("BASE arn:aws:iam::1:role/Admin skydraft-session-%1 ext-7 900 "
                                   "eu-central-1")
                        .arg(kNow.toSecsSinceEpoch()));
}

TEST(AwsCredentials, RoleChainsThatLoopOrLackASourceAreErrors) {
    const AwsConfig loop = AwsConfig::fromText(
        "[profile a]\nrole_arn = arn:aws:iam::1:role/A\nsource_profile = b\n"
        "[profile b]\nrole_arn = arn:aws:iam::1:role/B\nsource_profile = a\n",
        {});
    const AssumeRole never = [](const Credentials&, const QString&, const QString&, const QString&,
                                int, const QString&, QString*) -> std::optional<Credentials> {
        ADD_FAILURE() << "no role should be assumed";
        return std::nullopt;
    };
    EXPECT_EQ(resolve(loop, "a", {}, never).error,
              "profile b: source_profile chain longer than 8 (a cycle?)");
    const AwsConfig orphan =
        AwsConfig::fromText("[profile r]\nrole_arn = arn:aws:iam::1:role/R\n", {});
    EXPECT_EQ(resolve(orphan, "r", {}, never).error,
              "profile r has role_arn but neither source_profile nor credential_source");
    const AwsConfig mfa = AwsConfig::fromText(
        "[profile m]\nrole_arn = arn:aws:iam::1:role/M\nsource_profile = m\nmfa_serial = x\n", {});
    EXPECT_EQ(resolve(mfa, "m", {}, never).error,
              "profile m needs an MFA code (mfa_serial), which Skydraft cannot ask for: use "
              "temporary credentials from aws sts get-session-token instead");
}

TEST(AwsCredentials, SsoProfilesPointAtACredentialProcess) {
    const AwsConfig config = AwsConfig::fromText("[profile corp]\nsso_session = corp\n", {});
    EXPECT_EQ(resolve(config, "corp", {}).error,
              "profile corp signs in through SSO or web identity, which Skydraft does not do "
              "itself: add credential_process = aws configure export-credentials --profile corp "
              "--format process to a profile and use that one");
}

TEST(AwsCredentials, MissingProfilesAndCredentialsAreNamed) {
    const AwsConfig empty = AwsConfig::fromText({}, {});
    EXPECT_EQ(resolve(empty, "prod", {}).error, "the config profile (prod) could not be found");
    EXPECT_EQ(resolve(empty, {}, environmentOf({{"AWS_PROFILE", "stage"}})).error,
              "the config profile (stage) could not be found");
    EXPECT_EQ(resolve(empty, {}, {}).error,
              "no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, choose "
              "a profile with --profile or AWS_PROFILE, or run aws configure");
    EXPECT_EQ(resolve(AwsConfig::fromText("[default]\nregion = x\n", {}), {}, {}).error,
              "profile default has no credentials (no aws_access_key_id and "
              "aws_secret_access_key, role_arn or credential_process)");
}

TEST(AwsCredentials, ExpiredCredentialsAreRefusedWithTheirSource) {
    const auto env = environmentOf({{"AWS_ACCESS_KEY_ID", "A"},
                                    {"AWS_SECRET_ACCESS_KEY", "S"},
                                    {"AWS_SESSION_TOKEN", "T"},
                                    {"AWS_CREDENTIAL_EXPIRATION", "2026-05-01T11:59:59Z"}});
    EXPECT_EQ(resolve(AwsConfig::fromText({}, {}), {}, env).error,
              "the credentials from environment variables expired at 2026-05-01T11:59:59Z: get "
              "new ones (for example aws sso login, or a fresh aws sts get-session-token) and try "
              "again");
}

TEST(AwsSettings, RegionsAsTheCliFindsThem) {
    const AwsConfig config = AwsConfig::fromText("[profile p]\nregion = ap-south-1\n", {});
    EXPECT_EQ(resolveRegion(config, "p", "eu-north-1", environmentOf({{"AWS_REGION", "x"}})),
              "eu-north-1");
    EXPECT_EQ(resolveRegion(config, "p", {},
                            environmentOf({{"AWS_REGION", "us-west-1"},
                                           {"AWS_DEFAULT_REGION", "us-west-2"}})),
              "us-west-1");
    EXPECT_EQ(resolveRegion(config, "p", {}, environmentOf({{"AWS_DEFAULT_REGION", "us-west-2"}})),
              "us-west-2");
    EXPECT_EQ(resolveRegion(config, "p", {}, {}), "ap-south-1");
}

TEST(AwsSettings, EndpointsAsTheCliFindsThem) {
    const AwsConfig config =
        AwsConfig::fromText("[profile p]\nendpoint_url = http://127.0.0.1:4566\n", {});
    QString error;
    auto e = resolveEndpoints("http://127.0.0.1:5000", config, "p", {}, &error);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->url("ec2", "eu-west-1"), QUrl("http://127.0.0.1:5000"));
    e = resolveEndpoints({}, config, "p",
                         environmentOf({{"AWS_ENDPOINT_URL_EC2", "http://127.0.0.1:6000"}}),
                         &error);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->url("ec2", "eu-west-1"), QUrl("http://127.0.0.1:6000"));
    EXPECT_EQ(e->url("s3", "eu-west-1"), QUrl("http://127.0.0.1:4566"));
    e = resolveEndpoints({}, config, "p",
                         environmentOf({{"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"}}), &error);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->url("ec2", "eu-west-1"), QUrl("https://ec2.eu-west-1.amazonaws.com"));
    EXPECT_EQ(e->url("s3", "us-east-1"), QUrl("https://s3.amazonaws.com"));
    EXPECT_FALSE(resolveEndpoints("http://user:pw@127.0.0.1:1/", config, "p", {}, &error));
    EXPECT_EQ(error,
              "http://127.0.0.1:1/ is not an endpoint URL such as http://127.0.0.1:5000 "
              "(--endpoint-url)");
}

}  // namespace
}  // namespace skydraft::aws
