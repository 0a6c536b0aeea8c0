// The document controller: files, intents from the canvas turned into undo commands by
// Placement, Connector and Clipboard, the selection, and queries for the view.
#include "document/document_controller.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QSettings>
#include <algorithm>

#include "catalogue/kind_keys.h"
#include "catalogue/resource_catalogue.h"
#include "cli/atomic_write.h"
#include "cli/bounded_read.h"
#include "commands/change_value_command.h"
#include "commands/remove_items_command.h"
#include "diagram_file.h"
#include "models/json_variant.h"
#include "models/kind_presentation.h"

namespace skydraft {

using nlohmann::json;

namespace {

constexpr int kMaxRecentFiles = 8;
const QString kRecentFilesKey = QStringLiteral("recentFiles");

QString q(const std::string& s) {
    return QString::fromStdString(s);
}
std::string s(const QString& q) {
    return q.toStdString();
}

QRectF box(const Geometry& g) {
    return {g.x, g.y, g.width, g.height};
}

}  // namespace

DocumentController::DocumentController(QObject* parent) : QObject(parent) {
    m_recentFiles = QSettings().value(kRecentFilesKey).toStringList();
    QObject::connect(&m_stack, &QUndoStack::indexChanged, this, [this] { syncModels(); });
    QObject::connect(&m_stack, &QUndoStack::cleanChanged, this, [this] { emit titleChanged(); });
    auto undoState = [this] { emit undoStateChanged(); };
    QObject::connect(&m_stack, &QUndoStack::canUndoChanged, this, undoState);
    QObject::connect(&m_stack, &QUndoStack::canRedoChanged, this, undoState);
    QObject::connect(&m_stack, &QUndoStack::undoTextChanged, this, undoState);
    QObject::connect(&m_stack, &QUndoStack::redoTextChanged, this, undoState);
    documentReplaced();
}

DocumentController::~DocumentController() {
    // The stack's destructor clears it and signals; the models are gone by then.
    QObject::disconnect(&m_stack, nullptr, this, nullptr);
}

QString DocumentController::fileName() const {
    return m_filePath.isEmpty() ? QStringLiteral("Untitled") : QFileInfo(m_filePath).fileName();
}

QString DocumentController::title() const {
    return fileName() + (modified() ? QStringLiteral(" •") : QString()) +
           QStringLiteral(" — Skydraft");
}

QRectF DocumentController::contentBounds() const {
    QRectF bounds;
    for (const auto& e : m_diagram.elements()) {
        bounds = bounds.united(QRectF(e.geometry.x, e.geometry.y, std::max(e.geometry.width, 1.0),
                                      std::max(e.geometry.height, 1.0)));
    }
    return bounds;
}

// Files ----------------------------------------------------------------------------------------

bool DocumentController::openFile(const QString& path) {
    const BoundedRead read = readBoundedFile(path);
    if (!read.ok()) {
        setErrorString(path + QStringLiteral(": ") + read.error);
        return false;
    }
    const QByteArray& bytes = read.bytes;
    LoadResult result =
        loadDiagram(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    if (!result) {
        setErrorString(QFileInfo(path).fileName() + QStringLiteral(": ") +
                       q(result.error->toString()));
        return false;
    }
    m_diagram = std::move(*result.diagram);
    m_filePath = QFileInfo(path).absoluteFilePath();
    m_fileHash = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    documentReplaced();
    addRecentFile(m_filePath);
    setErrorString({});
    return true;
}

bool DocumentController::saveFile(const QString& path) {
    const QByteArray bytes = QByteArray::fromStdString(saveDiagram(m_diagram));
    const QString error = writeFileAtomically(path, bytes);
    if (!error.isEmpty()) {
        setErrorString(path + QStringLiteral(": ") + error);
        return false;
    }
    m_fileHash = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (absolute != m_filePath) {
        m_filePath = absolute;
        emit fileChanged();
    }
    m_stack.setClean();
    emit titleChanged();
    addRecentFile(absolute);
    setErrorString({});
    setMessage(QStringLiteral("Saved ") + fileName());
    return true;
}

bool DocumentController::saveAs(const QUrl& url) {
    QString path = url.isLocalFile() ? url.toLocalFile() : url.toString();
    if (!path.endsWith(QStringLiteral(".skydraft"))) {
        path += QStringLiteral(".skydraft");
    }
    return saveFile(path);
}

bool DocumentController::save() {
    return !m_filePath.isEmpty() && saveFile(m_filePath);
}

void DocumentController::newDocument() {
    m_diagram = Diagram();
    m_filePath.clear();
    m_fileHash.clear();
    documentReplaced();
    setErrorString({});
}

void DocumentController::adoptDiagram(Diagram diagram) {
    m_diagram = std::move(diagram);
    m_filePath.clear();
    m_fileHash.clear();
    documentReplaced();
    setErrorString({});
}

void DocumentController::clearRecentFiles() {
    m_recentFiles.clear();
    QSettings().setValue(kRecentFilesKey, m_recentFiles);
    emit recentFilesChanged();
}

void DocumentController::addRecentFile(const QString& path) {
    m_recentFiles.removeAll(path);
    m_recentFiles.prepend(path);
    while (m_recentFiles.size() > kMaxRecentFiles) {
        m_recentFiles.removeLast();
    }
    QSettings().setValue(kRecentFilesKey, m_recentFiles);
    emit recentFilesChanged();
}

void DocumentController::documentReplaced() {
    m_stack.clear();
    m_stack.setClean();
    m_selection.clear();
    m_selectionSet.clear();
    m_clipboard.resetOffset();
    m_elements.reset(m_diagram);
    m_connections.reset(m_diagram);
    emit fileChanged();
    emit titleChanged();
    emit contentChanged();
    emit selectionChanged();
    emit selectedInfoChanged();
    emit undoStateChanged();
}

void DocumentController::syncModels() {
    // Drop selected ids that no longer exist (undo of a drop, delete).
    QStringList kept;
    for (const auto& id : m_selection) {
        if (m_diagram.contains(s(id)) || ConnectionListModel::isRouteLineId(s(id))) {
            kept << id;
        }
    }
    if (kept != m_selection) {
        m_selection = kept;
        m_selectionSet = QSet<QString>(kept.begin(), kept.end());
        emit selectionChanged();
    }
    m_elements.sync(m_diagram, m_selectionSet);
    m_connections.sync(m_diagram, m_selectionSet);
    emit contentChanged();
    emit selectedInfoChanged();
}

bool DocumentController::apply(DocumentEdit edit) {
    if (!edit.command) {
        if (!edit.refusal.empty()) {
            refuse(edit.refusal);
        }
        return false;
    }
    if (!push(edit.command.release())) {
        return false;
    }
    if (!edit.select.isEmpty()) {
        setSelection(edit.select);
    }
    return true;
}

bool DocumentController::push(DiagramCommand* command) {
    const int before = m_stack.count();
    const int index = m_stack.index();
    m_context.error.clear();
    m_stack.push(command);  // deletes an obsolete (failed) command
    if (m_stack.index() == index && m_stack.count() <= before && !m_context.error.empty()) {
        return refuse(m_context.error);
    }
    setMessage({});
    return true;
}

bool DocumentController::refuse(const std::string& reason) {
    setMessage(q(reason));
    emit refused(q(reason));
    return false;
}

void DocumentController::setMessage(const QString& message) {
    if (m_message != message) {
        m_message = message;
        emit messageChanged();
    }
}

void DocumentController::setErrorString(const QString& message) {
    if (m_errorString != message) {
        m_errorString = message;
        emit errorStringChanged();
    }
}

// Intents ------------------------------------------------------------------------------------

QVariantMap DocumentController::dropCheck(const QString& kind, double x, double y) const {
    const Placement::Parent p = m_placement.parentAt(s(kind), x, y);
    return {{QStringLiteral("ok"), p.ok},
            {QStringLiteral("parentId"), q(p.id)},
            {QStringLiteral("reason"), q(p.reason)}};
}

QString DocumentController::dropKind(const QString& kind, double x, double y) {
    DocumentEdit edit = m_placement.drop(s(kind), x, y);
    const QString id = edit.result;
    return apply(std::move(edit)) ? id : QString();
}

bool DocumentController::moveElement(const QString& id, double dx, double dy) {
    if (!m_selectionSet.contains(id)) {
        setSelection({id});
    }
    return moveSelection(dx, dy);
}

bool DocumentController::moveSelection(double dx, double dy) {
    return apply(m_placement.move(m_selection, dx, dy));
}

bool DocumentController::resizeElement(const QString& id, double x, double y, double width,
                                       double height) {
    return apply(m_placement.resize(s(id), x, y, width, height));
}

QVariantMap DocumentController::connectCheck(const QString& fromId, const QString& toId) const {
    const Connector::Check check = m_connector.check(s(fromId), s(toId));
    return {{QStringLiteral("ok"), check.ok},
            {QStringLiteral("kind"), q(check.kind)},
            {QStringLiteral("from"), q(check.from)},
            {QStringLiteral("to"), q(check.to)},
            {QStringLiteral("reason"), q(check.reason)}};
}

QString DocumentController::connect(const QString& fromId, const QString& toId) {
    DocumentEdit edit = m_connector.connect(s(fromId), s(toId));
    const QString id = edit.result;
    return apply(std::move(edit)) ? id : QString();
}

bool DocumentController::setProperty(const QString& id, const QString& key, const QVariant& value) {
    if (key == QStringLiteral("name")) {
        return rename(id, value.toString());
    }
    const bool isElement = m_diagram.element(s(id)) != nullptr;
    if (!isElement && !m_diagram.connection(s(id))) {
        return refuse("nothing with the id \"" + s(id) + "\"");
    }
    const QString text = QStringLiteral("Change %1").arg(key);
    return push(new ChangeValueCommand(
        m_context, text, s(id), isElement ? ValueField::Property : ValueField::ConnectionProperty,
        jsonFromVariant(value), s(key)));
}

bool DocumentController::rename(const QString& id, const QString& name) {
    const Element* e = m_diagram.element(s(id));
    const Connection* c = m_diagram.connection(s(id));
    if (!e && !c) {
        return refuse("nothing with the id \"" + s(id) + "\"");
    }
    if ((e ? e->name : c->name) == s(name)) {
        return false;
    }
    return push(new ChangeValueCommand(m_context, QStringLiteral("Rename to %1").arg(name), s(id),
                                       ValueField::Name, s(name)));
}

bool DocumentController::deleteSelection() {
    auto command = std::make_unique<CompositeCommand>(m_context, QString());
    const std::size_t tables = m_connector.removeDrawnRoutes(m_selection, command.get());
    std::vector<Id> ids;
    for (const auto& id : m_selection) {
        if (m_diagram.contains(s(id))) {
            ids.push_back(s(id));
        }
    }
    if (!ids.empty()) {
        new RemoveItemsCommand(m_context, {}, ids, command.get());
    }
    if (command->childCount() == 0) {
        return false;
    }
    const std::size_t count = ids.size() + tables;
    const Element* only = ids.size() == 1 ? m_diagram.element(ids.front()) : nullptr;
    const Connection* onlyConnection =
        ids.size() == 1 ? m_diagram.connection(ids.front()) : nullptr;
    command->setText(only             ? QStringLiteral("Delete %1").arg(q(only->name))
                     : onlyConnection ? QStringLiteral("Delete %1").arg(q(onlyConnection->name))
                     : count == 1     ? QStringLiteral("Delete route")
                                      : QStringLiteral("Delete %1 items").arg(count));
    return push(command.release());
}

void DocumentController::copySelection() {
    if (!m_clipboard.copy(m_selection)) {
        return;
    }
    setMessage(QStringLiteral("Copied %1 element(s)").arg(m_clipboard.size()));
    emit clipboardChanged();
}

bool DocumentController::paste() {
    return apply(m_clipboard.paste());
}

bool DocumentController::duplicateSelection() {
    return apply(m_clipboard.duplicate(m_selection));
}

// Selection ------------------------------------------------------------------------------------

void DocumentController::setSelection(QStringList ids) {
    ids.removeDuplicates();
    if (ids == m_selection) {
        return;
    }
    m_selection = std::move(ids);
    m_selectionSet = QSet<QString>(m_selection.begin(), m_selection.end());
    m_elements.sync(m_diagram, m_selectionSet);
    m_connections.sync(m_diagram, m_selectionSet);
    emit selectionChanged();
    emit selectedInfoChanged();
}

void DocumentController::selectIds(const QStringList& ids) {
    QStringList known;
    for (const auto& id : ids) {
        if (m_diagram.contains(s(id))) {
            known << id;
        }
    }
    setSelection(known);
}

void DocumentController::select(const QString& id, bool toggle) {
    if (id.isEmpty()) {
        if (!toggle) {
            setSelection({});
        }
        return;
    }
    if (!toggle) {
        setSelection({id});
        return;
    }
    QStringList next = m_selection;
    if (m_selectionSet.contains(id)) {
        next.removeAll(id);
    } else {
        next << id;
    }
    setSelection(next);
}

void DocumentController::selectInRect(double x, double y, double width, double height, bool add) {
    const QRectF area = QRectF(x, y, width, height).normalized();
    QStringList next = add ? m_selection : QStringList();
    for (const auto& e : m_diagram.elements()) {
        if (area.contains(box(e.geometry))) {
            next << q(e.id);
        }
    }
    setSelection(next);
}

void DocumentController::selectAll() {
    QStringList all;
    for (const auto& e : m_diagram.elements()) {
        all << q(e.id);
    }
    setSelection(all);
}

void DocumentController::clearSelection() {
    setSelection({});
}

QStringList DocumentController::dragSet() const {
    QStringList out;
    std::unordered_set<std::string> seen;
    for (const auto& id : m_selection) {
        for (const auto& sub : m_diagram.subtree(s(id))) {
            if (seen.insert(sub).second) {
                out << q(sub);
            }
        }
    }
    return out;
}

// Queries --------------------------------------------------------------------------------------

QString DocumentController::elementAt(double x, double y) const {
    const Element* e = m_placement.elementAt(x, y);
    return e ? q(e->id) : QString();
}

QRectF DocumentController::elementBox(const QString& id) const {
    const Element* e = m_diagram.element(s(id));
    return e ? box(e->geometry) : QRectF();
}

QVariantList DocumentController::outline() const {
    QVariantList out;
    out.reserve(static_cast<qsizetype>(m_diagram.elements().size()) * 5);
    for (const auto& e : m_diagram.elements()) {
        const KindDef* def = ResourceCatalogue::instance().kind(e.kind);
        out << e.geometry.x << e.geometry.y << e.geometry.width << e.geometry.height
            << (e.kind == kinds::kVpc     ? 1
                : def && def->isContainer ? 2
                                          : 0);
    }
    return out;
}

QVariantMap DocumentController::elementInfo(const QString& id) const {
    const auto& catalogue = ResourceCatalogue::instance();
    QVariantMap info;
    if (const Element* e = m_diagram.element(s(id))) {
        const KindDef* def = catalogue.kind(e->kind);
        info[QStringLiteral("id")] = q(e->id);
        info[QStringLiteral("name")] = q(e->name);
        info[QStringLiteral("kind")] = q(e->kind);
        info[QStringLiteral("kindName")] = q(std::string(catalogue.displayName(e->kind)));
        info[QStringLiteral("description")] = def ? q(def->description) : QString();
        info[QStringLiteral("icon")] = KindPresentation::icon(e->kind).toString();
        const Element* parent = m_diagram.element(e->parent);
        info[QStringLiteral("parentName")] = parent ? q(parent->name) : QStringLiteral("—");
        QVariantList properties;
        if (def) {
            for (const auto& p : def->properties) {
                const json& value = e->property(p.key);
                if (value.is_null()) {
                    continue;
                }
                QString text =
                    value.is_string() ? q(value.get<std::string>())
                    : value.is_boolean()
                        ? (value.get<bool>() ? QStringLiteral("yes") : QStringLiteral("no"))
                        : q(value.dump(-1, ' ', false, json::error_handler_t::replace));
                if (text.isEmpty() || text == QStringLiteral("[]")) {
                    text = QStringLiteral("—");
                }
                properties << QVariantMap{{QStringLiteral("key"), q(p.key)},
                                          {QStringLiteral("label"), q(p.label)},
                                          {QStringLiteral("value"), text},
                                          {QStringLiteral("raw"), variantFromJson(value)}};
            }
        }
        info[QStringLiteral("properties")] = properties;
        info[QStringLiteral("connections")] =
            static_cast<int>(m_diagram.connectionsOf(e->id).size());
    } else if (const Connection* c = m_diagram.connection(s(id))) {
        const ConnectionKindDef* def = catalogue.connectionKind(c->kind);
        info[QStringLiteral("id")] = q(c->id);
        info[QStringLiteral("name")] = q(c->name);
        info[QStringLiteral("kind")] = q(c->kind);
        info[QStringLiteral("kindName")] = def ? q(def->displayName) : q(c->kind);
        info[QStringLiteral("description")] = def ? q(def->description) : QString();
        info[QStringLiteral("icon")] = KindPresentation::icon(c->kind).toString();
        const Element* from = m_diagram.element(c->from);
        const Element* to = m_diagram.element(c->to);
        info[QStringLiteral("parentName")] =
            q((from ? from->name : c->from) + " → " + (to ? to->name : c->to));
        info[QStringLiteral("properties")] = QVariantList();
    }
    return info;
}

QVariantMap DocumentController::selectedInfo() const {
    if (m_selection.size() != 1) {
        return {{QStringLiteral("count"), static_cast<int>(m_selection.size())}};
    }
    QVariantMap info = elementInfo(m_selection.front());
    info[QStringLiteral("count")] = 1;
    return info;
}

}  // namespace skydraft
