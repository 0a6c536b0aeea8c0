// Comparing one property's values between two matched items, by the property's type.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "catalogue/resource_catalogue.h"
#include "diff/diagram_diff.h"

namespace skydraft {

/// How values that refer to items are read: A's ids are translated into B's before comparing,
/// and each side's references are shown by name.
struct ValueContext {
    std::function<std::string(const std::string&)> translate;  ///< A id -> B id (or a token)
    std::function<std::string(const std::string&)> labelA;
    std::function<std::string(const std::string&)> labelB;
};

/// The change of property key from before (A) to after (B), or nullopt when they are the same.
/// def is the catalogue's definition (nullptr for keys the catalogue does not know, which are
/// compared as plain JSON).
std::optional<PropertyChange> compareValue(const std::string& key, const PropertyDef* def,
                                           const nlohmann::json& before,
                                           const nlohmann::json& after,
                                           const ValueContext& context);

/// "tcp", "udp", "icmp", "icmpv6" or "-1" (all) for the protocol names and numbers AWS and
/// templates use ("6", "tcp", -1, "all", ...).
std::string normalizedProtocol(const nlohmann::json& protocol);

}  // namespace skydraft
