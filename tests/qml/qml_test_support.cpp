// Real controllers and example files for the Quick Test files.
#include "qml_test_support.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include "designer/canvas_benchmark.h"
#include "diagram_file.h"
#include "document/document_controller.h"
#include "document/document_session.h"

namespace skydraft {

QObject* QmlTestSupport::newController(const QString& file) {
    auto* controller = new DocumentController(this);
    if (!file.isEmpty() && !controller->openFile(file)) {
        qWarning("cannot open %s: %s", qPrintable(file), qPrintable(controller->errorString()));
        delete controller;
        return nullptr;
    }
    return controller;
}

QObject* QmlTestSupport::sessionOf(QObject* controller) {
    auto* document = qobject_cast<DocumentController*>(controller);
    return document ? DocumentSession::of(*document) : nullptr;
}

QString QmlTestSupport::example(const QString& name) const {
    return QDir(QStringLiteral(SKYDRAFT_SOURCE_DIR "/examples")).absoluteFilePath(name);
}

QString QmlTestSupport::benchmarkDiagram(int count) {
    const QString path = m_dir.filePath(QStringLiteral("bench-%1.skydraft").arg(count));
    QFile out(path);
    const std::string text = saveDiagram(generateCanvasBenchmarkDiagram(count));
    if (!out.open(QIODevice::WriteOnly) ||
        out.write(text.data(), static_cast<qint64>(text.size())) < 0) {
        return {};
    }
    return path;
}

bool QmlTestSupport::waitForValidation(QObject* session, int timeoutMs) {
    auto* document = qobject_cast<DocumentSession*>(session);
    if (!document) {
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    // The first run starts after a short delay; wait for it to start, then to finish.
    while (timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (!document->validating() && timer.elapsed() > 300) {
            return true;
        }
    }
    return false;
}

}  // namespace skydraft
