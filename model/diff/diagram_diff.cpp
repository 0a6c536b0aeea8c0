// Comparing two diagrams: matching their items, then comparing matched items property by property.
#include "diff/diagram_diff.h"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

#include "catalogue/resource_catalogue.h"
#include "diff/diff_values.h"

namespace skydraft {

using nlohmann::json;

namespace {

/// An element or a connection, seen the same way by the matching.
struct Item {
    const Element* element = nullptr;
    const Connection* connection = nullptr;

    bool isConnection() const { return connection != nullptr; }
    const std::string& id() const { return element ? element->id : connection->id; }
    const std::string& kind() const { return element ? element->kind : connection->kind; }
    const std::string& name() const { return element ? element->name : connection->name; }
    const json& properties() const {
        return element ? element->properties : connection->properties;
    }
    const json& property(std::string_view key) const {
        return element ? element->property(key) : connection->property(key);
    }
    std::string stringProperty(std::string_view key) const {
        const auto it = properties().find(key);
        return it != properties().end() && it->is_string() ? it->get<std::string>() : "";
    }
    std::string awsId() const { return stringProperty(kAwsIdProperty); }
    std::string logicalId() const {
        const auto it = properties().find("cloudformation");
        if (it == properties().end() || !it->is_object()) {
            return {};
        }
        const auto lid = it->find("logical_id");
        return lid != it->end() && lid->is_string() ? lid->get<std::string>() : "";
    }
    /// True when the item has no name of its own (none, or its id or AWS id as the name).
    bool unnamed() const { return name().empty() || name() == id() || name() == awsId(); }
};

/// One diagram's items with their lookups.
class Side {
public:
    Side(const Diagram& diagram, const std::map<std::string, std::string>& logicalIds)
        : givenLogicalIds(logicalIds) {
        for (const auto& e : diagram.elements()) {
            items.push_back(Item{&e, nullptr});
        }
        for (const auto& c : diagram.connections()) {
            items.push_back(Item{nullptr, &c});
        }
        for (std::size_t i = 0; i < items.size(); ++i) {
            byId.emplace(items[i].id(), i);
        }
        const json& scan = diagram.metadata().value(std::string(kAwsScanMetadata), json());
        readKeys(at(scan, "unobserved", "properties"), unobserved);
        readKeys(at(scan, "assigned", ""), assigned);
        for (const auto& id :
             at(scan, "defaults", "").is_array() ? at(scan, "defaults", "") : json::array()) {
            if (id.is_string()) {
                awsDefaults.insert(id.get<std::string>());
            }
        }
        for (const auto& kind : at(scan, "unobserved", "kinds").is_array()
                                    ? at(scan, "unobserved", "kinds")
                                    : json::array()) {
            if (kind.is_string()) {
                unobservedKinds.insert(kind.get<std::string>());
            }
        }
    }

    const Item* find(const std::string& id) const {
        const auto it = byId.find(id);
        return it == byId.end() ? nullptr : &items[it->second];
    }
    /// How a reference to id reads: the item's name in quotes, or the id itself.
    std::string label(const std::string& id) const {
        if (id.empty()) {
            return "(none)";
        }
        const Item* item = find(id);
        return item && !item->name().empty() ? "\"" + item->name() + "\"" : id;
    }

    /// The item's own logical id, else the one given for it.
    std::string logicalId(const Item& item) const {
        std::string own = item.logicalId();
        if (!own.empty()) {
            return own;
        }
        const auto it = givenLogicalIds.find(item.id());
        return it == givenLogicalIds.end() ? std::string() : it->second;
    }

    const std::map<std::string, std::string>& givenLogicalIds;
    std::vector<Item> items;
    std::unordered_map<std::string, std::size_t> byId;
    std::map<std::string, std::set<std::string>> unobserved;
    std::map<std::string, std::set<std::string>> assigned;
    std::set<std::string> unobservedKinds;
    std::set<std::string> awsDefaults;

private:
    static const json& at(const json& object, const char* key, const char* inner) {
        static const json none;
        if (!object.is_object() || !object.contains(key)) {
            return none;
        }
        const json& value = object[key];
        if (*inner == '\0') {
            return value;
        }
        return value.is_object() && value.contains(inner) ? value[inner] : none;
    }
    static void readKeys(const json& byKind, std::map<std::string, std::set<std::string>>& out) {
        if (!byKind.is_object()) {
            return;
        }
        for (const auto& [kind, keys] : byKind.items()) {
            if (!keys.is_array()) {
                continue;
            }
            for (const auto& key : keys) {
                if (key.is_string()) {
                    out[kind].insert(key.get<std::string>());
                }
            }
        }
    }
};

class Matcher {
public:
    Matcher(const Side& a, const Side& b) : m_a(a), m_b(b) {}

