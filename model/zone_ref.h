// A subnet's availability zone as rules compare it and views show it: a name, an index, unknown.
#pragma once

#include <string>
#include <string_view>

#include "diagram.h"

namespace skydraft {

/// The availability zone of an element, evaluated: a name ("us-east-1a"); zone #index of
/// Fn::GetAZs of a region that is not known (Fn::Select [1, Fn::GetAZs ''] is index 1); or
/// unknown, with the reason naming its source. Two zones are the same zone when both are names
/// and equal, or both indexes and equal; a name and an index cannot be compared.
struct ZoneRef {
    enum class Kind { None, Name, Index, Unknown, Invalid };
    Kind kind = Kind::None;
    std::string name;        ///< Name
    int index = -1;          ///< Index (0-based); for a Name, its place in the region's list or -1
    std::string reason;      ///< Unknown, Invalid: why, naming the source
    std::string expression;  ///< the intrinsic's short form when it came from one, else ""

    bool isNone() const { return kind == Kind::None; }
    /// A name or an index: something rules can compare.
    bool isDecided() const { return kind == Kind::Name || kind == Kind::Index; }
    /// True when sameZone() can decide (both names, or both indexes).
    bool comparable(const ZoneRef& other) const;
    /// True when both are decided and comparable and denote the same zone.
    bool sameZone(const ZoneRef& other) const;
    /// A key equal for the same zone and different for zones that are known to differ:
    /// "us-east-1a" or "#2"; "" when not decided.
    std::string key() const;
    /// How people read it: "us-east-1a", "zone 2 of the region", or the expression of an
    /// unknown zone ("!ImportValue SharedZone"); "" for none.
    std::string label() const;
};

/// The VPC's region when it is known: its own "region" property (not the catalogue's default);
/// "" otherwise.
std::string knownRegion(const Element& vpc);

/// The zone an element's availability_zone property denotes; region is the known region of its
/// VPC ("" when not known), which turns an index into the zone's name.
ZoneRef zoneOf(const Element& element, std::string_view region);

/// The zone of a subnet (or any element with an availability_zone) in a diagram, the region
/// taken from its VPC.
ZoneRef zoneOf(const Diagram& diagram, const Element& element);

/// What views show for a property of an element: for availability_zone the zone's label
/// ("us-east-1a", "zone 1 of the region"); for any other property its text (strings as they
/// are, lists joined with ", "). The one function the inspector, canvas and pictures call.
std::string propertyDisplayText(const Diagram& diagram, const Element& element,
                                std::string_view key);

/// The intrinsic a property came from in YAML short form ("!Select [0, !GetAZs '']"), or "".
std::string propertyExpressionText(const Element& element, std::string_view key);

}  // namespace skydraft
