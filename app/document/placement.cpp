// Placement on the canvas: containment from the catalogue, new elements, growth, free spots.
#include "document/placement.h"

#include <QRectF>
#include <algorithm>
#include <cmath>

#include "analysis/cidr_plan.h"
#include "catalogue/kind_keys.h"
#include "catalogue/resource_catalogue.h"
#include "commands/add_items_command.h"
#include "commands/change_value_command.h"
#include "commands/move_elements_command.h"
#include "document/kind_names.h"

namespace skydraft {

using nlohmann::json;

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

QRectF box(const Geometry& g) {
    return {g.x, g.y, g.width, g.height};
}

const KindDef* kindDef(std::string_view key) {
    return ResourceCatalogue::instance().kind(key);
}

bool isContainer(const Element& e) {
    const KindDef* def = kindDef(e.kind);
    return def && def->isContainer;
}

}  // namespace

double Placement::snap(double value) {
    return std::round(value / kGrid) * kGrid;
}

int Placement::depthOf(const Element& e) const {
    int depth = 0;
    for (const Element* p = diagram().element(e.parent); p; p = diagram().element(p->parent)) {
        ++depth;
    }
    return depth;
}

Placement::Parent Placement::parentAt(std::string_view kind, double x, double y,
                                      const std::unordered_set<std::string>* exclude) const {
    const KindDef* def = kindDef(kind);
    if (!def) {
        return {false, {}, "unknown kind \"" + std::string(kind) + "\""};
    }
    // The deepest container under the point; ties go to the later (drawn on top) one.
    const Element* deepest = nullptr;
    int deepestDepth = -1;
    for (const Element& e : diagram().elements()) {
        if (!isContainer(e) || (exclude && exclude->count(e.id)) ||
            !box(e.geometry).contains(QPointF(x, y))) {
            continue;
        }
        if (const int depth = depthOf(e); depth >= deepestDepth) {
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
            where += (where.empty() ? "" : " or ") + withArticle(c);
        }
        return {false, {}, capitalized(withArticle(kind)) + " must be placed inside " + where};
    }
    for (const Element* c = deepest; c; c = diagram().element(c->parent)) {
        if (def->canLiveIn(c->kind)) {
            return {true, c->id, {}};
        }
    }
    if (def->canLiveIn("")) {
        return {
            false,
            {},
            capitalized(withArticle(kind)) + " lives outside any VPC: drop it on the empty canvas"};
    }
    return {false,
            {},
            capitalized(withArticle(kind)) + " cannot be placed in " + withArticle(deepest->kind) +
                " (" + deepest->name + ")"};
}

