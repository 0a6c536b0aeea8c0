// The logical ids a diagram's elements and connections get in its CloudFormation export.
#pragma once

#include <map>
#include <string>

#include "diagram.h"

namespace skydraft {

/// Element or connection id -> the logical id of the resource the export writes for it (items
/// that become no resource are left out). Lets a design be matched with a stack deployed from
/// its export, whose resources carry the aws:cloudformation:logical-id tag.
std::map<std::string, std::string> cloudFormationLogicalIds(const Diagram& diagram);

}  // namespace skydraft
