// The Diagram document and the invariants its edits keep.
#include "diagram.h"

#include <algorithm>

#include "catalogue/resource_catalogue.h"
#include "diagram_file.h"

namespace skydraft {

using nlohmann::json;

namespace {

const json& nullJson() {
    static const json value;
    return value;
}

std::vector<std::string> stringList(const json& value) {
    std::vector<std::string> out;
    if (value.is_array()) {
        for (const auto& item : value) {
            if (item.is_string()) {
                out.push_back(item.get<std::string>());
            }
        }
    }
    return out;
}

std::string quote(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

std::string kindLabel(std::string_view kind) {
    const KindDef* def = ResourceCatalogue::instance().kind(kind);
    return def ? def->displayName : std::string(kind);
}

}  // namespace

const json& Element::property(std::string_view key) const {
    const auto it = properties.find(key);
    if (it != properties.end()) {
        return *it;
    }
    if (const KindDef* def = ResourceCatalogue::instance().kind(kind)) {
        if (const PropertyDef* p = def->property(key)) {
            return p->defaultValue;
        }
    }
    return nullJson();
}

std::string Element::stringProperty(std::string_view key) const {
    const json& value = property(key);
    return value.is_string() ? value.get<std::string>() : std::string();
}

bool Element::boolProperty(std::string_view key) const {
    const json& value = property(key);
    return value.is_boolean() && value.get<bool>();
}

std::vector<std::string> Element::stringListProperty(std::string_view key) const {
    return stringList(property(key));
}

const json& Connection::property(std::string_view key) const {
    const auto it = properties.find(key);
    if (it != properties.end()) {
        return *it;
    }
    if (const ConnectionKindDef* def = ResourceCatalogue::instance().connectionKind(kind)) {
        if (const PropertyDef* p = def->property(key)) {
            return p->defaultValue;
        }
    }
    return nullJson();
}

std::string Connection::stringProperty(std::string_view key) const {
    const json& value = property(key);
    return value.is_string() ? value.get<std::string>() : std::string();
}

std::vector<std::string> Connection::stringListProperty(std::string_view key) const {
    return stringList(property(key));
}

void Diagram::setName(std::string name) {
    record(json::array({"documentName", name}));
    m_name = std::move(name);
}

void Diagram::setMetadata(json metadata) {
    record(json::array({"metadata", metadata}));
    m_metadata = std::move(metadata);
}

const Element* Diagram::element(std::string_view id) const {
    const auto it = m_elementIndex.find(id);
    return it == m_elementIndex.end() ? nullptr : &m_elements[it->second];
}

Element* Diagram::mutableElement(std::string_view id) {
    const auto it = m_elementIndex.find(id);
    return it == m_elementIndex.end() ? nullptr : &m_elements[it->second];
}

const Connection* Diagram::connection(std::string_view id) const {
    const auto it = m_connectionIndex.find(id);
    return it == m_connectionIndex.end() ? nullptr : &m_connections[it->second];
}

bool Diagram::contains(std::string_view id) const {
    return element(id) != nullptr || connection(id) != nullptr;
}

std::vector<const Element*> Diagram::children(std::string_view parent) const {
    std::vector<const Element*> out;
    for (const auto& e : m_elements) {
        if (e.parent == parent) {
            out.push_back(&e);
        }
    }
    return out;
}

std::vector<const Element*> Diagram::elementsOfKind(std::string_view kind) const {
    std::vector<const Element*> out;
    for (const auto& e : m_elements) {
        if (e.kind == kind) {
            out.push_back(&e);
        }
    }
    return out;
}

const Element* Diagram::ancestorOfKind(std::string_view id, std::string_view kind) const {
    const Element* e = element(id);
    for (std::size_t guard = 0; e != nullptr && guard <= m_elements.size(); ++guard) {
        if (e->kind == kind) {
            return e;
        }
        e = e->parent.empty() ? nullptr : element(e->parent);
    }
    return nullptr;
}

std::vector<Id> Diagram::subtree(std::string_view id) const {
    std::vector<Id> out;
    if (!element(id)) {
        return out;
    }
    std::unordered_map<std::string, std::vector<std::size_t>> childIndex;
    for (std::size_t i = 0; i < m_elements.size(); ++i) {
        childIndex[m_elements[i].parent].push_back(i);
    }
    out.emplace_back(id);
    for (std::size_t next = 0; next < out.size(); ++next) {
        const auto it = childIndex.find(out[next]);
        if (it == childIndex.end()) {
            continue;
        }
        for (std::size_t i : it->second) {
            out.push_back(m_elements[i].id);
        }
    }
    return out;
}

std::vector<const Connection*> Diagram::connectionsOf(std::string_view id) const {
    std::vector<const Connection*> out;
    for (const auto& c : m_connections) {
        if (c.from == id || c.to == id) {
            out.push_back(&c);
        }
    }
    return out;
}

Id Diagram::makeId(std::string_view prefix) const {
    std::size_t& next = m_nextIdNumber[std::string(prefix)];
    for (next = std::max<std::size_t>(next, 1);; ++next) {
        Id candidate = std::string(prefix) + "-" + std::to_string(next);
        if (!contains(candidate)) {
            return candidate;
        }
    }
}

namespace {

Status checkProperties(const json& properties, const std::vector<PropertyDef>& defs,
                       std::string_view owner) {
    if (!properties.is_object() && !properties.is_null()) {
        return Status::failure(std::string(owner) + ": properties must be an object");
    }
    for (const auto& item : properties.items()) {
        const std::string& key = item.key();
        const json& value = item.value();
        const auto it = std::find_if(defs.begin(), defs.end(),
                                     [&](const PropertyDef& d) { return d.key == key; });
        if (it == defs.end()) {
            continue;  // unknown properties are kept unchecked
        }
        const std::string problem = ResourceCatalogue::checkValue(*it, value);
        if (!problem.empty()) {
            return Status::failure(std::string(owner) + ": property " + quote(key) + ": " +
                                   problem);
        }
    }
    return Status::success();
}

bool validId(std::string_view id) {
    return !id.empty() && id.size() <= 256 && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_' || c == '.' || c == ':';
    });
}

}  // namespace

