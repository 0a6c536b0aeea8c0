// The AWS CLI's shared files: ~/.aws/config and ~/.aws/credentials, read as the CLI reads them.
#pragma once

#include <QByteArray>
#include <QMap>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace skydraft::aws {

/// One INI file: section -> key -> value. Keys and section names are kept as written (the CLI
/// matches them exactly); nested blocks ("s3 =" followed by indented lines) are skipped.
struct IniFile {
    QMap<QString, QMap<QString, QString>> sections;
    QStringList problems;  ///< "line 7: expected key = value" (values are never quoted)
};

/// Parses the AWS CLI's INI dialect: [section], key = value, # and ; comments on their own line.
IniFile parseIni(const QByteArray& text);

/// Both shared files of one user, as the environment points at them.
class AwsConfig {
public:
    /// Reads AWS_CONFIG_FILE (default ~/.aws/config) and AWS_SHARED_CREDENTIALS_FILE
    /// (default ~/.aws/credentials); a missing file is empty, an unreadable one a problem.
    static AwsConfig load(const QProcessEnvironment& environment);
    /// From file contents (tests).
    static AwsConfig fromText(const QByteArray& config, const QByteArray& credentials,
                              const QString& configPath = QStringLiteral("config"),
                              const QString& credentialsPath = QStringLiteral("credentials"));

    /// Every profile named in either file, sorted, "default" first when present.
    QStringList profiles() const;
    bool hasProfile(const QString& name) const;
    /// A setting of a profile: the credentials file first (it is where keys live), then the
    /// config file's [profile NAME] ([default] for "default"); "" when neither has it.
    QString value(const QString& profile, const QString& key) const;
    /// Where a setting of a profile comes from, for messages: the file's path.
    QString sourceOf(const QString& profile, const QString& key) const;
    /// True when the credentials file (rather than the config file) sets key for profile.
    bool inCredentialsFile(const QString& profile, const QString& key) const;
    /// Problems reading the files ("~/.aws/config: line 7: ...").
    QStringList problems() const { return m_problems; }

private:
    const QMap<QString, QString>* configSection(const QString& profile) const;

    IniFile m_config;
    IniFile m_credentials;
    QString m_configPath;
    QString m_credentialsPath;
    QStringList m_problems;
};

}  // namespace skydraft::aws
