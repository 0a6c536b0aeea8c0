// Connecting on the canvas: connection kinds by the catalogue's endpoint rules, drawn routes by
// its route targets.
#include "document/connector.h"

#include <algorithm>
#include <unordered_set>

#include "catalogue/kind_keys.h"
#include "catalogue/resource_catalogue.h"
#include "commands/add_items_command.h"
#include "commands/change_value_command.h"
#include "document/kind_names.h"
#include "models/connection_list_model.h"

namespace skydraft {

using nlohmann::json;

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

bool isContainer(const Element& e) {
    const KindDef* def = ResourceCatalogue::instance().kind(e.kind);
    return def && def->isContainer;
}

/// The destination a line drawn from a subnet to an element of kind routes, or "" when such a
/// line is not a route.
std::string drawnDestination(std::string_view kind) {
    const RouteTarget* target = ResourceCatalogue::instance().routeTarget(kind, kinds::kRouteTable);
    return target ? target->drawnDestination : std::string();
}

/// The connection kind that joins any two resources (no endpoint rules), or nullptr.
const ConnectionKindDef* anyTwoKind() {
    for (const auto& def : ResourceCatalogue::instance().connectionKinds()) {
        if (def.endpoints.empty()) {
            return &def;
        }
    }
    return nullptr;
}

}  // namespace

Connector::Check Connector::check(const Id& fromId, const Id& toId) const {
    Check out;
    const Element* from = diagram().element(fromId);
    const Element* to = diagram().element(toId);
    if (!from || !to) {
        out.reason = "Drop the line on another element";
        return out;
    }
    if (from == to) {
        out.reason = "An element cannot connect to itself";
        return out;
    }
    const Element* subnet = from->kind == kinds::kSubnet ? from
                            : to->kind == kinds::kSubnet ? to
                                                         : nullptr;
    const Element* target = subnet == from ? to : from;
    if (subnet && !drawnDestination(target->kind).empty()) {
        return {true, std::string(kRoute), subnet->id, target->id, {}};
    }
    for (const auto& def : ResourceCatalogue::instance().connectionKinds()) {
        if (def.endpoints.empty()) {
            continue;
        }
        const bool forward = def.canJoin(from->kind, to->kind);
        if (!forward && !def.canJoin(to->kind, from->kind)) {
            continue;
        }
        const Element* a = forward ? from : to;
        const Element* b = forward ? to : from;
        for (const auto& c : diagram().connections()) {
            if (c.kind == def.key &&
                ((c.from == a->id && c.to == b->id) || (c.from == b->id && c.to == a->id))) {
                out.reason = capitalized(def.displayName) + " already joins " +
                             diagram().element(c.from)->name + " and " +
                             diagram().element(c.to)->name;
                return out;
            }
        }
        return {true, def.key, a->id, b->id, {}};
    }
    const ConnectionKindDef* any = anyTwoKind();
    if (!any || isContainer(*from) || isContainer(*to)) {
        out.reason = "Nothing connects " + withArticle(from->kind) + " to " + withArticle(to->kind);
        return out;
    }
    for (const auto& c : diagram().connections()) {
        if (c.kind == any->key && c.from == from->id && c.to == to->id) {
            out.reason =
                from->name + " already has " + withArticleWord(any->label) + " to " + to->name;
            return out;
        }
    }
    return {true, any->key, from->id, to->id, {}};
}

DocumentEdit Connector::connect(const Id& fromId, const Id& toId) const {
    const Check check = this->check(fromId, toId);
    if (!check.ok) {
        return DocumentEdit::refused(check.reason);
    }
    const Element* from = diagram().element(check.from);
    const Element* to = diagram().element(check.to);
    if (check.kind == kRoute) {
        return connectRoute(*from, *to);
    }
    const auto& catalogue = ResourceCatalogue::instance();
    Connection c;
    c.id = diagram().makeId(catalogue.idPrefix(check.kind));
    c.kind = check.kind;
    c.name = from->name + " → " + to->name;
    c.from = from->id;
    c.to = to->id;
    const ConnectionKindDef* def = catalogue.connectionKind(c.kind);
    const Element* vpc = from->kind == kinds::kVpc ? from : to->kind == kinds::kVpc ? to : nullptr;
    if (def && def->property("subnets") && vpc) {
        // One subnet per availability zone of the VPC.
        std::map<std::string, std::string> perZone;
        for (const Element* subnet : diagram().children(vpc->id)) {
            if (subnet->kind == kinds::kSubnet) {
                perZone.emplace(subnet->stringProperty("availability_zone"), subnet->id);
            }
        }
        json subnets = json::array();
        for (const auto& [zone, id] : perZone) {
            subnets.push_back(id);
        }
        c.properties["subnets"] = subnets;
    }
    DocumentEdit edit;
    edit.result = q(c.id);
    edit.select = {edit.result};
    edit.command = std::make_unique<AddItemsCommand>(
        m_context, QStringLiteral("Connect %1 to %2").arg(q(from->name), q(to->name)),
        std::vector<Element>{}, std::vector<Connection>{c});
    return edit;
}

