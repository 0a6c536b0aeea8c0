// Reading and writing the native *.skydraft format.
#include "diagram_file.h"

#include <cmath>

#include "json_text.h"

namespace skydraft {

using nlohmann::json;

namespace keys {
constexpr const char* kFormat = "format";
constexpr const char* kVersion = "version";
constexpr const char* kName = "name";
constexpr const char* kMetadata = "metadata";
constexpr const char* kElements = "elements";
constexpr const char* kConnections = "connections";
constexpr const char* kId = "id";
constexpr const char* kKind = "kind";
constexpr const char* kParent = "parent";
constexpr const char* kGeometry = "geometry";
constexpr const char* kProperties = "properties";
constexpr const char* kTags = "tags";
constexpr const char* kSuppress = "suppress";
constexpr const char* kFrom = "from";
constexpr const char* kTo = "to";
}  // namespace keys

namespace {

std::string dumpCompact(const json& value) {
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

json number(double value) {
    if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15) {
        return static_cast<std::int64_t>(value);
    }
    return value;
}

/// Writes an object with one key per line and compact values, at an indent.
void writeFields(std::string& out, const std::vector<std::pair<std::string, std::string>>& fields,
                 const std::string& indent) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        out += indent + dumpCompact(fields[i].first) + ": " + fields[i].second;
        out += i + 1 < fields.size() ? ",\n" : "\n";
    }
}

/// A nested object written one key per line (properties), "{}" when empty.
std::string multiLineObject(const json& object, const std::string& indent) {
    if (object.empty()) {
        return "{}";
    }
    std::vector<std::pair<std::string, std::string>> fields;
    for (const auto& [key, value] : object.items()) {
        fields.emplace_back(key, dumpCompact(value));
    }
    std::string out = "{\n";
    writeFields(out, fields, indent + "  ");
    return out + indent + "}";
}

}  // namespace

std::string LoadError::toString() const {
    std::string out;
    if (line > 0) {
        out = "line " + std::to_string(line) + ", column " + std::to_string(column);
    }
    if (!pointer.empty()) {
        out += (out.empty() ? "" : " ") + std::string("(") + pointer + ")";
    }
    return out.empty() ? message : out + ": " + message;
}

std::string saveDiagram(const Diagram& diagram) {
    std::string out = "{\n";
    std::vector<std::pair<std::string, std::string>> head = {
        {keys::kFormat, dumpCompact(std::string(kFileFormat))},
        {keys::kVersion, std::to_string(kFileVersion)},
        {keys::kName, dumpCompact(diagram.name())},
    };
    if (!diagram.metadata().empty()) {
        head.emplace_back(keys::kMetadata, multiLineObject(diagram.metadata(), "  "));
    }
    for (const auto& [key, value] : head) {
        out += "  " + dumpCompact(key) + ": " + value + ",\n";
    }
    out += "  \"elements\": [";
    const auto& elements = diagram.elements();
    for (std::size_t i = 0; i < elements.size(); ++i) {
        const Element& e = elements[i];
        const json geometry = {{"x", number(e.geometry.x)},
                               {"y", number(e.geometry.y)},
                               {"width", number(e.geometry.width)},
                               {"height", number(e.geometry.height)}};
        std::vector<std::pair<std::string, std::string>> fields = {
            {keys::kId, dumpCompact(e.id)},
            {keys::kKind, dumpCompact(e.kind)},
            {keys::kName, dumpCompact(e.name)},
            {keys::kParent, dumpCompact(e.parent)},
            {keys::kGeometry, dumpCompact(geometry)},
            {keys::kProperties, multiLineObject(e.properties, "      ")},
        };
        if (!e.tags.empty()) {
            fields.emplace_back(keys::kTags, multiLineObject(json(e.tags), "      "));
        }
        if (!e.suppressions.empty()) {
            fields.emplace_back(keys::kSuppress, dumpCompact(json(e.suppressions)));
        }
        out += i == 0 ? "\n    {\n" : ",\n    {\n";
        writeFields(out, fields, "      ");
        out += "    }";
    }
    out += elements.empty() ? "],\n" : "\n  ],\n";
    out += "  \"connections\": [";
    const auto& connections = diagram.connections();
    for (std::size_t i = 0; i < connections.size(); ++i) {
        const Connection& c = connections[i];
        std::vector<std::pair<std::string, std::string>> fields = {
            {keys::kId, dumpCompact(c.id)},
            {keys::kKind, dumpCompact(c.kind)},
            {keys::kName, dumpCompact(c.name)},
            {keys::kFrom, dumpCompact(c.from)},
            {keys::kTo, dumpCompact(c.to)},
            {keys::kProperties, multiLineObject(c.properties, "      ")},
        };
        if (!c.suppressions.empty()) {
            fields.emplace_back(keys::kSuppress, dumpCompact(json(c.suppressions)));
        }
        out += i == 0 ? "\n    {\n" : ",\n    {\n";
        writeFields(out, fields, "      ");
        out += "    }";
    }
    out += connections.empty() ? "]\n" : "\n  ]\n";
    out += "}\n";
    return out;
}

