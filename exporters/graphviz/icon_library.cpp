// Lookup of the embedded resource icons by kind key.
#include "icon_library.h"

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "catalogue/kind_keys.h"

namespace skydraft {

namespace {

/// The icon drawn for a kind without one of its own: the generic kind's.
constexpr std::string_view kFallbackIcon = kinds::kGeneric;

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

bool hasIcon(std::string_view key) {
    return findIcon(key) != nullptr;
}

std::string_view iconSvg(std::string_view key) {
    if (const EmbeddedIcon* icon = findIcon(key)) {
        return icon->svg;
    }
    const EmbeddedIcon* generic = findIcon(kFallbackIcon);
    return generic ? generic->svg : std::string_view{};
}

std::string iconFileName(std::string_view key) {
    return std::string(hasIcon(key) ? key : kFallbackIcon) + ".svg";
}

std::string iconFileContents(std::string_view key) {
    const std::string_view svg = iconSvg(key);
    if (svg.starts_with("<?xml")) {
        return std::string(svg);
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + std::string(svg);
}

std::vector<IconFile> iconFilesNamedIn(std::string_view dot) {
    constexpr std::string_view kSource = "SRC=\"";
    std::vector<IconFile> files;
    std::unordered_set<std::string> seen;
    for (std::size_t at = dot.find(kSource); at != std::string_view::npos;
         at = dot.find(kSource, at + 1)) {
        const std::size_t start = at + kSource.size();
        const std::size_t end = dot.find('"', start);
        if (end == std::string_view::npos) {
            break;
        }
        const std::string_view name = dot.substr(start, end - start);
        if (!name.ends_with(".svg")) {
            continue;
        }
        const std::string_view key = name.substr(0, name.size() - 4);
        if (hasIcon(key) && seen.insert(std::string(name)).second) {
            files.push_back({std::string(name), iconFileContents(key)});
        }
    }
    return files;
}

}  // namespace skydraft
