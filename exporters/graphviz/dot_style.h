// How the DOT picture looks: fonts, text colours, line styles per edge kind, finding colours.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dot_writer.h"

namespace skydraft::dot {

inline constexpr std::string_view kFont = "Helvetica";
inline constexpr std::string_view kTextColour = "#232F3E";
inline constexpr std::string_view kDetailColour = "#5F6B7A";

/// How the edges of one key look (a connection kind's key, or one of the picture's own lines
/// below); also drives the legend.
struct EdgeStyle {
    std::string key;
    std::string legend;
    std::string_view colour;
    std::string_view style;  ///< "solid", "dashed" or "dotted"
    double penwidth = 1.0;
    std::string_view dir;  ///< "forward", "back", "both" or "none"
};

/// The picture's own lines, which are not connections.
inline constexpr std::string_view kInternetLine = "/internet";    ///< internet to its gateways
inline constexpr std::string_view kRouteLine = "/route";          ///< default route to a gateway
inline constexpr std::string_view kTargetLine = "/target";        ///< load balancer to a target
inline constexpr std::string_view kPlacementLine = "/placement";  ///< resource to its subnets

/// Every edge style in legend order: the internet, the connection kinds that join particular
/// kinds (peerings, attachments, VPNs), routes, targets, placements, then the connection kinds
/// that join any two elements ("uses"). Connection styles come from the catalogue: its display
/// name, lineStyle (colour and width), dashed and directed.
const std::vector<EdgeStyle>& edgeStyles();

/// The style of key; a connection kind the catalogue does not know gets the style of the
/// first connection kind that joins any two elements.
const EdgeStyle& edgeStyle(std::string_view key);

std::string_view severityColour(FindingSeverity severity);
std::string_view severityWord(FindingSeverity severity);

}  // namespace skydraft::dot
