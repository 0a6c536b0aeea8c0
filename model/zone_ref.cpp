// Availability zones evaluated from names, zone indexes and unknowns, for rules and views.
#include "zone_ref.h"

#include "catalogue/kind_keys.h"
#include "catalogue/regions.h"
#include "template/symbolic_value.h"

namespace skydraft {

using nlohmann::json;

bool ZoneRef::comparable(const ZoneRef& other) const {
    return isDecided() && other.isDecided() && kind == other.kind;
}

bool ZoneRef::sameZone(const ZoneRef& other) const {
    if (!comparable(other)) {
        return false;
    }
    return kind == Kind::Name ? name == other.name : index == other.index;
}

std::string ZoneRef::key() const {
    switch (kind) {
        case Kind::Name:
            return name;
        case Kind::Index:
            return "#" + std::to_string(index + 1);
        default:
            return {};
    }
}

std::string ZoneRef::label() const {
    switch (kind) {
        case Kind::None:
            return {};
        case Kind::Name:
            return name;
        case Kind::Index:
            return "zone " + std::to_string(index + 1) + " of the region";
        default:
            return expression.empty() ? "unknown zone" : expression;
    }
}

std::string knownRegion(const Element& vpc) {
    const auto it = vpc.properties.find("region");
    return it != vpc.properties.end() && it->is_string() ? it->get<std::string>() : std::string();
}

ZoneRef zoneOf(const Element& element, std::string_view region) {
    ZoneRef zone;
    const SymbolicValue value = evaluatedProperty(element.properties, "availability_zone");
    if (const json* e = propertyExpression(element.properties, "availability_zone")) {
        zone.expression = intrinsicText(*e);
    }
    switch (value.state) {
        case SymbolicState::Known:
            if (value.value.is_string() && !value.value.get_ref<const std::string&>().empty()) {
                zone.kind = ZoneRef::Kind::Name;
                zone.name = value.value.get<std::string>();
                zone.index = region.empty() ? -1 : zoneIndexOf(region, zone.name);
            }
            break;
        case SymbolicState::ZoneIndex:
            zone.index = value.zoneIndex;
            if (const std::string_view name = zoneAt(region, value.zoneIndex); !name.empty()) {
                zone.kind = ZoneRef::Kind::Name;
                zone.name = std::string(name);
            } else if (!region.empty() && findRegion(region)) {
                zone.kind = ZoneRef::Kind::Invalid;
                zone.reason = "the region " + std::string(region) + " has " +
                              std::to_string(findRegion(region)->zones.size()) +
                              " zones, so it has no zone " + std::to_string(value.zoneIndex + 1);
            } else {
                zone.kind = ZoneRef::Kind::Index;
            }
            break;
        case SymbolicState::Unknown:
            zone.kind = ZoneRef::Kind::Unknown;
            zone.reason = value.reason;
            break;
        case SymbolicState::Invalid:
            zone.kind = ZoneRef::Kind::Invalid;
            zone.reason = value.reason;
            break;
        case SymbolicState::Absent:
            break;
    }
    return zone;
}

ZoneRef zoneOf(const Diagram& diagram, const Element& element) {
    const Element* vpc = diagram.ancestorOfKind(element.id, kinds::kVpc);
    return zoneOf(element, vpc ? knownRegion(*vpc) : std::string());
}

std::string propertyDisplayText(const Diagram& diagram, const Element& element,
                                std::string_view key) {
    if (key == "availability_zone") {
        return zoneOf(diagram, element).label();
    }
    const json& value = element.property(key);
    if (value.is_null()) {
        return {};
    }
    if (value.is_string()) {
        return value.get<std::string>();
    }
    if (value.is_array()) {
        std::string out;
        for (const json& v : value) {
            out += (out.empty() ? "" : ", ") + (v.is_string() ? v.get<std::string>() : v.dump());
        }
        return out;
    }
    return value.dump();
}

std::string propertyExpressionText(const Element& element, std::string_view key) {
    const json* e = propertyExpression(element.properties, key);
    return e ? intrinsicText(*e) : std::string();
}

}  // namespace skydraft
