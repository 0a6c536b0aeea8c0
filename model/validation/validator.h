// The validator: runs every registered rule over a diagram and returns sorted findings.
#pragma once

#include <cstddef>
#include <vector>

#include "diagram.h"
#include "finding.h"
#include "rule.h"

namespace skydraft {

/// The findings of one validation, sorted by rule id, then element ids, then message.
struct ValidationResult {
    std::vector<Finding> findings;
    /// Findings of that severity; suppressed ones only when includeSuppressed.
    std::size_t count(Severity severity, bool includeSuppressed = false) const;
    /// True when an error is left that no element suppresses.
    bool hasErrors() const { return count(Severity::Error) > 0; }
};

/// Runs every rule of the registry.
ValidationResult validate(const Diagram& diagram);
/// Runs the given rules only (tests use it to look at one rule).
ValidationResult validate(const Diagram& diagram, const std::vector<const Rule*>& rules);

}  // namespace skydraft