    void run() {
        matchByKey([](const Side&, const Item& item) { return item.awsId(); }, "aws_id");
        matchByKey([](const Side& side, const Item& item) { return side.logicalId(item); },
                   "logical_id");
        matchById();
        for (bool progress = true; progress;) {
            progress = matchByName();
            progress = matchByEndpoints() || progress;
            progress = progress || matchByPlace();
        }
    }

    const std::unordered_map<std::string, std::string>& aToB() const { return m_aToB; }
    const std::unordered_map<std::string, std::string>& bToA() const { return m_bToA; }
    const std::string& how(const std::string& aId) const { return m_how.at(aId); }

private:
    bool matchedA(const Item& item) const { return m_aToB.count(item.id()) > 0; }
    bool matchedB(const Item& item) const { return m_bToA.count(item.id()) > 0; }
    void pair(const Item& a, const Item& b, const char* how) {
        m_aToB[a.id()] = b.id();
        m_bToA[b.id()] = a.id();
        m_how[a.id()] = how;
    }
    static bool sameSort(const Item& a, const Item& b) {
        return a.isConnection() == b.isConnection() && a.kind() == b.kind();
    }
    /// A's id in B's terms, or "" when it has no match ("" stays "").
    std::string mapped(const std::string& aId) const {
        const auto it = m_aToB.find(aId);
        return it == m_aToB.end() ? std::string() : it->second;
    }

    template <typename Key>
    void matchByKey(Key key, const char* how) {
        std::unordered_map<std::string, std::vector<const Item*>> index;
        for (const auto& b : m_b.items) {
            if (const std::string k = key(m_b, b); !k.empty() && !matchedB(b)) {
                index[k].push_back(&b);
            }
        }
        for (const auto& a : m_a.items) {
            const std::string k = key(m_a, a);
            if (k.empty() || matchedA(a)) {
                continue;
            }
            const auto it = index.find(k);
            if (it == index.end()) {
                continue;
            }
            for (const Item* b : it->second) {
                if (!matchedB(*b) && sameSort(a, *b)) {
                    pair(a, *b, how);
                    break;
                }
            }
        }
    }

    void matchById() {
        for (const auto& a : m_a.items) {
            const Item* b = m_b.find(a.id());
            if (!b || matchedA(a) || matchedB(*b) || !sameSort(a, *b)) {
                continue;
            }
            const bool otherResource = !a.awsId().empty() && !b->awsId().empty();
            const std::string logicalA = m_a.logicalId(a);
            const std::string logicalB = m_b.logicalId(*b);
            const bool otherLogical =
                !logicalA.empty() && !logicalB.empty() && logicalA != logicalB;
            if (!otherResource && !otherLogical) {
                pair(a, *b, "id");
            }
        }
    }

