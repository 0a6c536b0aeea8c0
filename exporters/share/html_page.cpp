// The self-contained HTML page: inline SVG, the diagram's data as escaped JSON, and the page's
// own style and script (html_page.css and html_page.js, compiled in).
#include "html_page.h"

#include <map>
#include <nlohmann/json.hpp>

#include "analysis/route_analysis.h"
#include "catalogue/kind_keys.h"
#include "catalogue/resource_catalogue.h"
#include "dot_writer.h"
#include "graphviz_renderer.h"
#include "html_page_assets.h"
#include "picture_style.h"
#include "validation/validator.h"

namespace skydraft {

using nlohmann::json;

namespace {

/// Text for HTML element content and attribute values.
std::string escapeHtml(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

/// JSON that can sit inside a <script> element: no "<" can close it or open a comment.
std::string scriptJson(const json& value) {
    const std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == '<') {
            out += "\\u003c";
        } else if (c == '>') {
            out += "\\u003e";
        } else if (c == '&') {
            out += "\\u0026";
        } else {
            out += c;
        }
    }
    return out;
}

/// The SVG document without its XML declaration, doctype and comments before the root.
std::string_view svgRoot(std::string_view svg) {
    const std::size_t root = svg.find("<svg");
    return root == std::string_view::npos ? std::string_view() : svg.substr(root);
}

class PageData {
public:
    PageData(const Diagram& diagram, const std::vector<Finding>& findings)
        : m_diagram(diagram), m_catalogue(ResourceCatalogue::instance()), m_routes(diagram) {
        for (std::size_t i = 0; i < findings.size(); ++i) {
            for (const Id& id : findings[i].elements) {
                m_findingsOf[id].push_back(static_cast<int>(i));
            }
        }
        for (const Finding& f : findings) {
            m_findings.push_back({{"rule", f.ruleId},
                                  {"severity", severityKey(f.severity)},
                                  {"message", f.message},
                                  {"suppressed", f.suppressed},
                                  {"elements", f.elements}});
        }
    }

    json build() const {
        json items = json::object();
        for (const Element& e : m_diagram.elements()) {
            items[e.id] = element(e);
        }
        for (const Connection& c : m_diagram.connections()) {
            items[c.id] = connection(c);
        }
        return {{"name", m_diagram.name()}, {"items", items}, {"findings", m_findings}};
    }

private:
    /// "name (id)" of an element or connection, or the id alone when it has no other name.
    std::string nameOf(std::string_view id) const {
        std::string name;
        if (const Element* e = m_diagram.element(id)) {
            name = e->name;
        } else if (const Connection* c = m_diagram.connection(id)) {
            name = c->name;
        }
        return name.empty() || name == id ? std::string(id) : name + " (" + std::string(id) + ")";
    }

    std::string scalarText(const json& value, const PropertyDef* def) const {
        if (value.is_string()) {
            const std::string text = value.get<std::string>();
            const bool reference = def && (def->type == PropertyType::Reference ||
                                           def->type == PropertyType::ReferenceList);
            return reference && !text.empty() ? nameOf(text) : text;
        }
        if (value.is_boolean()) {
            return value.get<bool>() ? "yes" : "no";
        }
        if (value.is_null()) {
            return "";
        }
        return value.dump(-1, ' ', false, json::error_handler_t::replace);
    }

    /// A property value as text: lists one item per line, objects as "key: value" pairs.
    std::string valueText(const json& value, const PropertyDef* def) const {
        if (value.is_array()) {
            std::string out;
            for (const json& item : value) {
                out += (out.empty() ? "" : "\n") + valueText(item, def);
            }
            return out;
        }
        if (value.is_object()) {
            std::string out;
            for (const auto& [key, item] : value.items()) {
                // Inside routes and rules, a string naming an element is shown with its name.
                std::string text;
                if (item.is_string() && m_diagram.contains(item.get<std::string>())) {
                    text = nameOf(item.get<std::string>());
                } else if (item.is_structured()) {
                    text = item.dump(-1, ' ', false, json::error_handler_t::replace);
                } else {
                    text = scalarText(item, nullptr);
                }
                out += (out.empty() ? "" : ", ") + key + ": " + text;
            }
            return out;
        }
        return scalarText(value, def);
    }

