// Running scans of fake AWS endpoints in tests.
#include "scan_test_support.h"

#include <QFile>
#include <stdexcept>

#include "aws/aws_scan_service.h"
#include "diagram_file.h"

namespace skydraft::test {

QByteArray sourceFile(const QString& relative) {
    QFile file(QStringLiteral(SKYDRAFT_SOURCE_DIR "/") + relative);
    if (!file.open(QIODevice::ReadOnly)) {
        throw std::runtime_error("cannot read " + relative.toStdString());
    }
    return file.readAll();
}

QByteArray readAllOf(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString writeTempFile(const QString& name, const QByteArray& bytes) {
    static QTemporaryDir dir;
    const QString path = dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(bytes);
    }
    return path;
}

nlohmann::json fakeAccount() {
    return nlohmann::json::parse(
        sourceFile(QStringLiteral("tests/fixtures/aws/fake_account.json")).toStdString());
}

Diagram parseDiagram(const std::string& text) {
    LoadResult result = loadDiagram(text);
    if (!result) {
        throw std::runtime_error("the diagram does not load: " + result.error->toString());
    }
    return std::move(*result.diagram);
}

std::map<std::string, std::string> keyEnvironment() {
    return {{"AWS_ACCESS_KEY_ID", kKeyId}, {"AWS_SECRET_ACCESS_KEY", kSecret}};
}

aws::ScanRequest fakeRequest(const FakeAws& fake, std::vector<std::string> regions,
                             std::map<std::string, std::string> environment) {
    static QTemporaryDir emptyHome;
    aws::ScanRequest request;
    request.endpointUrl = fake.url().toString().toStdString();
    request.regions = std::move(regions);
    request.baseDelayMs = 5;
    request.timeoutMs = 10000;
    if (!environment.count("HOME")) {
        environment["HOME"] = emptyHome.path().toStdString();
    }
    for (const auto& [name, value] : environment) {
        request.environment.emplace_back(name, value);
    }
    return request;
}

aws::ScanOutcome runScanOf(const aws::ScanRequest& request, RecordingObserver& observer) {
    aws::ScanOutcome outcome;
    aws::runScan(request, observer, outcome);
    return outcome;
}

}  // namespace skydraft::test