    /// Unmatched items grouped by sort and name; a name shared by several items on a side is
    /// told apart by the items' matched parents.
    bool matchByName() {
        using Key = std::tuple<bool, std::string, std::string>;
        std::map<Key, std::vector<const Item*>> groupsA;
        std::map<Key, std::vector<const Item*>> groupsB;
        for (const auto& a : m_a.items) {
            if (!matchedA(a) && !a.name().empty()) {
                groupsA[{a.isConnection(), a.kind(), a.name()}].push_back(&a);
            }
        }
        for (const auto& b : m_b.items) {
            if (!matchedB(b) && !b.name().empty()) {
                groupsB[{b.isConnection(), b.kind(), b.name()}].push_back(&b);
            }
        }
        bool progress = false;
        for (const auto& [key, as] : groupsA) {
            const auto it = groupsB.find(key);
            if (it == groupsB.end()) {
                continue;
            }
            const auto& bs = it->second;
            if (as.size() == 1 && bs.size() == 1) {
                pair(*as[0], *bs[0], "name");
                progress = true;
                continue;
            }
            for (const Item* a : as) {
                if (!a->element || a->element->parent.empty()) {
                    continue;
                }
                const std::string parent = mapped(a->element->parent);
                if (parent.empty()) {
                    continue;
                }
                const Item* only = nullptr;
                int count = 0;
                for (const Item* b : bs) {
                    if (!matchedB(*b) && b->element->parent == parent) {
                        only = b;
                        ++count;
                    }
                }
                const bool uniqueInA =
                    std::count_if(as.begin(), as.end(), [&](const Item* other) {
                        return !matchedA(*other) && other->element->parent == a->element->parent;
                    }) == 1;
                if (count == 1 && uniqueInA) {
                    pair(*a, *only, "name");
                    progress = true;
                }
            }
        }
        return progress;
    }

    /// Connections of one kind between the same matched elements.
    bool matchByEndpoints() {
        bool progress = false;
        for (const auto& a : m_a.items) {
            if (!a.isConnection() || matchedA(a)) {
                continue;
            }
            const std::string from = mapped(a.connection->from);
            const std::string to = mapped(a.connection->to);
            if (from.empty() || to.empty()) {
                continue;
            }
            std::vector<const Item*> direct;
            std::vector<const Item*> reversed;
            for (const auto& b : m_b.items) {
                if (!b.isConnection() || matchedB(b) || !sameSort(a, b)) {
                    continue;
                }
                if (b.connection->from == from && b.connection->to == to) {
                    direct.push_back(&b);
                } else if (b.connection->from == to && b.connection->to == from) {
                    reversed.push_back(&b);
                }
            }
            const auto& candidates = direct.empty() ? reversed : direct;
            if (candidates.size() == 1) {
                pair(a, *candidates[0], "endpoints");
                progress = true;
            }
        }
        return progress;
    }

    /// An unnamed element takes the place of the one unmatched element of its kind in the
    /// same matched container.
    bool matchByPlace() {
        using Key = std::pair<std::string, std::string>;  // kind, parent in B's terms
        std::map<Key, std::vector<const Item*>> groupsA;
        std::map<Key, std::vector<const Item*>> groupsB;
        for (const auto& a : m_a.items) {
            if (a.element && !matchedA(a)) {
                const std::string parent =
                    a.element->parent.empty() ? "" : mapped(a.element->parent);
                if (a.element->parent.empty() || !parent.empty()) {
                    groupsA[{a.kind(), parent}].push_back(&a);
                }
            }
        }
        for (const auto& b : m_b.items) {
            if (b.element && !matchedB(b)) {
                groupsB[{b.kind(), b.element->parent}].push_back(&b);
            }
        }
        bool progress = false;
        for (const auto& [key, as] : groupsA) {
            const auto it = groupsB.find(key);
            if (it == groupsB.end() || as.size() != 1 || it->second.size() != 1) {
                continue;
            }
            const Item& a = *as[0];
            const Item& b = *it->second[0];
            const bool otherResource =
                !a.awsId().empty() && !b.awsId().empty() && a.awsId() != b.awsId();
            if ((a.unnamed() || b.unnamed()) && !otherResource) {
                pair(a, b, "place");
                progress = true;
            }
        }
        return progress;
    }

    const Side& m_a;
    const Side& m_b;
    std::unordered_map<std::string, std::string> m_aToB;
    std::unordered_map<std::string, std::string> m_bToA;
    std::unordered_map<std::string, std::string> m_how;
};

/// Compares the matched items of A and B.
class Comparer {
public:
    Comparer(const Side& a, const Side& b, const Matcher& matcher, const DiffOptions& options)
        : m_a(a), m_b(b), m_matcher(matcher), m_options(options) {}

