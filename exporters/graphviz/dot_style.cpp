// Line styles of the DOT picture, the connection kinds' taken from the catalogue.
#include "dot_style.h"

#include <algorithm>

#include "catalogue/resource_catalogue.h"

namespace skydraft::dot {

namespace {

/// Colour and width of a connection kind's line, by its catalogue lineStyle role.
struct LineLook {
    std::string_view colour;
    double penwidth;
};

LineLook lineLook(std::string_view lineStyle) {
    if (lineStyle == "peering") {
        return {"#8C4FFF", 2.4};
    }
    if (lineStyle == "transit") {
        return {"#3334B9", 2.0};
    }
    if (lineStyle == "vpn") {
        return {"#1D8102", 2.0};
    }
    return {"#5A6B7B", 1.2};
}

EdgeStyle connectionStyle(const ConnectionKindDef& def) {
    const LineLook look = lineLook(def.lineStyle);
    return {def.key,       def.displayName,
            look.colour,   def.dashed ? "dashed" : "solid",
            look.penwidth, def.directed ? "forward" : "none"};
}

std::vector<EdgeStyle> buildStyles() {
    const ResourceCatalogue& catalogue = ResourceCatalogue::instance();
    std::vector<EdgeStyle> styles;
    styles.push_back(
        {std::string(kInternetLine), "Internet access", "#232F3E", "solid", 1.4, "both"});
    for (const ConnectionKindDef& def : catalogue.connectionKinds()) {
        if (!def.endpoints.empty()) {
            styles.push_back(connectionStyle(def));
        }
    }
    styles.push_back({std::string(kRouteLine), "Default route", "#7D8998", "solid", 1.0, "back"});
    // The legend names the kinds that have targets ("Load balancer target").
    std::string targetOwners;
    for (const KindDef& def : catalogue.kinds()) {
        if (def.property("targets")) {
            targetOwners += (targetOwners.empty() ? "" : " or ") + def.displayName;
        }
    }
    styles.push_back(
        {std::string(kTargetLine), targetOwners + " target", "#ED7100", "solid", 1.2, "forward"});
    styles.push_back(
        {std::string(kPlacementLine), "Placed in subnet", "#AAB4BE", "dotted", 1.0, "none"});
    for (const ConnectionKindDef& def : catalogue.connectionKinds()) {
        if (def.endpoints.empty()) {
            styles.push_back(connectionStyle(def));
        }
    }
    return styles;
}

}  // namespace

const std::vector<EdgeStyle>& edgeStyles() {
    static const std::vector<EdgeStyle> styles = buildStyles();
    return styles;
}

const EdgeStyle& edgeStyle(std::string_view key) {
    const std::vector<EdgeStyle>& styles = edgeStyles();
    const auto it = std::find_if(styles.begin(), styles.end(),
                                 [&](const EdgeStyle& s) { return s.key == key; });
    if (it != styles.end()) {
        return *it;
    }
    const ResourceCatalogue& catalogue = ResourceCatalogue::instance();
    for (const EdgeStyle& style : styles) {
        const ConnectionKindDef* def = catalogue.connectionKind(style.key);
        if (def && def->endpoints.empty()) {
            return style;
        }
    }
    return styles.back();
}

std::string_view severityColour(FindingSeverity severity) {
    switch (severity) {
        case FindingSeverity::Error:
            return "#D13212";
        case FindingSeverity::Warning:
            return "#E07B00";
        case FindingSeverity::Info:
            return "#0073BB";
    }
    return "#D13212";
}

std::string_view severityWord(FindingSeverity severity) {
    switch (severity) {
        case FindingSeverity::Error:
            return "error";
        case FindingSeverity::Warning:
            return "warning";
        case FindingSeverity::Info:
            return "info";
    }
    return "error";
}

}  // namespace skydraft::dot
