// Runs the built skydraft binary for command-line tests and captures what it printed.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <functional>

namespace skydraft::test {

/// What a run of the binary printed and returned.
struct RunResult {
    int exitCode = -1;
    QString out;
    QString err;
};

/// Runs skydraft with arguments (no shell), with an optional standard input, and waits
/// up to 60 s for it. childSetup, when given, runs in the child before exec (resource
/// limits, signal dispositions).
RunResult runSkydraft(const QStringList& arguments, const QByteArray& input = {},
                      const std::function<void()>& childSetup = {});

/// Absolute path of a file in the source tree ("examples/three-peered-vpcs.skydraft").
QString sourcePath(const QString& relative);

/// A fresh temporary directory path for the test's outputs (removed at process exit).
QString tempDir();

/// Writes bytes to a file of that name in tempDir() and returns its path.
QString writeTemp(const QString& name, const QByteArray& bytes);

/// The bytes of a file, or "(unreadable)" when it cannot be read (so comparisons fail).
QByteArray readAll(const QString& path);

}  // namespace skydraft::test
