// Property definitions: the names of types and editors, and new list items from their schema.
#include "catalogue/property_def.h"

namespace skydraft {

std::string_view propertyTypeKey(PropertyType type) {
    switch (type) {
        case PropertyType::String:
            return "string";
        case PropertyType::Bool:
            return "bool";
        case PropertyType::Integer:
            return "integer";
        case PropertyType::Enum:
            return "enum";
        case PropertyType::Ipv4Cidr:
            return "ipv4_cidr";
        case PropertyType::Ipv6Cidr:
            return "ipv6_cidr";
        case PropertyType::CidrList:
            return "cidr_list";
        case PropertyType::IpAddress:
            return "ip_address";
        case PropertyType::Region:
            return "region";
        case PropertyType::Zone:
            return "zone";
        case PropertyType::Reference:
            return "reference";
        case PropertyType::ReferenceList:
            return "reference_list";
        case PropertyType::StringList:
            return "string_list";
        case PropertyType::RouteList:
            return "route_list";
        case PropertyType::RuleList:
            return "rule_list";
        case PropertyType::AclEntryList:
            return "acl_entry_list";
        case PropertyType::Object:
            return "object";
    }
    return "string";
}

std::string_view propertyEditorKey(PropertyEditor editor) {
    switch (editor) {
        case PropertyEditor::Text:
            return "text";
        case PropertyEditor::Bool:
            return "bool";
        case PropertyEditor::Integer:
            return "integer";
        case PropertyEditor::Choice:
            return "enum";
        case PropertyEditor::Cidr:
            return "cidr";
        case PropertyEditor::IpAddress:
            return "ip";
        case PropertyEditor::CidrList:
            return "cidrList";
        case PropertyEditor::StringList:
            return "stringList";
        case PropertyEditor::Region:
            return "region";
        case PropertyEditor::Zone:
            return "zone";
        case PropertyEditor::Reference:
            return "reference";
        case PropertyEditor::ReferenceList:
            return "referenceList";
        case PropertyEditor::Routes:
            return "routes";
        case PropertyEditor::Rules:
            return "rules";
        case PropertyEditor::AclEntries:
            return "aclEntries";
        case PropertyEditor::Json:
            return "json";
    }
    return "text";
}

PropertyEditor defaultEditor(PropertyType type) {
    switch (type) {
        case PropertyType::String:
            return PropertyEditor::Text;
        case PropertyType::Bool:
            return PropertyEditor::Bool;
        case PropertyType::Integer:
            return PropertyEditor::Integer;
        case PropertyType::Enum:
            return PropertyEditor::Choice;
        case PropertyType::Ipv4Cidr:
        case PropertyType::Ipv6Cidr:
            return PropertyEditor::Cidr;
        case PropertyType::CidrList:
            return PropertyEditor::CidrList;
        case PropertyType::IpAddress:
            return PropertyEditor::IpAddress;
        case PropertyType::Region:
            return PropertyEditor::Region;
        case PropertyType::Zone:
            return PropertyEditor::Zone;
        case PropertyType::Reference:
            return PropertyEditor::Reference;
        case PropertyType::ReferenceList:
            return PropertyEditor::ReferenceList;
        case PropertyType::StringList:
            return PropertyEditor::StringList;
        case PropertyType::RouteList:
            return PropertyEditor::Routes;
        case PropertyType::RuleList:
            return PropertyEditor::Rules;
        case PropertyType::AclEntryList:
            return PropertyEditor::AclEntries;
        case PropertyType::Object:
            return PropertyEditor::Json;
    }
    return PropertyEditor::Text;
}

const PropertyDef* PropertyDef::field(std::string_view fieldKey) const {
    for (const auto& def : itemSchema) {
        if (def.key == fieldKey) {
            return &def;
        }
    }
    return nullptr;
}

nlohmann::json PropertyDef::newItem() const {
    nlohmann::json item = nlohmann::json::object();
    for (const auto& def : itemSchema) {
        if (!def.defaultValue.is_null()) {
            item[def.key] = def.defaultValue;
        }
    }
    return item;
}

}  // namespace skydraft
