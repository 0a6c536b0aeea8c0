// The explicit list of every validation rule (self-registration would be dropped by the linker).
#pragma once

#include <string_view>
#include <vector>

#include "rule.h"

namespace skydraft {

/// Every rule, ordered by id.
const std::vector<const Rule*>& allRules();
/// The rule with that id, or nullptr.
const Rule* findRule(std::string_view id);

/// docs/rules.md: the rule reference generated from the rules' metadata.
std::string rulesMarkdown();

}  // namespace skydraft