Status Diagram::checkElement(const Element& e) const {
    if (!validId(e.id)) {
        return Status::failure("invalid id " + quote(e.id) +
                               " (use letters, digits, '-', '_', '.' or ':')");
    }
    if (contains(e.id)) {
        return Status::failure("the id " + quote(e.id) + " is already used");
    }
    const KindDef* def = ResourceCatalogue::instance().kind(e.kind);
    if (!def) {
        return Status::failure("unknown kind " + quote(e.kind));
    }
    std::string parentKind;
    if (!e.parent.empty()) {
        const Element* parent = element(e.parent);
        if (!parent) {
            return Status::failure(quote(e.id) + ": parent " + quote(e.parent) + " does not exist");
        }
        parentKind = parent->kind;
    }
    if (!def->canLiveIn(parentKind)) {
        return Status::failure("a " + def->displayName + " cannot be placed " +
                               (parentKind.empty() ? std::string("at the top level")
                                                   : "in a " + kindLabel(parentKind)));
    }
    return checkProperties(e.properties, def->properties, quote(e.id));
}

Status Diagram::addElement(Element element) {
    return insertElement(m_elements.size(), std::move(element));
}

Status Diagram::insertElement(std::size_t index, Element element) {
    if (element.properties.is_null()) {
        element.properties = json::object();
    }
    if (Status s = checkElement(element); !s) {
        return s;
    }
    if (m_sink.sink) {
        record(json::array({"insert", std::min(index, m_elements.size()), elementToJson(element)}));
    }
    if (index >= m_elements.size()) {
        m_elementIndex.emplace(element.id, m_elements.size());
        m_elements.push_back(std::move(element));
        return Status::success();
    }
    m_elements.insert(m_elements.begin() + static_cast<std::ptrdiff_t>(index), std::move(element));
    reindex();
    return Status::success();
}

