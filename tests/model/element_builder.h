// Building elements for the model's tests in one line.
#pragma once

#include <string>
#include <utility>

#include "diagram.h"

namespace skydraft::test {

/// An element named after its id, with the given parent and properties.
inline Element makeElement(std::string id, std::string kind, std::string parent = {},
                           nlohmann::json properties = nlohmann::json::object()) {
    Element e;
    e.id = std::move(id);
    e.kind = std::move(kind);
    e.name = e.id;
    e.parent = std::move(parent);
    e.properties = std::move(properties);
    return e;
}

}  // namespace skydraft::test
