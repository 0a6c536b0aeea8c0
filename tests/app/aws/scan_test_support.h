// Test support: running a scan of a fake AWS endpoint in-process, and reading fixtures.
#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "aws/aws_scan_api.h"
#include "diagram.h"
#include "fake_aws.h"

namespace skydraft::test {

/// The credentials every fake accepts unless a test says otherwise.
inline constexpr const char* kKeyId = "AKIAFAKESCANNER00001";
inline constexpr const char* kSecret = "fake/Secret+Key/For-The-Scanner-Tests-00";

/// Collects what a scan reports.
class RecordingObserver : public aws::ScanObserver {
public:
    void progress(const aws::ScanProgress& p) override { progressed.push_back(p); }
    void warning(const std::string& text) override { warnings.push_back(text); }
    bool cancelled() override { return cancelAfter >= 0 && int(progressed.size()) > cancelAfter; }
    std::vector<aws::ScanProgress> progressed;
    std::vector<std::string> warnings;
    int cancelAfter = -1;
};

/// A scan request for the fake: its URL, fast retries, an environment holding only the
/// variables given (HOME points at an empty directory unless given).
aws::ScanRequest fakeRequest(const FakeAws& fake, std::vector<std::string> regions,
                             std::map<std::string, std::string> environment);

/// The environment with the standard test credentials.
std::map<std::string, std::string> keyEnvironment();

/// Runs the scan in this thread.
aws::ScanOutcome runScanOf(const aws::ScanRequest& request, RecordingObserver& observer);

/// The fake account of tests/fixtures/aws/fake_account.json.
nlohmann::json fakeAccount();

/// A file of the source tree, read whole.
QByteArray sourceFile(const QString& relative);

/// The bytes of a file ("" when it cannot be read).
QByteArray readAllOf(const QString& path);

/// Writes bytes to a file of that name in a temporary folder kept until exit; its path.
QString writeTempFile(const QString& name, const QByteArray& bytes);

/// A diagram parsed from native text (throws when it does not load).
Diagram parseDiagram(const std::string& text);

}  // namespace skydraft::test