namespace {

/// Thrown inside the loader with the JSON pointer of the offending value.
struct FieldError {
    std::string pointer;
    std::string message;
};

std::string typeName(const json& value) {
    switch (value.type()) {
        case json::value_t::null:
            return "null";
        case json::value_t::object:
            return "an object";
        case json::value_t::array:
            return "an array";
        case json::value_t::string:
            return "a string";
        case json::value_t::boolean:
            return "a boolean";
        case json::value_t::binary:
            return "binary data";
        case json::value_t::discarded:
            return "nothing";
        default:
            return "a number";
    }
}

const json& requireField(const json& object, const char* key, json::value_t type,
                         const std::string& pointer, const char* expected) {
    if (!object.contains(key)) {
        throw FieldError{pointer, std::string("missing field \"") + key + "\""};
    }
    const json& value = object.at(key);
    const bool ok = type == json::value_t::number_float
                        ? value.is_number()
                        : value.type() == type ||
                              (type == json::value_t::number_integer && value.is_number_integer());
    if (!ok) {
        throw FieldError{pointer + "/" + key,
                         std::string("expected ") + expected + ", found " + typeName(value)};
    }
    return value;
}

std::string optionalString(const json& object, const char* key, const std::string& pointer) {
    if (!object.contains(key)) {
        return {};
    }
    return requireField(object, key, json::value_t::string, pointer, "a string").get<std::string>();
}

std::vector<std::string> stringArray(const json& object, const char* key,
                                     const std::string& pointer) {
    std::vector<std::string> out;
    if (!object.contains(key)) {
        return out;
    }
    const json& array = requireField(object, key, json::value_t::array, pointer, "an array");
    for (std::size_t i = 0; i < array.size(); ++i) {
        if (!array[i].is_string()) {
            throw FieldError{pointer + "/" + key + "/" + std::to_string(i),
                             "expected a string, found " + typeName(array[i])};
        }
        out.push_back(array[i].get<std::string>());
    }
    return out;
}

/// RFC 6901: '~' becomes "~0" and '/' becomes "~1".
std::string escapePointerToken(const std::string& token) {
    std::string out;
    for (char c : token) {
        out += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
    }
    return out;
}

Element readElement(const json& value, const std::string& pointer) {
    if (!value.is_object()) {
        throw FieldError{pointer, "expected an object, found " + typeName(value)};
    }
    Element e;
    e.id = requireField(value, keys::kId, json::value_t::string, pointer, "a string");
    e.kind = requireField(value, keys::kKind, json::value_t::string, pointer, "a string");
    e.name = optionalString(value, keys::kName, pointer);
    e.parent = optionalString(value, keys::kParent, pointer);
    if (value.contains(keys::kGeometry)) {
        const std::string gp = pointer + "/" + keys::kGeometry;
        const json& g =
            requireField(value, keys::kGeometry, json::value_t::object, pointer, "an object");
        auto coordinate = [&](const char* key) {
            if (!g.contains(key)) {
                return 0.0;
            }
            const double v =
                requireField(g, key, json::value_t::number_float, gp, "a number").get<double>();
            if (!std::isfinite(v) || std::fabs(v) > 1e9) {
                throw FieldError{gp + "/" + key, "the coordinate is out of range"};
            }
            return v;
        };
        e.geometry = {coordinate("x"), coordinate("y"), coordinate("width"), coordinate("height")};
        if (e.geometry.width < 0 || e.geometry.height < 0) {
            throw FieldError{gp, "width and height cannot be negative"};
        }
    }
    if (value.contains(keys::kProperties)) {
        e.properties =
            requireField(value, keys::kProperties, json::value_t::object, pointer, "an object");
    }
    if (value.contains(keys::kTags)) {
        const json& tags =
            requireField(value, keys::kTags, json::value_t::object, pointer, "an object");
        for (const auto& [key, tag] : tags.items()) {
            if (!tag.is_string()) {
                throw FieldError{pointer + "/tags/" + escapePointerToken(key),
                                 "expected a string, found " + typeName(tag)};
            }
            e.tags[key] = tag.get<std::string>();
        }
    }
    e.suppressions = stringArray(value, keys::kSuppress, pointer);
    return e;
}

Connection readConnection(const json& value, const std::string& pointer) {
    if (!value.is_object()) {
        throw FieldError{pointer, "expected an object, found " + typeName(value)};
    }
    Connection c;
    c.id = requireField(value, keys::kId, json::value_t::string, pointer, "a string");
    c.kind = requireField(value, keys::kKind, json::value_t::string, pointer, "a string");
    c.name = optionalString(value, keys::kName, pointer);
    c.from = requireField(value, keys::kFrom, json::value_t::string, pointer, "a string");
    c.to = requireField(value, keys::kTo, json::value_t::string, pointer, "a string");
    if (value.contains(keys::kProperties)) {
        c.properties =
            requireField(value, keys::kProperties, json::value_t::object, pointer, "an object");
    }
    c.suppressions = stringArray(value, keys::kSuppress, pointer);
    return c;
}

template <typename Reader>
auto readOne(const json& value, std::string* error, Reader reader)
    -> std::optional<decltype(reader(value, std::string()))> {
    try {
        return reader(value, std::string());
    } catch (const FieldError& e) {
        if (error) {
            *error = (e.pointer.empty() ? std::string() : e.pointer + ": ") + e.message;
        }
    } catch (const json::exception& e) {
        if (error) {
            *error = e.what();
        }
    }
    return std::nullopt;
}

LoadResult failAt(std::string_view text, std::string pointer, std::string message) {
    LoadError error;
    error.message = std::move(message);
    const auto [line, column] = locateJsonPointer(text, pointer);
    error.line = line;
    error.column = column;
    error.pointer = std::move(pointer);
    return LoadResult{std::nullopt, error};
}

}  // namespace

