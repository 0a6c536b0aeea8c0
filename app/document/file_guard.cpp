// Watching the open file for changes made elsewhere, and the lock other windows see.
#include "document/file_guard.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QSysInfo>
#include <QUndoStack>

#include "cli/atomic_write.h"
#include "cli/bounded_read.h"
#include "commands/replace_diagram_command.h"
#include "diagram_file.h"
#include "document/document_controller.h"
#include "document/process_alive.h"

namespace skydraft {

namespace {

QByteArray hashOf(const QByteArray& bytes) {
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

}  // namespace

FileGuard::FileGuard(DocumentController& controller, QObject* parent)
    : QObject(parent), m_controller(controller) {
    m_settle.setSingleShot(true);
    m_settle.setInterval(kSettleMs);
    connect(&m_settle, &QTimer::timeout, this, &FileGuard::check);
    auto changed = [this] { m_settle.start(); };
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, changed);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, changed);
    connect(&controller, &DocumentController::fileChanged, this, &FileGuard::fileSwitched);
    if (QCoreApplication::instance()) {
        connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, this,
                &FileGuard::releaseLock);
    }
    fileSwitched();
}

FileGuard::~FileGuard() {
    releaseLock();
}

QString FileGuard::lockPath(const QString& documentPath) {
    const QByteArray key =
        QCryptographicHash::hash(QFileInfo(documentPath).absoluteFilePath().toUtf8(),
                                 QCryptographicHash::Sha1)
            .toHex();
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/locks/") + QString::fromLatin1(key) + QStringLiteral(".lock");
}

void FileGuard::fileSwitched() {
    const QString path = m_controller.filePath();
    if (path == m_path) {
        return;
    }
    releaseLock();
    if (!m_watcher.files().isEmpty()) {
        m_watcher.removePaths(m_watcher.files());
    }
    if (!m_watcher.directories().isEmpty()) {
        m_watcher.removePaths(m_watcher.directories());
    }
    m_path = path;
    m_seenHash = m_controller.fileHash();
    setConflict(false);
    setNote({});
    if (!m_path.isEmpty()) {
        watch();
        takeLock();
    }
}

void FileGuard::watch() {
    // A save by rename (git, most editors, Skydraft itself) replaces the file: the watcher
    // drops it, and the folder's change brings it back.
    if (QFileInfo::exists(m_path) && !m_watcher.files().contains(m_path)) {
        m_watcher.addPath(m_path);
    }
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!m_watcher.directories().contains(folder)) {
        m_watcher.addPath(folder);
    }
}

void FileGuard::check() {
    if (m_path.isEmpty() || m_path != m_controller.filePath()) {
        return;
    }
    watch();
    const QString name = QFileInfo(m_path).fileName();
    if (!QFileInfo::exists(m_path)) {
        setNote(name + QStringLiteral(" was deleted or moved on disk; saving writes it again"));
        return;
    }
    const BoundedRead read = readBoundedFile(m_path);
    if (!read.ok()) {
        setNote(name + QStringLiteral(" changed on disk and cannot be read: ") + read.error);
        return;
    }
    const QByteArray hash = hashOf(read.bytes);
    if (hash == m_controller.fileHash() || hash == m_seenHash) {
        return;  // our own save, or a version already dealt with
    }
    if (m_controller.modified()) {
        setNote(name + QStringLiteral(" changed on disk while you have unsaved changes"));
        setConflict(true);
        return;
    }
    reload();
}

bool FileGuard::reload() {
    const QString name = QFileInfo(m_path).fileName();
    const BoundedRead read = readBoundedFile(m_path);
    if (!read.ok()) {
        setNote(name + QStringLiteral(" cannot be read: ") + read.error);
        return false;
    }
    LoadResult loaded = loadDiagram(
        std::string_view(read.bytes.constData(), static_cast<std::size_t>(read.bytes.size())));
    if (!loaded) {
        // Half-written (a checkout under way) or broken: the document stays as it is.
        setNote(name + QStringLiteral(" changed on disk but cannot be loaded: ") +
                QString::fromStdString(loaded.error->toString()));
        return false;
    }
    const QByteArray hash = hashOf(read.bytes);
    m_seenHash = hash;
    if (!m_controller.pushCommand(new ReplaceDiagramCommand(m_controller.editContext(),
                                                            QStringLiteral("Reload from disk"),
                                                            std::move(*loaded.diagram)))) {
        setNote(name + QStringLiteral(" changed on disk but cannot be loaded: ") +
                m_controller.message());
        return false;
    }
    // The document is the file's content again: clean, and the file's own from now on.
    m_controller.setFileHash(hash);
    m_controller.undoStack()->setClean();
    setConflict(false);
    setNote(name + QStringLiteral(" was reloaded: it changed on disk (undo goes back)"));
    emit reloaded();
    return true;
}

void FileGuard::keepMine() {
    const BoundedRead read = readBoundedFile(m_path);
    if (read.ok()) {
        m_seenHash = hashOf(read.bytes);
    }
    setConflict(false);
    setNote(QFileInfo(m_path).fileName() +
            QStringLiteral(" changed on disk; your version is kept and saving overwrites it"));
}

void FileGuard::takeLock() {
    const QString path = lockPath(m_path);
    QFile existing(path);
    qint64 holder = 0;
    if (existing.open(QIODevice::ReadOnly)) {
        const QJsonObject lock = QJsonDocument::fromJson(existing.read(4096)).object();
        const qint64 pid = lock.value(QStringLiteral("pid")).toInteger();
        const bool sameHost =
            lock.value(QStringLiteral("host")).toString() == QSysInfo::machineHostName();
        // A live process on another machine (a shared folder) cannot be checked: it counts.
        if (pid != QCoreApplication::applicationPid() && (!sameHost || processAlive(pid))) {
            holder = pid;
        }
    }
    if (m_lockedBy != holder) {
        m_lockedBy = holder;
        emit lockedByChanged();
    }
    if (holder != 0) {
        return;  // theirs: this window warns and leaves it alone
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    const QJsonObject lock{
        {QStringLiteral("pid"), QCoreApplication::applicationPid()},
        {QStringLiteral("host"), QSysInfo::machineHostName()},
        {QStringLiteral("path"), QFileInfo(m_path).absoluteFilePath()},
        {QStringLiteral("opened"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
    if (writeFileAtomically(path, QJsonDocument(lock).toJson(QJsonDocument::Compact)).isEmpty()) {
        m_lockPath = path;
    }
}

void FileGuard::releaseLock() {
    if (!m_lockPath.isEmpty()) {
        QFile::remove(m_lockPath);
        m_lockPath.clear();
    }
    if (m_lockedBy != 0) {
        m_lockedBy = 0;
        emit lockedByChanged();
    }
}

void FileGuard::setConflict(bool conflict) {
    if (m_conflict != conflict) {
        m_conflict = conflict;
        emit conflictChanged();
    }
}

void FileGuard::setNote(const QString& note) {
    if (m_externalNote != note) {
        m_externalNote = note;
        emit externalNoteChanged();
    }
}

}  // namespace skydraft
