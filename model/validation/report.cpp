// Text, JSON and SARIF reports of findings, and the rule list in text and JSON.
#include "report.h"

#include "diagram_file.h"
#include "validation/fix_apply.h"

#include <cctype>

#include "rule_registry.h"
#include "version.h"

namespace skydraft {

using nlohmann::json;

namespace {

std::string upper(std::string_view text) {
    std::string out;
    for (char c : text) {
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return out;
}

std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string_view sarifLevel(Severity severity) {
    switch (severity) {
        case Severity::Error:
            return "error";
        case Severity::Warning:
            return "warning";
        case Severity::Info:
            return "note";
    }
    return "error";
}

std::string severityLabel(const RuleInfo& info) {
    return info.escalates ? std::string("warning/error") : std::string(severityKey(info.severity));
}

}  // namespace

ReportSummary summarize(const std::vector<Finding>& findings) {
    ReportSummary s;
    for (const Finding& f : findings) {
        if (f.suppressed) {
            ++s.suppressed;
        } else if (f.severity == Severity::Error) {
            ++s.errors;
        } else if (f.severity == Severity::Warning) {
            ++s.warnings;
        } else {
            ++s.infos;
        }
    }
    return s;
}

std::string textReport(const std::string& file, const std::vector<Finding>& findings) {
    std::string out;
    for (const Finding& f : findings) {
        out += file + ": " + upper(severityKey(f.severity)) + " " + f.ruleId +
               (f.suppressed ? " (suppressed) " : " ") + f.message + "\n";
    }
    const ReportSummary s = summarize(findings);
    if (findings.empty()) {
        out += file + ": no problems found\n";
    } else {
        out += file + ": " + plural(s.errors, "error") + ", " + plural(s.warnings, "warning") +
               ", " + plural(s.infos, "info") +
               (s.suppressed ? " (" + std::to_string(s.suppressed) + " suppressed)" : "") + "\n";
    }
    return out;
}

json jsonReport(const std::string& file, const std::vector<Finding>& findings) {
    json list = json::array();
    for (const Finding& f : findings) {
        list.push_back(findingToJson(f));
    }
    const ReportSummary s = summarize(findings);
    return {{"file", file},
            {"findings", list},
            {"summary",
             {{"errors", s.errors},
              {"warnings", s.warnings},
              {"infos", s.infos},
              {"suppressed", s.suppressed}}}};
}

namespace {

std::vector<std::string_view> splitLines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            lines.push_back(text.substr(start));
            break;
        }
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

/// The fix as a SARIF fix object: the document saved with the fix applied, as the replacement
/// of the lines that differ. nullopt when the fix does not apply or changes nothing.
std::optional<json> sarifFix(const std::string& file, const Fix& fix, const SarifSource& source) {
    Diagram fixed = *source.diagram;
    if (!applyFix(fixed, fix)) {
        return std::nullopt;
    }
    const std::string after = saveDiagram(fixed);
    if (after == source.text) {
        return std::nullopt;
    }
    const LineReplacement r = lineReplacement(source.text, after);
    json region = {{"startLine", r.firstLine}, {"startColumn", 1}};
    json inserted = {{"text", r.text}};
    if (r.lastLine < r.firstLine) {
        // A pure insertion before line firstLine: an empty region, and the text ends its line.
        region["endLine"] = r.firstLine;
        region["endColumn"] = 1;
        inserted["text"] = r.text + "\n";
    } else {
        region["endLine"] = r.lastLine;
    }
    return json{
        {"description", {{"text", fix.label}}},
        {"artifactChanges",
         json::array({{{"artifactLocation", {{"uri", file}, {"index", 0}}},
                       {"replacements", json::array({{{"deletedRegion", region},
                                                      {"insertedContent", inserted}}})}}})}};
}

}  // namespace

LineReplacement lineReplacement(std::string_view before, std::string_view after) {
    const auto a = splitLines(before);
    const auto b = splitLines(after);
    std::size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) {
        ++prefix;
    }
    std::size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
        ++suffix;
    }
    LineReplacement r;
    r.firstLine = prefix + 1;
    r.lastLine = a.size() - suffix;
    for (std::size_t i = prefix; i < b.size() - suffix; ++i) {
        r.text += (i == prefix ? "" : "\n") + std::string(b[i]);
    }
    return r;
}

json sarifReport(const std::string& file, const std::vector<Finding>& findings,
                 const std::map<std::string, std::size_t>& lines, const SarifSource* source) {
    ReportedFile reported{file, findings, lines, {}, {}};
    if (source) {
        reported.source = *source;
    }
    return sarifReport(std::vector<ReportedFile>{std::move(reported)});
}

