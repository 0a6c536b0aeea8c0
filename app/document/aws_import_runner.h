// File > Import from AWS Account…: runs the scan module in a worker thread, reports progress
// per region and service, can be cancelled, and opens the scanned diagram.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QVariantList>
#include <atomic>
#include <map>
#include <memory>

#include "aws/aws_scan_api.h"

namespace skydraft {

class DocumentController;

/// The designer's side of a scan: the profiles and regions to choose from, one scan at a time
/// through the AWS module (loaded on first use, with Qt Network), its progress, and the result
/// adopted as a new untitled document.
class AwsImportRunner : public QObject {
    Q_OBJECT
    Q_PROPERTY(QStringList profiles READ profiles NOTIFY settingsChanged)
    Q_PROPERTY(QString defaultProfile READ defaultProfile NOTIFY settingsChanged)
    Q_PROPERTY(QStringList regions READ regions CONSTANT)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QVariantList progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QStringList warnings READ warnings NOTIFY warningsChanged)
    Q_PROPERTY(QString result READ result NOTIFY finished)
public:
    explicit AwsImportRunner(DocumentController& controller, QObject* parent = nullptr);
    ~AwsImportRunner() override;

    /// The AWS CLI's profiles (~/.aws/config and ~/.aws/credentials), "default" first.
    QStringList profiles() const { return m_profiles; }
    /// AWS_PROFILE, else "default".
    QString defaultProfile() const { return m_defaultProfile; }
    /// The commercial regions, to pick from.
    QStringList regions() const;
    bool busy() const { return m_watcher.isRunning(); }
    /// One row per region and service: {"region", "service", "done", "total"}.
    QVariantList progress() const;
    QStringList warnings() const { return m_warnings; }
    /// What the last scan did, in a sentence ("" before the first).
    QString result() const { return m_result; }

    /// Reads the AWS CLI's files again (a profile was just added).
    Q_INVOKABLE void refresh();
    /// The region a profile scans by default (AWS_REGION, AWS_DEFAULT_REGION, its own).
    Q_INVOKABLE QString regionOf(const QString& profile) const;
    /// Starts a scan; false (with `result` saying why) when one runs already or nothing is
    /// chosen. regions empty with allRegions: every region enabled for the account.
    Q_INVOKABLE bool start(const QString& profile, const QStringList& regions, bool allRegions,
                           const QString& endpointUrl);
    /// Stops the running scan; `finished` follows.
    Q_INVOKABLE void cancel();
    /// Waits for the running scan (tests).
    void waitForFinished();
    /// Options a test sets to scan a fake endpoint quickly and hermetically.
    void setTestSettings(std::vector<std::pair<std::string, std::string>> environment,
                         int baseDelayMs);

signals:
    void settingsChanged();
    void busyChanged();
    void progressChanged();
    void warningsChanged();
    /// The scan ended: ok when its diagram is now the open document.
    void finished(bool ok, const QString& result);

private:
    void done();
    void reportProgress(const aws::ScanProgress& progress);
    void reportWarning(const QString& text);

    DocumentController& m_controller;
    QFutureWatcher<aws::ScanOutcome> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QStringList m_profiles;
    QString m_defaultProfile;
    std::map<std::pair<QString, QString>, std::pair<int, int>> m_progress;
    QStringList m_warnings;
    QString m_result;
    std::vector<std::pair<std::string, std::string>> m_testEnvironment;
    int m_testBaseDelayMs = -1;
};

}  // namespace skydraft
