// The AWS CLI's credential chain.
#include "aws/aws_credentials.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace skydraft::aws {

namespace {

constexpr int kMaxRoleChain = 8;
constexpr int kProcessTimeoutMs = 60000;
constexpr qint64 kMaxProcessOutput = 64 * 1024;

QString envValue(const QProcessEnvironment& environment, const char* name) {
    return environment.value(QString::fromLatin1(name)).trimmed();
}

/// Credentials of one profile (without looking at the environment), following role_arn chains.
class ProfileResolver {
public:
    ProfileResolver(const AwsConfig& config, const CredentialQuery& query,
                    const AssumeRole& assumeRole)
        : m_config(config), m_query(query), m_assumeRole(assumeRole) {}

    std::optional<Credentials> resolve(const QString& profile, int depth, QString* error) {
        if (depth > kMaxRoleChain) {
            *error = QStringLiteral("profile %1: source_profile chain longer than %2 (a cycle?)")
                         .arg(profile)
                         .arg(kMaxRoleChain);
            return std::nullopt;
        }
        if (!m_config.hasProfile(profile)) {
            *error = QStringLiteral("the config profile (%1) could not be found").arg(profile);
            return std::nullopt;
        }
        const auto get = [&](const char* key) {
            return m_config.value(profile, QString::fromLatin1(key)).trimmed();
        };
        const QString roleArn = get("role_arn");
        if (!roleArn.isEmpty()) {
            return assume(profile, roleArn, depth, error);
        }
        if (!get("web_identity_token_file").isEmpty() || !get("sso_start_url").isEmpty() ||
            !get("sso_session").isEmpty()) {
            *error = QStringLiteral(
                         "profile %1 signs in through SSO or web identity, which Skydraft does "
                         "not do itself: add credential_process = aws configure "
                         "export-credentials --profile %1 --format process to a profile and use "
                         "that one")
                         .arg(profile);
            return std::nullopt;
        }
        const QString keyId = get("aws_access_key_id");
        const QString secret = get("aws_secret_access_key");
        const bool keysInCredentials =
            m_config.inCredentialsFile(profile, QStringLiteral("aws_access_key_id"));
        // The credentials file comes before credential_process, and that before keys in the
        // config file: the CLI's order.
        if (!keyId.isEmpty() && !secret.isEmpty() &&
            (keysInCredentials || get("credential_process").isEmpty())) {
            Credentials c;
            c.accessKeyId = keyId.toUtf8();
            c.secretAccessKey = secret.toUtf8();
            c.sessionToken = get("aws_session_token").toUtf8();
            c.source =
                QStringLiteral("profile %1 (%2)")
                    .arg(profile, m_config.sourceOf(profile, QStringLiteral("aws_access_key_id")));
            return c;
        }
        const QString process = get("credential_process");
        if (!process.isEmpty()) {
            QString why;
            auto c = runCredentialProcess(process, &why);
            if (!c) {
                *error = QStringLiteral("credential_process of profile %1: %2").arg(profile, why);
                return std::nullopt;
            }
            c->source = QStringLiteral("credential_process of profile %1").arg(profile);
            return c;
        }
        *error = QStringLiteral(
                     "profile %1 has no credentials (no aws_access_key_id and "
                     "aws_secret_access_key, role_arn or credential_process)")
                     .arg(profile);
        return std::nullopt;
    }

private:
    std::optional<Credentials> assume(const QString& profile, const QString& roleArn, int depth,
                                      QString* error) {
        const auto get = [&](const char* key) {
            return m_config.value(profile, QString::fromLatin1(key)).trimmed();
        };
        if (!get("mfa_serial").isEmpty()) {
            *error = QStringLiteral(
                         "profile %1 needs an MFA code (mfa_serial), which Skydraft "
                         "cannot ask for: use temporary credentials from aws sts "
                         "get-session-token instead")
                         .arg(profile);
            return std::nullopt;
        }
        std::optional<Credentials> source;
        const QString sourceProfile = get("source_profile");
        const QString credentialSource = get("credential_source");
        if (!sourceProfile.isEmpty()) {
            if (sourceProfile == profile && !get("aws_access_key_id").isEmpty()) {
                // A profile may be its own source: its static keys assume its role.
                Credentials c;
                c.accessKeyId = get("aws_access_key_id").toUtf8();
                c.secretAccessKey = get("aws_secret_access_key").toUtf8();
                c.sessionToken = get("aws_session_token").toUtf8();
                c.source = QStringLiteral("profile %1").arg(profile);
                source = c;
            } else {
                source = resolve(sourceProfile, depth + 1, error);
            }
        } else if (credentialSource == QStringLiteral("Environment")) {
            Credentials c;
            c.accessKeyId = envValue(m_query.environment, "AWS_ACCESS_KEY_ID").toUtf8();
            c.secretAccessKey = envValue(m_query.environment, "AWS_SECRET_ACCESS_KEY").toUtf8();
            c.sessionToken = envValue(m_query.environment, "AWS_SESSION_TOKEN").toUtf8();
            c.source = QStringLiteral("environment variables");
            if (!c.valid()) {
                *error = QStringLiteral(
                             "profile %1: credential_source = Environment, but "
                             "AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY are not set")
                             .arg(profile);
                return std::nullopt;
            }
            source = c;
        } else if (!credentialSource.isEmpty()) {
            *error = QStringLiteral(
                         "profile %1: credential_source = %2 is not supported "
                         "(only Environment)")
                         .arg(profile, credentialSource);
            return std::nullopt;
        } else {
            *error = QStringLiteral(
                         "profile %1 has role_arn but neither source_profile nor "
                         "credential_source")
                         .arg(profile);
            return std::nullopt;
        }
        if (!source) {
            return std::nullopt;
        }
        if (source->expiredAt(m_query.now)) {
            *error =
                QStringLiteral(
                    "the credentials of %1, which assume the role of profile "
                    "%2, expired at %3")
                    .arg(source->source, profile, source->expiration.toUTC().toString(Qt::ISODate));
            return std::nullopt;
        }
        if (!m_assumeRole) {
            *error = QStringLiteral("profile %1 needs STS AssumeRole").arg(profile);
            return std::nullopt;
        }
        QString sessionName = get("role_session_name");
        if (sessionName.isEmpty()) {
            sessionName = QStringLiteral("skydraft-session-%1").arg(m_query.now.toSecsSinceEpoch());
        }
        bool okDuration = false;
        int duration = get("duration_seconds").toInt(&okDuration);
        if (!okDuration) {
            duration = 3600;
        }
        QString region = get("region");
        if (region.isEmpty()) {
            region = envValue(m_query.environment, "AWS_REGION");
        }
        if (region.isEmpty()) {
            region = envValue(m_query.environment, "AWS_DEFAULT_REGION");
        }
        QString why;
        auto role =
            m_assumeRole(*source, roleArn, sessionName, get("external_id"), duration, region, &why);
        if (!role) {
            *error = QStringLiteral("profile %1: assuming role %2 with %3 failed: %4")
                         .arg(profile, roleArn, source->source, why);
            return std::nullopt;
        }
        role->source = QStringLiteral("role %1 of profile %2").arg(roleArn, profile);
        return role;
    }

