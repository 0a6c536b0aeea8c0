// The Mermaid writer: a pure function from a Diagram to a Mermaid flowchart for Markdown.
#pragma once

#include <string>

#include "diagram.h"

namespace skydraft {

/// Writes the diagram as a Mermaid flowchart (`flowchart TB`, after an init directive that
/// makes room under subgraph titles) that GitHub and GitLab render in
/// a ```mermaid block: a subgraph per region, VPC and subnet (subnets coloured by their reach:
/// public, private, VPN-only), each other resource a node labelled with its name and kind,
/// connections and placements as links, and each subnet's routes to gateways as dotted links
/// labelled with their destinations. Only syntax that Mermaid 9 and later accept is used;
/// every string from the diagram is escaped with Mermaid's entity codes, so a name cannot
/// change the chart's structure. The output depends only on the diagram.
std::string writeMermaid(const Diagram& diagram);

}  // namespace skydraft
