// How the designer shows a kind, read from the catalogue: icon, the summary under a name, the
// colour role of a container, the look and label of a line.
#pragma once

#include <QString>
#include <QUrl>
#include <string_view>

#include "diagram.h"

namespace skydraft {

/// How a line is drawn: its colour role in the theme, dashes and arrow head.
struct LineLook {
    QString style;  ///< "peering", "transit", "vpn", "uses", "route" (Theme.lineColour)
    bool dashed = false;
    bool directed = false;
};

/// The designer's presentation of kinds. Everything here comes from the catalogue (or, for the
/// VPC/subnet skeleton, from the kind keys), so a new kind needs no change here.
class KindPresentation {
public:
    /// The kind of canvas row a route drawn from a subnet has (it is no connection kind).
    static constexpr std::string_view kRouteLine = "route";

    /// qrc:/icons/<icon>.svg of an element or connection kind; the generic icon when unknown.
    static QUrl icon(std::string_view kind);
    /// The kind's summary properties of e as views show them (propertyDisplayText: evaluated
    /// zones, lists joined with ", "), joined with "  ·  ", empty values left out:
    /// "10.0.0.0/16  ·  us-east-1".
    static QString summary(const Diagram& diagram, const Element& e);
    /// The colour role of a container ("vpc", "public" or "private" for a subnet by its
    /// reach key, "container" for the others); "" for a resource node.
    static QString tone(const Element& e, std::string_view reach);
    /// How a connection of kind (or a drawn route, kRouteLine) is drawn.
    static LineLook line(std::string_view kind);
    /// The label on a connection's line: its description when its kind has one, else the
    /// kind's label ("peering").
    static QString lineLabel(const Connection& c);
};

}  // namespace skydraft
