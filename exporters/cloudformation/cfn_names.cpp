// Logical ids from names, and the short-form text of unresolved intrinsics.
#include "cfn_names.h"

#include <cctype>

namespace skydraft::cfn {

std::string logicalIdFromName(std::string_view name, std::string_view fallback) {
    std::string id;
    bool wordStart = true;
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) && u < 128) {
            id += wordStart ? static_cast<char>(std::toupper(u)) : c;
            wordStart = false;
        } else {
            wordStart = true;
        }
    }
    if (id.empty()) {
        id = std::string(fallback);
    }
    if (!id.empty() && std::isdigit(static_cast<unsigned char>(id[0]))) {
        id = "R" + id;
    }
    if (id.size() > 200) {
        id.resize(200);
    }
    return id;
}

namespace {

template <typename J>
bool intrinsic(const J& value) {
    if (!value.is_object() || value.size() != 1) {
        return false;
    }
    const std::string& key = value.begin().key();
    return key == "Ref" || key == "Condition" || key.rfind("Fn::", 0) == 0;
}

std::string scalarText(const nlohmann::json& value) {
    if (value.is_string()) {
        const std::string s = value.get<std::string>();
        if (s.empty() || s.find_first_of(" ,[]{}:'#") != std::string::npos) {
            return "'" + s + "'";
        }
        return s;
    }
    return value.dump();
}

}  // namespace

bool isIntrinsic(const nlohmann::json& value) {
    return intrinsic(value);
}
bool isIntrinsic(const nlohmann::ordered_json& value) {
    return intrinsic(value);
}

std::string symbolicText(const nlohmann::json& value) {
    if (isIntrinsic(value)) {
        const std::string& key = value.begin().key();
        const nlohmann::json& arg = value.begin().value();
        if (key == "Fn::GetAtt" && arg.is_array() && arg.size() == 2 && arg[0].is_string() &&
            arg[1].is_string()) {
            return "!GetAtt " + arg[0].get<std::string>() + "." + arg[1].get<std::string>();
        }
        const std::string name = key.rfind("Fn::", 0) == 0 ? key.substr(4) : key;
        return "!" + name + " " + symbolicText(arg);
    }
    if (value.is_array()) {
        std::string text = "[";
        for (std::size_t i = 0; i < value.size(); ++i) {
            text += (i ? ", " : "") + symbolicText(value[i]);
        }
        return text + "]";
    }
    if (value.is_object()) {
        std::string text = "{";
        bool first = true;
        for (const auto& [k, v] : value.items()) {
            text += (first ? "" : ", ") + k + ": " + symbolicText(v);
            first = false;
        }
        return text + "}";
    }
    return scalarText(value);
}

}  // namespace skydraft::cfn
