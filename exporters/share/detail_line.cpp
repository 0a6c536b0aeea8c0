// Interprets the catalogue's detail parts of a kind for one element.
#include "detail_line.h"

#include <algorithm>

#include "catalogue/resource_catalogue.h"

namespace skydraft {

namespace {

/// A property's value as text: strings as they are, integers in decimal, booleans as
/// "true"/"false"; anything else (absent, lists, objects) is "".
std::string valueText(const nlohmann::json& value) {
    if (value.is_string()) {
        return value.get<std::string>();
    }
    if (value.is_number_integer()) {
        return std::to_string(value.get<long long>());
    }
    if (value.is_boolean()) {
        return value.get<bool>() ? "true" : "false";
    }
    return {};
}

std::string partText(const DetailPart& part, const Element& e) {
    if (part.property.empty()) {
        return part.text;
    }
    std::string value = valueText(e.property(part.property));
    if (!part.words.empty()) {
        const auto word = [&](std::string_view key) {
            return std::find_if(part.words.begin(), part.words.end(),
                                [&](const auto& w) { return w.first == key; });
        };
        if (auto it = word(value); it != part.words.end()) {
            return it->second;
        }
        if (auto it = word("*"); it != part.words.end()) {
            return it->second;
        }
    }
    if (part.lastSegment) {
        if (const auto dot = value.rfind('.'); dot != std::string::npos) {
            value = value.substr(dot + 1);
        }
    }
    if (!part.upTo.empty()) {
        value += "–" + valueText(e.property(part.upTo));
    }
    return value.empty() ? value : part.text + value;
}

}  // namespace

std::string detailLine(const Element& element) {
    const ResourceCatalogue& catalogue = ResourceCatalogue::instance();
    const KindDef* def = catalogue.kind(element.kind);
    std::string out;
    if (def) {
        for (const DetailPart& part : def->detail) {
            const std::string text = partText(part, element);
            if (text.empty()) {
                continue;
            }
            if (!out.empty()) {
                out += " · ";
            }
            out += text;
        }
    }
    return out.empty() ? std::string(catalogue.displayName(element.kind)) : out;
}

}  // namespace skydraft
