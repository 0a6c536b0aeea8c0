// The native file format (*.skydraft): deterministic JSON text to and from a Diagram.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "diagram.h"

namespace skydraft {

/// The format marker and the newest version this build reads and writes.
inline constexpr std::string_view kFileFormat = "skydraft";
inline constexpr int kFileVersion = 1;

/// A load failure: what is wrong and where (1-based line and column, JSON pointer).
struct LoadError {
    std::string message;
    std::size_t line = 0;
    std::size_t column = 0;
    std::string pointer;  ///< e.g. "/elements/3/geometry/x"; "" for a syntax error
    /// "line 12, column 7 (/elements/3/kind): unknown kind \"vpcc\""
    std::string toString() const;
};

struct LoadResult {
    std::optional<Diagram> diagram;
    std::optional<LoadError> error;
    explicit operator bool() const { return diagram.has_value(); }
};

/// Serializes a diagram: stable key order, one element field per line, geometry on one line,
/// so that moving one element changes one line. Ends with a newline.
std::string saveDiagram(const Diagram& diagram);

/// Parses a document. Refuses a file of another format, a newer version, an unknown kind and
/// anything that breaks the Diagram invariants, with the position of the offending field.
LoadResult loadDiagram(std::string_view text);

/// One element or connection as the file holds it (the journal writes them so).
nlohmann::json elementToJson(const Element& element);
nlohmann::json connectionToJson(const Connection& connection);
/// Reads one element or connection in the file's shape; nullopt with *error ("/geometry/x:
/// expected a number, found a string") when it is malformed. Catalogue rules are the
/// Diagram's to check.
std::optional<Element> elementFromJson(const nlohmann::json& value, std::string* error);
std::optional<Connection> connectionFromJson(const nlohmann::json& value, std::string* error);

/// 1-based line and column of the value at a JSON pointer in text (0,0 if not found).
std::pair<std::size_t, std::size_t> locateJsonPointer(std::string_view text,
                                                      std::string_view pointer);

}  // namespace skydraft