json sarifReport(const std::vector<ReportedFile>& files) {
    json rules = json::array();
    std::map<std::string_view, std::size_t> ruleIndex;
    for (const Rule* rule : allRules()) {
        const RuleInfo& info = rule->info;
        ruleIndex[info.id] = rules.size();
        std::string help = std::string(info.description);
        if (!info.limitation.empty()) {
            help += " Limits of a static check: " + std::string(info.limitation);
        }
        help += " See " + ruleDocLink(info.id) + ".";
        rules.push_back(
            {{"id", info.id},
             {"name", info.title},
             {"shortDescription", {{"text", info.title}}},
             {"fullDescription", {{"text", info.description}}},
             {"help", {{"text", help}}},
             {"defaultConfiguration", {{"level", sarifLevel(info.severity)}}},
             {"properties",
              {{"severity", severityLabel(info)}, {"documentation", ruleDocLink(info.id)}}}});
    }
    json artifacts = json::array();
    json results = json::array();
    json notifications = json::array();
    for (const ReportedFile& reported : files) {
        const std::size_t artifact = artifacts.size();
        artifacts.push_back({{"location", {{"uri", reported.file}}}});
        if (!reported.error.empty()) {
            notifications.push_back(
                {{"level", "error"},
                 {"message", {{"text", reported.error}}},
                 {"locations",
                  json::array({{{"physicalLocation",
                                 {{"artifactLocation",
                                   {{"uri", reported.file}, {"index", artifact}}}}}}})}});
            continue;
        }
        for (const Finding& f : reported.findings) {
            json logical = json::array();
            for (const Id& id : f.elements) {
                logical.push_back({{"name", id}, {"fullyQualifiedName", id}, {"kind", "resource"}});
            }
            json physical = {{"artifactLocation", {{"uri", reported.file}, {"index", artifact}}}};
            for (const Id& id : f.elements) {
                if (const auto it = reported.lines.find(id); it != reported.lines.end()) {
                    physical["region"] = {{"startLine", it->second}};
                    break;
                }
            }
            json location = {{"physicalLocation", physical}};
            if (!logical.empty()) {
                location["logicalLocations"] = logical;
            }
            json result = {{"ruleId", f.ruleId},
                           {"level", sarifLevel(f.severity)},
                           {"message", {{"text", f.message}}},
                           {"locations", json::array({location})}};
            if (const auto it = ruleIndex.find(f.ruleId); it != ruleIndex.end()) {
                result["ruleIndex"] = it->second;
            }
            if (f.suppressed) {
                result["suppressions"] =
                    json::array({{{"kind", "inSource"},
                                  {"justification", "suppressed on the element in the diagram"}}});
            }
            if (f.fix) {
                result["properties"] = {{"fix", findingToJson(f)["fix"]}};
                if (reported.source.diagram) {
                    if (auto fix = sarifFix(reported.file, *f.fix, reported.source)) {
                        result["fixes"] = json::array({std::move(*fix)});
                    }
                }
            }
            results.push_back(std::move(result));
        }
    }
    json run = {
        {"tool",
         {{"driver",
           {{"name", "skydraft"}, {"version", std::string(skydraftVersion())}, {"rules", rules}}}}},
        {"artifacts", artifacts},
        {"results", results}};
    if (!notifications.empty()) {
        run["invocations"] = json::array(
            {{{"executionSuccessful", false}, {"toolExecutionNotifications", notifications}}});
    }
    return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
            {"version", "2.1.0"},
            {"runs", json::array({run})}};
}

json jsonReport(const std::vector<ReportedFile>& files) {
    json list = json::array();
    std::vector<Finding> all;
    for (const ReportedFile& reported : files) {
        if (!reported.error.empty()) {
            list.push_back({{"file", reported.file}, {"error", reported.error}});
            continue;
        }
        list.push_back(jsonReport(reported.file, reported.findings));
        all.insert(all.end(), reported.findings.begin(), reported.findings.end());
    }
    const ReportSummary s = summarize(all);
    return {{"files", list},
            {"summary",
             {{"errors", s.errors},
              {"warnings", s.warnings},
              {"infos", s.infos},
              {"suppressed", s.suppressed}}}};
}

std::string textReport(const std::vector<ReportedFile>& files) {
    std::string out;
    std::vector<Finding> all;
    std::size_t validated = 0;
    for (const ReportedFile& reported : files) {
        if (!reported.error.empty()) {
            continue;
        }
        ++validated;
        out += textReport(reported.file, reported.findings);
        all.insert(all.end(), reported.findings.begin(), reported.findings.end());
    }
    if (files.size() > 1) {
        const ReportSummary s = summarize(all);
        out += plural(validated, "file") + ": " + plural(s.errors, "error") + ", " +
               plural(s.warnings, "warning") + ", " + plural(s.infos, "info") +
               (s.suppressed ? " (" + std::to_string(s.suppressed) + " suppressed)" : "") +
               (validated < files.size()
                    ? "; " + std::to_string(files.size() - validated) + " could not be read"
                    : "") +
               "\n";
    }
    return out;
}

std::string rulesText() {
    std::string out;
    for (const Rule* rule : allRules()) {
        std::string id(rule->info.id);
        id.resize(8, ' ');
        std::string severity = severityLabel(rule->info);
        severity.resize(14, ' ');
        out += id + severity + std::string(rule->info.title) + "\n";
    }
    return out;
}

json rulesJson() {
    json out = json::array();
    for (const Rule* rule : allRules()) {
        const RuleInfo& info = rule->info;
        out.push_back({{"id", info.id},
                       {"severity", severityLabel(info)},
                       {"title", info.title},
                       {"description", info.description},
                       {"limitation", info.limitation},
                       {"help", ruleDocLink(info.id)}});
    }
    return out;
}

}  // namespace skydraft