DocumentEdit Connector::connectRoute(const Element& subnet, const Element& target) const {
    const Element* vpc = diagram().element(subnet.parent);
    if (!vpc) {
        return DocumentEdit::refused(subnet.name + " is in no VPC");
    }
    const std::string destination = drawnDestination(target.kind);
    const Element* table = nullptr;
    for (const Element* rt : diagram().elementsOfKind(kinds::kRouteTable)) {
        const auto associations = rt->stringListProperty("associations");
        if (std::find(associations.begin(), associations.end(), subnet.id) != associations.end()) {
            table = rt;
            break;
        }
    }
    const json route = {{"destination", destination}, {"target", target.id}};
    DocumentEdit edit;
    edit.command = std::make_unique<CompositeCommand>(
        m_context, QStringLiteral("Route %1 to %2").arg(q(subnet.name), q(target.name)));
    if (table) {
        json routes = table->property("routes");
        if (!routes.is_array()) {
            routes = json::array();
        }
        bool replaced = false;
        for (auto& r : routes) {
            if (r.is_object() && r.value("destination", std::string()) == destination) {
                if (r.value("target", std::string()) == target.id) {
                    return DocumentEdit::refused(table->name + " already routes " + subnet.name +
                                                 " to " + target.name);
                }
                r["target"] = target.id;
                replaced = true;
            }
        }
        if (!replaced) {
            routes.push_back(route);
        }
        new ChangeValueCommand(m_context, {}, table->id, ValueField::Property, routes, "routes",
                               edit.command.get());
        edit.result = q(table->id);
        return edit;
    }
    const QPointF spot = m_placement.freeSpotIn(*vpc, Placement::kNodeSize, Placement::kNodeSize);
    Element rt =
        m_placement.newElement(std::string(kinds::kRouteTable), vpc->id, spot.x(), spot.y());
    rt.name = subnet.name + "-rtb";
    rt.properties["associations"] = json::array({subnet.id});
    rt.properties["routes"] = json::array({route});
    Placement::GeometryChanges grow;
    m_placement.growToFit(vpc->id, rt.geometry, grow);
    edit.result = q(rt.id);
    new AddItemsCommand(m_context, {}, {rt}, {}, edit.command.get());
    m_placement.addGrowth(grow, edit.command.get());
    return edit;
}

std::size_t Connector::removeDrawnRoutes(const QStringList& lineIds, QUndoCommand* command) const {
    std::unordered_set<std::string> wanted;
    for (const auto& id : lineIds) {
        if (ConnectionListModel::isRouteLineId(id.toStdString())) {
            wanted.insert(id.toStdString());
        }
    }
    if (wanted.empty()) {
        return 0;
    }
    std::size_t changed = 0;
    for (const Element* rt : diagram().elementsOfKind(kinds::kRouteTable)) {
        const json& routes = rt->property("routes");
        if (!routes.is_array()) {
            continue;
        }
        // The targets whose lines are selected, through any subnet of the table.
        std::unordered_set<std::string> targets;
        for (const auto& subnet : rt->stringListProperty("associations")) {
            for (const auto& r : routes) {
                const std::string target = r.is_object() ? r.value("target", std::string()) : "";
                if (wanted.count(ConnectionListModel::routeLineId(rt->id, subnet, target))) {
                    targets.insert(target);
                }
            }
        }
        if (targets.empty()) {
            continue;
        }
        json kept = json::array();
        for (const auto& r : routes) {
            if (!r.is_object() || !targets.count(r.value("target", std::string()))) {
                kept.push_back(r);
            }
        }
        new ChangeValueCommand(m_context, {}, rt->id, ValueField::Property, kept, "routes",
                               command);
        ++changed;
    }
    return changed;
}

}  // namespace skydraft
