// Public/private/isolated subnet classification from default routes (kept small: the validator
// owns full route analysis in model/).
#include "subnet_exposure.h"

#include <algorithm>

namespace skydraft {

bool isDefaultRoute(std::string_view destination) {
    return destination == "0.0.0.0/0" || destination == "::/0";
}

const Element* effectiveRouteTable(const Diagram& diagram, const Element& subnet) {
    const Element* main = nullptr;
    for (const Element* table : diagram.elementsOfKind("route_table")) {
        const auto associations = table->stringListProperty("associations");
        if (std::find(associations.begin(), associations.end(), subnet.id) !=
            associations.end()) {
            return table;
        }
        if (!main && table->parent == subnet.parent && table->boolProperty("main")) {
            main = table;
        }
    }
    return main;
}

SubnetExposure subnetExposure(const Diagram& diagram, const Element& subnet) {
    const Element* table = effectiveRouteTable(diagram, subnet);
    if (!table) {
        return SubnetExposure::Isolated;
    }
    bool hasPrivateRoute = false;
    const auto& routes = table->property("routes");
    if (!routes.is_array()) {
        return SubnetExposure::Isolated;
    }
    for (const auto& route : routes) {
        if (!route.is_object() || !route.contains("destination") || !route.contains("target") ||
            !route["destination"].is_string() || !route["target"].is_string()) {
            continue;
        }
        if (!isDefaultRoute(route["destination"].get<std::string>())) {
            continue;
        }
        const std::string target = route["target"].get<std::string>();
        if (const Element* element = diagram.element(target)) {
            if (element->kind == "internet_gateway") {
                return SubnetExposure::Public;
            }
            hasPrivateRoute = true;
        } else if (diagram.connection(target)) {
            hasPrivateRoute = true;
        }
    }
    return hasPrivateRoute ? SubnetExposure::Private : SubnetExposure::Isolated;
}

}  // namespace skydraft
