// What the Quick Test files get from C++: real document controllers and example files.
#pragma once

#include <QObject>
#include <QString>
#include <QTemporaryDir>

namespace skydraft {

/// Exposed to every test file as the context property `support`.
class QmlTestSupport : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    /// A new DocumentController (owned by this object), with FILE open when given; null when
    /// the file cannot be opened.
    Q_INVOKABLE QObject* newController(const QString& file = {});
    /// The DocumentSession (findings, markers, inspector) of a controller from newController.
    Q_INVOKABLE QObject* sessionOf(QObject* controller);
    /// The absolute path of examples/NAME in the source tree.
    Q_INVOKABLE QString example(const QString& name) const;
    /// A file holding the canvas benchmark's generated diagram of about COUNT elements.
    Q_INVOKABLE QString benchmarkDiagram(int count);
    /// Runs the event loop until the session's background validation has published.
    Q_INVOKABLE bool waitForValidation(QObject* session, int timeoutMs = 10000);

private:
    QTemporaryDir m_dir;
};

}  // namespace skydraft
