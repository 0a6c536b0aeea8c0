// The clipboard: fragments of the diagram copied by value and pasted as one undo step.
#include "document/clipboard.h"

#include <QRectF>
#include <map>
#include <unordered_set>

#include "analysis/cidr_plan.h"
#include "catalogue/resource_catalogue.h"
#include "commands/add_items_command.h"

namespace skydraft {

using nlohmann::json;

namespace {

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

QRectF boundsOf(const std::vector<Element>& elements) {
    QRectF bounds;
    for (const auto& e : elements) {
        bounds = bounds.united(QRectF(e.geometry.x, e.geometry.y, std::max(e.geometry.width, 1.0),
                                      std::max(e.geometry.height, 1.0)));
    }
    return bounds;
}

}  // namespace

Clipboard::Fragment Clipboard::fragmentOf(const QStringList& selection) const {
    Fragment fragment;
    std::unordered_set<std::string> taken;
    for (const auto& id : selection) {
        if (!diagram().element(id.toStdString())) {
            continue;
        }
        for (const auto& sub : diagram().subtree(id.toStdString())) {
            if (taken.insert(sub).second) {
                fragment.elements.push_back(*diagram().element(sub));
            }
        }
    }
    for (const auto& c : diagram().connections()) {
        if (taken.count(c.from) && taken.count(c.to)) {
            fragment.connections.push_back(c);
        }
    }
    return fragment;
}

bool Clipboard::copy(const QStringList& selection) {
    Fragment fragment = fragmentOf(selection);
    if (fragment.elements.empty()) {
        return false;
    }
    m_fragment = std::move(fragment);
    m_pasteCount = 0;
    return true;
}

DocumentEdit Clipboard::paste() {
    if (empty()) {
        return {};
    }
    ++m_pasteCount;
    return pasteFragment(m_fragment, 30.0 * m_pasteCount, QStringLiteral("Paste"));
}

DocumentEdit Clipboard::duplicate(const QStringList& selection) const {
    const Fragment fragment = fragmentOf(selection);
    if (fragment.elements.empty()) {
        return {};
    }
    return pasteFragment(fragment, 30.0, QStringLiteral("Duplicate"));
}

DocumentEdit Clipboard::pasteFragment(const Fragment& fragment, double offset,
                                      const QString& text) const {
    const auto& catalogue = ResourceCatalogue::instance();
    std::unordered_set<std::string> handedOut;
    auto freshId = [&](std::string_view prefix) {
        for (std::size_t n = 1;; ++n) {
            std::string candidate = std::string(prefix) + "-" + std::to_string(n);
            if (!diagram().contains(candidate) && !handedOut.count(candidate)) {
                handedOut.insert(candidate);
                return candidate;
            }
        }
    };
    std::map<std::string, std::string> ids;
    for (const auto& e : fragment.elements) {
        ids[e.id] = freshId(catalogue.idPrefix(e.kind));
    }
    std::vector<Element> elements = fragment.elements;
    // Top-level containers (VPCs) go beside the diagram rather than on top of the original.
    double dx = offset;
    double dy = offset;
    for (const auto& e : elements) {
        const KindDef* def = catalogue.kind(e.kind);
        if (e.parent.empty() && def && def->isContainer) {
            const QRectF content = boundsOf(diagram().elements());
            const QRectF copied = boundsOf(elements);
            dx = Placement::snap(content.right() + 80 - copied.left());
            dy = Placement::snap(content.top() - copied.top());
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
        const Placement::Parent p = m_placement.parentAt(
            e.kind, e.geometry.x + e.geometry.width / 2, e.geometry.y + e.geometry.height / 2);
        const KindDef* def = catalogue.kind(e.kind);
        const bool oldParentFits =
            e.parent.empty() ? def && def->canLiveIn("") : diagram().element(e.parent) != nullptr;
        if (p.ok) {
            e.parent = p.id;
        } else if (!oldParentFits) {
            return DocumentEdit::refused(p.reason);
        }
    }
    // Colliding CIDRs get the next free block: VPCs among VPCs, subnets within their VPC.
    reallocatePasted(diagram(), elements);
    std::vector<Connection> connections = fragment.connections;
    for (auto& c : connections) {
        c.id = freshId(catalogue.idPrefix(c.kind));
        c.from = ids.at(c.from);
        c.to = ids.at(c.to);
        remapIds(c.properties, ids);
    }
    // Containers grow to hold pasted content.
    Placement::GeometryChanges grow;
    DocumentEdit edit;
    for (const auto& e : elements) {
        if (roots.count(e.id)) {
            m_placement.growToFit(e.parent, e.geometry, grow);
            edit.select << QString::fromStdString(e.id);
        }
    }
    edit.command = std::make_unique<CompositeCommand>(m_context, text);
    new AddItemsCommand(m_context, {}, std::move(elements), std::move(connections),
                        edit.command.get());
    m_placement.addGrowth(grow, edit.command.get());
    return edit;
}

}  // namespace skydraft
