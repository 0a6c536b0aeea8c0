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

std::string destinationSuffix(const std::string& destination) {
    if (destination == "0.0.0.0/0") {
        return "Default";
    }
    if (destination == "::/0") {
        return "DefaultIpv6";
    }
    std::string s;
    for (char c : destination) {
        s += std::isalnum(static_cast<unsigned char>(c)) ? c : 'x';
    }
    return s;
}

bool isIntrinsic(const nlohmann::json& value) {
    return isIntrinsicObject(value);
}
bool isIntrinsic(const nlohmann::ordered_json& value) {
    return isIntrinsicObject(value);
}

std::string symbolicText(const nlohmann::json& value) {
    return intrinsicText(value);
}

}  // namespace skydraft::cfn
