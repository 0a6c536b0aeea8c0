// Validation reports for people and tools: text lines, JSON, SARIF 2.1.0, the rule list.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "finding.h"
#include "rule.h"

namespace skydraft {

/// Counts of a report: unsuppressed findings by severity, and the suppressed ones.
struct ReportSummary {
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::size_t infos = 0;
    std::size_t suppressed = 0;
};
ReportSummary summarize(const std::vector<Finding>& findings);

/// `file: ERROR PEER003 vpc "app": ...` per finding (suppressed ones say so), then
/// `file: 1 error, 0 warnings, 0 infos (1 suppressed)` or `file: no problems found`.
std::string textReport(const std::string& file, const std::vector<Finding>& findings);

/// {"file", "findings": [...], "summary": {"errors", "warnings", "infos", "suppressed"}}.
nlohmann::json jsonReport(const std::string& file, const std::vector<Finding>& findings);

/// A SARIF 2.1.0 log: every rule in tool.driver.rules, one result per finding with the
/// elements as logical locations and the file as physical location (at the line of the first
/// element, from lines: id -> 1-based line, when known); suppressed findings carry an
/// inSource suppression.
nlohmann::json sarifReport(const std::string& file, const std::vector<Finding>& findings,
                           const std::map<std::string, std::size_t>& lines = {},
                           const std::string& toolVersion = "0.1.0");

/// The rules as "ID  severity  title" lines.
std::string rulesText();
/// The rules as a JSON array of {"id", "severity", "title", "description", "limitation",
/// "help"}.
nlohmann::json rulesJson();

}  // namespace skydraft
