// Recovery files: a snapshot and a journal of every edit while dirty, discovery and restore on
// the next start.
#include "document/recovery_store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QStandardPaths>

#include "cli/atomic_write.h"
#include "cli/bounded_read.h"
#include "commands/replace_diagram_command.h"
#include "diagram_file.h"
#include "document/document_controller.h"
#include "document/process_alive.h"
#include "journal/edit_journal.h"

namespace skydraft {

namespace {

constexpr int kDefaultInterval = 60000;

bool writeAtomically(const QString& path, const QByteArray& bytes) {
    return writeFileAtomically(path, bytes).isEmpty();
}

QString notePath(const QString& recoveryPath) {
    return recoveryPath.chopped(QStringLiteral(".skydraft").size()) + QStringLiteral(".json");
}

QString journalPath(const QString& recoveryPath) {
    return recoveryPath.chopped(QStringLiteral(".skydraft").size()) + QStringLiteral(".journal");
}

}  // namespace

RecoveryStore::RecoveryStore(DocumentController& controller, QObject* parent)
    : QObject(parent), m_controller(controller), m_controllerAlive(&controller) {
    bool ok = false;
    const int fromEnvironment = qEnvironmentVariableIntValue("SKYDRAFT_AUTOSAVE_MS", &ok);
    m_timer.setInterval(ok && fromEnvironment > 0 ? fromEnvironment : kDefaultInterval);
    connect(&m_timer, &QTimer::timeout, this, &RecoveryStore::compactIfLarge);
    m_timer.start();
    m_controller.editContext().diagram.setEditSink(&m_recorder);
    m_lastIndex = m_controller.undoStack()->index();
    connect(m_controller.undoStack(), &QUndoStack::indexChanged, this, &RecoveryStore::stepped);
    connect(m_controller.undoStack(), &QUndoStack::cleanChanged, this, [this](bool clean) {
        if (clean) {
            removeOwn();  // saved
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
    // A session dies after its controller (it is the controller's child): then the diagram is
    // gone already, and so is the pointer.
    if (m_controllerAlive) {
        m_controller.editContext().diagram.setEditSink(nullptr);
    }
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

QString RecoveryStore::ownJournalPath() const {
    return journalPath(ownPath());
}

void RecoveryStore::setInterval(int milliseconds) {
    if (milliseconds > 0 && milliseconds != m_timer.interval()) {
        m_timer.start(milliseconds);
        emit intervalChanged();
    }
}

void RecoveryStore::setJournalling(bool on) {
    m_journalling = on;
    m_controller.editContext().diagram.setEditSink(on ? &m_recorder : nullptr);
    if (!on) {
        removeOwn();
    }
}

void RecoveryStore::stepped(int index) {
    if (!m_journalling) {
        return;
    }
    const QUndoStack* stack = m_controller.undoStack();
    nlohmann::json operations = m_recorder.take();
    const bool forward = index > m_lastIndex;
    m_lastIndex = index;
    if (stack->count() == 0) {
        m_seenCommands.clear();  // cleared: a document was opened or replaced
    }
    const QUndoCommand* command = stack->command(forward ? index - 1 : index);
    const bool isNew = command && m_seenCommands.insert(command).second;
    if (stack->isClean()) {
        removeOwn();  // the document is what its file holds (or a new, empty one)
        return;
    }
    if (operations.empty()) {
        return;
    }
    if (!m_journal.isOpen()) {
        writeSnapshot();  // holds this step
        return;
    }
    const char* action = !forward ? "undo" : isNew ? "do" : "redo";
    const QString text = command ? command->text() : QString();
    if (!m_journal.append(journalEntryLine(++m_sequence, action, text.toStdString(), operations))) {
        // The journal cannot be written to (disk full?): a fresh snapshot holds everything.
        writeSnapshot();
    }
}

bool RecoveryStore::writeSnapshot() {
    m_journal.close();
    m_sequence = 0;
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
    // The journal names the snapshot it continues: one left from an older snapshot (the
    // process stopped between the two writes) is recognised as stale and not replayed.
    m_journal.start(ownJournalPath(),
                    journalHeaderLine({{"snapshotCrc32", crc32(text)},
                                       {"snapshotSize", text.size()},
                                       {"original", m_controller.filePath().toStdString()}}));
    emit autosaved(path);
    return true;
}

bool RecoveryStore::autosave() {
    return m_controller.modified() && writeSnapshot();
}

void RecoveryStore::compactIfLarge() {
    if (m_journal.isOpen() && m_journal.size() > kCompactBytes && m_controller.modified()) {
        writeSnapshot();
    }
}

void RecoveryStore::removeOwn() {
    m_journal.close();
    m_sequence = 0;
    m_recorder.take();
    const QString path = ownPath();
    QFile::remove(path);
    QFile::remove(notePath(path));
    QFile::remove(journalPath(path));
}

std::optional<RecoveryFile> RecoveryStore::findLeftover() {
    const QDir dir(directory());
    std::optional<RecoveryFile> best;
    const auto entries = dir.entryInfoList({QStringLiteral("recovery-*.skydraft")}, QDir::Files);
    for (const QFileInfo& info : entries) {
        QFile noteFile(notePath(info.absoluteFilePath()));
        RecoveryFile candidate;
        candidate.path = info.absoluteFilePath();
        candidate.journalPath = journalPath(candidate.path);
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
        // The last edit is the journal's last write.
        const QFileInfo journal(candidate.journalPath);
        if (journal.exists() && journal.lastModified() > candidate.savedAt) {
            candidate.savedAt = journal.lastModified();
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
    const std::string_view snapshotText(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    LoadResult loaded = loadDiagram(snapshotText);
    if (!loaded) {
        return false;
    }
    Diagram recovered = std::move(*loaded.diagram);
    m_restoreNote.clear();
    if (QFileInfo::exists(leftover.journalPath)) {
        const BoundedRead journal = readBoundedFile(leftover.journalPath);
        if (!journal.ok()) {
            m_restoreNote = leftover.journalPath + QStringLiteral(": ") + journal.error +
                            QStringLiteral("; the edits after the last snapshot are lost");
        } else {
            const std::string_view text(journal.bytes.constData(),
                                        static_cast<std::size_t>(journal.bytes.size()));
            JournalReplay replay = replayJournal(recovered, text);
            const nlohmann::json& header = replay.header;
            const bool current =
                header.is_object() && header.value("snapshotCrc32", 0u) == crc32(snapshotText) &&
                header.value("snapshotSize", std::size_t{0}) == snapshotText.size();
            if (current) {
                recovered = std::move(replay.diagram);
                if (!replay.problem.empty()) {
                    m_restoreNote = QString::fromStdString(
                        "restored " + std::to_string(replay.steps) + " edits after the snapshot; " +
                        replay.problem + ", so what followed is lost");
                }
            } else if (header.is_object()) {
                // Left from the snapshot before: the snapshot is newer than all of it.
            } else if (!replay.problem.empty()) {
                m_restoreNote = QString::fromStdString(replay.problem +
                                                       "; the edits after the snapshot are lost");
            }
        }
    }
    if (!leftover.originalPath.isEmpty() && QFileInfo::exists(leftover.originalPath)) {
        if (!m_controller.openFile(leftover.originalPath)) {
            return false;
        }
    } else {
        m_controller.newDocument();
    }
    const bool ok = m_controller.pushCommand(
        new ReplaceDiagramCommand(m_controller.editContext(),
                                  QStringLiteral("Restore unsaved changes"), std::move(recovered)));
    if (ok) {
        discard();
    }
    return ok;
}

bool RecoveryStore::restoreInNewWindow() {
    if (!m_leftover) {
        return false;
    }
    const bool started = QProcess::startDetached(QCoreApplication::applicationFilePath(),
                                                 {QStringLiteral("--restore-recovery")});
    if (started) {
        ignoreLeftover();
    }
    return started;
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
    QFile::remove(m_leftover->journalPath);
    m_leftover = findLeftover();
    emit availableChanged();
}

}  // namespace skydraft
