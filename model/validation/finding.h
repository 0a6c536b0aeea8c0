// A validation finding: which rule, how severe, what is wrong, which elements, an optional fix.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagram.h"

namespace skydraft {

/// How bad a finding is; ordered so that a larger value is more severe.
enum class Severity { Info = 0, Warning = 1, Error = 2 };

/// "info", "warning" or "error".
std::string_view severityKey(Severity severity);
/// Parses "info", "warning" or "error" (also "note"/"warn"/"err"); nullopt otherwise.
std::optional<Severity> parseSeverity(std::string_view text);

/// One edit of a fix: data the app turns into an undo command, never code.
struct FixEdit {
    /// "set_property" (value null removes the key), or "add_element" (value is the element as
    /// the file format writes it; target is its id, key is empty)
    std::string kind = "set_property";
    Id target;        ///< element or connection id
    std::string key;  ///< property key
    nlohmann::json value;
    friend bool operator==(const FixEdit&, const FixEdit&) = default;
};

/// A fix the user can apply with one click, e.g. "Use 10.0.0.0/16".
struct Fix {
    std::string label;
    std::vector<FixEdit> edits;
    friend bool operator==(const Fix&, const Fix&) = default;
};

/// One problem found in a diagram.
struct Finding {
    std::string ruleId;
    Severity severity = Severity::Error;
    std::string message;       ///< quotes the values involved
    std::vector<Id> elements;  ///< every element or connection involved, the subject first
    std::optional<Fix> fix;
    bool suppressed = false;  ///< one of the elements suppresses ruleId
    friend bool operator==(const Finding&, const Finding&) = default;
};

/// The finding as JSON: {"rule", "severity", "message", "elements", "suppressed", "fix"?}.
nlohmann::json findingToJson(const Finding& finding);

}  // namespace skydraft
