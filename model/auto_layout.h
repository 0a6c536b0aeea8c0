// Lays out a diagram that has no geometry: what an imported template or a scanned account gets.
#pragma once

#include <vector>

#include "diagram.h"

namespace skydraft {

/// Gives every element a box: VPCs side by side (grouped by region), one column of subnets per
/// availability zone inside, resources in a grid inside their subnet, gateways on the VPC's top
/// edge, VPC-wide resources in rows below the subnets, and everything else in a row under the
/// VPCs. Parents must be set; the order of elements decides the order within a row or column.
void autoLayout(std::vector<Element>& elements);

}  // namespace skydraft
