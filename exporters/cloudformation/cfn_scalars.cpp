// One-to-one properties: the catalogue's CloudFormation key and conversion, both directions.
#include "cfn_scalars.h"

#include <string>

#include "cfn_export_context.h"
#include "cfn_import_context.h"

namespace skydraft::cfn {

using nlohmann::json;

namespace {

bool mapped(const PropertyDef& def) {
    return !def.cfn.key.empty() && def.cfn.value != CfnValue::Custom;
}

bool emptyValue(const OJ& value) {
    return (value.is_string() && value.get_ref<const std::string&>().empty()) ||
           (value.is_array() && value.empty());
}

std::vector<std::string> strings(const json& value) {
    std::vector<std::string> out;
    if (value.is_array()) {
        for (const auto& v : value) {
            if (v.is_string()) {
                out.push_back(v.get<std::string>());
            }
        }
    }
    return out;
}

/// The value converted for the template, or null when nothing is written.
OJ converted(const ExportContext& context, CfnValue conversion, const json& value) {
    switch (conversion) {
        case CfnValue::Plain:
            return OJ(value);
        case CfnValue::IntegerString:
            return value.is_number_integer() ? OJ(std::to_string(value.get<long long>())) : OJ();
        case CfnValue::EnableDisable:
            return value.is_boolean() && value.get<bool>() ? "enable" : "disable";
        case CfnValue::Ref:
            return value.is_string() && context.exists(value.get<std::string>())
                       ? context.ref(value.get<std::string>())
                       : OJ();
        case CfnValue::RefList:
            return context.refList(strings(value), false);
        case CfnValue::GroupIdList:
            return context.refList(strings(value), true);
        case CfnValue::Custom:
            break;
    }
    return OJ();
}

bool isText(PropertyType type) {
    switch (type) {
        case PropertyType::String:
        case PropertyType::Enum:
        case PropertyType::Ipv4Cidr:
        case PropertyType::Ipv6Cidr:
        case PropertyType::IpAddress:
        case PropertyType::Region:
        case PropertyType::Zone:
            return true;
        default:
            return false;
    }
}

}  // namespace

void writeMappedProperties(const ExportContext& context, const std::vector<PropertyDef>& defs,
                           const json& properties, OJ& props) {
    for (const auto& def : defs) {
        if (!mapped(def)) {
            continue;
        }
        if (const json* intrinsic = ExportContext::symbolic(properties, def.key)) {
            props[def.cfn.key] = OJ(*intrinsic);
            continue;
        }
        const auto it = properties.find(def.key);
        const bool set = it != properties.end();
        if (def.cfn.optional && !set) {
            continue;
        }
        OJ value = converted(context, def.cfn.value, set ? *it : def.defaultValue);
        if (def.type == PropertyType::Zone && value.is_string()) {
            value = context.zone(value.get<std::string>());
        }
        if (value.is_null() || (def.cfn.optional && emptyValue(value))) {
            continue;
        }
        props[def.cfn.key] = std::move(value);
    }
}

void readMappedProperties(PrimaryReader& reader, const std::vector<PropertyDef>& defs) {
    Draft& d = reader.draft;
    for (const auto& def : defs) {
        if (!mapped(def)) {
            continue;
        }
        const char* key = def.cfn.key.c_str();
        if (!reader.has(key)) {
            reader.read.insert(key);
            if (!def.cfn.absent.is_null()) {
                d.props[def.key] = def.cfn.absent;
            }
            continue;
        }
        const OJ& value = reader.props[key];
        switch (def.cfn.value) {
            case CfnValue::EnableDisable:
                if (value.is_string()) {
                    reader.read.insert(key);
                    d.props[def.key] = value == "enable";
                }
                break;
            case CfnValue::Ref:
                if (const std::string id = reader.context.idOf(value); !id.empty()) {
                    reader.read.insert(key);
                    d.props[def.key] = id;
                }
                break;
            case CfnValue::RefList:
            case CfnValue::GroupIdList:
                reader.list(key, def.key);
                break;
            case CfnValue::Plain:
            case CfnValue::IntegerString:
                if (def.type == PropertyType::Bool) {
                    reader.boolean(key, def.key);
                } else if (def.type == PropertyType::Integer) {
                    reader.integer(key, def.key);
                } else if (isText(def.type)) {
                    reader.str(
                        key, def.key,
                        def.type == PropertyType::Ipv4Cidr || def.type == PropertyType::Ipv6Cidr);
                }
                break;
            case CfnValue::Custom:
                break;
        }
    }
}

}  // namespace skydraft::cfn
