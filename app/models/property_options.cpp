// The choices of the inspector's editors, from the catalogue and the diagram.
#include "models/property_options.h"

#include <QVariantMap>
#include <unordered_set>

#include "catalogue/kind_keys.h"
#include "catalogue/regions.h"
#include "catalogue/resource_catalogue.h"

namespace skydraft {

namespace {

QVariantMap option(const std::string& value, const std::string& label) {
    return {{QStringLiteral("value"), QString::fromStdString(value)},
            {QStringLiteral("label"), QString::fromStdString(label)}};
}

/// Whether e lies inside the element scopeId (at any depth).
bool isWithin(const Diagram& d, const Element& e, const std::string& scopeId) {
    for (const Element* p = d.element(e.parent); p; p = d.element(p->parent)) {
        if (p->id == scopeId) {
            return true;
        }
    }
    return false;
}

}  // namespace

QString PropertyOptions::enumLabel(const std::string& value) {
    return value == "-1" ? QStringLiteral("all") : QString::fromStdString(value);
}

std::string PropertyOptions::describe(std::string_view id) const {
    if (const Element* e = m_diagram.element(id)) {
        return e->name.empty() ? e->id : e->name;
    }
    if (const Connection* c = m_diagram.connection(id)) {
        return c->name.empty() ? c->id : c->name;
    }
    return std::string(id);
}

std::string PropertyOptions::region() const {
    for (const auto& id : m_targets) {
        const Element* vpc = m_diagram.element(id);
        if (vpc && vpc->kind != kinds::kVpc) {
            vpc = m_diagram.ancestorOfKind(id, kinds::kVpc);
        }
        if (vpc) {
            if (std::string region = vpc->stringProperty("region"); !region.empty()) {
                return region;
            }
        }
    }
    return {};
}

QVariantList PropertyOptions::of(const PropertyDef& def, const PropertyDef* list) const {
    QVariantList out;
    switch (def.editor) {
        case PropertyEditor::Choice:
            for (const auto& v : def.enumValues) {
                out << QVariantMap{{QStringLiteral("value"), QString::fromStdString(v)},
                                   {QStringLiteral("label"), enumLabel(v)}};
            }
            break;
        case PropertyEditor::Region:
            for (const RegionInfo& r : regions()) {
                out << option(std::string(r.name), std::string(r.name));
            }
            break;
        case PropertyEditor::Zone:
            if (const RegionInfo* region = findRegion(this->region())) {
                for (const std::string_view zone : region->zones) {
                    out << option(std::string(zone), std::string(zone));
                }
            }
            break;
        case PropertyEditor::Reference:
        case PropertyEditor::ReferenceList:
            if (list && list->type == PropertyType::RouteList) {
                const Element* table =
                    m_targets.size() == 1 ? m_diagram.element(m_targets.front()) : nullptr;
                return table ? routeTargets(*table) : out;
            }
            return references(def);
        default:
            break;
    }
    return out;
}

QVariantList PropertyOptions::references(const PropertyDef& def) const {
    QVariantList out;
    // Candidates of the right kinds; within the same VPC when the target has one.
    const Element* ownVpc = m_targets.empty() ? nullptr : m_diagram.element(m_targets.front());
    if (ownVpc && ownVpc->kind != kinds::kVpc) {
        ownVpc = m_diagram.ancestorOfKind(ownVpc->id, kinds::kVpc);
    }
    if (def.editor == PropertyEditor::Reference) {
        out << option("", "(none)");
    }
    for (const auto& kind : def.referenceKinds) {
        for (const Element* e : m_diagram.elementsOfKind(kind)) {
            const Element* vpc =
                e->kind == kinds::kVpc ? e : m_diagram.ancestorOfKind(e->id, kinds::kVpc);
            if (ownVpc && vpc && vpc != ownVpc && kind != kinds::kVpc) {
                continue;
            }
            out << option(e->id, describe(e->id));
        }
        for (const Connection& c : m_diagram.connections()) {
            if (c.kind == kind) {
                out << option(c.id, describe(c.id));
            }
        }
    }
    return out;
}

QVariantList PropertyOptions::routeTargets(const Element& table) const {
    QVariantList out;
    const auto& catalogue = ResourceCatalogue::instance();
    const Element* scope = m_diagram.element(table.parent);
    if (!scope) {
        return out;
    }
    std::unordered_set<std::string> listed;
    auto add = [&](const std::string& value, const std::string& label) {
        if (listed.insert(value).second) {
            out << option(value, label);
        }
    };
    for (const auto& kind : catalogue.routeTargetKinds(table.kind)) {
        if (const KindDef* def = catalogue.kind(kind)) {
            for (const Element* e : m_diagram.elementsOfKind(kind)) {
                if (isWithin(m_diagram, *e, scope->id)) {
                    add(e->id, describe(e->id) + " (" + def->displayName + ")");
                }
            }
            continue;
        }
        const ConnectionKindDef* def = catalogue.connectionKind(kind);
        const RouteTarget* target = def ? def->routeTargetIn(table.kind) : nullptr;
        if (!target) {
            continue;
        }
        for (const Connection* c : m_diagram.connectionsOf(scope->id)) {
            if (c->kind != kind) {
                continue;
            }
            const std::string& other = c->from == scope->id ? c->to : c->from;
            if (target->viaToEnd) {
                const Element* end = m_diagram.element(c->to);
                add(c->to, describe(c->to) + " (" +
                               std::string(catalogue.displayName(end ? end->kind : "")) + ")");
            } else {
                add(c->id, describe(c->id) + " (" + def->label + " to " + describe(other) + ")");
            }
        }
    }
    return out;
}

}  // namespace skydraft