Element Placement::newElement(const std::string& kind, const Id& parent, double cx,
                              double cy) const {
    const KindDef* def = kindDef(kind);
    Element e;
    e.kind = kind;
    e.id = diagram().makeId(ResourceCatalogue::instance().idPrefix(kind));
    e.name = e.id;
    e.parent = parent;
    double w = kNodeSize;
    double h = kNodeSize;
    if (def && def->defaultWidth > 0 && def->defaultHeight > 0) {
        w = def->defaultWidth;
        h = def->defaultHeight;
    }
    if (kind == kinds::kVpc) {
        if (auto cidr = freeVpcBlock(diagram(), 16)) {
            e.properties["cidr"] = cidr->toString();
        }
        if (const PropertyDef* region = def->property("region")) {
            e.properties["region"] = region->defaultValue;
        }
    } else if (kind == kinds::kSubnet) {
        if (const Element* vpc = diagram().element(parent)) {
            if (auto cidr = freeSubnetBlock(diagram(), *vpc, 24)) {
                e.properties["cidr"] = cidr->toString();
            }
            // The zone used least by the sibling subnets, a before b before c.
            const std::string region = vpc->stringProperty("region");
            std::map<std::string, int> uses;
            for (const Element* sibling : diagram().children(parent)) {
                if (sibling->kind == kinds::kSubnet) {
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
    }
    // Resources that span subnets start in the subnet they were dropped on.
    if (def && def->spansSubnets()) {
        if (const Element* under = elementAt(cx, cy);
            under && under->kind == kinds::kSubnet && under->parent == parent) {
            e.properties["subnets"] = json::array({under->id});
        }
    }
    e.geometry = {snap(cx - w / 2), snap(cy - h / 2), w, h};
    return e;
}

void Placement::growToFit(const Id& parent, Geometry child, GeometryChanges& changes) const {
    for (const Element* p = diagram().element(parent); p; p = diagram().element(p->parent)) {
        auto it = changes.find(p->id);
        const Geometry current = it == changes.end() ? p->geometry : it->second.second;
        const double left = std::min(current.x, child.x - kMargin);
        const double top = std::min(current.y, child.y - kHeader);
        const double right = std::max(current.x + current.width, child.x + child.width + kMargin);
        const double bottom =
            std::max(current.y + current.height, child.y + child.height + kMargin);
        const Geometry grown{left, top, right - left, bottom - top};
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

QPointF Placement::freeSpotIn(const Element& container, double w, double h) const {
    std::vector<QRectF> taken;
    for (const auto& id : diagram().subtree(container.id)) {
        if (id != container.id) {
            taken.push_back(box(diagram().element(id)->geometry).adjusted(-10, -10, 10, 10));
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

const Element* Placement::elementAt(double x, double y) const {
    const Element* best = nullptr;
    int bestRank = -1;
    for (const Element& e : diagram().elements()) {
        if (!box(e.geometry).contains(QPointF(x, y))) {
            continue;
        }
        const int rank = (isContainer(e) ? 0 : 1000) + depthOf(e);
        if (rank >= bestRank) {
            best = &e;
            bestRank = rank;
        }
    }
    return best;
}

void Placement::addGrowth(const GeometryChanges& changes, QUndoCommand* parent) const {
    if (changes.empty()) {
        return;
    }
    std::vector<MoveElementsCommand::Change> moves;
    for (const auto& [id, g] : changes) {
        moves.push_back({id, g.first, g.second});
    }
    new MoveElementsCommand(m_context, {}, std::move(moves), false, parent);
}

DocumentEdit Placement::drop(const std::string& kind, double x, double y) const {
    const Parent p = parentAt(kind, x, y);
    if (!p.ok) {
        return DocumentEdit::refused(p.reason);
    }
    Element e = newElement(kind, p.id, x, y);
    if (const Element* container = diagram().element(p.id)) {
        // Keep the new element inside its container's title band and borders.
        const Geometry& pg = container->geometry;
        e.geometry.x = std::max(e.geometry.x, snap(pg.x + kMargin));
        e.geometry.y = std::max(e.geometry.y, snap(pg.y + kHeader));
    }
    GeometryChanges grow;
    growToFit(p.id, e.geometry, grow);
    DocumentEdit edit;
    edit.result = q(e.id);
    edit.select = {edit.result};
    edit.command =
        std::make_unique<CompositeCommand>(m_context, QStringLiteral("Add %1").arg(q(e.name)));
    new AddItemsCommand(m_context, {}, {e}, {}, edit.command.get());
    addGrowth(grow, edit.command.get());
    return edit;
}

DocumentEdit Placement::move(const QStringList& selection, double dx, double dy) const {
    const QSet<QString> selected(selection.begin(), selection.end());
    std::vector<const Element*> roots;
    for (const auto& id : selection) {
        const Element* e = diagram().element(id.toStdString());
        if (!e) {
            continue;
        }
        bool inside = false;
        for (const Element* p = diagram().element(e->parent); p && !inside;
             p = diagram().element(p->parent)) {
            inside = selected.contains(q(p->id));
        }
        if (!inside) {
            roots.push_back(e);
        }
    }
    if (roots.empty() || (dx == 0 && dy == 0)) {
        return {};
    }
    // One delta for everything: the one that puts the first root on the grid.
    const Geometry& first = roots.front()->geometry;
    dx = snap(first.x + dx) - first.x;
    dy = snap(first.y + dy) - first.y;
    std::unordered_set<std::string> moving;
    for (const Element* r : roots) {
        for (auto& id : diagram().subtree(r->id)) {
            moving.insert(std::move(id));
        }
    }
    GeometryChanges geometry;
    for (const auto& id : moving) {
        const Geometry& g = diagram().element(id)->geometry;
        geometry.emplace(id, std::make_pair(g, Geometry{g.x + dx, g.y + dy, g.width, g.height}));
    }
    std::map<Id, Id> reparent;  // id -> new parent
    for (const Element* r : roots) {
        const Geometry& g = geometry.at(r->id).second;
        const Parent p = parentAt(r->kind, g.x + g.width / 2, g.y + g.height / 2, &moving);
        if (!p.ok) {
            return DocumentEdit::refused(p.reason);
        }
        if (p.id != r->parent) {
            reparent.emplace(r->id, p.id);
        }
    }
    // Grow the (new) containers to hold what moved in; growing never touches moving elements.
    GeometryChanges grow;
    for (const Element* r : roots) {
        const auto it = reparent.find(r->id);
        growToFit(it == reparent.end() ? r->parent : it->second, geometry.at(r->id).second, grow);
    }
    QString text;
    if (roots.size() == 1) {
        text = QStringLiteral("Move %1").arg(q(roots.front()->name));
        if (!reparent.empty()) {
            const Element* target = diagram().element(reparent.begin()->second);
            text += target ? QStringLiteral(" into %1").arg(q(target->name))
                           : QStringLiteral(" out of its container");
        }
    } else {
        text = QStringLiteral("Move %1 elements").arg(roots.size());
    }
    DocumentEdit edit;
    edit.command = std::make_unique<CompositeCommand>(m_context, text);
    addGrowth(geometry, edit.command.get());
    for (const Element* r : roots) {
        if (const auto it = reparent.find(r->id); it != reparent.end()) {
            new ChangeValueCommand(m_context, {}, r->id, ValueField::Parent, it->second, {},
                                   edit.command.get());
        }
    }
    addGrowth(grow, edit.command.get());
    return edit;
}

DocumentEdit Placement::resize(const Id& id, double x, double y, double width,
                               double height) const {
    const Element* e = diagram().element(id);
    if (!e) {
        return DocumentEdit::refused("nothing with the id \"" + id + "\"");
    }
    Geometry g{snap(x), snap(y), std::max(snap(width), 80.0), std::max(snap(height), 60.0)};
    // Never cut through the content: the box must still hold every child.
    for (const Element* c : diagram().children(e->id)) {
        const Geometry& cg = c->geometry;
        const double left = std::min(g.x, cg.x - kMargin);
        const double top = std::min(g.y, cg.y - kHeader);
        const double right = std::max(g.x + g.width, cg.x + cg.width + kMargin);
        const double bottom = std::max(g.y + g.height, cg.y + cg.height + kMargin);
        g = {left, top, right - left, bottom - top};
    }
    if (g == e->geometry) {
        return {};
    }
    GeometryChanges changes{{e->id, {e->geometry, g}}};
    GeometryChanges grow;
    growToFit(e->parent, g, grow);
    changes.insert(grow.begin(), grow.end());
    DocumentEdit edit;
    edit.command =
        std::make_unique<CompositeCommand>(m_context, QStringLiteral("Resize %1").arg(q(e->name)));
    addGrowth(changes, edit.command.get());
    return edit;
}

}  // namespace skydraft