    std::vector<PropertyChange> compare(const Item& a, const Item& b) const {
        std::vector<PropertyChange> changes;
        // A resource AWS shows without a name (its id) is not renamed: the name is the design's.
        if (a.name() != b.name() && !a.unnamed() && !b.unnamed()) {
            changes.push_back(
                {"name", a.name(), b.name(), {"\"" + a.name() + "\" -> \"" + b.name() + "\""}});
        }
        if (a.element) {
            const std::string parentA = translate(a.element->parent);
            if (parentA != b.element->parent) {
                const std::string before = placeLabel(m_a, a.element->parent);
                const std::string after = placeLabel(m_b, b.element->parent);
                changes.push_back(
                    {"parent", before, after, {"moved from " + before + " to " + after}});
            }
        } else {
            for (const auto& [key, endA, endB] :
                 {std::tuple{"from", a.connection->from, b.connection->from},
                  std::tuple{"to", a.connection->to, b.connection->to}}) {
                if (translate(endA) != endB) {
                    const std::string before = m_a.label(endA);
                    const std::string after = m_b.label(endB);
                    changes.push_back({key, before, after, {before + " -> " + after}});
                }
            }
        }
        compareProperties(a, b, changes);
        if (m_options.compareTags && a.element) {
            compareTags(a.element->tags, b.element->tags, changes);
        }
        return changes;
    }

private:
    /// A's id in B's terms; an unmatched id gets a prefix no id of B can have.
    std::string translate(const std::string& aId) const {
        if (aId.empty()) {
            return aId;
        }
        const auto it = m_matcher.aToB().find(aId);
        return it == m_matcher.aToB().end() ? "\x01" + aId : it->second;
    }

    static std::string placeLabel(const Side& side, const std::string& id) {
        return id.empty() ? "(top level)" : side.label(id);
    }

    static bool listed(const std::map<std::string, std::set<std::string>>& byKind,
                       const std::string& kind, const std::string& key) {
        for (const std::string& scope : {std::string("*"), kind}) {
            const auto it = byKind.find(scope);
            if (it != byKind.end() && it->second.count(key)) {
                return true;
            }
        }
        return false;
    }
    bool unobserved(const std::string& kind, const std::string& key) const {
        return listed(m_a.unobserved, kind, key) || listed(m_b.unobserved, kind, key);
    }
    bool assigned(const std::string& kind, const std::string& key) const {
        return listed(m_a.assigned, kind, key) || listed(m_b.assigned, kind, key);
    }
    static bool empty(const json& value) {
        return value.is_null() ||
               (value.is_string() && value.get_ref<const std::string&>().empty()) ||
               (value.is_array() && value.empty());
    }

    void compareProperties(const Item& a, const Item& b,
                           std::vector<PropertyChange>& changes) const {
        const auto& catalogue = ResourceCatalogue::instance();
        const std::vector<PropertyDef>* defs = nullptr;
        if (a.element) {
            const KindDef* def = catalogue.kind(a.kind());
            defs = def ? &def->properties : nullptr;
        } else {
            const ConnectionKindDef* def = catalogue.connectionKind(a.kind());
            defs = def ? &def->properties : nullptr;
        }
        std::vector<std::string> keys;
        if (defs) {
            for (const auto& def : *defs) {
                keys.push_back(def.key);
            }
        }
        for (const json* props : {&a.properties(), &b.properties()}) {
            for (const auto& [key, value] : props->items()) {
                if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
                    keys.push_back(key);
                }
            }
        }
        const ValueContext context{[this](const std::string& id) { return translate(id); },
                                   [this](const std::string& id) { return m_a.label(id); },
                                   [this](const std::string& id) { return m_b.label(id); }};
        for (const auto& key : keys) {
            if (m_options.ignoredProperties.count(key) || unobserved(a.kind(), key)) {
                continue;
            }
            if (key == kAwsIdProperty) {
                const std::string idA = a.awsId();
                const std::string idB = b.awsId();
                if (!idA.empty() && !idB.empty() && idA != idB) {
                    changes.push_back(
                        {key, idA, idB, {idA + " -> " + idB + " (another resource in its place)"}});
                }
                continue;
            }
            const PropertyDef* def = nullptr;
            if (defs) {
                for (const auto& d : *defs) {
                    if (d.key == key) {
                        def = &d;
                    }
                }
            }
            if (assigned(a.kind(), key) && (empty(a.property(key)) || empty(b.property(key)))) {
                continue;
            }
            if (auto change = compareValue(key, def, a.property(key), b.property(key), context)) {
                changes.push_back(std::move(*change));
            }
        }
    }

