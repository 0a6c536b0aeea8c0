// Turns the text a user types into an inspector editor into the JSON value it stands for.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "catalogue/property_def.h"

namespace skydraft {

/// Which addresses a CIDR editor takes.
enum class CidrFamily { Any, V4, V6 };

/// What typed text stands for, or why it does not parse.
struct TypedValue {
    nlohmann::json value;  ///< null for empty text where that means "no value"
    std::string error;     ///< "" when the text parses; else what is wrong and where
    bool ok() const { return error.empty(); }
};

/// The parser behind every text editor of the inspector, following the catalogue's
/// PropertyEditor of the property (or list-item field) being edited. It needs no Qt, so the
/// command line, the tests and the fuzzer use exactly what the designer uses.
class TypedTextParser {
public:
    /// Parses text typed into an editor of kind editor. Empty text (after trimming) is null for
    /// the single-value editors (CIDR, IP address, integer, JSON) and [] for the list editors;
    /// free text is kept as typed. Routes, rules and ACL entries typed as text are JSON.
    static TypedValue parse(PropertyEditor editor, std::string_view text,
                            CidrFamily family = CidrFamily::Any);
    /// "key=value" lines (blank lines ignored, both sides trimmed) into an object of strings.
    static TypedValue parseTags(std::string_view text);
    /// "" when text is a CIDR of family, else why and where:
    /// "\"10.0.300.0/24\": octet out of range (at character 6)".
    static std::string cidrError(std::string_view text, CidrFamily family);
    /// The family a CIDR property or field takes: from its type (Ipv4Cidr, Ipv6Cidr), else
    /// from its key (a key naming IPv6, such as "ipv6_cidrs" or "ipv6_cidr", takes IPv6
    /// blocks; the catalogue has no family for lists and free-text CIDR fields).
    static CidrFamily familyOf(const PropertyDef& def);
    /// Splits a list typed as text on commas, semicolons and line breaks; items are trimmed
    /// and empty ones dropped.
    static std::vector<std::string> splitList(std::string_view text);
    /// text without leading and trailing spaces, tabs and line breaks.
    static std::string_view trim(std::string_view text);
};

}  // namespace skydraft
