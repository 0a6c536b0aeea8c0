// Lookup of the embedded resource icons by kind key.
#include "icon_library.h"

#include <string>
#include <unordered_map>

namespace skydraft {

namespace {

const EmbeddedIcon* findIcon(std::string_view key) {
    static const std::unordered_map<std::string_view, const EmbeddedIcon*> index = [] {
        std::unordered_map<std::string_view, const EmbeddedIcon*> map;
        for (const EmbeddedIcon& icon : embeddedIcons()) {
            map.emplace(icon.key, &icon);
        }
        return map;
    }();
    const auto it = index.find(key);
    return it == index.end() ? nullptr : it->second;
}

}  // namespace

bool hasIcon(std::string_view key) { return findIcon(key) != nullptr; }

std::string_view iconSvg(std::string_view key) {
    if (const EmbeddedIcon* icon = findIcon(key)) {
        return icon->svg;
    }
    const EmbeddedIcon* generic = findIcon("generic");
    return generic ? generic->svg : std::string_view{};
}

std::string iconFileName(std::string_view key) {
    return std::string(hasIcon(key) ? key : std::string_view("generic")) + ".svg";
}

}  // namespace skydraft
