// The catalogue's families: each file adds its kinds; the catalogue calls them in this order.
#pragma once

#include <vector>

#include "catalogue/kind_def.h"

namespace skydraft::catalogue {

void addNetworkKinds(std::vector<KindDef>& kinds);               ///< network_kinds.cpp
void addRoutingKinds(std::vector<KindDef>& kinds);               ///< routing_kinds.cpp
void addSecurityKinds(std::vector<KindDef>& kinds);              ///< security_kinds.cpp
void addHybridKinds(std::vector<KindDef>& kinds);                ///< hybrid_kinds.cpp
void addComputeKinds(std::vector<KindDef>& kinds);               ///< compute_kinds.cpp
void addDataKinds(std::vector<KindDef>& kinds);                  ///< data_kinds.cpp
void addOtherKinds(std::vector<KindDef>& kinds);                 ///< other_kinds.cpp
void addConnectionKinds(std::vector<ConnectionKindDef>& kinds);  ///< connection_kinds.cpp

}  // namespace skydraft::catalogue
