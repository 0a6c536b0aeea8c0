// Access intents kept with a design ("db subnets not reachable from the internet", "app-sg
// reaches db-sg on tcp 5432"), stored in the diagram's metadata and checked like rules.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/reachability/reach_types.h"
#include "diagram.h"

namespace skydraft::reach {

class Reachability;

/// The diagram metadata key holding the intents: an array of
/// {"id", "from", "to", "expect": "reachable"|"unreachable", "protocol"?, "port"?,
///  "description"?}. from and to name ends as `skydraft reach` does (ids, names, logical ids,
/// "internet", addresses; a security group stands for the resources using it).
inline constexpr std::string_view kIntentsKey = "access_intents";

/// One intent.
struct AccessIntent {
    std::string id;
    std::string from;
    std::string to;
    bool reachable = false;  ///< what the design must keep true
    Flow flow{Protocol::Any, -1};
    std::string description;
    friend bool operator==(const AccessIntent&, const AccessIntent&) = default;
};

/// The intents of a diagram; entries that are malformed are reported in *problems (with their
/// position) and left out.
std::vector<AccessIntent> readIntents(const Diagram& diagram, std::vector<std::string>* problems);

/// The JSON form of one intent, as stored.
nlohmann::json intentJson(const AccessIntent& intent);

/// Replaces the diagram's intents (an empty list removes the key).
void writeIntents(Diagram& diagram, const std::vector<AccessIntent>& intents);

/// "the internet must not reach db-a (tcp 5432)".
std::string intentText(const AccessIntent& intent);

/// The outcome of checking one intent.
struct IntentCheck {
    AccessIntent intent;
    bool holds = false;
    std::optional<ReachResult> result;  ///< the query's answer; none when an end is unusable
    std::string error;                  ///< why it could not be checked
};

/// Checks every intent against the design.
std::vector<IntentCheck> checkIntents(const Reachability& reachability,
                                      const std::vector<AccessIntent>& intents);

}  // namespace skydraft::reach
