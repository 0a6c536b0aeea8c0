// The one controller QML talks to: owns the open Diagram and its file, exposes list models.
#pragma once

#include <QObject>
#include <QRectF>
#include <QString>

#include "diagram.h"
#include "models/element_list_model.h"

namespace skydraft {

/// Owns the open document. QML renders its models and calls its invokables; it never edits
/// the model itself.
class DocumentController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString filePath READ filePath NOTIFY documentChanged)
    Q_PROPERTY(QString title READ title NOTIFY documentChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    Q_PROPERTY(ElementListModel* elements READ elements CONSTANT)
    Q_PROPERTY(QRectF contentBounds READ contentBounds NOTIFY documentChanged)
public:
    explicit DocumentController(QObject* parent = nullptr);

    QString filePath() const { return m_filePath; }
    QString title() const;
    QString errorString() const { return m_errorString; }
    ElementListModel* elements() { return &m_elements; }
    const Diagram& diagram() const { return m_diagram; }
    /// The bounding box of every element (empty for an empty diagram).
    QRectF contentBounds() const;

    /// Opens a .skydraft file. On failure the open document is left as it was and
    /// errorString says where and what.
    Q_INVOKABLE bool openFile(const QString& path);

signals:
    void documentChanged();
    void errorStringChanged();

private:
    void setErrorString(const QString& message);

    Diagram m_diagram;
    QString m_filePath;
    QString m_errorString;
    ElementListModel m_elements;
};

}  // namespace skydraft