    const AwsConfig& m_config;
    const CredentialQuery& m_query;
    const AssumeRole& m_assumeRole;
};

}  // namespace

QString selectedProfile(const QString& explicitProfile, const QProcessEnvironment& environment) {
    if (!explicitProfile.isEmpty()) {
        return explicitProfile;
    }
    for (const char* name : {"AWS_PROFILE", "AWS_DEFAULT_PROFILE"}) {
        const QString value = envValue(environment, name);
        if (!value.isEmpty()) {
            return value;
        }
    }
    return QStringLiteral("default");
}

QString resolveRegion(const AwsConfig& config, const QString& profile,
                      const QString& explicitRegion, const QProcessEnvironment& environment) {
    if (!explicitRegion.isEmpty()) {
        return explicitRegion;
    }
    for (const char* name : {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
        const QString value = envValue(environment, name);
        if (!value.isEmpty()) {
            return value;
        }
    }
    return config.value(profile, QStringLiteral("region")).trimmed();
}

CredentialResult resolveCredentials(const AwsConfig& config, const CredentialQuery& query,
                                    const AssumeRole& assumeRole) {
    CredentialResult result;
    const QProcessEnvironment& env = query.environment;
    if (query.profile.isEmpty()) {
        const QString keyId = envValue(env, "AWS_ACCESS_KEY_ID");
        const QString secret = envValue(env, "AWS_SECRET_ACCESS_KEY");
        if (!keyId.isEmpty() || !secret.isEmpty()) {
            if (keyId.isEmpty() || secret.isEmpty()) {
                result.error = keyId.isEmpty() ? QStringLiteral(
                                                     "AWS_SECRET_ACCESS_KEY is set but "
                                                     "AWS_ACCESS_KEY_ID is not")
                                               : QStringLiteral(
                                                     "AWS_ACCESS_KEY_ID is set but "
                                                     "AWS_SECRET_ACCESS_KEY is not");
                return result;
            }
            Credentials& c = result.credentials;
            c.accessKeyId = keyId.toUtf8();
            c.secretAccessKey = secret.toUtf8();
            c.sessionToken = envValue(env, "AWS_SESSION_TOKEN").toUtf8();
            if (c.sessionToken.isEmpty()) {
                c.sessionToken = envValue(env, "AWS_SECURITY_TOKEN").toUtf8();
            }
            const QString expiration = envValue(env, "AWS_CREDENTIAL_EXPIRATION");
            if (!expiration.isEmpty()) {
                c.expiration = QDateTime::fromString(expiration, Qt::ISODate);
            }
            c.source = QStringLiteral("environment variables");
        }
    }
    if (!result.credentials.valid()) {
        const QString profile = selectedProfile(query.profile, env);
        result.profile = profile;
        if (!config.hasProfile(profile) && profile == QStringLiteral("default") &&
            query.profile.isEmpty()) {
            result.error = QStringLiteral(
                "no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, "
                "choose a profile with --profile or AWS_PROFILE, or run aws configure");
            return result;
        }
        ProfileResolver resolver(config, query, assumeRole);
        QString error;
        auto c = resolver.resolve(profile, 0, &error);
        if (!c) {
            result.error = error;
            return result;
        }
        result.credentials = *c;
    }
    if (result.credentials.expiredAt(query.now)) {
        result.error = QStringLiteral(
                           "the credentials from %1 expired at %2: get new ones (for example "
                           "aws sso login, or a fresh aws sts get-session-token) and try again")
                           .arg(result.credentials.source,
                                result.credentials.expiration.toUTC().toString(Qt::ISODate));
    }
    return result;
}

std::optional<Credentials> parseCredentialProcessOutput(const QByteArray& output, QString* error) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(output, &parseError);
    if (!document.isObject()) {
        *error = QStringLiteral("its output is not a JSON object");
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    if (object.value(QStringLiteral("Version")).toInt() != 1) {
        *error = QStringLiteral("its output needs \"Version\": 1");
        return std::nullopt;
    }
    Credentials c;
    c.accessKeyId = object.value(QStringLiteral("AccessKeyId")).toString().toUtf8();
    c.secretAccessKey = object.value(QStringLiteral("SecretAccessKey")).toString().toUtf8();
    c.sessionToken = object.value(QStringLiteral("SessionToken")).toString().toUtf8();
    const QString expiration = object.value(QStringLiteral("Expiration")).toString();
    if (!expiration.isEmpty()) {
        c.expiration = QDateTime::fromString(expiration, Qt::ISODate);
        if (!c.expiration.isValid()) {
            *error = QStringLiteral("its \"Expiration\" is not an ISO 8601 time");
            return std::nullopt;
        }
    }
    if (!c.valid()) {
        *error = QStringLiteral("its output lacks AccessKeyId or SecretAccessKey");
        return std::nullopt;
    }
    return c;
}

std::optional<Credentials> runCredentialProcess(const QString& commandLine, QString* error) {
    QStringList words = QProcess::splitCommand(commandLine);
    if (words.isEmpty()) {
        *error = QStringLiteral("the command is empty");
        return std::nullopt;
    }
    QProcess process;
    process.setProgram(words.takeFirst());
    process.setArguments(words);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start();
    if (!process.waitForStarted(kProcessTimeoutMs)) {
        *error =
            QStringLiteral("cannot start %1: %2").arg(process.program(), process.errorString());
        return std::nullopt;
    }
    if (!process.waitForFinished(kProcessTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        *error = QStringLiteral("%1 did not finish within %2 s")
                     .arg(process.program())
                     .arg(kProcessTimeoutMs / 1000);
        return std::nullopt;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        // Its standard error is the user's own tool's message; its output may hold secrets.
        const QString why =
            QString::fromLocal8Bit(process.readAllStandardError().left(400)).trimmed();
        *error = QStringLiteral("%1 failed (exit code %2)%3")
                     .arg(process.program())
                     .arg(process.exitCode())
                     .arg(why.isEmpty() ? QString() : QStringLiteral(": ") + why);
        return std::nullopt;
    }
    const QByteArray output = process.readAllStandardOutput();
    if (output.size() > kMaxProcessOutput) {
        *error = QStringLiteral("its output is larger than 64 KB");
        return std::nullopt;
    }
    return parseCredentialProcessOutput(output, error);
}

}  // namespace skydraft::aws
