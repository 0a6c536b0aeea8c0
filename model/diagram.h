// The Diagram document: elements in a containment tree, and connections between them.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace skydraft {

/// Element and connection ids share one namespace ("vpc-1", "peering-2", ...).
using Id = std::string;

/// Hashes std::string and std::string_view alike, so that a lookup by view allocates nothing.
struct IdHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view id) const noexcept {
        return std::hash<std::string_view>{}(id);
    }
};

/// Id to document position, searchable by std::string_view.
using IdIndex = std::unordered_map<std::string, std::size_t, IdHash, std::equal_to<>>;

/// The outcome of an edit: ok, or an error message for the user.
struct Status {
    std::string error;
    bool ok() const { return error.empty(); }
    explicit operator bool() const { return ok(); }
    static Status success() { return {}; }
    static Status failure(std::string message) { return {std::move(message)}; }
};

/// Position and size on the canvas, in canvas units, relative to the canvas origin
/// (not to the parent), so that moving a container moves its children explicitly.
struct Geometry {
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;
    friend bool operator==(const Geometry&, const Geometry&) = default;
};

/// A resource, gateway or container placed on the canvas.
struct Element {
    Id id;
    std::string kind;  ///< a key of the ResourceCatalogue
    std::string name;
    Id parent;  ///< "" at the top level
    Geometry geometry;
    nlohmann::json properties = nlohmann::json::object();  ///< property key -> value
    std::map<std::string, std::string> tags;
    std::vector<std::string> suppressions;  ///< rule ids the user chose to suppress here

    /// The property value, or the catalogue default, or null.
    const nlohmann::json& property(std::string_view key) const;
    /// The property as a string ("" when absent or not a string).
    std::string stringProperty(std::string_view key) const;
    bool boolProperty(std::string_view key) const;
    /// The property as a list of strings (non-strings are skipped).
    std::vector<std::string> stringListProperty(std::string_view key) const;

    friend bool operator==(const Element&, const Element&) = default;
};

/// A connection drawn between two elements (peering, attachment, ...).
struct Connection {
    Id id;
    std::string kind;  ///< a key of ResourceCatalogue::connectionKinds
    std::string name;
    Id from;
    Id to;
    nlohmann::json properties = nlohmann::json::object();
    std::vector<std::string> suppressions;

    const nlohmann::json& property(std::string_view key) const;
    std::string stringProperty(std::string_view key) const;
    std::vector<std::string> stringListProperty(std::string_view key) const;

    friend bool operator==(const Connection&, const Connection&) = default;
};

/// Receives every successful edit of a Diagram as one journal operation, a compact JSON array
/// such as ["geometry","vpc-1",40,40,600,400] (model/journal/diagram_ops.h reads them back).
class DiagramEditSink {
public:
    virtual ~DiagramEditSink() = default;
    virtual void edited(nlohmann::json operation) = 0;
};

/// The document. Every edit checks the invariants: known kinds, unique ids, containment
/// allowed by the catalogue, no containment cycles, property values of the declared shape,
/// connections between existing elements of kinds the connection may join.
class Diagram {
public:
    Diagram() = default;

    std::string name() const { return m_name; }
    void setName(std::string name);
    /// Document-level metadata kept verbatim (the importer stores template leftovers here).
    const nlohmann::json& metadata() const { return m_metadata; }
    void setMetadata(nlohmann::json metadata);

    /// Where successful edits are reported (nullptr: nowhere). The sink belongs to this
    /// object, not to its value: a copy starts without one, and assigning another diagram to
    /// this one keeps this one's sink (and reports nothing: the caller replaced the document).
    void setEditSink(DiagramEditSink* sink) { m_sink.sink = sink; }

    /// Elements in document order (parents before children is not guaranteed).
    const std::vector<Element>& elements() const { return m_elements; }
    const std::vector<Connection>& connections() const { return m_connections; }

