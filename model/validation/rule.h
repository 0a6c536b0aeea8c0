// A validation rule: stable metadata plus a stateless check function.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "finding.h"

namespace skydraft {

class ValidationContext;

/// The metadata of a rule, as listed in docs/rules.md and SARIF's tool.driver.rules.
struct RuleInfo {
    std::string_view id;  ///< RULES.md id, e.g. "PEER003"
    Severity severity;    ///< the usual severity; "W/E" rules report errors above the hard limit
    std::string_view title;
    std::string_view description;  ///< what is checked, and why AWS refuses or breaks it
    std::string_view limitation;   ///< what a static design cannot tell, or ""
    bool escalates = false;        ///< a W/E rule: a warning that becomes an error at a limit
};

/// Where the documentation of rule ids lives, relative to the repository root.
inline constexpr std::string_view kRulesDocPath = "docs/rules.md";

/// The documentation link of a rule: "docs/rules.md#peer003".
std::string ruleDocLink(std::string_view ruleId);

using Findings = std::vector<Finding>;
using RuleCheck = void (*)(const ValidationContext&, Findings&);

/// A rule: its metadata and its check, which appends findings and keeps no state.
struct Rule {
    RuleInfo info;
    RuleCheck check;
};

/// Builds a finding of rule info at its usual severity.
Finding makeFinding(const RuleInfo& info, std::string message, std::vector<Id> elements);
/// Builds a finding at an explicit severity (W/E rules).
Finding makeFinding(const RuleInfo& info, Severity severity, std::string message,
                    std::vector<Id> elements);

}  // namespace skydraft
