// One property of a kind: its JSON shape, editor, default, list-item schema and template key.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace skydraft {

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
    RouteList,      ///< array of route objects (itemSchema)
    RuleList,       ///< security group rules: array of objects (itemSchema)
    AclEntryList,   ///< network ACL entries: array of objects (itemSchema)
    Object,         ///< any JSON object
};

/// Returns "string", "bool", ...
std::string_view propertyTypeKey(PropertyType type);

/// The inspector's editor for a property or a list-item field. The QML inspector picks its
/// control from propertyEditorKey(); the typed-text parser of the app follows the same enum.
enum class PropertyEditor {
    Text,           ///< one line of free text
    Bool,           ///< a switch
    Integer,        ///< a whole number typed as text
    Choice,         ///< a combo box of enumValues
    Cidr,           ///< an IPv4 or IPv6 CIDR typed as text, checked as you type
    IpAddress,      ///< an IP address typed as text
    CidrList,       ///< CIDRs separated by commas or new lines
    StringList,     ///< strings separated by commas or new lines
    Region,         ///< a combo box of the regions
    Zone,           ///< a combo box of the zones of the element's region
    Reference,      ///< a combo box of the elements of referenceKinds
    ReferenceList,  ///< several of those
    Routes,         ///< a table of routes (itemSchema)
    Rules,          ///< a table of security group rules (itemSchema)
    AclEntries,     ///< a table of network ACL entries (itemSchema)
    Json,           ///< JSON text
};

/// Returns "text", "bool", "integer", "enum", "cidr", "ip", "cidrList", "stringList",
/// "region", "zone", "reference", "referenceList", "routes", "rules", "aclEntries", "json".
std::string_view propertyEditorKey(PropertyEditor editor);

/// The editor a property of that type gets unless its definition says otherwise.
PropertyEditor defaultEditor(PropertyType type);

/// How a property's value is written under its CloudFormation key.
enum class CfnValue {
    Plain,          ///< the JSON value as it is
    IntegerString,  ///< a whole number written as a string ("20"), as the specification types it
    EnableDisable,  ///< true / false written as "enable" / "disable"
    Ref,            ///< an element id written as {"Ref": logical id}
    RefList,        ///< element ids written as a list of Refs
    GroupIdList,    ///< security group ids written as Fn::GetAtt [sg, GroupId]
    Custom,         ///< the kind's family mapping writes and reads it (no one-to-one key)
};

/// Where a property lives in a CloudFormation template.
struct CfnMapping {
    std::string key;  ///< property key of the kind's main resource; "" when not one-to-one
    CfnValue value = CfnValue::Plain;
    /// Left out of the template when the element does not set the property, or when it would
    /// be written as an empty string or an empty list (CloudFormation's own default applies).
    bool optional = false;
    /// The value the import gives the property when a template leaves the key out (what
    /// CloudFormation assumes then); null: the import leaves the property unset.
    nlohmann::json absent;
    /// True when the template carries the property (one-to-one or through the family mapping);
    /// everything else on an element is kept in the Skydraft layout metadata.
    bool carried() const { return !key.empty() || value == CfnValue::Custom; }
};

/// One property of a kind, or one field of a list item.
struct PropertyDef {
    std::string key;
    PropertyType type = PropertyType::String;
    std::string label;
    nlohmann::json defaultValue;  ///< null: no default
    bool required = false;
    std::vector<std::string> enumValues;      ///< for Enum
    std::vector<std::string> referenceKinds;  ///< for Reference(List): kinds it may name
    std::string description;
    PropertyEditor editor = PropertyEditor::Text;
    CfnMapping cfn;
    /// For list properties: the fields of one item, in the order the inspector shows them.
    std::vector<PropertyDef> itemSchema;
    std::string itemName;     ///< for list properties: what one item is called ("route")
    std::string placeholder;  ///< example text an empty editor shows

    const PropertyDef* field(std::string_view fieldKey) const;
    /// A new list item: every field of itemSchema with a default, as an object.
    nlohmann::json newItem() const;
};

}  // namespace skydraft
