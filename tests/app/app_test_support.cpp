// Helpers of the app's Qt test suites.
#include "app_test_support.h"

#include <gtest/gtest.h>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include "diagram_file.h"
#include "document/document_session.h"

namespace skydraft::test {

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString sourcePath(const QString& relative) {
    return QStringLiteral(SKYDRAFT_SOURCE_DIR "/") + relative;
}

Diagram loadExample(const QString& relative) {
    QFile file(sourcePath(relative));
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << relative.toStdString();
    const QByteArray bytes = file.readAll();
    LoadResult result = loadDiagram(std::string_view(bytes.constData(), bytes.size()));
    EXPECT_TRUE(result) << relative.toStdString();
    return result ? *result.diagram : Diagram();
}

bool waitFor(const std::function<bool()>& predicate, int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    while (!predicate()) {
        if (timer.elapsed() > timeoutMs) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    return true;
}

bool waitForValidation(DocumentSession& session, int timeoutMs) {
    QCoreApplication::processEvents();
    return waitFor([&session] { return !session.validating(); }, timeoutMs);
}

}  // namespace skydraft::test