json elementToJson(const Element& e) {
    json out = {{keys::kId, e.id},
                {keys::kKind, e.kind},
                {keys::kName, e.name},
                {keys::kParent, e.parent},
                {keys::kGeometry,
                 {{"x", number(e.geometry.x)},
                  {"y", number(e.geometry.y)},
                  {"width", number(e.geometry.width)},
                  {"height", number(e.geometry.height)}}},
                {keys::kProperties, e.properties}};
    if (!e.tags.empty()) {
        out[keys::kTags] = e.tags;
    }
    if (!e.suppressions.empty()) {
        out[keys::kSuppress] = e.suppressions;
    }
    return out;
}

json connectionToJson(const Connection& c) {
    json out = {{keys::kId, c.id},     {keys::kKind, c.kind}, {keys::kName, c.name},
                {keys::kFrom, c.from}, {keys::kTo, c.to},     {keys::kProperties, c.properties}};
    if (!c.suppressions.empty()) {
        out[keys::kSuppress] = c.suppressions;
    }
    return out;
}

std::optional<Element> elementFromJson(const json& value, std::string* error) {
    return readOne(value, error, readElement);
}

std::optional<Connection> connectionFromJson(const json& value, std::string* error) {
    return readOne(value, error, readConnection);
}

LoadResult loadDiagram(std::string_view text) {
    if (text.size() > kMaxDocumentBytes) {
        return LoadResult{std::nullopt, LoadError{documentTooLargeMessage(text.size()), 0, 0, ""}};
    }
    if (const auto deep = findExcessiveNesting(text, kMaxNestingDepth)) {
        const TextPosition at = positionAt(text, *deep);
        return LoadResult{std::nullopt,
                          LoadError{"arrays and objects are nested more than " +
                                        std::to_string(kMaxNestingDepth) + " levels deep",
                                    at.line, at.column, ""}};
    }
    json root;
    try {
        root = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        const TextPosition at = positionAt(text, e.byte > 0 ? e.byte - 1 : 0);
        std::string what = e.what();
        const auto colon = what.find("error while parsing");
        return LoadResult{
            std::nullopt,
            LoadError{"not valid JSON: " + (colon == std::string::npos ? what : what.substr(colon)),
                      at.line, at.column, ""}};
    } catch (const json::exception& e) {
        // Not a syntax error: a number too large for a double (1e999) and the like.
        std::string what = e.what();
        const auto bracket = what.find("] ");
        return LoadResult{
            std::nullopt,
            LoadError{"not valid JSON: " +
                          (bracket == std::string::npos ? what : what.substr(bracket + 2)),
                      0, 0, ""}};
    }
    if (!root.is_object()) {
        return failAt(text, "",
                      "expected a Skydraft document (a JSON object), found " + typeName(root));
    }
    if (!root.contains(keys::kFormat) || root.at(keys::kFormat) != std::string(kFileFormat)) {
        return failAt(text, root.contains(keys::kFormat) ? "/format" : "",
                      "not a Skydraft file (\"format\" must be \"skydraft\")");
    }
    if (!root.contains(keys::kVersion) || !root.at(keys::kVersion).is_number_integer()) {
        return failAt(text, root.contains(keys::kVersion) ? "/version" : "",
                      "\"version\" must be a whole number");
    }
    const auto version = root.at(keys::kVersion).get<std::int64_t>();
    if (version > kFileVersion) {
        return failAt(text, "/version",
                      "the file was written by a newer Skydraft (format version " +
                          std::to_string(version) + "; this version reads up to " +
                          std::to_string(kFileVersion) + ")");
    }
    if (version < 1) {
        return failAt(text, "/version", "unknown format version " + std::to_string(version));
    }
    Diagram diagram;
    std::vector<Element> elements;
    std::vector<Connection> connections;
    try {
        diagram.setName(optionalString(root, keys::kName, ""));
        if (root.contains(keys::kMetadata)) {
            diagram.setMetadata(
                requireField(root, keys::kMetadata, json::value_t::object, "", "an object"));
        }
        if (root.contains(keys::kElements)) {
            const json& array =
                requireField(root, keys::kElements, json::value_t::array, "", "an array");
            elements.reserve(array.size());
            for (std::size_t i = 0; i < array.size(); ++i) {
                elements.push_back(readElement(array[i], "/elements/" + std::to_string(i)));
            }
        }
        if (root.contains(keys::kConnections)) {
            const json& array =
                requireField(root, keys::kConnections, json::value_t::array, "", "an array");
            connections.reserve(array.size());
            for (std::size_t i = 0; i < array.size(); ++i) {
                connections.push_back(
                    readConnection(array[i], "/connections/" + std::to_string(i)));
            }
        }
    } catch (const FieldError& e) {
        return failAt(text, e.pointer, e.message);
    }
    Diagram::Problem problem;
    if (Status s = diagram.assign(std::move(elements), std::move(connections), &problem); !s) {
        std::string pointer = std::string(problem.inConnections ? "/connections/" : "/elements/") +
                              std::to_string(problem.index);
        if (problem.field == "properties") {
            pointer += "/properties";
        } else if (!problem.field.empty()) {
            pointer += "/" + problem.field;
        }
        return failAt(text, pointer, s.error);
    }
    return LoadResult{std::move(diagram), std::nullopt};
}