    static void compareTags(const std::map<std::string, std::string>& a,
                            const std::map<std::string, std::string>& b,
                            std::vector<PropertyChange>& changes) {
        std::set<std::string> keys;
        for (const auto* tags : {&a, &b}) {
            for (const auto& [key, value] : *tags) {
                if (key.rfind("aws:", 0) != 0) {
                    keys.insert(key);
                }
            }
        }
        for (const auto& key : keys) {
            const auto ia = a.find(key);
            const auto ib = b.find(key);
            const json before = ia == a.end() ? json() : json(ia->second);
            const json after = ib == b.end() ? json() : json(ib->second);
            if (before == after) {
                continue;
            }
            std::string detail;
            if (before.is_null()) {
                detail += "added \"" + ib->second + "\"";
            } else if (after.is_null()) {
                detail += "removed \"" + ia->second + "\"";
            } else {
                detail += "\"" + ia->second + "\" -> \"" + ib->second + "\"";
            }
            changes.push_back({"tags." + key, before, after, {detail}});
        }
    }

    const Side& m_a;
    const Side& m_b;
    const Matcher& m_matcher;
    const DiffOptions& m_options;
};

ItemChange onlyIn(const Item& item, ChangeType type) {
    ItemChange change;
    change.type = type;
    change.connection = item.isConnection();
    change.kind = item.kind();
    change.name = item.name();
    (type == ChangeType::Added ? change.idB : change.idA) = item.id();
    return change;
}

}  // namespace

DiagramDiff diffDiagrams(const Diagram& a, const Diagram& b, const DiffOptions& options) {
    const Side sideA(a, options.logicalIdsA);
    const Side sideB(b, options.logicalIdsB);
    Matcher matcher(sideA, sideB);
    matcher.run();
    const Comparer comparer(sideA, sideB, matcher, options);
    DiagramDiff diff;
    const auto& catalogue = ResourceCatalogue::instance();
    auto inNetwork = [&](const Side& side, const Item& item) {
        if (item.element) {
            const KindDef* def = catalogue.kind(item.kind());
            return def && def->network;
        }
        for (const std::string& end : {item.connection->from, item.connection->to}) {
            const Item* e = side.find(end);
            const KindDef* def = e && e->element ? catalogue.kind(e->kind()) : nullptr;
            if (!def || !def->network) {
                return false;
            }
        }
        return true;
    };
    auto unseen = [&](const Side& side, const Item& item) {
        return sideA.unobservedKinds.count(item.kind()) ||
               sideB.unobservedKinds.count(item.kind()) ||
               (options.networkOnly && !inNetwork(side, item));
    };
    for (const auto& itemA : sideA.items) {
        if (unseen(sideA, itemA)) {
            continue;
        }
        const auto it = matcher.aToB().find(itemA.id());
        if (it == matcher.aToB().end()) {
            if (sideA.awsDefaults.count(itemA.id())) {
                continue;
            }
            diff.items.push_back(onlyIn(itemA, ChangeType::Removed));
            ++diff.removed;
            continue;
        }
        const Item& itemB = *sideB.find(it->second);
        std::vector<PropertyChange> changes = comparer.compare(itemA, itemB);
        if (changes.empty()) {
            ++diff.unchanged;
            continue;
        }
        ItemChange change;
        change.type = ChangeType::Changed;
        change.connection = itemA.isConnection();
        change.kind = itemA.kind();
        change.name = itemB.name().empty() ? itemA.name() : itemB.name();
        change.idA = itemA.id();
        change.idB = itemB.id();
        change.matchedBy = matcher.how(itemA.id());
        change.changes = std::move(changes);
        diff.items.push_back(std::move(change));
        ++diff.changed;
    }
    for (const auto& itemB : sideB.items) {
        if (!matcher.bToA().count(itemB.id()) && !unseen(sideB, itemB) &&
            !sideB.awsDefaults.count(itemB.id())) {
            diff.items.push_back(onlyIn(itemB, ChangeType::Added));
            ++diff.added;
        }
    }
    return diff;
}

}  // namespace skydraft
