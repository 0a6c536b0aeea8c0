// The designer's AWS scan: the module runs in a QtConcurrent worker with its own event loop.
#include "document/aws_import_runner.h"

#include <QtConcurrent>

#include "aws/aws_config.h"
#include "aws/aws_credentials.h"
#include "aws/aws_module_loader.h"
#include "diagram_file.h"
#include "document/document_controller.h"

namespace skydraft {

namespace {

/// Passes the worker's reports to the runner on the UI thread, and its cancel flag back.
class ForwardingObserver : public aws::ScanObserver {
public:
    ForwardingObserver(QPointer<AwsImportRunner> runner, std::shared_ptr<std::atomic<bool>> cancel,
                       std::function<void(const aws::ScanProgress&)> progress,
                       std::function<void(const QString&)> warning)
        : m_runner(std::move(runner)),
          m_cancel(std::move(cancel)),
          m_progress(std::move(progress)),
          m_warning(std::move(warning)) {}

    void progress(const aws::ScanProgress& p) override {
        QMetaObject::invokeMethod(
            m_runner.data(), [f = m_progress, p] { f(p); }, Qt::QueuedConnection);
    }
    void warning(const std::string& text) override {
        QMetaObject::invokeMethod(
            m_runner.data(), [f = m_warning, t = QString::fromStdString(text)] { f(t); },
            Qt::QueuedConnection);
    }
    bool cancelled() override { return m_cancel->load(); }

private:
    QPointer<AwsImportRunner> m_runner;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::function<void(const aws::ScanProgress&)> m_progress;
    std::function<void(const QString&)> m_warning;
};

QProcessEnvironment environmentOf(const std::vector<std::pair<std::string, std::string>>& vars) {
    if (vars.empty()) {
        return QProcessEnvironment::systemEnvironment();
    }
    QProcessEnvironment environment;
    for (const auto& [name, value] : vars) {
        environment.insert(QString::fromStdString(name), QString::fromStdString(value));
    }
    return environment;
}

}  // namespace

AwsImportRunner::AwsImportRunner(DocumentController& controller, QObject* parent)
    : QObject(parent), m_controller(controller), m_cancel(std::make_shared<std::atomic<bool>>()) {
    connect(&m_watcher, &QFutureWatcher<aws::ScanOutcome>::finished, this, &AwsImportRunner::done);
    refresh();
}

AwsImportRunner::~AwsImportRunner() {
    m_cancel->store(true);
    m_watcher.waitForFinished();
}

QStringList AwsImportRunner::regions() const {
    return {QStringLiteral("us-east-1"),      QStringLiteral("us-east-2"),
            QStringLiteral("us-west-1"),      QStringLiteral("us-west-2"),
            QStringLiteral("ca-central-1"),   QStringLiteral("sa-east-1"),
            QStringLiteral("eu-west-1"),      QStringLiteral("eu-west-2"),
            QStringLiteral("eu-west-3"),      QStringLiteral("eu-central-1"),
            QStringLiteral("eu-central-2"),   QStringLiteral("eu-north-1"),
            QStringLiteral("eu-south-1"),     QStringLiteral("eu-south-2"),
            QStringLiteral("ap-south-1"),     QStringLiteral("ap-south-2"),
            QStringLiteral("ap-southeast-1"), QStringLiteral("ap-southeast-2"),
            QStringLiteral("ap-southeast-3"), QStringLiteral("ap-southeast-4"),
            QStringLiteral("ap-northeast-1"), QStringLiteral("ap-northeast-2"),
            QStringLiteral("ap-northeast-3"), QStringLiteral("ap-east-1"),
            QStringLiteral("me-south-1"),     QStringLiteral("me-central-1"),
            QStringLiteral("il-central-1"),   QStringLiteral("af-south-1")};
}

QVariantList AwsImportRunner::progress() const {
    QVariantList rows;
    for (const auto& [key, counts] : m_progress) {
        rows.append(QVariantMap{{QStringLiteral("region"), key.first},
                                {QStringLiteral("service"), key.second},
                                {QStringLiteral("done"), counts.first},
                                {QStringLiteral("total"), counts.second}});
    }
    return rows;
}

void AwsImportRunner::refresh() {
    const QProcessEnvironment environment = environmentOf(m_testEnvironment);
    m_profiles = aws::AwsConfig::load(environment).profiles();
    m_defaultProfile = aws::selectedProfile({}, environment);
    if (!m_profiles.contains(m_defaultProfile)) {
        m_profiles.prepend(m_defaultProfile);
    }
    emit settingsChanged();
}

QString AwsImportRunner::regionOf(const QString& profile) const {
    const QProcessEnvironment environment = environmentOf(m_testEnvironment);
    return aws::resolveRegion(aws::AwsConfig::load(environment), profile, {}, environment);
}

void AwsImportRunner::setTestSettings(std::vector<std::pair<std::string, std::string>> environment,
                                      int baseDelayMs) {
    m_testEnvironment = std::move(environment);
    m_testBaseDelayMs = baseDelayMs;
    refresh();
}

bool AwsImportRunner::start(const QString& profile, const QStringList& regions, bool allRegions,
                            const QString& endpointUrl) {
    if (busy()) {
        m_result = tr("A scan is already running.");
        emit finished(false, m_result);
        return false;
    }
    if (regions.isEmpty() && !allRegions) {
        m_result = tr("Choose at least one region.");
        emit finished(false, m_result);
        return false;
    }
    QString error;
    const aws::AwsModuleApi* module = aws::loadAwsModule(&error);
    if (module == nullptr) {
        m_result = error;
        emit finished(false, m_result);
        return false;
    }
    aws::ScanRequest request;
    // The profile chosen in the dialog is the CLI's --profile only when it is not the one the
    // environment selects anyway (so that environment keys keep working as in the CLI).
    if (profile != m_defaultProfile) {
        request.profile = profile.toStdString();
    }
    for (const QString& region : regions) {
        request.regions.push_back(region.toStdString());
    }
    request.allRegions = allRegions && regions.isEmpty();
    request.endpointUrl = endpointUrl.trimmed().toStdString();
    request.environment = m_testEnvironment;
    if (m_testBaseDelayMs >= 0) {
        request.baseDelayMs = m_testBaseDelayMs;
    }
    m_progress.clear();
    m_warnings.clear();
    m_result.clear();
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    emit progressChanged();
    emit warningsChanged();
    QPointer<AwsImportRunner> self(this);
    auto observer = std::make_shared<ForwardingObserver>(
        self, m_cancel,
        [self](const aws::ScanProgress& p) {
            if (self) {
                self->reportProgress(p);
            }
        },
        [self](const QString& text) {
            if (self) {
                self->reportWarning(text);
            }
        });
    m_watcher.setFuture(QtConcurrent::run([module, request, observer] {
        aws::ScanOutcome outcome;
        module->scan(request, *observer, outcome);
        return outcome;
    }));
    emit busyChanged();
    return true;
}

void AwsImportRunner::cancel() {
    m_cancel->store(true);
}

void AwsImportRunner::waitForFinished() {
    m_watcher.waitForFinished();
    QCoreApplication::processEvents();
}

void AwsImportRunner::reportProgress(const aws::ScanProgress& p) {
    m_progress[{QString::fromStdString(p.region), QString::fromStdString(p.service)}] = {p.done,
                                                                                         p.total};
    emit progressChanged();
}

void AwsImportRunner::reportWarning(const QString& text) {
    m_warnings.append(text);
    emit warningsChanged();
}

void AwsImportRunner::done() {
    const aws::ScanOutcome outcome = m_watcher.result();
    emit busyChanged();
    if (!outcome.ok) {
        m_result = outcome.cancelled ? tr("The scan was cancelled; the document is unchanged.")
                                     : QString::fromStdString(outcome.error);
        emit finished(false, m_result);
        return;
    }
    LoadResult loaded = loadDiagram(outcome.diagram);
    if (!loaded) {
        m_result = tr("The scan gave a diagram that does not load: %1")
                       .arg(QString::fromStdString(loaded.error->toString()));
        emit finished(false, m_result);
        return;
    }
    m_controller.adoptDiagram(std::move(*loaded.diagram));
    m_result =
        tr("Scanned %1 elements with %2 requests.").arg(outcome.elements).arg(outcome.requests);
    if (!outcome.warnings.empty()) {
        m_result += QLatin1Char(' ') + tr("Calls denied or failed: %1; the diagram is incomplete.")
                                           .arg(outcome.warnings.size());
    }
    emit finished(true, m_result);
}

}  // namespace skydraft
