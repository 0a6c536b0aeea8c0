// The HTML page: one self-contained file with the rendered diagram, pan and zoom, and every
// element's properties and findings a click away.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diagram.h"
#include "validation/finding.h"

namespace skydraft {

/// Writes the page around svg (the diagram as renderDot made it from writeDot, with the
/// element and connection ids as the SVG groups' ids): the picture fills the window, drag pans
/// and the wheel or the +/-/Fit buttons zoom; a click on an element, a container or a
/// connection shows its kind, properties, tags and findings in a side panel, which otherwise
/// lists every finding. Everything is inline (style, script, icons, data) and a
/// Content-Security-Policy forbids loading anything, so the page works offline and makes no
/// request. Every string from the diagram reaches the page as escaped JSON and is shown as
/// text, never as markup.
std::string writeHtmlPage(const Diagram& diagram, std::string_view svg,
                          const std::vector<Finding>& findings);

}  // namespace skydraft
