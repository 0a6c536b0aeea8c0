// Parameters and region use of a template, read before the import.
#include "cfn_template_inputs.h"

#include "cfn_template_reader.h"

namespace skydraft {

namespace {

using OJ = nlohmann::ordered_json;

/// A parameter's scalar as CloudFormation takes it: strings as they are, numbers and
/// booleans as written; lists (CommaDelimitedList defaults written as arrays) joined by commas.
std::string scalarText(const OJ& value) {
    if (value.is_string()) {
        return value.get<std::string>();
    }
    if (value.is_array()) {
        std::string out;
        for (const OJ& item : value) {
            out += (out.empty() ? "" : ",") + scalarText(item);
        }
        return out;
    }
    return value.dump();
}

bool mentionsRegion(const OJ& value, int depth = 0) {
    if (depth > 200) {
        return false;
    }
    if (value.is_string()) {
        return value.get_ref<const std::string&>().find("${AWS::Region}") != std::string::npos;
    }
    if (value.is_object()) {
        for (const auto& [key, item] : value.items()) {
            if (key == "Fn::GetAZs" ||
                (key == "Ref" && item.is_string() && item.get<std::string>() == "AWS::Region")) {
                return true;
            }
            if (mentionsRegion(item, depth + 1)) {
                return true;
            }
        }
    } else if (value.is_array()) {
        for (const OJ& item : value) {
            if (mentionsRegion(item, depth + 1)) {
                return true;
            }
        }
    }
    return false;
}

}  // namespace

TemplateInputs readTemplateInputs(std::string_view text) {
    TemplateInputs inputs;
    cfn::TemplateText read = cfn::readTemplateText(text);
    if (read.error) {
        inputs.error = std::move(read.error);
        return inputs;
    }
    if (!read.value.is_object()) {
        inputs.error = CfnImportError{"", "a template is an object with a Resources section"};
        return inputs;
    }
    if (const auto section = read.value.find("Parameters"); section != read.value.end()) {
        if (!section->is_object()) {
            inputs.error = CfnImportError{"Parameters", "must be an object of parameters"};
            return inputs;
        }
        for (const auto& [name, definition] : section->items()) {
            TemplateParameter parameter;
            parameter.name = name;
            if (definition.is_object()) {
                if (const auto type = definition.find("Type");
                    type != definition.end() && type->is_string()) {
                    parameter.type = type->get<std::string>();
                }
                if (const auto value = definition.find("Default"); value != definition.end()) {
                    parameter.defaultValue = scalarText(*value);
                }
                if (const auto value = definition.find("Description");
                    value != definition.end() && value->is_string()) {
                    parameter.description = value->get<std::string>();
                }
                if (const auto value = definition.find("AllowedValues");
                    value != definition.end() && value->is_array()) {
                    for (const OJ& allowed : *value) {
                        parameter.allowedValues.push_back(scalarText(allowed));
                    }
                }
                if (const auto value = definition.find("NoEcho"); value != definition.end()) {
                    parameter.noEcho =
                        value->is_boolean() ? value->get<bool>() : scalarText(*value) == "true";
                }
            }
            inputs.parameters.push_back(std::move(parameter));
        }
    }
    inputs.usesRegion = mentionsRegion(read.value);
    return inputs;
}

}  // namespace skydraft
