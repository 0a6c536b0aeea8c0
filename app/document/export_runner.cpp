// The designer's export workflow: exporters in a worker thread, atomic writes, plain errors.
#include "document/export_runner.h"

#include <QDir>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

#include "cli/atomic_write.h"
#include "document/document_controller.h"
#include "export_pipeline.h"
#include "graphviz_renderer.h"

namespace skydraft {

namespace {

QString toLocalPath(const QString& path) {
    const QUrl url(path);
    return url.isLocalFile() ? url.toLocalFile() : path;
}

/// ".json" for "cloudformation", ".mmd" for "mermaid", else "." + format.
QString extensionOf(const QString& format) {
    const auto parsed = parseExportFormat(format.toStdString());
    return parsed ? QString::fromLatin1(exportFormatExtension(*parsed).data(),
                                        qsizetype(exportFormatExtension(*parsed).size()))
                  : QLatin1Char('.') + format;
}

}  // namespace

ExportRunner::ExportRunner(DocumentController& controller,
                           std::function<std::vector<Finding>()> findings, QObject* parent)
    : QObject(parent), m_controller(controller), m_findings(std::move(findings)) {
    connect(&m_watcher, &QFutureWatcher<ExportOutcome>::finished, this, &ExportRunner::done);
}

ExportRunner::~ExportRunner() {
    m_watcher.waitForFinished();
}

QByteArray ExportRunner::exportBytes(const Diagram& diagram, const std::vector<Finding>& findings,
                                     const QString& format, int dpi, QString& error,
                                     QStringList* warnings, double* width, double* height,
                                     bool portableZones) {
    const auto parsed = parseExportFormat(format.toStdString());
    if (!parsed) {
        error = QStringLiteral("Unknown format \"%1\".").arg(format);
        return {};
    }
    ExportRequest request;
    request.format = *parsed;
    request.withFindings = true;  // findings holds exactly what to mark (empty: nothing)
    request.dpi = dpi;
    request.portableZones = portableZones;
    const ExportResult result = exportDiagram(diagram, request, &findings);
    if (!result.ok()) {
        QString reason = QString::fromStdString(result.error);
        reason[0] = reason[0].toUpper();
        error = reason;
        return {};
    }
    if (warnings) {
        for (const auto& w : result.warnings) {
            *warnings << QString::fromStdString(w);
        }
    }
    if (width && height) {
        *width = result.widthPoints;
        *height = result.heightPoints;
    }
    return QByteArray::fromStdString(result.bytes);
}

bool ExportRunner::start(const QString& format, const QString& path, int dpi, bool withFindings) {
    static const QStringList formats = {QStringLiteral("cloudformation"),
                                        QStringLiteral("dot"),
                                        QStringLiteral("png"),
                                        QStringLiteral("svg"),
                                        QStringLiteral("pdf"),
                                        QStringLiteral("mermaid"),
                                        QStringLiteral("html")};
    if (busy()) {
        m_error = QStringLiteral("Another export is still running.");
        emit finished(false, {}, m_error);
        return false;
    }
    if (!formats.contains(format)) {
        m_error = QStringLiteral("Unknown format \"%1\".").arg(format);
        emit finished(false, {}, m_error);
        return false;
    }
    if (format == QStringLiteral("png") && (dpi < kMinDpi || dpi > kMaxDpi)) {
        m_error = QStringLiteral("The resolution must be between %1 and %2 DPI.")
                      .arg(kMinDpi)
                      .arg(kMaxDpi);
        emit finished(false, {}, m_error);
        return false;
    }
    QString local = toLocalPath(path);
    if (local.isEmpty()) {
        m_error = QStringLiteral("Choose a file to export to.");
        emit finished(false, {}, m_error);
        return false;
    }
    if (QFileInfo(local).suffix().isEmpty()) {
        local += extensionOf(format);
    }
    if (m_watcher.isRunning()) {
        m_pendingExport = Request{format, local, dpi, withFindings};
        setStage(QStringLiteral("Waiting for the preview to finish…"));
        emit busyChanged();
        return true;
    }
    launch(false, format, local, dpi, withFindings);
    return true;
}

void ExportRunner::preview(bool withFindings, int dpi) {
    m_pendingFindings = withFindings;
    m_pendingDpi = dpi;
    if (m_watcher.isRunning()) {
        m_previewPending = true;
        emit previewChanged();
        return;
    }
    m_previewPending = false;
    const QString path =
        m_previewDir.filePath(QStringLiteral("preview-%1.png").arg(++m_previewCount));
    launch(true, QStringLiteral("png"), path, dpi, withFindings);
    emit previewChanged();
}

QString ExportRunner::safeBaseName(const QString& name, const QString& fallback) {
    constexpr qsizetype kMaxLength = 100;
    static const QString forbidden = QStringLiteral("/\\:*?\"<>|");
    QString base;
    base.reserve(name.size());
    for (const QChar c : name) {
        const bool control =
            c.unicode() < 0x20 || c.unicode() == 0x7F || c.category() == QChar::Other_Control;
        base += control || forbidden.contains(c) ? QLatin1Char('-') : c;
    }
    static const QString trimmed = QStringLiteral(".- ");
    qsizetype first = 0;
    while (first < base.size() && trimmed.contains(base[first])) {
        ++first;
    }
    base = base.mid(first, kMaxLength);
    while (!base.isEmpty() && (trimmed.contains(base.back()) || base.back().isHighSurrogate())) {
        base.chop(1);
    }
    return base.isEmpty() ? fallback : base;
}

QString ExportRunner::suggestedPath(const QString& format) const {
    const QFileInfo file(m_controller.filePath());
    const QString base = m_controller.filePath().isEmpty()
                             ? safeBaseName(QString::fromStdString(m_controller.diagram().name()))
                             : file.completeBaseName();
    const QString dir = m_controller.filePath().isEmpty() ? QDir::homePath() : file.absolutePath();
    return QDir(dir).filePath(base + extensionOf(format));
}

void ExportRunner::launch(bool preview, const QString& format, const QString& path, int dpi,
                          bool withFindings) {
    m_runIsPreview = preview;
    // The HTML page always lists the findings, as the command line's does.
    std::vector<Finding> findings =
        withFindings || format == QStringLiteral("html") ? m_findings() : std::vector<Finding>{};
    if (!preview) {
        m_error.clear();
        setStage(format == QStringLiteral("cloudformation") || format == QStringLiteral("dot")
                     ? QStringLiteral("Writing %1…").arg(QFileInfo(path).fileName())
                     : QStringLiteral("Laying out and rendering (Graphviz)…"));
        emit busyChanged();
    }
    m_watcher.setFuture(QtConcurrent::run([diagram = Diagram(m_controller.diagram()),
                                           findings = std::move(findings), format, path, dpi,
                                           preview, portableZones = m_portableZones]() {
        ExportOutcome outcome;
        outcome.preview = preview;
        outcome.path = path;
        QString error;
        const QByteArray bytes =
            exportBytes(diagram, findings, format, dpi, error, &outcome.warnings,
                        &outcome.widthPoints, &outcome.heightPoints, portableZones);
        if (!error.isEmpty()) {
            outcome.error = error;
            return outcome;
        }
        const QString writeError = writeFileAtomically(path, bytes);
        if (!writeError.isEmpty()) {
            outcome.error = QStringLiteral("Could not write %1: %2")
                                .arg(QDir::toNativeSeparators(path), writeError);
        }
        return outcome;
    }));
}

void ExportRunner::done() {
    const ExportOutcome outcome = m_watcher.result();
    if (outcome.preview) {
        if (outcome.error.isEmpty()) {
            m_previewUrl = QUrl::fromLocalFile(outcome.path);
            m_previewSize = QStringLiteral("%1 × %2 pt")
                                .arg(qRound(outcome.widthPoints))
                                .arg(qRound(outcome.heightPoints));
        } else {
            m_previewUrl.clear();
            m_previewSize = outcome.error;
        }
        emit previewChanged();
    } else {
        m_error = outcome.error;
        m_lastPath = outcome.error.isEmpty() ? outcome.path : QString();
        setStage({});
        emit busyChanged();
        emit finished(outcome.error.isEmpty(), outcome.path, outcome.error);
    }
    if (m_pendingExport) {
        const Request request = *m_pendingExport;
        m_pendingExport.reset();
        launch(false, request.format, request.path, request.dpi, request.withFindings);
    } else if (m_previewPending) {
        preview(m_pendingFindings, m_pendingDpi);
    }
}

void ExportRunner::setPortableZones(bool portable) {
    if (m_portableZones != portable) {
        m_portableZones = portable;
        emit portableZonesChanged();
    }
}

void ExportRunner::setStage(const QString& stage) {
    if (m_stage != stage) {
        m_stage = stage;
        emit stageChanged();
    }
}

}  // namespace skydraft
