// Validation reports for people and tools: text lines, JSON, SARIF 2.1.0, the rule list.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "diagram.h"
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

/// The validated document, when SARIF may express fixes as edits of its text: the file's
/// text and the diagram it holds (a .skydraft file; a template's fixes cannot be written back
/// into the template, so it has none).
struct SarifSource {
    std::string_view text;
    const Diagram* diagram = nullptr;
};

/// One file of a report over several files: the path as given, its findings and the 1-based
/// line of each element and connection id (for SARIF regions), or why it could not be used.
struct ReportedFile {
    std::string file;
    std::vector<Finding> findings;
    std::map<std::string, std::size_t> lines;
    std::string error;   ///< "" when the file was validated
    SarifSource source;  ///< for SARIF fixes as text edits (text and diagram kept by the caller)
};

/// A SARIF 2.1.0 log: every rule in tool.driver.rules, one result per finding with the
/// elements as logical locations and the file as physical location (at the line of the first
/// element, from lines: id -> 1-based line, when known); suppressed findings carry an
/// inSource suppression. A finding's fix is in properties.fix (its edits) and, with a source,
/// in `fixes` as the replacement of the lines the fix changes in the file.
nlohmann::json sarifReport(const std::string& file, const std::vector<Finding>& findings,
                           const std::map<std::string, std::size_t>& lines = {},
                           const SarifSource* source = nullptr);

/// One SARIF 2.1.0 run over several files: each file is an artifact, its findings are results
/// located in it (with fixes as text edits where the file has a source); a file that could not
/// be used is an error notification of the invocation (executionSuccessful false).
/// tool.driver.version is skydraftVersion().
nlohmann::json sarifReport(const std::vector<ReportedFile>& files);

/// {"files": [jsonReport of each file, or {"file", "error"}], "summary": totals}.
nlohmann::json jsonReport(const std::vector<ReportedFile>& files);

/// The text report of each validated file, then, for more than one file, a total line:
/// `3 files: 1 error, 2 warnings, 0 infos`.
std::string textReport(const std::vector<ReportedFile>& files);

/// The smallest whole-line replacement turning before into after: the 1-based first and last
/// replaced lines of before (last = first - 1 for a pure insertion) and the new lines' text
/// (without the final newline, as a SARIF region of whole lines has none).
struct LineReplacement {
    std::size_t firstLine = 1;
    std::size_t lastLine = 0;
    std::string text;
};
LineReplacement lineReplacement(std::string_view before, std::string_view after);

/// The rules as "ID  severity  title" lines.
std::string rulesText();
/// The rules as a JSON array of {"id", "severity", "title", "description", "limitation",
/// "help"}.
nlohmann::json rulesJson();

}  // namespace skydraft
