// Fixes the designer offers for findings whose rule has none: a free subnet block, a return route.
#pragma once

#include <vector>

#include "diagram.h"
#include "validation/finding.h"

namespace skydraft {

/// Adds a fix to the findings that have none and that the designer knows how to repair:
/// SUB003 (move the subnet to the next free block of its size in its VPC) and PEER005 (add the
/// missing route over the peering in the VPC that has none). Other findings are left as they are.
void suggestFixes(const Diagram& diagram, std::vector<Finding>& findings);

}  // namespace skydraft
