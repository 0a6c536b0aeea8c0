// What the inspector shows that the model derives: a subnet's usable addresses, reach and
// route table, a VPC's address use, a route table's subnets and effective routes.
#pragma once

#include <QVariantList>

#include "diagram.h"

namespace skydraft {

/// Facts about one element for the inspector, as [{label, value, detail, emphasis, monospace}]:
/// emphasis "ok" marks a good value (a public subnet), monospace a detail that lists routes.
/// Reach and routes come from RouteAnalysis, the one definition of public and private.
class DerivedFacts {
public:
    static QVariantList of(const Diagram& diagram, const Element& element);
};

}  // namespace skydraft
