// The resource catalogue: the one description of every element and connection kind.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace skydraft {

/// Palette grouping, which also decides the icon colour.
enum class Category { Networking, Compute, Database, Storage, Integration };

/// Returns "networking", "compute", ...
std::string_view categoryKey(Category category);

/// How a property value is shaped. The document only checks the JSON shape; whether a
/// CIDR parses or a reference resolves is the validator's job (DIA003).
enum class PropertyType {
    String,
    Bool,
    Integer,
    Enum,           ///< a string from enumValues
    Ipv4Cidr,       ///< a string
    Ipv6Cidr,       ///< a string
    CidrList,       ///< array of strings
    IpAddress,      ///< a string
    Region,         ///< a string such as "us-east-1"
    Zone,           ///< an availability zone name, a string such as "us-east-1a"
    Reference,      ///< an element or connection id, a string ("" for none)
    ReferenceList,  ///< array of ids
    StringList,     ///< array of strings
    RouteList,      ///< array of {"destination": cidr, "target": id, "propagated"?: bool}
    RuleList,       ///< security group rules: array of objects (see docs/file-format.md)
    AclEntryList,   ///< network ACL entries: array of objects
    Object,         ///< any JSON object
};

/// Returns "string", "bool", ...
std::string_view propertyTypeKey(PropertyType type);

/// One property of a kind.
struct PropertyDef {
    std::string key;
    PropertyType type = PropertyType::String;
    std::string label;
    nlohmann::json defaultValue;  ///< null: no default
    bool required = false;
    std::vector<std::string> enumValues;      ///< for Enum
    std::vector<std::string> referenceKinds;  ///< for Reference(List): kinds it may name
    std::string description;
};

/// One element kind (vpc, subnet, ec2_instance, ...).
struct KindDef {
    std::string key;
    std::string cfnType;  ///< main CloudFormation type, e.g. "AWS::EC2::VPC"; "" if none
    std::string displayName;
    std::string icon;  ///< icon file stem in icons/, equal to key
    Category category = Category::Networking;
    bool isContainer = false;             ///< drawn as a box holding children
    std::vector<std::string> containers;  ///< parent kinds; "" means the top level
    std::vector<PropertyDef> properties;
    std::string description;

    const PropertyDef* property(std::string_view propertyKey) const;
    bool canLiveIn(std::string_view parentKind) const;
};

/// One endpoint pair a connection kind may join (order matters: from, to).
struct EndpointRule {
    std::string from;
    std::string to;
};

/// One connection kind (vpc_peering, transit_gateway_attachment, vpn_attachment, uses).
struct ConnectionKindDef {
    std::string key;
    std::string cfnType;
    std::string displayName;
    std::vector<EndpointRule> endpoints;  ///< empty: any two elements
    std::vector<PropertyDef> properties;
    std::string description;

    const PropertyDef* property(std::string_view propertyKey) const;
    bool canJoin(std::string_view fromKind, std::string_view toKind) const;
};

/// The catalogue. A process-wide immutable singleton; lookups are by key.
class ResourceCatalogue {
public:
    static const ResourceCatalogue& instance();

    const std::vector<KindDef>& kinds() const { return m_kinds; }
    const std::vector<ConnectionKindDef>& connectionKinds() const { return m_connectionKinds; }
    /// nullptr for an unknown key.
    const KindDef* kind(std::string_view key) const;
    const ConnectionKindDef* connectionKind(std::string_view key) const;
    /// The kind whose main CloudFormation type is cfnType, or nullptr.
    const KindDef* kindForCfnType(std::string_view cfnType) const;

    /// Checks that value has the JSON shape of def; returns an empty string when it does,
    /// else a message such as "expected a string".
    static std::string checkValue(const PropertyDef& def, const nlohmann::json& value);

private:
    ResourceCatalogue();
    std::vector<KindDef> m_kinds;
    std::vector<ConnectionKindDef> m_connectionKinds;
};

}  // namespace skydraft