    /// nullptr when there is no element with that id.
    const Element* element(std::string_view id) const;
    const Connection* connection(std::string_view id) const;
    bool contains(std::string_view id) const;

    /// Direct children of parent ("" for the top level), in document order.
    std::vector<const Element*> children(std::string_view parent) const;
    /// All elements of one kind, in document order.
    std::vector<const Element*> elementsOfKind(std::string_view kind) const;
    /// The nearest ancestor (or the element itself) of the given kind, or nullptr.
    const Element* ancestorOfKind(std::string_view id, std::string_view kind) const;
    /// Ids of id and all its descendants, parents first.
    std::vector<Id> subtree(std::string_view id) const;
    /// Connections with id as an endpoint.
    std::vector<const Connection*> connectionsOf(std::string_view id) const;

    /// A fresh id "prefix-N" not used by any element or connection (amortized O(1)).
    Id makeId(std::string_view prefix) const;

    /// Where assign() found a problem: the index of the element or connection, and which
    /// field ("id", "kind", "parent", "properties/<key>", "from", "to").
    struct Problem {
        bool inConnections = false;
        std::size_t index = 0;
        std::string field;
    };
    /// Replaces all elements and connections at once, checking every invariant (parents may
    /// come after their children; containment cycles are refused). On failure the diagram is
    /// unchanged and *problem says where. O(n) for n elements and connections.
    Status assign(std::vector<Element> elements, std::vector<Connection> connections,
                  Problem* problem = nullptr);

    /// Adds an element; its parent must exist already and accept it.
    Status addElement(Element element);
    /// Inserts at a document position (undo of a removal uses it to restore the order).
    Status insertElement(std::size_t index, Element element);
    /// Removes the element, its descendants and every connection touching them.
    Status removeElement(std::string_view id);
    Status setName(std::string_view id, std::string name);
    Status setParent(std::string_view id, std::string_view parent);
    Status setGeometry(std::string_view id, const Geometry& geometry);
    /// Sets a property after checking its JSON shape against the catalogue (unknown keys are
    /// stored unchecked, so that files from other tools keep them). A null value removes it.
    Status setProperty(std::string_view id, std::string_view key, nlohmann::json value);
    Status setTags(std::string_view id, std::map<std::string, std::string> tags);
    Status setSuppressions(std::string_view id, std::vector<std::string> ruleIds);

    Status addConnection(Connection connection);
    Status insertConnection(std::size_t index, Connection connection);
    Status removeConnection(std::string_view id);
    Status setConnectionProperty(std::string_view id, std::string_view key, nlohmann::json value);

    /// Document position of an element / connection, or npos.
    std::size_t indexOf(std::string_view id) const;
    std::size_t connectionIndexOf(std::string_view id) const;

    /// Checks an element against the catalogue and the current document without adding it.
    Status checkElement(const Element& element) const;
    Status checkConnection(const Connection& connection) const;

    friend bool operator==(const Diagram& a, const Diagram& b) {
        return a.m_name == b.m_name && a.m_metadata == b.m_metadata &&
               a.m_elements == b.m_elements && a.m_connections == b.m_connections;
    }

private:
    /// A sink pointer that copies and moves leave behind.
    struct SinkSlot {
        DiagramEditSink* sink = nullptr;
        SinkSlot() = default;
        SinkSlot(const SinkSlot&) {}
        SinkSlot& operator=(const SinkSlot&) { return *this; }
    };

    Element* mutableElement(std::string_view id);
    void reindex();
    void record(nlohmann::json operation) {
        if (m_sink.sink) {
            m_sink.sink->edited(std::move(operation));
        }
    }

    std::string m_name;
    nlohmann::json m_metadata = nlohmann::json::object();
    std::vector<Element> m_elements;
    std::vector<Connection> m_connections;
    IdIndex m_elementIndex;
    IdIndex m_connectionIndex;
    mutable std::unordered_map<std::string, std::size_t> m_nextIdNumber;  ///< makeId's hint
    SinkSlot m_sink;
};

}  // namespace skydraft