    json properties(const json& values, const std::vector<PropertyDef>& defs) const {
        json rows = json::array();
        std::map<std::string, bool> shown;
        for (const PropertyDef& def : defs) {
            if (!values.contains(def.key)) {
                continue;
            }
            shown[def.key] = true;
            const std::string text = valueText(values.at(def.key), &def);
            if (!text.empty()) {
                rows.push_back(json::array({def.label.empty() ? def.key : def.label, text}));
            }
        }
        for (const auto& [key, value] : values.items()) {
            if (!shown.contains(key)) {
                const std::string text = valueText(value, nullptr);
                if (!text.empty()) {
                    rows.push_back(json::array({key, text}));
                }
            }
        }
        return rows;
    }

    json findingsOf(const Id& id) const {
        const auto it = m_findingsOf.find(id);
        return it == m_findingsOf.end() ? json::array() : json(it->second);
    }

    json element(const Element& e) const {
        const KindDef* def = m_catalogue.kind(e.kind);
        json item = {{"type", "element"},
                     {"name", e.name},
                     {"kind", def ? def->displayName : e.kind},
                     {"properties",
                      properties(e.properties, def ? def->properties : std::vector<PropertyDef>{})},
                     {"findings", findingsOf(e.id)}};
        std::string path;
        for (const Element* p = m_diagram.element(e.parent); p; p = m_diagram.element(p->parent)) {
            const KindDef* parentDef = m_catalogue.kind(p->kind);
            path += (path.empty() ? "" : ", in ") + (parentDef ? parentDef->displayName : p->kind) +
                    " " + nameOf(p->id);
        }
        if (!path.empty()) {
            item["inside"] = path;
        }
        if (e.kind == kinds::kSubnet) {
            item["reach"] = reachStyle(m_routes.reach(e)).title;
        }
        if (!e.tags.empty()) {
            item["tags"] = e.tags;
        }
        return item;
    }

    json connection(const Connection& c) const {
        const ConnectionKindDef* def = m_catalogue.connectionKind(c.kind);
        return {{"type", "connection"},
                {"name", c.name},
                {"kind", def ? def->displayName : c.kind},
                {"from", nameOf(c.from)},
                {"to", nameOf(c.to)},
                {"properties",
                 properties(c.properties, def ? def->properties : std::vector<PropertyDef>{})},
                {"findings", findingsOf(c.id)}};
    }

    const Diagram& m_diagram;
    const ResourceCatalogue& m_catalogue;
    RouteAnalysis m_routes;
    std::map<Id, std::vector<int>> m_findingsOf;
    json m_findings = json::array();
};

}  // namespace

std::string writeHtmlPage(const Diagram& diagram, std::string_view svg,
                          const std::vector<Finding>& findings) {
    const std::string title =
        diagram.name().empty() ? std::string("Skydraft diagram") : diagram.name() + " · Skydraft";
    std::string page;
    page.reserve(svg.size() + 16384);
    page +=
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        // Nothing may be loaded: no script, style, image, font, frame or connection from
        // anywhere but this file.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
        "<meta name=\"generator\" content=\"skydraft\">\n<title>";
    page += escapeHtml(title);
    page += "</title>\n<style>\n";
    page += kHtmlPageStyle;
    page += "</style>\n</head>\n<body>\n<header class=\"sd-bar\"><h1 class=\"sd-title\">";
    page += escapeHtml(diagram.name().empty() ? std::string("Skydraft diagram") : diagram.name());
    page +=
        "</h1><span class=\"sd-counts\"></span><span class=\"sd-tools\">"
        "<button type=\"button\" class=\"sd-zoom-in\" title=\"Zoom in\">+</button>"
        "<button type=\"button\" class=\"sd-zoom-out\" title=\"Zoom out\">&#8722;</button>"
        "<button type=\"button\" class=\"sd-fit\" title=\"Fit the diagram\">Fit</button>"
        "</span></header>\n<main class=\"sd-main\">\n<div class=\"sd-view\">\n";
    page += svgRoot(svg);
    page +=
        "\n</div>\n<aside class=\"sd-panel\" aria-live=\"polite\"></aside>\n</main>\n"
        "<script type=\"application/json\" class=\"sd-data\">";
    page += scriptJson(PageData(diagram, findings).build());
    page += "</script>\n<script>\n";
    page += kHtmlPageScript;
    page += "</script>\n</body>\n</html>\n";
    return page;
}

}  // namespace skydraft
