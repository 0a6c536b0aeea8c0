// The credential chain of the AWS CLI: environment, profiles, roles, credential processes.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QProcessEnvironment>
#include <QString>
#include <functional>
#include <optional>

#include "aws/aws_config.h"

namespace skydraft::aws {

/// A set of AWS credentials. Never printed, logged or stored: only `source` is shown.
struct Credentials {
    QByteArray accessKeyId;
    QByteArray secretAccessKey;
    QByteArray sessionToken;  ///< temporary credentials only
    QDateTime expiration;     ///< invalid when they do not expire
    QString source;           ///< "environment variables", "profile dev (~/.aws/credentials)"

    bool valid() const { return !accessKeyId.isEmpty() && !secretAccessKey.isEmpty(); }
    bool expiredAt(const QDateTime& now) const { return expiration.isValid() && expiration <= now; }
};

/// Calls STS AssumeRole with the source credentials; returns the role's credentials, or
/// nullopt with *error saying why. Provided by the network layer.
using AssumeRole = std::function<std::optional<Credentials>(
    const Credentials& source, const QString& roleArn, const QString& sessionName,
    const QString& externalId, int durationSeconds, const QString& region, QString* error)>;

/// What the chain is asked for.
struct CredentialQuery {
    QString profile;  ///< --profile; "" to use AWS_PROFILE or "default"
    QProcessEnvironment environment;
    QDateTime now;  ///< to judge expirations
};

/// What the chain found: credentials, or an error for the user (which never holds a secret).
struct CredentialResult {
    Credentials credentials;
    QString profile;  ///< the profile used ("" when the environment gave the keys)
    QString error;
    bool ok() const { return error.isEmpty(); }
};

/// Resolves credentials the way the AWS CLI does: an explicit --profile skips the
/// environment variables; otherwise AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (and
/// AWS_SESSION_TOKEN) win; then the profile (AWS_PROFILE or "default"): role_arn with
/// source_profile or credential_source = Environment through STS AssumeRole, keys in
/// ~/.aws/credentials, credential_process, keys in ~/.aws/config. Expired credentials are an
/// error naming where they came from.
CredentialResult resolveCredentials(const AwsConfig& config, const CredentialQuery& query,
                                    const AssumeRole& assumeRole);

/// Runs a credential_process command line (split like a shell would, no shell) and reads its
/// JSON ({"Version": 1, "AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"}).
std::optional<Credentials> runCredentialProcess(const QString& commandLine, QString* error);

/// Parses a credential process's output; nullopt with *error when it is not what the CLI
/// expects.
std::optional<Credentials> parseCredentialProcessOutput(const QByteArray& output, QString* error);

/// The region as the CLI finds it: explicit, AWS_REGION, AWS_DEFAULT_REGION, the profile's.
QString resolveRegion(const AwsConfig& config, const QString& profile,
                      const QString& explicitRegion, const QProcessEnvironment& environment);

/// The profile the CLI would use: explicit, AWS_PROFILE, AWS_DEFAULT_PROFILE, "default".
QString selectedProfile(const QString& explicitProfile, const QProcessEnvironment& environment);

}  // namespace skydraft::aws
