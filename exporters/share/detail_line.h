// The detail line pictures show under a resource's name, from the catalogue's DetailPart list.
#pragma once

#include <string>

#include "diagram.h"

namespace skydraft {

/// The element's detail line ("t3.micro · 10.0.1.10", "Application LB · internet-facing"): the
/// parts of its kind's `detail` joined with " · ", empty parts left out; the kind's display
/// name when that comes out empty (or the kind key, for a kind the catalogue does not know).
std::string detailLine(const Element& element);

}  // namespace skydraft