Status Diagram::removeElement(std::string_view id) {
    if (!element(id)) {
        return Status::failure("no element " + quote(id));
    }
    const std::vector<Id> doomed = subtree(id);
    std::unordered_map<std::string, bool> gone;
    for (const auto& d : doomed) {
        gone[d] = true;
    }
    record(json::array({"remove", id}));
    std::erase_if(m_elements, [&](const Element& e) { return gone.count(e.id) > 0; });
    std::erase_if(m_connections, [&](const Connection& c) {
        return gone.count(c.from) > 0 || gone.count(c.to) > 0;
    });
    reindex();
    return Status::success();
}

Status Diagram::setName(std::string_view id, std::string name) {
    if (Element* e = mutableElement(id)) {
        record(json::array({"name", id, name}));
        e->name = std::move(name);
        return Status::success();
    }
    const auto it = m_connectionIndex.find(id);
    if (it != m_connectionIndex.end()) {
        record(json::array({"name", id, name}));
        m_connections[it->second].name = std::move(name);
        return Status::success();
    }
    return Status::failure("no element " + quote(id));
}

Status Diagram::setParent(std::string_view id, std::string_view parent) {
    Element* e = mutableElement(id);
    if (!e) {
        return Status::failure("no element " + quote(id));
    }
    std::string parentKind;
    if (!parent.empty()) {
        const Element* p = element(parent);
        if (!p) {
            return Status::failure("no element " + quote(parent));
        }
        // No cycles: the new parent must not lie inside the element.
        for (const Element* a = p; a != nullptr;
             a = a->parent.empty() ? nullptr : element(a->parent)) {
            if (a->id == id) {
                return Status::failure("cannot place " + quote(e->name) + " inside itself");
            }
        }
        parentKind = p->kind;
    }
    const KindDef* def = ResourceCatalogue::instance().kind(e->kind);
    if (!def->canLiveIn(parentKind)) {
        return Status::failure("a " + def->displayName + " cannot be placed " +
                               (parentKind.empty() ? std::string("at the top level")
                                                   : "in a " + kindLabel(parentKind)));
    }
    record(json::array({"parent", id, parent}));
    e->parent = std::string(parent);
    return Status::success();
}

Status Diagram::setGeometry(std::string_view id, const Geometry& geometry) {
    Element* e = mutableElement(id);
    if (!e) {
        return Status::failure("no element " + quote(id));
    }
    record(json::array({"geometry", id, geometry.x, geometry.y, geometry.width, geometry.height}));
    e->geometry = geometry;
    return Status::success();
}

Status Diagram::setProperty(std::string_view id, std::string_view key, json value) {
    Element* e = mutableElement(id);
    if (!e) {
        return Status::failure("no element " + quote(id));
    }
    if (value.is_null()) {
        record(json::array({"property", id, key, nullptr}));
        e->properties.erase(std::string(key));
        return Status::success();
    }
    const KindDef* def = ResourceCatalogue::instance().kind(e->kind);
    if (const PropertyDef* p = def->property(key)) {
        const std::string problem = ResourceCatalogue::checkValue(*p, value);
        if (!problem.empty()) {
            return Status::failure(p->label + ": " + problem);
        }
    }
    record(json::array({"property", id, key, value}));
    e->properties[std::string(key)] = std::move(value);
    return Status::success();
}

Status Diagram::setTags(std::string_view id, std::map<std::string, std::string> tags) {
    Element* e = mutableElement(id);
    if (!e) {
        return Status::failure("no element " + quote(id));
    }
    record(json::array({"tags", id, tags}));
    e->tags = std::move(tags);
    return Status::success();
}

Status Diagram::setSuppressions(std::string_view id, std::vector<std::string> ruleIds) {
    if (Element* e = mutableElement(id)) {
        record(json::array({"suppress", id, ruleIds}));
        e->suppressions = std::move(ruleIds);
        return Status::success();
    }
    const auto it = m_connectionIndex.find(id);
    if (it != m_connectionIndex.end()) {
        record(json::array({"suppress", id, ruleIds}));
        m_connections[it->second].suppressions = std::move(ruleIds);
        return Status::success();
    }
    return Status::failure("no element " + quote(id));
}

