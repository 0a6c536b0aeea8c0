// Helpers of the app's Qt test suites: example paths, loading diagrams, waiting for validation.
#pragma once

#include <QByteArray>
#include <QString>
#include <functional>

#include "diagram.h"

namespace skydraft {
class DocumentSession;
}

namespace skydraft::test {

/// The bytes of a file; empty when it cannot be read.
QByteArray readAll(const QString& path);
/// Absolute path of a file in the source tree.
QString sourcePath(const QString& relative);
/// Loads a .skydraft file of the source tree (fails the test when it does not load).
Diagram loadExample(const QString& relative);
/// Processes events until predicate holds or timeoutMs passes; returns the predicate.
bool waitFor(const std::function<bool()>& predicate, int timeoutMs = 10000);
/// Waits until the session has published findings for the current document.
bool waitForValidation(DocumentSession& session, int timeoutMs = 10000);

}  // namespace skydraft::test
