// Severity names, finding JSON and finding construction helpers.
#include <cctype>

#include "finding.h"
#include "rule.h"

namespace skydraft {

std::string_view severityKey(Severity severity) {
    switch (severity) {
        case Severity::Info: return "info";
        case Severity::Warning: return "warning";
        case Severity::Error: return "error";
    }
    return "error";
}

std::optional<Severity> parseSeverity(std::string_view text) {
    if (text == "info" || text == "note") {
        return Severity::Info;
    }
    if (text == "warning" || text == "warn") {
        return Severity::Warning;
    }
    if (text == "error" || text == "err") {
        return Severity::Error;
    }
    return std::nullopt;
}

nlohmann::json findingToJson(const Finding& finding) {
    nlohmann::json out = {{"rule", finding.ruleId},
                          {"severity", severityKey(finding.severity)},
                          {"message", finding.message},
                          {"elements", finding.elements},
                          {"suppressed", finding.suppressed}};
    if (finding.fix) {
        nlohmann::json edits = nlohmann::json::array();
        for (const FixEdit& e : finding.fix->edits) {
            edits.push_back(
                {{"kind", e.kind}, {"target", e.target}, {"key", e.key}, {"value", e.value}});
        }
        out["fix"] = {{"label", finding.fix->label}, {"edits", edits}};
    }
    return out;
}

std::string ruleDocLink(std::string_view ruleId) {
    std::string anchor;
    for (char c : ruleId) {
        anchor += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return std::string(kRulesDocPath) + "#" + anchor;
}

Finding makeFinding(const RuleInfo& info, std::string message, std::vector<Id> elements) {
    return makeFinding(info, info.severity, std::move(message), std::move(elements));
}

Finding makeFinding(const RuleInfo& info, Severity severity, std::string message,
                    std::vector<Id> elements) {
    Finding f;
    f.ruleId = std::string(info.id);
    f.severity = severity;
    f.message = std::move(message);
    f.elements = std::move(elements);
    return f;
}

}  // namespace skydraft
