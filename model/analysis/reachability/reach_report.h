// Reachability answers as JSON and as traceroute-like text, for the command line and tools.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "analysis/reachability/exposure.h"
#include "analysis/reachability/network_index.h"
#include "analysis/reachability/reach_types.h"

namespace skydraft::reach {

/// {"id", "name", "kind", "logical_id"?}: an element, a connection, "internet" or an address.
nlohmann::json componentJson(const NetworkIndex& index, const Id& id);

/// {"reachable", "path": [component...], "explanations": [{"code", "component", "direction",
/// "message", "fix"}...]}; "fix" is the one-line text (null when there is none).
nlohmann::json reachJson(const NetworkIndex& index, const ReachResult& result);

/// The answer as text: a numbered line per hop with its verdict, then every blocking component
/// with its fix. from and to are the endpoints as the user named them.
std::string reachText(const NetworkIndex& index, const ReachResult& result, const std::string& from,
                      const std::string& to, const Flow& flow);

/// {"exposed": [{"component", "ports": ["tcp 443", ...], "via": [component...]}...]}.
nlohmann::json exposureJson(const NetworkIndex& index, const std::vector<Exposure>& exposure);

/// One line per exposed element with its ports.
std::string exposureText(const NetworkIndex& index, const std::vector<Exposure>& exposure);

}  // namespace skydraft::reach