Status Diagram::checkConnection(const Connection& c) const {
    if (!validId(c.id)) {
        return Status::failure("invalid id " + quote(c.id));
    }
    if (contains(c.id)) {
        return Status::failure("the id " + quote(c.id) + " is already used");
    }
    const ConnectionKindDef* def = ResourceCatalogue::instance().connectionKind(c.kind);
    if (!def) {
        return Status::failure("unknown connection kind " + quote(c.kind));
    }
    const Element* from = element(c.from);
    const Element* to = element(c.to);
    if (!from || !to) {
        return Status::failure(quote(c.id) + ": endpoint " + quote(!from ? c.from : c.to) +
                               " does not exist");
    }
    if (!def->canJoin(from->kind, to->kind)) {
        return Status::failure("a " + def->displayName + " cannot join a " + kindLabel(from->kind) +
                               " to a " + kindLabel(to->kind));
    }
    return checkProperties(c.properties, def->properties, quote(c.id));
}

Status Diagram::addConnection(Connection connection) {
    return insertConnection(m_connections.size(), std::move(connection));
}

Status Diagram::insertConnection(std::size_t index, Connection connection) {
    if (connection.properties.is_null()) {
        connection.properties = json::object();
    }
    if (Status s = checkConnection(connection); !s) {
        return s;
    }
    if (m_sink.sink) {
        record(json::array({"insertConnection", std::min(index, m_connections.size()),
                            connectionToJson(connection)}));
    }
    if (index >= m_connections.size()) {
        m_connectionIndex.emplace(connection.id, m_connections.size());
        m_connections.push_back(std::move(connection));
        return Status::success();
    }
    m_connections.insert(m_connections.begin() + static_cast<std::ptrdiff_t>(index),
                         std::move(connection));
    reindex();
    return Status::success();
}

Status Diagram::removeConnection(std::string_view id) {
    const std::size_t index = connectionIndexOf(id);
    if (index == std::string::npos) {
        return Status::failure("no connection " + quote(id));
    }
    record(json::array({"removeConnection", id}));
    m_connections.erase(m_connections.begin() + static_cast<std::ptrdiff_t>(index));
    reindex();
    return Status::success();
}

Status Diagram::setConnectionProperty(std::string_view id, std::string_view key, json value) {
    const std::size_t index = connectionIndexOf(id);
    if (index == std::string::npos) {
        return Status::failure("no connection " + quote(id));
    }
    Connection& c = m_connections[index];
    if (value.is_null()) {
        record(json::array({"connectionProperty", id, key, nullptr}));
        c.properties.erase(std::string(key));
        return Status::success();
    }
    const ConnectionKindDef* def = ResourceCatalogue::instance().connectionKind(c.kind);
    if (const PropertyDef* p = def->property(key)) {
        const std::string problem = ResourceCatalogue::checkValue(*p, value);
        if (!problem.empty()) {
            return Status::failure(p->label + ": " + problem);
        }
    }
    record(json::array({"connectionProperty", id, key, value}));
    c.properties[std::string(key)] = std::move(value);
    return Status::success();
}

