// Text, JSON and SARIF reports of findings, and the rule list in text and JSON.
#include "report.h"

#include <cctype>

#include "rule_registry.h"

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
        case Severity::Error: return "error";
        case Severity::Warning: return "warning";
        case Severity::Info: return "note";
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

json sarifReport(const std::string& file, const std::vector<Finding>& findings,
                 const std::map<std::string, std::size_t>& lines, const std::string& toolVersion) {
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
             {"properties", {{"severity", severityLabel(info)}, {"documentation", ruleDocLink(info.id)}}}});
    }
    json results = json::array();
    for (const Finding& f : findings) {
        json logical = json::array();
        for (const Id& id : f.elements) {
            logical.push_back({{"name", id}, {"fullyQualifiedName", id}, {"kind", "resource"}});
        }
        json physical = {{"artifactLocation", {{"uri", file}, {"index", 0}}}};
        for (const Id& id : f.elements) {
            if (const auto it = lines.find(id); it != lines.end()) {
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
            result["suppressions"] = json::array(
                {{{"kind", "inSource"},
                  {"justification", "suppressed on the element in the diagram"}}});
        }
        if (f.fix) {
            result["properties"] = {{"fix", findingToJson(f)["fix"]}};
        }
        results.push_back(std::move(result));
    }
    return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
            {"version", "2.1.0"},
            {"runs",
             json::array({{{"tool",
                            {{"driver",
                              {{"name", "skydraft"},
                               {"version", toolVersion},
                               {"rules", rules}}}}},
                           {"artifacts", json::array({{{"location", {{"uri", file}}}}})},
                           {"results", results}}})}};
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
