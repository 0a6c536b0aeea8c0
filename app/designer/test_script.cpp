// The --test-script driver.
#include "designer/test_script.h"

#include <unistd.h>

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <csignal>
#include <cstdio>

#include "diagram_file.h"
#include "document/document_controller.h"
#include "document/document_session.h"

namespace skydraft {

TestScript::TestScript(DocumentController& controller, QObject* parent)
    : QObject(parent), m_controller(controller), m_notifier(STDIN_FILENO, QSocketNotifier::Read) {
    connect(&m_notifier, &QSocketNotifier::activated, this, &TestScript::readAvailable);
}

void TestScript::readAvailable() {
    char buffer[4096];
    const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (got <= 0) {
        m_notifier.setEnabled(false);
        QCoreApplication::exit(0);  // not quit(): that asks the window, which asks to save
        return;
    }
    m_pending.append(buffer, got);
    qsizetype end = 0;
    while ((end = m_pending.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_pending.left(end)).trimmed();
        m_pending.remove(0, end + 1);
        if (line.isEmpty()) {
            continue;
        }
        if (line == QStringLiteral("quit")) {
            m_notifier.setEnabled(false);
            QCoreApplication::exit(0);  // not quit(): that asks the window, which asks to save
            return;
        }
        m_info.clear();
        const QString error = run(line);
        const QString answer = error.isEmpty()
                                   ? QStringLiteral("ok %1%2\n")
                                         .arg(++m_done)
                                         .arg(m_info.isEmpty() ? QString() : " " + m_info)
                                   : QStringLiteral("error %1: %2\n").arg(m_done).arg(error);
        std::fputs(answer.toUtf8().constData(), stdout);
        std::fflush(stdout);
    }
}

QString TestScript::run(const QString& line) {
    const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QString& command = words.front();
    auto refused = [&] {
        return m_controller.message().isEmpty() ? QStringLiteral("refused")
                                                : m_controller.message();
    };
    auto number = [&](int i) { return words.value(i).toDouble(); };
    if (command == QStringLiteral("drop") && words.size() == 4) {
        return m_controller.dropKind(words[1], number(2), number(3)).isEmpty() ? refused()
                                                                               : QString();
    }
    if (command == QStringLiteral("move") && words.size() == 4) {
        return m_controller.moveElement(words[1], number(2), number(3)) ? QString() : refused();
    }
    if (command == QStringLiteral("set") && words.size() >= 4) {
        const QString json = line.section(QLatin1Char(' '), 3);
        const QJsonDocument value = QJsonDocument::fromJson("[" + json.toUtf8() + "]");
        if (!value.isArray() || value.array().size() != 1) {
            return QStringLiteral("not a JSON value: ") + json;
        }
        return m_controller.setProperty(words[1], words[2], value.array().at(0).toVariant())
                   ? QString()
                   : refused();
    }
    if (command == QStringLiteral("rename") && words.size() >= 3) {
        return m_controller.rename(words[1], line.section(QLatin1Char(' '), 2)) ? QString()
                                                                                : refused();
    }
    if (command == QStringLiteral("delete") && words.size() == 2) {
        m_controller.selectIds({words[1]});
        return m_controller.deleteSelection() ? QString() : refused();
    }
    if (command == QStringLiteral("connect") && words.size() == 3) {
        return m_controller.connect(words[1], words[2]).isEmpty() ? refused() : QString();
    }
    if (command == QStringLiteral("undo") && words.size() == 1) {
        if (!m_controller.canUndo()) {
            return QStringLiteral("nothing to undo");
        }
        m_controller.undo();
        return {};
    }
    if (command == QStringLiteral("redo") && words.size() == 1) {
        if (!m_controller.canRedo()) {
            return QStringLiteral("nothing to redo");
        }
        m_controller.redo();
        return {};
    }
    if (command == QStringLiteral("save") && words.size() == 2) {
        return m_controller.saveFile(words[1]) ? QString() : m_controller.errorString();
    }
    if (command == QStringLiteral("dump") && words.size() == 2) {
        QFile file(words[1]);
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(QByteArray::fromStdString(saveDiagram(m_controller.diagram()))) < 0) {
            return QStringLiteral("cannot write ") + words[1];
        }
        return {};
    }
    if (command == QStringLiteral("status") && words.size() == 1) {
        FileGuard* guard = DocumentSession::of(m_controller)->fileGuard();
        m_info = QStringLiteral("modified=%1 conflict=%2 lockedBy=%3 undo=%4")
                     .arg(int(m_controller.modified()))
                     .arg(int(guard->conflict()))
                     .arg(guard->lockedBy())
                     .arg(m_controller.undoText());
        return {};
    }
    if (command == QStringLiteral("keep") && words.size() == 1) {
        DocumentSession::of(m_controller)->fileGuard()->keepMine();
        return {};
    }
    if (command == QStringLiteral("reload") && words.size() == 1) {
        return DocumentSession::of(m_controller)->fileGuard()->reload()
                   ? QString()
                   : DocumentSession::of(m_controller)->fileGuard()->externalNote();
    }
    if (command == QStringLiteral("crash") && words.size() == 1) {
        std::raise(SIGSEGV);
    }
    return QStringLiteral("unknown command: ") + line;
}

}  // namespace skydraft
