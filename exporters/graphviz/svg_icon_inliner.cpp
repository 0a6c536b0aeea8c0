// Rewrites <image xlink:href="/some/dir/kind.svg"> in Graphviz SVG output as <use> of embedded
// icon symbols.
#include "svg_icon_inliner.h"

#include <map>
#include <optional>

#include "icon_library.h"

namespace skydraft {

namespace {

/// The value of attribute name in an element's start tag text, if present.
std::optional<std::string> attribute(std::string_view tag, std::string_view name) {
    std::size_t from = 0;
    while (true) {
        const std::size_t at = tag.find(name, from);
        if (at == std::string_view::npos) {
            return std::nullopt;
        }
        from = at + name.size();
        const bool startsWord = at > 0 && (tag[at - 1] == ' ' || tag[at - 1] == '\n' ||
                                           tag[at - 1] == '\t');
        if (!startsWord || tag.substr(from, 2) != "=\"") {
            continue;
        }
        const std::size_t valueStart = from + 2;
        const std::size_t valueEnd = tag.find('"', valueStart);
        if (valueEnd == std::string_view::npos) {
            return std::nullopt;
        }
        return std::string(tag.substr(valueStart, valueEnd - valueStart));
    }
}

/// The icon's drawing without the XML comment and the outer <svg> element.
std::string_view iconBody(std::string_view svg) {
    const std::size_t open = svg.find("<svg");
    const std::size_t start = open == std::string_view::npos ? 0 : svg.find('>', open) + 1;
    const std::size_t end = svg.rfind("</svg>");
    return svg.substr(start, (end == std::string_view::npos ? svg.size() : end) - start);
}

std::string symbolId(std::string_view key) { return "skydraft-icon-" + std::string(key); }

}  // namespace

std::string inlineSvgIcons(std::string_view svg, std::vector<std::string>* warnings) {
    std::string out;
    out.reserve(svg.size());
    std::map<std::string, bool> used;
    std::size_t pos = 0;
    while (true) {
        const std::size_t start = svg.find("<image", pos);
        if (start == std::string_view::npos) {
            out.append(svg.substr(pos));
            break;
        }
        const std::size_t end = svg.find('>', start);
        if (end == std::string_view::npos) {
            out.append(svg.substr(pos));
            break;
        }
        out.append(svg.substr(pos, start - pos));
        pos = end + 1;
        const std::string_view tag = svg.substr(start, end + 1 - start);
        const std::string href = attribute(tag, "xlink:href").value_or(
            attribute(tag, "href").value_or(std::string()));
        std::string file = href.substr(href.find_last_of('/') + 1);
        std::string key;
        if (file.size() > 4 && file.ends_with(".svg")) {
            key = file.substr(0, file.size() - 4);
        }
        if (key.empty() || !hasIcon(key)) {
            if (warnings) {
                warnings->push_back("removed an image that is not a Skydraft icon: " + file);
            }
            continue;
        }
        used[key] = true;
        out += "<use xlink:href=\"#" + symbolId(key) + "\"";
        for (const char* name : {"x", "y", "width", "height"}) {
            if (const auto value = attribute(tag, name)) {
                out += " " + std::string(name) + "=\"" + *value + "\"";
            }
        }
        out += "/>";
    }
    if (used.empty()) {
        return out;
    }
    std::string defs = "\n<defs>\n";
    for (const auto& [key, _] : used) {
        defs += "<symbol id=\"" + symbolId(key) + "\" viewBox=\"0 0 64 64\">" +
                std::string(iconBody(iconSvg(key))) + "</symbol>\n";
    }
    defs += "</defs>";
    const std::size_t root = out.find("<svg");
    const std::size_t rootEnd = root == std::string::npos ? root : out.find('>', root);
    if (rootEnd != std::string::npos) {
        out.insert(rootEnd + 1, defs);
    }
    return out;
}

}  // namespace skydraft
