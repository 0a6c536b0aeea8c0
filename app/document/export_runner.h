// Exports the open diagram (CloudFormation, DOT, PNG, SVG, PDF, Mermaid, HTML) and renders
// previews in a worker thread, so that the window never waits for Graphviz.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <functional>
#include <optional>
#include <vector>

#include "diagram.h"
#include "validation/finding.h"

namespace skydraft {

class DocumentController;

/// The outcome of one export or preview run in the worker.
struct ExportOutcome {
    bool preview = false;
    QString path;   ///< the file written (or the preview image)
    QString error;  ///< "" on success, else a sentence for the user
    QStringList warnings;
    double widthPoints = 0;
    double heightPoints = 0;
};

/// Runs one export at a time. Each run copies the diagram (and, "with findings", the current
/// findings) to a QtConcurrent worker, which builds the bytes with the exporters and writes
/// them atomically with QSaveFile. Progress is reported by stage, since Graphviz gives none.
class ExportRunner : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString stage READ stage NOTIFY stageChanged)
    Q_PROPERTY(QString error READ error NOTIFY finished)
    Q_PROPERTY(QString lastPath READ lastPath NOTIFY finished)
    Q_PROPERTY(QUrl previewUrl READ previewUrl NOTIFY previewChanged)
    Q_PROPERTY(QString previewSize READ previewSize NOTIFY previewChanged)
    Q_PROPERTY(bool previewing READ previewing NOTIFY previewChanged)
    /// CloudFormation: zones as Fn::Select [i, Fn::GetAZs ""] (CfnExportOptions::portableZones).
    Q_PROPERTY(
        bool portableZones READ portableZones WRITE setPortableZones NOTIFY portableZonesChanged)
public:
    /// findings returns the current findings (for "with findings"); called on the UI thread.
    ExportRunner(DocumentController& controller, std::function<std::vector<Finding>()> findings,
                 QObject* parent = nullptr);
    ~ExportRunner() override;

    bool busy() const {
        return m_pendingExport.has_value() || (m_watcher.isRunning() && !m_runIsPreview);
    }
    QString stage() const { return m_stage; }
    QString error() const { return m_error; }
    QString lastPath() const { return m_lastPath; }
    QUrl previewUrl() const { return m_previewUrl; }
    QString previewSize() const { return m_previewSize; }
    bool previewing() const {
        return m_previewPending || (m_watcher.isRunning() && m_runIsPreview);
    }

    /// Starts an export to path (a local path or file: URL) in format "cloudformation", "dot",
    /// "png", "svg", "pdf", "mermaid" or "html"; false (with `error`) when one is already running
    /// or the request is invalid. `finished` reports the outcome.
    Q_INVOKABLE bool start(const QString& format, const QString& path, int dpi, bool withFindings);
    /// Renders a small PNG preview (with the given options) for the dialog.
    Q_INVOKABLE void preview(bool withFindings, int dpi);
    /// The file name a format gets next to the open document ("web.png"); for an untitled
    /// document, the diagram's name made safe (safeBaseName) in the home folder.
    Q_INVOKABLE QString suggestedPath(const QString& format) const;
    /// A file base name derived from diagram content that stays one plain name inside the
    /// chosen folder: path separators, NUL and other control characters and characters that
    /// other systems forbid in names become '-', leading and trailing dots, dashes and spaces
    /// go (no "..", no hidden file), at most 100 characters; fallback when nothing is left.
    static QString safeBaseName(const QString& name,
                                const QString& fallback = QStringLiteral("diagram"));
    /// Waits for the running job (tests).
    void waitForFinished() { m_watcher.waitForFinished(); }

    /// Builds the bytes of an export: what the worker runs; error set on failure.
    static QByteArray exportBytes(const Diagram& diagram, const std::vector<Finding>& findings,
                                  const QString& format, int dpi, QString& error,
                                  QStringList* warnings = nullptr, double* width = nullptr,
                                  double* height = nullptr, bool portableZones = false);
    bool portableZones() const { return m_portableZones; }
    void setPortableZones(bool portable);

signals:
    void busyChanged();
    void stageChanged();
    void previewChanged();
    void portableZonesChanged();
    /// An export ended; error is "" on success.
    void finished(bool ok, const QString& path, const QString& error);

private:
    void launch(bool preview, const QString& format, const QString& path, int dpi,
                bool withFindings);
    void done();
    void setStage(const QString& stage);

    DocumentController& m_controller;
    std::function<std::vector<Finding>()> m_findings;
    QFutureWatcher<ExportOutcome> m_watcher;
    /// An export asked for while a preview renders: it starts when the preview ends.
    struct Request {
        QString format;
        QString path;
        int dpi = 96;
        bool withFindings = false;
    };
    std::optional<Request> m_pendingExport;
    bool m_runIsPreview = false;
    bool m_previewPending = false;
    bool m_pendingFindings = false;
    int m_pendingDpi = 48;
    bool m_portableZones = false;
    QString m_stage;
    QString m_error;
    QString m_lastPath;
    QTemporaryDir m_previewDir;
    int m_previewCount = 0;
    QUrl m_previewUrl;
    QString m_previewSize;
};

}  // namespace skydraft