Status Diagram::assign(std::vector<Element> elements, std::vector<Connection> connections,
                       Problem* problem) {
    Diagram staged;
    staged.m_name = m_name;
    staged.m_metadata = m_metadata;
    auto report = [&](bool inConnections, std::size_t index, std::string field, Status status) {
        if (problem) {
            *problem = Problem{inConnections, index, std::move(field)};
        }
        return status;
    };
    const auto& catalogue = ResourceCatalogue::instance();
    for (std::size_t i = 0; i < elements.size(); ++i) {
        Element& e = elements[i];
        if (e.properties.is_null()) {
            e.properties = json::object();
        }
        if (!validId(e.id)) {
            return report(false, i, "id",
                          Status::failure("invalid id " + quote(e.id) +
                                          " (use letters, digits, '-', '_', '.' or ':')"));
        }
        if (!staged.m_elementIndex.emplace(e.id, i).second) {
            return report(false, i, "id",
                          Status::failure("the id " + quote(e.id) + " is used twice"));
        }
        if (!catalogue.kind(e.kind)) {
            return report(false, i, "kind", Status::failure("unknown kind " + quote(e.kind)));
        }
    }
    for (std::size_t i = 0; i < elements.size(); ++i) {
        const Element& e = elements[i];
        const KindDef* def = catalogue.kind(e.kind);
        std::string parentKind;
        if (!e.parent.empty()) {
            const auto it = staged.m_elementIndex.find(e.parent);
            if (it == staged.m_elementIndex.end()) {
                return report(false, i, "parent",
                              Status::failure(quote(e.id) + ": parent " + quote(e.parent) +
                                              " does not exist"));
            }
            parentKind = elements[it->second].kind;
        }
        if (!def->canLiveIn(parentKind)) {
            return report(
                false, i, "parent",
                Status::failure(quote(e.id) + ": a " + def->displayName + " cannot be placed " +
                                (parentKind.empty() ? std::string("at the top level")
                                                    : "in a " + kindLabel(parentKind))));
        }
        if (Status s = checkProperties(e.properties, def->properties, quote(e.id)); !s) {
            return report(false, i, "properties", s);
        }
    }
    // Containment cycles: walk up from each element, remembering elements already proven
    // to reach the top level.
    std::vector<char> state(elements.size(), 0);  // 0 unknown, 1 on the current walk, 2 fine
    for (std::size_t i = 0; i < elements.size(); ++i) {
        std::vector<std::size_t> walk;
        std::size_t k = i;
        while (true) {
            if (state[k] == 2) {
                break;
            }
            if (state[k] == 1) {
                return report(
                    false, i, "parent",
                    Status::failure(quote(elements[i].id) + ": the containment forms a cycle"));
            }
            state[k] = 1;
            walk.push_back(k);
            if (elements[k].parent.empty()) {
                break;
            }
            k = staged.m_elementIndex.at(elements[k].parent);
        }
        for (std::size_t w : walk) {
            state[w] = 2;
        }
    }
    staged.m_elements = std::move(elements);
    for (std::size_t i = 0; i < connections.size(); ++i) {
        if (connections[i].properties.is_null()) {
            connections[i].properties = json::object();
        }
        if (Status s = staged.checkConnection(connections[i]); !s) {
            std::string where = "id";
            if (!catalogue.connectionKind(connections[i].kind)) {
                where = "kind";
            } else if (!staged.element(connections[i].from)) {
                where = "from";
            } else if (!staged.element(connections[i].to)) {
                where = "to";
            } else if (!catalogue.connectionKind(connections[i].kind)
                            ->canJoin(staged.element(connections[i].from)->kind,
                                      staged.element(connections[i].to)->kind)) {
                where = "to";
            } else if (!staged.contains(connections[i].id) && validId(connections[i].id)) {
                where = "properties";
            }
            return report(true, i, where, s);
        }
        staged.m_connectionIndex.emplace(connections[i].id, staged.m_connections.size());
        staged.m_connections.push_back(std::move(connections[i]));
    }
    m_elements = std::move(staged.m_elements);
    m_connections = std::move(staged.m_connections);
    m_nextIdNumber.clear();
    reindex();
    if (m_sink.sink) {
        json elementsJson = json::array();
        for (const Element& e : m_elements) {
            elementsJson.push_back(elementToJson(e));
        }
        json connectionsJson = json::array();
        for (const Connection& c : m_connections) {
            connectionsJson.push_back(connectionToJson(c));
        }
        record(json::array({"assign", std::move(elementsJson), std::move(connectionsJson)}));
    }
    return Status::success();
}

std::size_t Diagram::indexOf(std::string_view id) const {
    const auto it = m_elementIndex.find(id);
    return it == m_elementIndex.end() ? std::string::npos : it->second;
}

std::size_t Diagram::connectionIndexOf(std::string_view id) const {
    const auto it = m_connectionIndex.find(id);
    return it == m_connectionIndex.end() ? std::string::npos : it->second;
}

void Diagram::reindex() {
    m_elementIndex.clear();
    m_connectionIndex.clear();
    m_elementIndex.reserve(m_elements.size());
    for (std::size_t i = 0; i < m_elements.size(); ++i) {
        m_elementIndex.emplace(m_elements[i].id, i);
    }
    for (std::size_t i = 0; i < m_connections.size(); ++i) {
        m_connectionIndex.emplace(m_connections[i].id, i);
    }
}

}  // namespace skydraft
