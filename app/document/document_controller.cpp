// The document controller: files, intents from the canvas, undo commands, selection.
#include "document/document_controller.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>
#include <algorithm>
#include <cmath>

#include "cli/atomic_write.h"
#include "cli/bounded_read.h"
#include "commands/add_items_command.h"
#include "commands/change_value_command.h"
#include "commands/move_elements_command.h"
#include "commands/remove_items_command.h"
#include "diagram_file.h"
#include "resource_catalogue.h"

namespace skydraft {

using nlohmann::json;

namespace {

constexpr double kNodeSize = 72;
constexpr double kMargin = 20;  ///< space kept between a container's border and its content
constexpr double kHeader = 48;  ///< a container's title band
constexpr int kMaxRecentFiles = 8;
const QString kRecentFilesKey = QStringLiteral("recentFiles");

QString q(const std::string& s) {
    return QString::fromStdString(s);
}
std::string s(const QString& q) {
    return q.toStdString();
}

const KindDef* kindDef(std::string_view key) {
    return ResourceCatalogue::instance().kind(key);
}

std::string displayName(std::string_view kind) {
    const KindDef* def = kindDef(kind);
    return def ? def->displayName : std::string(kind);
}

/// "a" or "an" + the display name, for messages.
std::string article(std::string_view kind) {
    const std::string name = displayName(kind);
    const char c = name.empty() ? 'x' : static_cast<char>(std::tolower(name[0]));
    const bool vowel = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    return (vowel ? "an " : "a ") + name;
}

std::string capitalized(std::string text) {
    if (!text.empty()) {
        text[0] = static_cast<char>(std::toupper(text[0]));
    }
    return text;
}

bool isRouteGateway(std::string_view kind) {
    return kind == "internet_gateway" || kind == "nat_gateway" || kind == "transit_gateway" ||
           kind == "virtual_private_gateway";
}

std::string idPrefix(std::string_view kind) {
    static const std::map<std::string, std::string, std::less<>> prefixes = {
        {"vpc", "vpc"},
        {"subnet", "subnet"},
        {"route_table", "rtb"},
        {"internet_gateway", "igw"},
        {"egress_only_internet_gateway", "eigw"},
        {"nat_gateway", "nat"},
        {"virtual_private_gateway", "vgw"},
        {"customer_gateway", "cgw"},
        {"direct_connect_gateway", "dxgw"},
        {"transit_gateway", "tgw"},
        {"transit_gateway_route_table", "tgw-rtb"},
        {"vpc_endpoint", "vpce"},
        {"security_group", "sg"},
        {"network_acl", "acl"},
        {"elastic_ip", "eip"},
        {"ec2_instance", "ec2"},
        {"auto_scaling_group", "asg"},
        {"load_balancer", "alb"},
        {"lambda_function", "lambda"},
        {"rds_instance", "rds"},
        {"dynamodb_table", "ddb"},
        {"elasticache_cluster", "cache"},
        {"s3_bucket", "s3"},
        {"efs_file_system", "efs"},
        {"generic", "resource"},
        {"vpc_peering", "pcx"},
        {"transit_gateway_attachment", "tgw-attach"},
        {"transit_gateway_peering", "tgw-peer"},
        {"vpn_attachment", "vpn"},
        {"uses", "uses"},
    };
    const auto it = prefixes.find(kind);
    return it == prefixes.end() ? std::string("item") : it->second;
}

QRectF box(const Geometry& g) {
    return {g.x, g.y, g.width, g.height};
}

double snap(double v) {
    return std::round(v / DocumentController::gridSize()) * DocumentController::gridSize();
}

/// Replaces every string in value equal to a key of ids by its mapped id.
void remapIds(json& value, const std::map<std::string, std::string>& ids) {
    if (value.is_string()) {
        const auto it = ids.find(value.get<std::string>());
        if (it != ids.end()) {
            value = it->second;
        }
    } else if (value.is_array() || value.is_object()) {
        for (auto& item : value) {
            remapIds(item, ids);
        }
    }
}

json toJson(const QVariant& value) {
    const QJsonDocument doc = QJsonDocument::fromVariant(QVariantList{value});
    const json wrapped =
        json::parse(doc.toJson(QJsonDocument::Compact).toStdString(), nullptr, false);
    return wrapped.is_array() && !wrapped.empty() ? wrapped[0] : json();
}

QVariant toVariant(const json& value) {
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(
        json::array({value}).dump(-1, ' ', false, json::error_handler_t::replace)));
    return doc.array().isEmpty() ? QVariant() : doc.array().at(0).toVariant();
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
    documentReplaced();
    addRecentFile(m_filePath);
    setErrorString({});
    return true;
}

bool DocumentController::saveFile(const QString& path) {
    const QString error =
        writeFileAtomically(path, QByteArray::fromStdString(saveDiagram(m_diagram)));
    if (!error.isEmpty()) {
        setErrorString(path + QStringLiteral(": ") + error);
        return false;
    }
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
    documentReplaced();
    setErrorString({});
}

void DocumentController::adoptDiagram(Diagram diagram) {
    m_diagram = std::move(diagram);
    m_filePath.clear();
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
    m_pasteCount = 0;
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
        if (m_diagram.contains(s(id)) || id.startsWith(QStringLiteral("route:"))) {
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

// Placement ------------------------------------------------------------------------------------

DocumentController::Placement DocumentController::placementAt(
    const std::string& kind, double x, double y,
    const std::unordered_set<std::string>* exclude) const {
    const KindDef* def = kindDef(kind);
    if (!def) {
        return {false, {}, "unknown kind \"" + kind + "\""};
    }
    // The deepest container under the point; ties go to the later (drawn on top) one.
    const Element* deepest = nullptr;
    int deepestDepth = -1;
    for (const Element& e : m_diagram.elements()) {
        const KindDef* d = kindDef(e.kind);
        if (!d || !d->isContainer || (exclude && exclude->count(e.id))) {
            continue;
        }
        if (!box(e.geometry).contains(QPointF(x, y))) {
            continue;
        }
        int depth = 0;
        for (const Element* p = m_diagram.element(e.parent); p; p = m_diagram.element(p->parent)) {
            ++depth;
        }
        if (depth >= deepestDepth) {
            deepest = &e;
            deepestDepth = depth;
        }
    }
    if (!deepest) {
        if (def->canLiveIn("")) {
            return {true, {}, {}};
        }
        std::string where;
        for (const auto& c : def->containers) {
            where += (where.empty() ? "" : " or ") + article(c);
        }
        return {false, {}, capitalized(article(kind)) + " must be placed inside " + where};
    }
    for (const Element* c = deepest; c; c = m_diagram.element(c->parent)) {
        if (def->canLiveIn(c->kind)) {
            return {true, c->id, {}};
        }
    }
    if (def->canLiveIn("")) {
        return {false,
                {},
                capitalized(article(kind)) +
                    " lives outside any VPC: drop it on the "
                    "empty canvas"};
    }
    return {false,
            {},
            capitalized(article(kind)) + " cannot be placed in " + article(deepest->kind) + " (" +
                deepest->name + ")"};
}

QVariantMap DocumentController::dropCheck(const QString& kind, double x, double y) const {
    const Placement p = placementAt(s(kind), x, y);
    return {{QStringLiteral("ok"), p.ok},
            {QStringLiteral("parentId"), q(p.parent)},
            {QStringLiteral("reason"), q(p.reason)}};
}

std::optional<Cidr> DocumentController::freeCidr(const Element& vpc, int prefix,
                                                 const std::vector<Cidr>& alsoUsed) const {
    std::vector<Cidr> used = alsoUsed;
    if (vpc.kind == "vpc") {
        const auto within = parseIpv4Cidr(vpc.stringProperty("cidr"));
        if (!within) {
            return std::nullopt;
        }
        for (const Element* subnet : m_diagram.children(vpc.id)) {
            if (subnet->kind == "subnet") {
                if (auto c = parseIpv4Cidr(subnet->stringProperty("cidr"))) {
                    used.push_back(*c.cidr);
                }
            }
        }
        return nextFreeBlock(within.cidr->canonical(), used, prefix);
    }
    for (const Element* other : m_diagram.elementsOfKind("vpc")) {
        if (auto c = parseIpv4Cidr(other->stringProperty("cidr"))) {
            used.push_back(*c.cidr);
        }
        for (const auto& secondary : other->stringListProperty("secondary_cidrs")) {
            if (auto c = parseIpv4Cidr(secondary)) {
                used.push_back(*c.cidr);
            }
        }
    }
    return nextFreeBlock(Cidr::v4(0x0A000000u, 8), used, prefix);
}

Element DocumentController::makeElement(const std::string& kind, const Id& parent, double cx,
                                        double cy) const {
    const KindDef* def = kindDef(kind);
    Element e;
    e.kind = kind;
    e.id = m_diagram.makeId(idPrefix(kind));
    e.name = e.id;
    e.parent = parent;
    double w = kNodeSize;
    double h = kNodeSize;
    if (kind == "vpc") {
        w = 620;
        h = 400;
        Element none;
        if (auto cidr = freeCidr(none, 16)) {
            e.properties["cidr"] = cidr->toString();
        }
        e.properties["region"] = "us-east-1";
    } else if (kind == "subnet") {
        w = 260;
        h = 170;
        if (const Element* vpc = m_diagram.element(parent)) {
            if (auto cidr = freeCidr(*vpc, 24)) {
                e.properties["cidr"] = cidr->toString();
            }
            // The zone used least by the sibling subnets, a before b before c.
            const std::string region = vpc->stringProperty("region");
            std::map<std::string, int> uses;
            for (const Element* sibling : m_diagram.children(parent)) {
                if (sibling->kind == "subnet") {
                    ++uses[sibling->stringProperty("availability_zone")];
                }
            }
            std::string best;
            for (const char* letter : {"a", "b", "c"}) {
                const std::string zone = region + letter;
                if (best.empty() || uses[zone] < uses[best]) {
                    best = zone;
                }
            }
            e.properties["availability_zone"] = best;
        }
    } else if (def && def->isContainer) {
        w = 240;
        h = 150;
    }
    // Resources that span subnets start in the subnet they were dropped on.
    if (def && def->property("subnets")) {
        if (const Element* under = m_diagram.element(s(elementAt(cx, cy)))) {
            if (under->kind == "subnet" && under->parent == parent) {
                e.properties["subnets"] = json::array({under->id});
            }
        }
    }
    if (kind == "transit_gateway" || kind == "lambda_function") {
        if (const Element* vpc = m_diagram.ancestorOfKind(parent, "vpc")) {
            if (kind == "transit_gateway") {
                e.properties["region"] = vpc->stringProperty("region");
            }
        }
    }
    e.geometry = {snap(cx - w / 2), snap(cy - h / 2), w, h};
    return e;
}

void DocumentController::growToFit(const Id& parent, Geometry child,
                                   std::map<Id, std::pair<Geometry, Geometry>>& changes) const {
    for (const Element* p = m_diagram.element(parent); p; p = m_diagram.element(p->parent)) {
        auto it = changes.find(p->id);
        const Geometry current = it == changes.end() ? p->geometry : it->second.second;
        Geometry grown = current;
        const double left = std::min(current.x, child.x - kMargin);
        const double top = std::min(current.y, child.y - kHeader);
        const double right = std::max(current.x + current.width, child.x + child.width + kMargin);
        const double bottom =
            std::max(current.y + current.height, child.y + child.height + kMargin);
        grown = {left, top, right - left, bottom - top};
        if (grown == current) {
            return;
        }
        if (it == changes.end()) {
            changes.emplace(p->id, std::make_pair(p->geometry, grown));
        } else {
            it->second.second = grown;
        }
        child = grown;
    }
}

QPointF DocumentController::freeSpotIn(const Element& container, double w, double h) const {
    std::vector<QRectF> taken;
    for (const auto& id : m_diagram.subtree(container.id)) {
        if (id != container.id) {
            taken.push_back(box(m_diagram.element(id)->geometry).adjusted(-10, -10, 10, 10));
        }
    }
    const QRectF area = box(container.geometry);
    for (double y = area.top() + kHeader; y + h <= area.bottom() - 10; y += 10) {
        for (double x = area.right() - w - kMargin; x >= area.left() + kMargin; x -= 10) {
            const QRectF candidate(x, y, w, h);
            if (std::none_of(taken.begin(), taken.end(),
                             [&](const QRectF& r) { return r.intersects(candidate); })) {
                return candidate.center();
            }
        }
    }
    return {area.right() + w / 2 + kMargin, area.top() + kHeader + h / 2};
}

QString DocumentController::dropKind(const QString& kindKey, double x, double y) {
    const std::string kind = s(kindKey);
    const Placement p = placementAt(kind, x, y);
    if (!p.ok) {
        refuse(p.reason);
        return {};
    }
    Element e = makeElement(kind, p.parent, x, y);
    if (!p.parent.empty() && kind != "vpc") {
        // Keep the new element inside its container's title band and borders.
        const Geometry& pg = m_diagram.element(p.parent)->geometry;
        e.geometry.x = std::max(e.geometry.x, snap(pg.x + kMargin));
        e.geometry.y = std::max(e.geometry.y, snap(pg.y + kHeader));
    }
    std::map<Id, std::pair<Geometry, Geometry>> grow;
    growToFit(p.parent, e.geometry, grow);
    const QString id = q(e.id);
    auto* command = new CompositeCommand(m_context, QStringLiteral("Add %1").arg(q(e.name)));
    new AddItemsCommand(m_context, {}, {e}, {}, command);
    if (!grow.empty()) {
        std::vector<MoveElementsCommand::Change> changes;
        for (const auto& [gid, g] : grow) {
            changes.push_back({gid, g.first, g.second});
        }
        new MoveElementsCommand(m_context, {}, std::move(changes), false, command);
    }
    if (!push(command)) {
        return {};
    }
    setSelection({id});
    return id;
}

// Moving ---------------------------------------------------------------------------------------

bool DocumentController::moveElement(const QString& id, double dx, double dy) {
    if (!m_selectionSet.contains(id)) {
        setSelection({id});
    }
    return moveSelection(dx, dy);
}

bool DocumentController::moveSelection(double dx, double dy) {
    std::vector<const Element*> roots;
    for (const auto& id : m_selection) {
        const Element* e = m_diagram.element(s(id));
        if (!e) {
            continue;
        }
        bool inside = false;
        for (const Element* p = m_diagram.element(e->parent); p && !inside;
             p = m_diagram.element(p->parent)) {
            inside = m_selectionSet.contains(q(p->id));
        }
        if (!inside) {
            roots.push_back(e);
        }
    }
    if (roots.empty() || (dx == 0 && dy == 0)) {
        return false;
    }
    // One delta for everything: the one that puts the first root on the grid.
    const Geometry& first = roots.front()->geometry;
    dx = snap(first.x + dx) - first.x;
    dy = snap(first.y + dy) - first.y;
    std::unordered_set<std::string> moving;
    for (const Element* r : roots) {
        for (auto& id : m_diagram.subtree(r->id)) {
            moving.insert(std::move(id));
        }
    }
    std::map<Id, std::pair<Geometry, Geometry>> geometry;
    for (const auto& id : moving) {
        const Geometry& g = m_diagram.element(id)->geometry;
        geometry.emplace(id, std::make_pair(g, Geometry{g.x + dx, g.y + dy, g.width, g.height}));
    }
    std::vector<std::pair<Id, Id>> reparent;  // id, new parent
    for (const Element* r : roots) {
        const Geometry& g = geometry.at(r->id).second;
        const Placement p = placementAt(r->kind, g.x + g.width / 2, g.y + g.height / 2, &moving);
        if (!p.ok) {
            return refuse(p.reason);
        }
        if (p.parent != r->parent) {
            reparent.emplace_back(r->id, p.parent);
        }
    }
    // Grow the (new) containers to hold what moved in; growing never touches moving elements.
    std::map<Id, std::pair<Geometry, Geometry>> grow;
    for (const Element* r : roots) {
        Id parent = r->parent;
        for (const auto& [id, newParent] : reparent) {
            if (id == r->id) {
                parent = newParent;
            }
        }
        growToFit(parent, geometry.at(r->id).second, grow);
    }
    QString text;
    if (roots.size() == 1) {
        text = QStringLiteral("Move %1").arg(q(roots.front()->name));
        if (!reparent.empty()) {
            const Element* target = m_diagram.element(reparent.front().second);
            text += target ? QStringLiteral(" into %1").arg(q(target->name))
                           : QStringLiteral(" out of its container");
        }
    } else {
        text = QStringLiteral("Move %1 elements").arg(roots.size());
    }
    auto* command = new CompositeCommand(m_context, text);
    std::vector<MoveElementsCommand::Change> changes;
    for (const auto& [id, g] : geometry) {
        changes.push_back({id, g.first, g.second});
    }
    new MoveElementsCommand(m_context, {}, std::move(changes), false, command);
    for (const auto& [id, parent] : reparent) {
        new ChangeValueCommand(m_context, {}, id, ValueField::Parent, parent, {}, command);
    }
    if (!grow.empty()) {
        std::vector<MoveElementsCommand::Change> growth;
        for (const auto& [id, g] : grow) {
            growth.push_back({id, g.first, g.second});
        }
        new MoveElementsCommand(m_context, {}, std::move(growth), false, command);
    }
    return push(command);
}

bool DocumentController::resizeElement(const QString& id, double x, double y, double width,
                                       double height) {
    const Element* e = m_diagram.element(s(id));
    if (!e) {
        return refuse("nothing with the id \"" + s(id) + "\"");
    }
    Geometry g{snap(x), snap(y), std::max(snap(width), 80.0), std::max(snap(height), 60.0)};
    // Never cut through the content: the box must still hold every descendant.
    for (const Element* c : m_diagram.children(e->id)) {
        const Geometry& cg = c->geometry;
        const double left = std::min(g.x, cg.x - kMargin);
        const double top = std::min(g.y, cg.y - kHeader);
        const double right = std::max(g.x + g.width, cg.x + cg.width + kMargin);
        const double bottom = std::max(g.y + g.height, cg.y + cg.height + kMargin);
        g = {left, top, right - left, bottom - top};
    }
    if (g == e->geometry) {
        return false;
    }
    std::map<Id, std::pair<Geometry, Geometry>> grow;
    growToFit(e->parent, g, grow);
    std::vector<MoveElementsCommand::Change> changes{{e->id, e->geometry, g}};
    for (const auto& [gid, gg] : grow) {
        changes.push_back({gid, gg.first, gg.second});
    }
    return push(new MoveElementsCommand(m_context, QStringLiteral("Resize %1").arg(q(e->name)),
                                        std::move(changes)));
}

// Connecting -----------------------------------------------------------------------------------

QVariantMap DocumentController::connectCheck(const QString& fromId, const QString& toId) const {
    QVariantMap out{{QStringLiteral("ok"), false}};
    const Element* from = m_diagram.element(s(fromId));
    const Element* to = m_diagram.element(s(toId));
    if (!from || !to) {
        out[QStringLiteral("reason")] = QStringLiteral("Drop the line on another element");
        return out;
    }
    if (from == to) {
        out[QStringLiteral("reason")] = QStringLiteral("An element cannot connect to itself");
        return out;
    }
    const Element* subnet = from->kind == "subnet" ? from : to->kind == "subnet" ? to : nullptr;
    const Element* gateway = subnet == from ? to : from;
    if (subnet && isRouteGateway(gateway->kind)) {
        out[QStringLiteral("ok")] = true;
        out[QStringLiteral("kind")] = QStringLiteral("route");
        out[QStringLiteral("from")] = q(subnet->id);
        out[QStringLiteral("to")] = q(gateway->id);
        return out;
    }
    const auto& catalogue = ResourceCatalogue::instance();
    for (const auto& def : catalogue.connectionKinds()) {
        if (def.endpoints.empty()) {
            continue;
        }
        const bool forward = def.canJoin(from->kind, to->kind);
        if (forward || def.canJoin(to->kind, from->kind)) {
            const Element* a = forward ? from : to;
            const Element* b = forward ? to : from;
            for (const auto& c : m_diagram.connections()) {
                if (c.kind == def.key &&
                    ((c.from == a->id && c.to == b->id) || (c.from == b->id && c.to == a->id))) {
                    const Element* ea = m_diagram.element(c.from);
                    const Element* eb = m_diagram.element(c.to);
                    out[QStringLiteral("reason")] =
                        q(capitalized(def.displayName) + " already joins " + ea->name + " and " +
                          eb->name);
                    return out;
                }
            }
            out[QStringLiteral("ok")] = true;
            out[QStringLiteral("kind")] = q(def.key);
            out[QStringLiteral("from")] = q(a->id);
            out[QStringLiteral("to")] = q(b->id);
            return out;
        }
    }
    const KindDef* fromDef = kindDef(from->kind);
    const KindDef* toDef = kindDef(to->kind);
    if (fromDef->isContainer || toDef->isContainer) {
        out[QStringLiteral("reason")] =
            q("Nothing connects " + article(from->kind) + " to " + article(to->kind));
        return out;
    }
    for (const auto& c : m_diagram.connections()) {
        if (c.kind == "uses" && c.from == from->id && c.to == to->id) {
            out[QStringLiteral("reason")] = q(from->name + " already uses " + to->name);
            return out;
        }
    }
    out[QStringLiteral("ok")] = true;
    out[QStringLiteral("kind")] = QStringLiteral("uses");
    out[QStringLiteral("from")] = q(from->id);
    out[QStringLiteral("to")] = q(to->id);
    return out;
}

QString DocumentController::connect(const QString& fromId, const QString& toId) {
    const QVariantMap check = connectCheck(fromId, toId);
    if (!check.value(QStringLiteral("ok")).toBool()) {
        refuse(s(check.value(QStringLiteral("reason")).toString()));
        return {};
    }
    const std::string kind = s(check.value(QStringLiteral("kind")).toString());
    const Element* from = m_diagram.element(s(check.value(QStringLiteral("from")).toString()));
    const Element* to = m_diagram.element(s(check.value(QStringLiteral("to")).toString()));
    if (kind != "route") {
        Connection c;
        c.id = m_diagram.makeId(idPrefix(kind));
        c.kind = kind;
        c.name = from->name + " → " + to->name;
        c.from = from->id;
        c.to = to->id;
        if (kind == "transit_gateway_attachment") {
            // One subnet per availability zone of the VPC.
            std::map<std::string, std::string> perZone;
            for (const Element* sn : m_diagram.children(from->id)) {
                if (sn->kind == "subnet") {
                    perZone.emplace(sn->stringProperty("availability_zone"), sn->id);
                }
            }
            json subnets = json::array();
            for (const auto& [zone, id] : perZone) {
                subnets.push_back(id);
            }
            c.properties["subnets"] = subnets;
        }
        const QString text = QStringLiteral("Connect %1 to %2").arg(q(from->name), q(to->name));
        if (!push(new AddItemsCommand(m_context, text, {}, {c}))) {
            return {};
        }
        setSelection({q(c.id)});
        return q(c.id);
    }
    // Subnet -> gateway: a default route in the subnet's route table (created when missing).
    const Element* subnet = from;
    const Element* gateway = to;
    const Element* table = nullptr;
    for (const Element* rt : m_diagram.elementsOfKind("route_table")) {
        const auto associations = rt->stringListProperty("associations");
        if (std::find(associations.begin(), associations.end(), subnet->id) != associations.end()) {
            table = rt;
            break;
        }
    }
    const QString text = QStringLiteral("Route %1 to %2").arg(q(subnet->name), q(gateway->name));
    auto* command = new CompositeCommand(m_context, text);
    const json route = {{"destination", "0.0.0.0/0"}, {"target", gateway->id}};
    Id tableId;
    if (table) {
        tableId = table->id;
        json routes = table->property("routes");
        if (!routes.is_array()) {
            routes = json::array();
        }
        bool replaced = false;
        for (auto& r : routes) {
            if (r.value("destination", std::string()) == "0.0.0.0/0") {
                if (r.value("target", std::string()) == gateway->id) {
                    delete command;
                    refuse(table->name + " already routes " + subnet->name + " to " +
                           gateway->name);
                    return {};
                }
                r["target"] = gateway->id;
                replaced = true;
            }
        }
        if (!replaced) {
            routes.push_back(route);
        }
        new ChangeValueCommand(m_context, {}, table->id, ValueField::Property, routes, "routes",
                               command);
    } else {
        const Element* vpc = m_diagram.element(subnet->parent);
        const QPointF spot = freeSpotIn(*vpc, kNodeSize, kNodeSize);
        Element rt = makeElement("route_table", vpc->id, spot.x(), spot.y());
        rt.name = subnet->name + "-rtb";
        rt.properties["associations"] = json::array({subnet->id});
        rt.properties["routes"] = json::array({route});
        tableId = rt.id;
        std::map<Id, std::pair<Geometry, Geometry>> grow;
        growToFit(vpc->id, rt.geometry, grow);
        new AddItemsCommand(m_context, {}, {rt}, {}, command);
        if (!grow.empty()) {
            std::vector<MoveElementsCommand::Change> changes;
            for (const auto& [gid, g] : grow) {
                changes.push_back({gid, g.first, g.second});
            }
            new MoveElementsCommand(m_context, {}, std::move(changes), false, command);
        }
    }
    if (!push(command)) {
        return {};
    }
    return q(tableId);
}

bool DocumentController::setProperty(const QString& id, const QString& key, const QVariant& value) {
    if (key == QStringLiteral("name")) {
        return rename(id, value.toString());
    }
    const bool isElement = m_diagram.element(s(id)) != nullptr;
    if (!isElement && !m_diagram.connection(s(id))) {
        return refuse("nothing with the id \"" + s(id) + "\"");
    }
    json v = toJson(value);
    // QML numbers arrive as doubles; whole numbers for integer properties stay integers.
    if (v.is_number_float() && std::floor(v.get<double>()) == v.get<double>() &&
        std::fabs(v.get<double>()) < 1e15) {
        v = static_cast<std::int64_t>(v.get<double>());
    }
    const QString text = QStringLiteral("Change %1").arg(key);
    return push(new ChangeValueCommand(
        m_context, text, s(id), isElement ? ValueField::Property : ValueField::ConnectionProperty,
        std::move(v), s(key)));
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

// Deleting, copying, pasting -------------------------------------------------------------------

bool DocumentController::deleteSelection() {
    std::vector<Id> ids;
    auto* command = new CompositeCommand(m_context, {});
    std::map<Id, json> routeTables;  // route tables losing drawn routes -> new routes
    for (const auto& id : m_selection) {
        if (id.startsWith(QStringLiteral("route:"))) {
            const QStringList parts = id.split(QLatin1Char(':'));
            const Element* rt = m_diagram.element(s(parts.value(1)));
            if (!rt) {
                continue;
            }
            auto [it, fresh] = routeTables.emplace(rt->id, rt->property("routes"));
            json kept = json::array();
            for (const auto& r : it->second) {
                if (r.value("target", std::string()) != s(parts.value(3))) {
                    kept.push_back(r);
                }
            }
            it->second = kept;
        } else if (m_diagram.contains(s(id))) {
            ids.push_back(s(id));
        }
    }
    for (const auto& [rt, routes] : routeTables) {
        new ChangeValueCommand(m_context, {}, rt, ValueField::Property, routes, "routes", command);
    }
    if (!ids.empty()) {
        new RemoveItemsCommand(m_context, {}, ids, command);
    }
    if (command->childCount() == 0) {
        delete command;
        return false;
    }
    const std::size_t count = ids.size() + routeTables.size();
    const Element* only = ids.size() == 1 ? m_diagram.element(ids.front()) : nullptr;
    const Connection* onlyConnection =
        ids.size() == 1 ? m_diagram.connection(ids.front()) : nullptr;
    command->setText(only             ? QStringLiteral("Delete %1").arg(q(only->name))
                     : onlyConnection ? QStringLiteral("Delete %1").arg(q(onlyConnection->name))
                     : count == 1     ? QStringLiteral("Delete route")
                                      : QStringLiteral("Delete %1 items").arg(count));
    return push(command);
}

DocumentController::Fragment DocumentController::fragmentOfSelection() const {
    Fragment fragment;
    std::unordered_set<std::string> taken;
    for (const auto& id : m_selection) {
        if (!m_diagram.element(s(id))) {
            continue;
        }
        for (const auto& sub : m_diagram.subtree(s(id))) {
            if (taken.insert(sub).second) {
                fragment.elements.push_back(*m_diagram.element(sub));
            }
        }
    }
    for (const auto& c : m_diagram.connections()) {
        if (taken.count(c.from) && taken.count(c.to)) {
            fragment.connections.push_back(c);
        }
    }
    return fragment;
}

void DocumentController::copySelection() {
    Fragment fragment = fragmentOfSelection();
    if (fragment.elements.empty()) {
        return;
    }
    m_clipboard = std::move(fragment);
    m_pasteCount = 0;
    setMessage(QStringLiteral("Copied %1 element(s)").arg(m_clipboard.elements.size()));
    emit clipboardChanged();
}

bool DocumentController::paste() {
    if (!canPaste()) {
        return false;
    }
    ++m_pasteCount;
    return pasteFragment(m_clipboard, 30.0 * m_pasteCount, QStringLiteral("Paste"));
}

bool DocumentController::duplicateSelection() {
    const Fragment fragment = fragmentOfSelection();
    if (fragment.elements.empty()) {
        return false;
    }
    return pasteFragment(fragment, 30.0, QStringLiteral("Duplicate"));
}

bool DocumentController::pasteFragment(const Fragment& fragment, double offset,
                                       const QString& text) {
    std::unordered_set<std::string> handedOut;
    auto freshId = [&](const std::string& prefix) {
        for (std::size_t n = 1;; ++n) {
            std::string candidate = prefix + "-" + std::to_string(n);
            if (!m_diagram.contains(candidate) && !handedOut.count(candidate)) {
                handedOut.insert(candidate);
                return candidate;
            }
        }
    };
    std::map<std::string, std::string> ids;
    for (const auto& e : fragment.elements) {
        ids[e.id] = freshId(idPrefix(e.kind));
    }
    std::vector<Element> elements = fragment.elements;
    // Top-level containers (VPCs) go beside the diagram rather than on top of the original.
    double dx = offset;
    double dy = offset;
    for (const auto& e : elements) {
        const KindDef* def = kindDef(e.kind);
        if (e.parent.empty() && def && def->isContainer) {
            QRectF copied;
            for (const auto& c : elements) {
                copied = copied.united(box(c.geometry));
            }
            dx = snap(contentBounds().right() + 80 - copied.left());
            dy = snap(contentBounds().top() - copied.top());
            break;
        }
    }
    std::unordered_set<std::string> roots;
    for (auto& e : elements) {
        e.geometry.x += dx;
        e.geometry.y += dy;
        e.id = ids.at(e.id);
        remapIds(e.properties, ids);
        if (const auto it = ids.find(e.parent); it != ids.end()) {
            e.parent = it->second;
            continue;
        }
        // A top element of the fragment: into the container under its new centre, else back
        // into its old container when that still exists.
        roots.insert(e.id);
        const Placement p = placementAt(e.kind, e.geometry.x + e.geometry.width / 2,
                                        e.geometry.y + e.geometry.height / 2);
        const bool oldParentFits = e.parent.empty() ? kindDef(e.kind)->canLiveIn("")
                                                    : m_diagram.element(e.parent) != nullptr;
        if (p.ok) {
            e.parent = p.parent;
        } else if (!oldParentFits) {
            return refuse(p.reason);
        }
    }
    // Colliding CIDRs get the next free block: VPCs among VPCs, subnets within their VPC.
    std::vector<Cidr> takenVpc;
    std::map<std::string, std::pair<Uint128, Uint128>> shift;  // vpc id -> old first, new first
    Element none;
    for (auto& e : elements) {
        if (e.kind != "vpc") {
            continue;
        }
        const auto cidr = parseIpv4Cidr(e.stringProperty("cidr"));
        if (!cidr) {
            continue;
        }
        bool collides = std::any_of(takenVpc.begin(), takenVpc.end(),
                                    [&](const Cidr& c) { return c.overlaps(*cidr.cidr); });
        for (const Element* other : m_diagram.elementsOfKind("vpc")) {
            if (auto oc = parseIpv4Cidr(other->stringProperty("cidr"))) {
                collides = collides || oc.cidr->overlaps(*cidr.cidr);
            }
        }
        Cidr chosen = cidr.cidr->canonical();
        if (collides) {
            if (auto next = freeCidr(none, cidr.cidr->prefix(), takenVpc)) {
                chosen = *next;
                e.properties["cidr"] = chosen.toString();
                e.properties.erase("secondary_cidrs");
            }
        }
        shift[e.id] = {cidr.cidr->first(), chosen.first()};
        takenVpc.push_back(chosen);
    }
    std::map<std::string, std::vector<Cidr>> takenSubnets;  // pasted subnets per existing VPC
    for (auto& e : elements) {
        if (e.kind != "subnet") {
            continue;
        }
        const auto cidr = parseIpv4Cidr(e.stringProperty("cidr"));
        if (!cidr) {
            continue;
        }
        if (const auto it = shift.find(e.parent); it != shift.end()) {
            const Uint128 moved = cidr.cidr->first() - it->second.first + it->second.second;
            e.properties["cidr"] =
                Cidr::v4(static_cast<std::uint32_t>(moved), cidr.cidr->prefix()).toString();
            continue;
        }
        const Element* vpc = m_diagram.element(e.parent);
        if (!vpc) {
            continue;
        }
        auto& taken = takenSubnets[vpc->id];
        bool collides = std::any_of(taken.begin(), taken.end(),
                                    [&](const Cidr& c) { return c.overlaps(*cidr.cidr); });
        for (const Element* sibling : m_diagram.children(vpc->id)) {
            if (auto sc = parseIpv4Cidr(sibling->stringProperty("cidr"));
                sc && sibling->kind == "subnet") {
                collides = collides || sc.cidr->overlaps(*cidr.cidr);
            }
        }
        Cidr chosen = *cidr.cidr;
        if (collides) {
            if (auto next = freeCidr(*vpc, cidr.cidr->prefix(), taken)) {
                chosen = *next;
                e.properties["cidr"] = chosen.toString();
            }
        }
        taken.push_back(chosen);
    }
    std::vector<Connection> connections = fragment.connections;
    for (auto& c : connections) {
        c.id = freshId(idPrefix(c.kind));
        c.from = ids.at(c.from);
        c.to = ids.at(c.to);
        remapIds(c.properties, ids);
    }
    // Containers grow to hold pasted content.
    std::map<Id, std::pair<Geometry, Geometry>> grow;
    QStringList pasted;
    for (const auto& e : elements) {
        if (roots.count(e.id)) {
            growToFit(e.parent, e.geometry, grow);
            pasted << q(e.id);
        }
    }
    auto* command = new CompositeCommand(m_context, text);
    new AddItemsCommand(m_context, {}, std::move(elements), std::move(connections), command);
    if (!grow.empty()) {
        std::vector<MoveElementsCommand::Change> changes;
        for (const auto& [gid, g] : grow) {
            changes.push_back({gid, g.first, g.second});
        }
        new MoveElementsCommand(m_context, {}, std::move(changes), false, command);
    }
    if (!push(command)) {
        return false;
    }
    setSelection(pasted);
    return true;
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
    const Element* best = nullptr;
    int bestRank = -1;
    for (const Element& e : m_diagram.elements()) {
        Geometry g = e.geometry;
        if (!box(g).contains(QPointF(x, y))) {
            continue;
        }
        int depth = 0;
        for (const Element* p = m_diagram.element(e.parent); p; p = m_diagram.element(p->parent)) {
            ++depth;
        }
        const KindDef* def = kindDef(e.kind);
        const int rank = (def && def->isContainer ? 0 : 1000) + depth;
        if (rank >= bestRank) {
            best = &e;
            bestRank = rank;
        }
    }
    return best ? q(best->id) : QString();
}

QRectF DocumentController::elementBox(const QString& id) const {
    const Element* e = m_diagram.element(s(id));
    return e ? box(e->geometry) : QRectF();
}

QVariantList DocumentController::outline() const {
    QVariantList out;
    out.reserve(static_cast<qsizetype>(m_diagram.elements().size()) * 5);
    for (const auto& e : m_diagram.elements()) {
        const KindDef* def = kindDef(e.kind);
        out << e.geometry.x << e.geometry.y << e.geometry.width << e.geometry.height
            << (e.kind == "vpc"           ? 1
                : def && def->isContainer ? 2
                                          : 0);
    }
    return out;
}

QVariantMap DocumentController::elementInfo(const QString& id) const {
    QVariantMap info;
    if (const Element* e = m_diagram.element(s(id))) {
        const KindDef* def = kindDef(e->kind);
        info[QStringLiteral("id")] = q(e->id);
        info[QStringLiteral("name")] = q(e->name);
        info[QStringLiteral("kind")] = q(e->kind);
        info[QStringLiteral("kindName")] = q(displayName(e->kind));
        info[QStringLiteral("description")] = def ? q(def->description) : QString();
        info[QStringLiteral("icon")] =
            QStringLiteral("qrc:/icons/%1.svg").arg(def ? q(def->icon) : QStringLiteral("generic"));
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
                                          {QStringLiteral("raw"), toVariant(value)}};
            }
        }
        info[QStringLiteral("properties")] = properties;
        info[QStringLiteral("connections")] =
            static_cast<int>(m_diagram.connectionsOf(e->id).size());
    } else if (const Connection* c = m_diagram.connection(s(id))) {
        const ConnectionKindDef* def = ResourceCatalogue::instance().connectionKind(c->kind);
        info[QStringLiteral("id")] = q(c->id);
        info[QStringLiteral("name")] = q(c->name);
        info[QStringLiteral("kind")] = q(c->kind);
        info[QStringLiteral("kindName")] = def ? q(def->displayName) : q(c->kind);
        info[QStringLiteral("description")] = def ? q(def->description) : QString();
        info[QStringLiteral("icon")] = QStringLiteral("qrc:/icons/%1.svg").arg(q(c->kind));
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