namespace {

/// A minimal scanner over already-valid JSON text that finds where a pointer's value starts.
class PointerLocator {
public:
    explicit PointerLocator(std::string_view text) : m_text(text) {}

    std::size_t find(const std::vector<std::string>& tokens) {
        skipSpace();
        for (const auto& token : tokens) {
            if (m_pos >= m_text.size()) {
                return std::string::npos;
            }
            if (m_text[m_pos] == '{') {
                if (!enterObjectMember(token)) {
                    return std::string::npos;
                }
            } else if (m_text[m_pos] == '[') {
                if (!enterArrayItem(token)) {
                    return std::string::npos;
                }
            } else {
                return std::string::npos;
            }
        }
        return m_pos;
    }

private:
    void skipSpace() {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\n' ||
                                         m_text[m_pos] == '\r' || m_text[m_pos] == '\t')) {
            ++m_pos;
        }
    }

    std::string readString() {
        std::string out;
        ++m_pos;  // opening quote
        while (m_pos < m_text.size() && m_text[m_pos] != '"') {
            if (m_text[m_pos] == '\\' && m_pos + 1 < m_text.size()) {
                ++m_pos;
                out += m_text[m_pos] == 'n' ? '\n' : m_text[m_pos];
            } else {
                out += m_text[m_pos];
            }
            ++m_pos;
        }
        ++m_pos;  // closing quote
        return out;
    }

    void skipValue() {
        skipSpace();
        if (m_pos >= m_text.size()) {
            return;
        }
        const char c = m_text[m_pos];
        if (c == '"') {
            readString();
        } else if (c == '{' || c == '[') {
            int depth = 0;
            while (m_pos < m_text.size()) {
                const char d = m_text[m_pos];
                if (d == '"') {
                    readString();
                    continue;
                }
                if (d == '{' || d == '[') {
                    ++depth;
                } else if (d == '}' || d == ']') {
                    --depth;
                    if (depth == 0) {
                        ++m_pos;
                        return;
                    }
                }
                ++m_pos;
            }
        } else {
            while (m_pos < m_text.size() && m_text[m_pos] != ',' && m_text[m_pos] != '}' &&
                   m_text[m_pos] != ']') {
                ++m_pos;
            }
        }
    }

    bool enterObjectMember(const std::string& key) {
        ++m_pos;  // '{'
        while (true) {
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != '"') {
                return false;
            }
            const std::string name = readString();
            skipSpace();
            ++m_pos;  // ':'
            skipSpace();
            if (name == key) {
                return true;
            }
            skipValue();
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != ',') {
                return false;
            }
            ++m_pos;
        }
    }

    bool enterArrayItem(const std::string& token) {
        std::size_t index = 0;
        try {
            index = std::stoul(token);
        } catch (...) {
            return false;
        }
        ++m_pos;  // '['
        for (std::size_t i = 0;; ++i) {
            skipSpace();
            if (i == index) {
                return m_pos < m_text.size() && m_text[m_pos] != ']';
            }
            skipValue();
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != ',') {
                return false;
            }
            ++m_pos;
        }
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

}  // namespace

