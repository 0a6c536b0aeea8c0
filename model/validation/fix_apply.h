// Applying the rules' fixes to a diagram: one fix, or every fix until none is left.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "diagram.h"
#include "validation/finding.h"

namespace skydraft {

/// Applies the edits of one fix in order. On failure the diagram is unchanged and the status
/// says which edit failed and why.
Status applyFix(Diagram& diagram, const Fix& fix);

/// One fix that applyAllFixes applied.
struct AppliedFix {
    std::string ruleId;
    std::string message;  ///< the finding's message before the fix
    std::string label;    ///< the fix's label
};

/// Validates, applies the first fix of a finding that `wanted` accepts, and repeats until no
/// wanted finding has a fix that changes the diagram (at most maxRounds fixes). Fixes of
/// suppressed findings are never applied.
std::vector<AppliedFix> applyAllFixes(Diagram& diagram,
                                      const std::function<bool(const Finding&)>& wanted,
                                      int maxRounds = 1000);

}  // namespace skydraft
