// The document controller: opening files and exposing the diagram to QML.
#include "document/document_controller.h"

#include <QFile>
#include <QFileInfo>
#include <QRectF>

#include "diagram_file.h"

namespace skydraft {

DocumentController::DocumentController(QObject* parent) : QObject(parent) {
    m_elements.reset(&m_diagram);
}

QString DocumentController::title() const {
    const QString file = m_filePath.isEmpty() ? QStringLiteral("Untitled")
                                              : QFileInfo(m_filePath).fileName();
    return file + QStringLiteral(" — Skydraft");
}

QRectF DocumentController::contentBounds() const {
    QRectF bounds;
    for (const auto& e : m_diagram.elements()) {
        bounds = bounds.united(
            QRectF(e.geometry.x, e.geometry.y, std::max(e.geometry.width, 1.0),
                   std::max(e.geometry.height, 1.0)));
    }
    return bounds;
}

bool DocumentController::openFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setErrorString(path + QStringLiteral(": ") + file.errorString());
        return false;
    }
    const QByteArray bytes = file.readAll();
    LoadResult result =
        loadDiagram(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    if (!result) {
        setErrorString(QFileInfo(path).fileName() + QStringLiteral(": ") +
                       QString::fromStdString(result.error->toString()));
        return false;
    }
    m_diagram = std::move(*result.diagram);
    m_filePath = QFileInfo(path).absoluteFilePath();
    m_elements.reset(&m_diagram);
    setErrorString({});
    emit documentChanged();
    return true;
}

void DocumentController::setErrorString(const QString& message) {
    if (m_errorString != message) {
        m_errorString = message;
        emit errorStringChanged();
    }
}

}  // namespace skydraft
