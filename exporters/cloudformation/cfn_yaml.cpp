// YAML and JSON template parsing, with CloudFormation's short-form tags turned into long forms.
#include "cfn_yaml.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <regex>

namespace skydraft {

using nlohmann::ordered_json;

namespace {

bool isInteger(const std::string& s) {
    static const std::regex pattern(R"([-+]?(0|[1-9][0-9]*))");
    return std::regex_match(s, pattern);
}

bool isFloat(const std::string& s) {
    static const std::regex pattern(R"([-+]?(0|[1-9][0-9]*)?\.[0-9]+([eE][-+]?[0-9]+)?)");
    return std::regex_match(s, pattern);
}

ordered_json plainScalar(const std::string& s) {
    if (s == "true" || s == "True" || s == "TRUE")
        return true;
    if (s == "false" || s == "False" || s == "FALSE")
        return false;
    if (s == "null" || s == "Null" || s == "NULL" || s == "~")
        return nullptr;
    if (s.size() < 19 && isInteger(s))
        return std::stoll(s);
    if (isFloat(s))
        return std::stod(s);
    return s;
}

ordered_json convert(const YAML::Node& node);

/// Long form of a short-form tag such as "!GetAtt", applied to its already converted value.
ordered_json applyTag(const std::string& tag, ordered_json value) {
    const std::string name = tag.substr(1);
    if (name == "Ref")
        return ordered_json{{"Ref", std::move(value)}};
    if (name == "Condition")
        return ordered_json{{"Condition", std::move(value)}};
    if (name == "GetAtt" && value.is_string()) {
        const std::string text = value.get<std::string>();
        const auto dot = text.find('.');
        ordered_json parts = ordered_json::array();
        parts.push_back(text.substr(0, dot));
        parts.push_back(dot == std::string::npos ? std::string() : text.substr(dot + 1));
        return ordered_json{{"Fn::GetAtt", std::move(parts)}};
    }
    return ordered_json{{"Fn::" + name, std::move(value)}};
}

ordered_json convert(const YAML::Node& node) {
    ordered_json value;
    switch (node.Type()) {
        case YAML::NodeType::Null:
        case YAML::NodeType::Undefined:
            value = node.Tag().size() > 1 && node.Tag() != "?" ? ordered_json("") : ordered_json();
            break;
        case YAML::NodeType::Scalar:
            value = node.Tag() == "?" ? plainScalar(node.Scalar()) : ordered_json(node.Scalar());
            break;
        case YAML::NodeType::Sequence:
            value = ordered_json::array();
            for (const auto& item : node) {
                value.push_back(convert(item));
            }
            break;
        case YAML::NodeType::Map:
            value = ordered_json::object();
            for (const auto& item : node) {
                value[item.first.as<std::string>()] = convert(item.second);
            }
            break;
    }
    const std::string& tag = node.Tag();
    if (tag.size() > 1 && tag[0] == '!' && tag.rfind("tag:", 0) != 0) {
        return applyTag(tag, std::move(value));
    }
    return value;
}

}  // namespace

bool looksLikeJson(std::string_view text) {
    const auto it = std::find_if(text.begin(), text.end(), [](char c) {
        return !std::isspace(static_cast<unsigned char>(c));
    });
    return it != text.end() && *it == '{';
}

CfnTextResult parseCfnTemplateText(std::string_view text) {
    CfnTextResult result;
    if (looksLikeJson(text)) {
        try {
            result.value = ordered_json::parse(text);
        } catch (const nlohmann::json::parse_error& e) {
            result.error = e.what();
            std::size_t line = 1;
            std::size_t column = 1;
            for (std::size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
                if (text[i] == '\n') {
                    ++line;
                    column = 1;
                } else {
                    ++column;
                }
            }
            result.line = line;
            result.column = column;
        }
        return result;
    }
    try {
        const YAML::Node root = YAML::Load(std::string(text));
        result.value = convert(root);
    } catch (const YAML::Exception& e) {
        result.error = e.msg;
        result.line = static_cast<std::size_t>(e.mark.line + 1);
        result.column = static_cast<std::size_t>(e.mark.column + 1);
    }
    return result;
}

}  // namespace skydraft