std::pair<std::size_t, std::size_t> locateJsonPointer(std::string_view text,
                                                      std::string_view pointer) {
    std::vector<std::string> tokens;
    if (!pointer.empty()) {
        try {
            const json::json_pointer parsed{std::string(pointer)};  // throws when malformed
            (void)parsed;
            std::string rest(pointer);
            // Split on '/', unescaping ~1 and ~0 as RFC 6901 says.
            std::size_t start = 1;
            while (start <= rest.size()) {
                const std::size_t slash = rest.find('/', start);
                std::string token = rest.substr(
                    start, slash == std::string::npos ? std::string::npos : slash - start);
                for (std::size_t p; (p = token.find("~1")) != std::string::npos;) {
                    token.replace(p, 2, "/");
                }
                for (std::size_t p; (p = token.find("~0")) != std::string::npos;) {
                    token.replace(p, 2, "~");
                }
                tokens.push_back(token);
                if (slash == std::string::npos) {
                    break;
                }
                start = slash + 1;
            }
        } catch (const json::exception&) {
            return {0, 0};
        }
    }
    PointerLocator locator(text);
    const std::size_t offset = locator.find(tokens);
    if (offset == std::string::npos) {
        return {0, 0};
    }
    const TextPosition at = positionAt(text, offset);
    return {at.line, at.column};
}

}  // namespace skydraft
