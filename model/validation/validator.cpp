// Runs the rules, marks findings suppressed by their elements and sorts them.
#include "validator.h"

#include <algorithm>
#include <unordered_map>

#include "rule_registry.h"
#include "validation_context.h"

namespace skydraft {

std::size_t ValidationResult::count(Severity severity, bool includeSuppressed) const {
    return static_cast<std::size_t>(
        std::count_if(findings.begin(), findings.end(), [&](const Finding& f) {
            return f.severity == severity && (includeSuppressed || !f.suppressed);
        }));
}

ValidationResult validate(const Diagram& diagram) { return validate(diagram, allRules()); }

ValidationResult validate(const Diagram& diagram, const std::vector<const Rule*>& rules) {
    ValidationResult result;
    {
        const ValidationContext context(diagram);
        for (const Rule* rule : rules) {
            rule->check(context, result.findings);
        }
    }
    std::unordered_map<std::string_view, const std::vector<std::string>*> suppressions;
    for (const Element& e : diagram.elements()) {
        if (!e.suppressions.empty()) {
            suppressions.emplace(e.id, &e.suppressions);
        }
    }
    for (const Connection& c : diagram.connections()) {
        if (!c.suppressions.empty()) {
            suppressions.emplace(c.id, &c.suppressions);
        }
    }
    if (!suppressions.empty()) {
        for (Finding& f : result.findings) {
            for (const Id& id : f.elements) {
                const auto it = suppressions.find(id);
                if (it != suppressions.end() &&
                    std::find(it->second->begin(), it->second->end(), f.ruleId) !=
                        it->second->end()) {
                    f.suppressed = true;
                    break;
                }
            }
        }
    }
    std::sort(result.findings.begin(), result.findings.end(),
              [](const Finding& a, const Finding& b) {
                  if (a.ruleId != b.ruleId) {
                      return a.ruleId < b.ruleId;
                  }
                  if (a.elements != b.elements) {
                      return a.elements < b.elements;
                  }
                  return a.message < b.message;
              });
    return result;
}

}  // namespace skydraft
