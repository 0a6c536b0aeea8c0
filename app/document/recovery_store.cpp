// Recovery files: periodic atomic autosave while dirty, discovery and restore on the next start.
#include "document/recovery_store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QStandardPaths>
#include <cerrno>
#ifdef Q_OS_UNIX
#include <signal.h>
#endif

#include "cli/atomic_write.h"
#include "cli/bounded_read.h"
#include "commands/add_items_command.h"
#include "commands/remove_items_command.h"
#include "diagram_file.h"
#include "document/document_controller.h"

namespace skydraft {

namespace {

constexpr int kDefaultInterval = 60000;

bool writeAtomically(const QString& path, const QByteArray& bytes) {
    return writeFileAtomically(path, bytes).isEmpty();
}

bool processAlive(qint64 pid) {
#ifdef Q_OS_UNIX
    return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
#else
    Q_UNUSED(pid);
    return false;
#endif
}

QString notePath(const QString& recoveryPath) {
    return recoveryPath.chopped(QStringLiteral(".skydraft").size()) + QStringLiteral(".json");
}

}  // namespace

RecoveryStore::RecoveryStore(DocumentController& controller, QObject* parent)
    : QObject(parent), m_controller(controller) {
    bool ok = false;
    const int fromEnvironment = qEnvironmentVariableIntValue("SKYDRAFT_AUTOSAVE_MS", &ok);
    m_timer.setInterval(ok && fromEnvironment > 0 ? fromEnvironment : kDefaultInterval);
    connect(&m_timer, &QTimer::timeout, this, &RecoveryStore::autosave);
    m_timer.start();
    connect(&controller, &DocumentController::contentChanged, this, [this] { ++m_changes; });
    connect(&controller, &DocumentController::titleChanged, this, [this] {
        if (!m_controller.modified()) {
            removeOwn();
            m_savedChanges = m_changes;
        }
    });
    connect(&controller, &DocumentController::fileChanged, this, [this] {
        if (!m_controller.modified()) {
            removeOwn();
        }
    });
    if (QCoreApplication::instance()) {
        connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, this,
                &RecoveryStore::removeOwn);
    }
    m_leftover = findLeftover();
}

RecoveryStore::~RecoveryStore() {
    removeOwn();
}

QString RecoveryStore::directory() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/recovery");
}

QString RecoveryStore::ownPath() const {
    return directory() +
           QStringLiteral("/recovery-%1.skydraft").arg(QCoreApplication::applicationPid());
}

void RecoveryStore::setInterval(int milliseconds) {
    if (milliseconds > 0 && milliseconds != m_timer.interval()) {
        m_timer.start(milliseconds);
        emit intervalChanged();
    }
}

bool RecoveryStore::autosave() {
    if (!m_controller.modified() || m_changes == m_savedChanges) {
        return false;
    }
    QDir().mkpath(directory());
    const QString path = ownPath();
    const QJsonObject note{
        {QStringLiteral("original"), m_controller.filePath()},
        {QStringLiteral("saved"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {QStringLiteral("pid"), QCoreApplication::applicationPid()}};
    const std::string text = saveDiagram(m_controller.diagram());
    if (!writeAtomically(notePath(path), QJsonDocument(note).toJson()) ||
        !writeAtomically(path, QByteArray::fromStdString(text))) {
        return false;
    }
    m_savedChanges = m_changes;
    emit autosaved(path);
    return true;
}

void RecoveryStore::removeOwn() {
    const QString path = ownPath();
    QFile::remove(path);
    QFile::remove(notePath(path));
    m_savedChanges = m_changes;
}

std::optional<RecoveryFile> RecoveryStore::findLeftover() {
    const QDir dir(directory());
    std::optional<RecoveryFile> best;
    const auto entries = dir.entryInfoList({QStringLiteral("recovery-*.skydraft")}, QDir::Files);
    for (const QFileInfo& info : entries) {
        QFile noteFile(notePath(info.absoluteFilePath()));
        RecoveryFile candidate;
        candidate.path = info.absoluteFilePath();
        candidate.savedAt = info.lastModified();
        if (noteFile.open(QIODevice::ReadOnly)) {
            const QJsonObject note = QJsonDocument::fromJson(noteFile.readAll()).object();
            candidate.originalPath = note.value(QStringLiteral("original")).toString();
            candidate.pid = note.value(QStringLiteral("pid")).toInteger();
            const QDateTime saved =
                QDateTime::fromString(note.value(QStringLiteral("saved")).toString(), Qt::ISODate);
            if (saved.isValid()) {
                candidate.savedAt = saved;
            }
        }
        if (candidate.pid == QCoreApplication::applicationPid() || processAlive(candidate.pid)) {
            continue;
        }
        if (!best || candidate.savedAt > best->savedAt) {
            best = candidate;
        }
    }
    return best;
}

QString RecoveryStore::originalName() const {
    if (!m_leftover) {
        return {};
    }
    return m_leftover->originalPath.isEmpty() ? QStringLiteral("Untitled")
                                              : QFileInfo(m_leftover->originalPath).fileName();
}

QString RecoveryStore::savedAtText() const {
    return m_leftover ? QLocale().toString(m_leftover->savedAt.toLocalTime(), QLocale::ShortFormat)
                      : QString();
}

bool RecoveryStore::restore() {
    if (!m_leftover) {
        return false;
    }
    const RecoveryFile leftover = *m_leftover;
    const BoundedRead read = readBoundedFile(leftover.path);
    if (!read.ok()) {
        return false;
    }
    const QByteArray& bytes = read.bytes;
    LoadResult loaded =
        loadDiagram(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    if (!loaded) {
        return false;
    }
    if (!leftover.originalPath.isEmpty() && QFileInfo::exists(leftover.originalPath)) {
        if (!m_controller.openFile(leftover.originalPath)) {
            return false;
        }
    } else {
        m_controller.newDocument();
    }
    const Diagram& current = m_controller.diagram();
    EditContext& context = m_controller.editContext();
    auto* command = new CompositeCommand(context, QStringLiteral("Restore unsaved changes"));
    std::vector<Id> topLevel;
    for (const Element& e : current.elements()) {
        if (e.parent.empty()) {
            topLevel.push_back(e.id);
        }
    }
    if (!topLevel.empty()) {
        new RemoveItemsCommand(context, {}, topLevel, command);
    }
    new AddItemsCommand(context, {}, loaded.diagram->elements(), loaded.diagram->connections(),
                        command);
    const bool ok = m_controller.pushCommand(command);
    if (ok) {
        discard();
        autosave();
    }
    return ok;
}

void RecoveryStore::ignoreLeftover() {
    if (m_leftover) {
        m_leftover.reset();
        emit availableChanged();
    }
}

void RecoveryStore::discard() {
    if (!m_leftover) {
        return;
    }
    QFile::remove(m_leftover->path);
    QFile::remove(notePath(m_leftover->path));
    m_leftover = findLeftover();
    emit availableChanged();
}

}  // namespace skydraft
