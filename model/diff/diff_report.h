// Writing a diagram comparison for scripts (JSON) and for people (text).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "diff/diagram_diff.h"

namespace skydraft {

/// The diff for scripts: {"equal", "summary": {"added", "removed", "changed", "unchanged"},
/// "changes": [{"change": "added"|"removed"|"changed", "kind", "connection", "name", "a", "b",
/// "matched_by", "properties": [{"property", "before", "after", "details"}]}]}; "a" and "b" are
/// the item's ids in each diagram (null where it is missing).
nlohmann::json diffToJson(const DiagramDiff& diff);

/// The diff for people: one line per item ("+" only in B, "-" only in A, "~" changed) with its
/// changes spelled out beneath, then a summary line.
std::string diffToText(const DiagramDiff& diff);

/// "added", "removed" or "changed".
std::string_view changeTypeKey(ChangeType type);

}  // namespace skydraft
