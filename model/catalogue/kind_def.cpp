// Element and connection kinds: the lookups every caller of the catalogue shares.
#include "catalogue/kind_def.h"

#include <algorithm>

namespace skydraft {

std::string_view categoryKey(Category category) {
    switch (category) {
        case Category::Networking:
            return "networking";
        case Category::Compute:
            return "compute";
        case Category::Database:
            return "database";
        case Category::Storage:
            return "storage";
        case Category::Integration:
            return "integration";
    }
    return "networking";
}

const RouteTarget* routeTargetIn(const std::vector<RouteTarget>& targets,
                                 std::string_view tableKind) {
    for (const auto& target : targets) {
        if (target.tableKind == tableKind) {
            return &target;
        }
    }
    return nullptr;
}

namespace {

const PropertyDef* findProperty(const std::vector<PropertyDef>& properties, std::string_view key) {
    for (const auto& def : properties) {
        if (def.key == key) {
            return &def;
        }
    }
    return nullptr;
}

}  // namespace

const PropertyDef* KindDef::property(std::string_view propertyKey) const {
    return findProperty(properties, propertyKey);
}

bool KindDef::canLiveIn(std::string_view parentKind) const {
    return std::find(containers.begin(), containers.end(), parentKind) != containers.end();
}

const PropertyDef* ConnectionKindDef::property(std::string_view propertyKey) const {
    return findProperty(properties, propertyKey);
}

bool ConnectionKindDef::canJoin(std::string_view fromKind, std::string_view toKind) const {
    if (endpoints.empty()) {
        return true;
    }
    return std::any_of(endpoints.begin(), endpoints.end(), [&](const EndpointRule& rule) {
        return rule.from == fromKind && rule.to == toKind;
    });
}

}  // namespace skydraft
