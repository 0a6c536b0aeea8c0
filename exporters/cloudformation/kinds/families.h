// The kind families' CloudFormation mappings; cfn_mapping_registry.cpp lists them in order.
#pragma once

#include "cfn_kind_mapping.h"

namespace skydraft::cfn::families {

FamilyMapping network();      ///< kinds/network.cpp
FamilyMapping routing();      ///< kinds/routing.cpp
FamilyMapping security();     ///< kinds/security.cpp
FamilyMapping hybrid();       ///< kinds/hybrid.cpp
FamilyMapping compute();      ///< kinds/compute.cpp
FamilyMapping data();         ///< kinds/data.cpp
FamilyMapping connections();  ///< kinds/connections.cpp
FamilyMapping other();        ///< kinds/other.cpp

}  // namespace skydraft::cfn::families
