// A whole scan, from the environment to the diagram text.
#include "aws/aws_scan_service.h"

#include <QEventLoop>
#include <QTimer>

#include "aws/aws_client.h"
#include "aws/aws_scanner.h"
#include "aws/scan_builder.h"
#include "diagram_file.h"

namespace skydraft::aws {

namespace {

QProcessEnvironment environmentOf(const ScanRequest& request) {
    if (request.environment.empty()) {
        return QProcessEnvironment::systemEnvironment();
    }
    QProcessEnvironment environment;
    for (const auto& [name, value] : request.environment) {
        environment.insert(QString::fromStdString(name), QString::fromStdString(value));
    }
    return environment;
}

std::optional<QUrl> checkedUrl(const QString& text, const QString& where, QString* error) {
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    const bool web =
        url.scheme() == QStringLiteral("http") || url.scheme() == QStringLiteral("https");
    if (!url.isValid() || !web || url.host().isEmpty() || !url.userInfo().isEmpty() ||
        url.hasQuery() || url.hasFragment()) {
        *error = QStringLiteral("%1 is not an endpoint URL such as http://127.0.0.1:5000 (%2)")
                     .arg(url.isValid() ? url.toString(QUrl::RemoveUserInfo) : QStringLiteral("it"),
                          where);
        return std::nullopt;
    }
    return url;
}

}  // namespace

std::optional<Endpoints> resolveEndpoints(const QString& explicitUrl, const AwsConfig& config,
                                          const QString& profile,
                                          const QProcessEnvironment& environment, QString* error) {
    Endpoints endpoints;
    if (!explicitUrl.isEmpty()) {
        const auto url = checkedUrl(explicitUrl, QStringLiteral("--endpoint-url"), error);
        if (!url) {
            return std::nullopt;
        }
        endpoints.custom = *url;
        return endpoints;
    }
    const QString ignore =
        environment.value(QStringLiteral("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")).toLower();
    if (ignore == QStringLiteral("true")) {
        return endpoints;
    }
    for (const auto& call : allowedCalls()) {
        const QString variable = endpointVariable(call.service);
        const QString value = environment.value(variable);
        if (!value.isEmpty() && !endpoints.services.count(call.service)) {
            const auto url = checkedUrl(value, variable, error);
            if (!url) {
                return std::nullopt;
            }
            endpoints.services[std::string(call.service)] = *url;
        }
    }
    QString global = environment.value(QStringLiteral("AWS_ENDPOINT_URL"));
    QString where = QStringLiteral("AWS_ENDPOINT_URL");
    if (global.isEmpty()) {
        global = config.value(profile, QStringLiteral("endpoint_url"));
        where = QStringLiteral("endpoint_url of profile ") + profile;
    }
    if (!global.isEmpty()) {
        const auto url = checkedUrl(global, where, error);
        if (!url) {
            return std::nullopt;
        }
        endpoints.custom = *url;
    }
    return endpoints;
}

std::optional<Credentials> assumeRoleWithSts(const Endpoints& endpoints, const Credentials& source,
                                             const QString& roleArn, const QString& sessionName,
                                             const QString& externalId, int durationSeconds,
                                             const QString& region, QString* error) {
    ClientSettings settings;
    settings.endpoints = endpoints;
    settings.maxAttempts = 3;
    AwsClient client(settings, source);
    CallArguments arguments;
    arguments.parameters = {{"RoleArn", roleArn.toUtf8()},
                            {"RoleSessionName", sessionName.toUtf8()},
                            {"DurationSeconds", QByteArray::number(durationSeconds)}};
    if (!externalId.isEmpty()) {
        arguments.parameters.append({"ExternalId", externalId.toUtf8()});
    }
    CallResult result;
    QEventLoop loop;
    client.send(*findCall("sts", "AssumeRole"),
                region.isEmpty() ? QStringLiteral("us-east-1") : region, arguments,
                [&](const CallResult& r) {
                    result = r;
                    loop.quit();
                });
    loop.exec();
    if (!result.ok()) {
        *error = result.transportError.isEmpty()
                     ? QString::fromStdString(result.error.code + ": " + result.error.message)
                     : result.transportError;
        return std::nullopt;
    }
    std::string why;
    const auto page = parsePage(*findCall("sts", "AssumeRole"), result.body, &why);
    if (!page || page->items.empty()) {
        *error = QStringLiteral("the answer cannot be read: ") + QString::fromStdString(why);
        return std::nullopt;
    }
    const auto& item = page->items.front();
    Credentials role;
    role.accessKeyId = QByteArray::fromStdString(textAt(item, "Credentials/AccessKeyId"));
    role.secretAccessKey = QByteArray::fromStdString(textAt(item, "Credentials/SecretAccessKey"));
    role.sessionToken = QByteArray::fromStdString(textAt(item, "Credentials/SessionToken"));
    role.expiration = QDateTime::fromString(
        QString::fromStdString(textAt(item, "Credentials/Expiration")), Qt::ISODate);
    if (!role.valid()) {
        *error = QStringLiteral("the answer has no credentials");
        return std::nullopt;
    }
    return role;
}

void runScan(const ScanRequest& request, ScanObserver& observer, ScanOutcome& outcome) {
    outcome = ScanOutcome{};
    const QProcessEnvironment environment = environmentOf(request);
    const AwsConfig config = AwsConfig::load(environment);
    for (const auto& problem : config.problems()) {
        observer.warning(problem.toStdString());
    }
    const QString explicitProfile = QString::fromStdString(request.profile);
    const QString profile = selectedProfile(explicitProfile, environment);
    QString error;
    const auto endpoints = resolveEndpoints(QString::fromStdString(request.endpointUrl), config,
                                            profile, environment, &error);
    if (!endpoints) {
        outcome.error = error.toStdString();
        return;
    }
    QStringList regions;
    for (const auto& region : request.regions) {
        regions.append(QString::fromStdString(region));
    }
    const QString configured = resolveRegion(config, profile, {}, environment);
    if (regions.isEmpty() && !request.allRegions) {
        if (configured.isEmpty()) {
            outcome.error = QStringLiteral(
                                "no region to scan: pass --region, set AWS_REGION, or set region "
                                "in profile %1")
                                .arg(profile)
                                .toStdString();
            return;
        }
        regions.append(configured);
    }
    const QString home = !regions.isEmpty()      ? regions.front()
                         : !configured.isEmpty() ? configured
                                                 : QStringLiteral("us-east-1");
    const AssumeRole assume = [&](const Credentials& source, const QString& roleArn,
                                  const QString& sessionName, const QString& externalId,
                                  int duration, const QString& region, QString* why) {
        return assumeRoleWithSts(*endpoints, source, roleArn, sessionName, externalId, duration,
                                 region.isEmpty() ? home : region, why);
    };
    const CredentialResult credentials = resolveCredentials(
        config, {explicitProfile, environment, QDateTime::currentDateTimeUtc()}, assume);
    if (!credentials.ok()) {
        outcome.error = credentials.error.toStdString();
        return;
    }

    ClientSettings settings;
    settings.endpoints = *endpoints;
    settings.maxParallel = request.parallelPerRegion;
    settings.timeoutMs = request.timeoutMs;
    settings.maxAttempts = request.maxAttempts;
    settings.baseDelayMs = request.baseDelayMs;
    AwsClient client(settings, credentials.credentials);
    AwsScanner scanner(client, regions, request.allRegions, home, credentials.credentials.source);
    QEventLoop loop;
    QObject::connect(&scanner, &AwsScanner::finished, &loop, &QEventLoop::quit);
    QObject::connect(
        &scanner, &AwsScanner::progress,
        [&](const QString& region, const QString& service, int done, int total) {
            observer.progress({region.toStdString(), service.toStdString(), done, total});
        });
    QObject::connect(&scanner, &AwsScanner::warning,
                     [&](const QString& text) { observer.warning(text.toStdString()); });
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (observer.cancelled()) {
            scanner.cancel();
        }
    });
    poll.start(50);
    bool done = false;
    QObject::connect(&scanner, &AwsScanner::finished, [&] { done = true; });
    scanner.start();
    if (!done) {
        loop.exec();
    }
    outcome.requests = client.requestsSent();
    if (scanner.cancelled()) {
        outcome.cancelled = true;
        outcome.error = "the scan was cancelled";
        return;
    }
    if (!scanner.fatalError().isEmpty()) {
        outcome.error = client.redact(scanner.fatalError()).toStdString();
        return;
    }
    for (const auto& warning : scanner.warnings()) {
        outcome.warnings.push_back(client.redact(warning).toStdString());
    }
    const ScanDiagram built = buildScanDiagram(scanner.inventory());
    if (!built.diagram) {
        outcome.error = built.error;
        return;
    }
    outcome.notes = built.notes;
    outcome.elements = static_cast<int>(built.diagram->elements().size());
    outcome.diagram = saveDiagram(*built.diagram);
    outcome.ok = true;
}

const AwsModuleApi* awsModuleApi() {
    static const AwsModuleApi api{kAwsModuleVersion, &runScan};
    return &api;
}

}  // namespace skydraft::aws
