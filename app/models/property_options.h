// What the inspector's choice editors offer: enumeration values, regions, the zones of the
// element's region, elements of the kinds a reference names, and a route table's targets.
#pragma once

#include <QVariantList>
#include <string>
#include <vector>

#include "catalogue/property_def.h"
#include "diagram.h"

namespace skydraft {

/// The choices for the selected items' editors, as [{value, label}] lists for QML. References
/// stay within the selection's VPC; route targets are what the catalogue lists for the
/// table's kind, within the table's VPC (or transit gateway).
class PropertyOptions {
public:
    /// targets: the ids of the selected elements or connections (the first one decides the
    /// VPC and region).
    PropertyOptions(const Diagram& diagram, const std::vector<std::string>& targets)
        : m_diagram(diagram), m_targets(targets) {}

    /// The choices of a property, or of a field of one of its list items when list is the
    /// list property holding it; [] for an editor without choices.
    QVariantList of(const PropertyDef& def, const PropertyDef* list = nullptr) const;
    /// What the routes of table may target: elements of the route-target kinds inside the
    /// table's VPC (or transit gateway), and for connection kinds the connections of that
    /// container (named by their far end when the route names that end).
    QVariantList routeTargets(const Element& table) const;

    /// The label of an enumeration value: the value itself, but "all" for "-1" (how AWS
    /// writes every IP protocol).
    static QString enumLabel(const std::string& value);

private:
    QVariantList references(const PropertyDef& def) const;
    /// The region of the first selected item's VPC, or "".
    std::string region() const;
    std::string describe(std::string_view id) const;

    const Diagram& m_diagram;
    const std::vector<std::string>& m_targets;
};

}  // namespace skydraft
