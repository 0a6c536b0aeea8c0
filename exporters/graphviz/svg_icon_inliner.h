// Makes Graphviz SVG output self-contained: icon images become references to embedded symbols.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace skydraft {

/// Replaces every <image> whose file name is "<key>.svg" for an embedded icon with a <use> of a
/// <symbol> holding that icon (defined once, in a <defs> after the root element's start tag),
/// and removes any other <image> (with a warning), so that no reference to a file remains.
std::string inlineSvgIcons(std::string_view svg, std::vector<std::string>* warnings = nullptr);

}  // namespace skydraft
