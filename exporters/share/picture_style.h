// Colours shared by every picture Skydraft exports: subnet reach and resource categories.
#pragma once

#include <string_view>

#include "analysis/route_analysis.h"
#include "catalogue/kind_keys.h"
#include "catalogue/resource_catalogue.h"

namespace skydraft {

/// How a subnet of one reach is drawn: its title and its border, fill and title colours.
struct ReachStyle {
    std::string_view title;  ///< "Public subnet", ...
    std::string_view pen;
    std::string_view fill;
    std::string_view text;
};

/// The style of a subnet with that reach (RouteAnalysis decides the reach).
const ReachStyle& reachStyle(SubnetReach reach);

/// The colour of a resource category (the icons' tile colour, see icons/README.md).
std::string_view categoryColour(Category category);

}  // namespace skydraft
