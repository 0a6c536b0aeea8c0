// Reading ~/.aws/config and ~/.aws/credentials.
#include "aws/aws_config.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace skydraft::aws {

namespace {

/// The files are small; anything larger is not a CLI configuration.
constexpr qint64 kMaxConfigBytes = 1024 * 1024;

QString expandHome(const QString& path, const QProcessEnvironment& environment) {
    if (path.startsWith(QStringLiteral("~/"))) {
        const QString home = environment.value(QStringLiteral("HOME"), QDir::homePath());
        return home + path.mid(1);
    }
    return path;
}

QByteArray readConfigFile(const QString& path, QStringList& problems) {
    QFile file(path);
    if (!file.exists()) {
        return {};
    }
    if (QFileInfo(path).size() > kMaxConfigBytes) {
        problems.append(path + QStringLiteral(": larger than 1 MB, not read"));
        return {};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        problems.append(path + QStringLiteral(": cannot read: ") + file.errorString());
        return {};
    }
    return file.read(kMaxConfigBytes);
}

}  // namespace

IniFile parseIni(const QByteArray& text) {
    IniFile ini;
    QString section;
    bool inSection = false;
    bool nested = false;  // inside "key =" followed by indented sub-settings
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const QString raw = QString::fromUtf8(lines[n]);
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) ||
            line.startsWith(QLatin1Char(';'))) {
            continue;
        }
        const bool indented = raw.at(0).isSpace();
        if (line.startsWith(QLatin1Char('['))) {
            if (!line.endsWith(QLatin1Char(']'))) {
                ini.problems.append(
                    QStringLiteral("line %1: a section header needs a closing ]").arg(n + 1));
                inSection = false;
                continue;
            }
            section = line.mid(1, line.size() - 2).trimmed();
            ini.sections[section];
            inSection = true;
            nested = false;
            continue;
        }
        if (indented && nested) {
            continue;
        }
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            ini.problems.append(QStringLiteral("line %1: expected key = value").arg(n + 1));
            continue;
        }
        if (!inSection) {
            ini.problems.append(
                QStringLiteral("line %1: a setting outside any [section]").arg(n + 1));
            continue;
        }
        const QString key = line.left(equals).trimmed();
        const QString value = line.mid(equals + 1).trimmed();
        nested = value.isEmpty();
        if (!nested) {
            ini.sections[section][key] = value;
        }
    }
    return ini;
}

AwsConfig AwsConfig::load(const QProcessEnvironment& environment) {
    const QString configPath = expandHome(
        environment.value(QStringLiteral("AWS_CONFIG_FILE"), QStringLiteral("~/.aws/config")),
        environment);
    const QString credentialsPath =
        expandHome(environment.value(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"),
                                     QStringLiteral("~/.aws/credentials")),
                   environment);
    QStringList problems;
    const QByteArray config = readConfigFile(configPath, problems);
    const QByteArray credentials = readConfigFile(credentialsPath, problems);
    AwsConfig result = fromText(config, credentials, configPath, credentialsPath);
    result.m_problems = problems + result.m_problems;
    return result;
}

AwsConfig AwsConfig::fromText(const QByteArray& config, const QByteArray& credentials,
                              const QString& configPath, const QString& credentialsPath) {
    AwsConfig result;
    result.m_config = parseIni(config);
    result.m_credentials = parseIni(credentials);
    result.m_configPath = configPath;
    result.m_credentialsPath = credentialsPath;
    for (const auto& problem : result.m_config.problems) {
        result.m_problems.append(configPath + QStringLiteral(": ") + problem);
    }
    for (const auto& problem : result.m_credentials.problems) {
        result.m_problems.append(credentialsPath + QStringLiteral(": ") + problem);
    }
    return result;
}

const QMap<QString, QString>* AwsConfig::configSection(const QString& profile) const {
    const QString name =
        profile == QStringLiteral("default") ? profile : QStringLiteral("profile ") + profile;
    auto it = m_config.sections.constFind(name);
    if (it == m_config.sections.constEnd() && profile == QStringLiteral("default")) {
        it = m_config.sections.constFind(QStringLiteral("profile default"));
    }
    return it == m_config.sections.constEnd() ? nullptr : &it.value();
}

QStringList AwsConfig::profiles() const {
    QStringList names;
    for (auto it = m_credentials.sections.constBegin(); it != m_credentials.sections.constEnd();
         ++it) {
        names.append(it.key());
    }
    for (auto it = m_config.sections.constBegin(); it != m_config.sections.constEnd(); ++it) {
        if (it.key() == QStringLiteral("default")) {
            names.append(it.key());
        } else if (it.key().startsWith(QStringLiteral("profile "))) {
            names.append(it.key().mid(8).trimmed());
        }
    }
    names.removeDuplicates();
    names.sort();
    if (names.removeOne(QStringLiteral("default"))) {
        names.prepend(QStringLiteral("default"));
    }
    return names;
}

bool AwsConfig::hasProfile(const QString& name) const {
    return m_credentials.sections.contains(name) || configSection(name) != nullptr;
}

QString AwsConfig::value(const QString& profile, const QString& key) const {
    const auto credentials = m_credentials.sections.constFind(profile);
    if (credentials != m_credentials.sections.constEnd() && credentials->contains(key)) {
        return credentials->value(key);
    }
    const QMap<QString, QString>* config = configSection(profile);
    return config ? config->value(key) : QString();
}

bool AwsConfig::inCredentialsFile(const QString& profile, const QString& key) const {
    const auto credentials = m_credentials.sections.constFind(profile);
    return credentials != m_credentials.sections.constEnd() && credentials->contains(key);
}

QString AwsConfig::sourceOf(const QString& profile, const QString& key) const {
    const auto credentials = m_credentials.sections.constFind(profile);
    if (credentials != m_credentials.sections.constEnd() && credentials->contains(key)) {
        return m_credentialsPath;
    }
    return m_configPath;
}

}  // namespace skydraft::aws
