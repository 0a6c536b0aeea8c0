// CloudFormation export: each element and connection through its kind family's mapping, then
// the template's sections, with the layout in Metadata.
#include "cloudformation_exporter.h"

#include "catalogue/resource_catalogue.h"
#include "cfn_export_context.h"
#include "cfn_kind_mapping.h"
#include "cfn_layout_metadata.h"
#include "cfn_names.h"

namespace skydraft {

using nlohmann::json;
using OJ = nlohmann::ordered_json;

namespace {

/// The sections kept from an imported template (Parameters, Outputs, Metadata, ...), or an
/// empty object. A hand-edited file can hold anything there, so nothing is assumed.
json keptTemplate(const Diagram& d) {
    const auto it = d.metadata().find(cfn::kTemplateMetadata);
    return it != d.metadata().end() && it->is_object() ? *it : json::object();
}

/// A kept section the template needs as an object; an empty object when absent or not one.
json keptObject(const json& kept, const char* section) {
    const auto it = kept.find(section);
    return it != kept.end() && it->is_object() ? *it : json::object();
}

/// True when `value` names `name` through a Ref or a ${name} in a Fn::Sub string.
bool mentions(const OJ& value, const std::string& name) {
    if (value.is_object()) {
        if (const auto ref = value.find("Ref"); ref != value.end() && *ref == name) {
            return true;
        }
        if (const auto sub = value.find("Fn::Sub"); sub != value.end()) {
            const OJ& text = sub->is_array() && !sub->empty() ? (*sub)[0] : *sub;
            if (text.is_string() &&
                text.get<std::string>().find("${" + name + "}") != std::string::npos) {
                return true;
            }
        }
    }
    if (value.is_structured()) {
        for (const auto& child : value) {
            if (mentions(child, name)) {
                return true;
            }
        }
    }
    return false;
}

/// A zone written as !Select [i, !GetAZs ''] (portable zones) keeps its name in the layout
/// entry, so that importing the template gives back the diagram it came from.
void keepPortableZones(const cfn::ExportContext& ctx, const Element& e, cfn::layout::Entry& entry) {
    const KindDef* def = ResourceCatalogue::instance().kind(e.kind);
    if (!def) {
        return;
    }
    for (const PropertyDef& p : def->properties) {
        const auto it = e.properties.find(p.key);
        if (p.type == PropertyType::Zone && it != e.properties.end() && it->is_string() &&
            !ctx.zone(it->get<std::string>()).is_string()) {
            entry.keep(p.key, *it);
        }
    }
}

/// Writes every element's and connection's resources; returns their layout entries.
cfn::layout::Written exportResources(cfn::ExportContext& ctx) {
    namespace layout = cfn::layout;
    const Diagram& d = ctx.diagram();
    layout::Written written;
    for (const auto& e : d.elements()) {
        layout::Entry entry(e.id, e.kind, e.name, ctx.lid(e.id), e.properties, e.suppressions);
        if (!e.parent.empty()) {
            entry.set(layout::kParent, e.parent);
        }
        entry.set(layout::kGeometry,
                  OJ::array({e.geometry.x, e.geometry.y, e.geometry.width, e.geometry.height}));
        if (const cfn::KindMapping* mapping = cfn::kindMapping(e.kind);
            mapping && mapping->exportElement) {
            mapping->exportElement(ctx, e, entry);
        }
        keepPortableZones(ctx, e, entry);
        if (!ctx.isEmitted(ctx.lid(e.id))) {
            entry.erase(layout::kLogicalId);
            if (!e.tags.empty()) {
                entry.set(layout::kTags, OJ(e.tags));
            }
        }
        written.elements.push_back(entry.take());
    }
    for (const auto& family : cfn::mappingFamilies()) {
        if (family.afterElements) {
            family.afterElements(ctx);
        }
    }
    for (const auto& c : d.connections()) {
        layout::Entry entry(c.id, c.kind, c.name, ctx.lid(c.id), c.properties, c.suppressions);
        entry.set(layout::kFrom, c.from);
        entry.set(layout::kTo, c.to);
        if (const cfn::KindMapping* mapping = cfn::kindMapping(c.kind);
            mapping && mapping->exportConnection && ctx.exists(c.from) && ctx.exists(c.to)) {
            mapping->exportConnection(ctx, c, entry);
        }
        if (!ctx.isEmitted(ctx.lid(c.id))) {
            entry.erase(layout::kLogicalId);
        }
        written.connections.push_back(entry.take());
    }
    for (const auto& family : cfn::mappingFamilies()) {
        if (family.finishExport) {
            family.finishExport(ctx);
        }
    }
    return written;
}

}  // namespace

nlohmann::ordered_json exportCloudFormation(const Diagram& diagram,
                                            const CfnExportOptions& options) {
    cfn::ExportContext ctx(diagram, options);
    cfn::layout::Written written = exportResources(ctx);

    const json leftovers = keptTemplate(diagram);
    OJ out = OJ::object();
    out["AWSTemplateFormatVersion"] =
        OJ(leftovers.value("AWSTemplateFormatVersion", json("2010-09-09")));
    if (!options.description.empty()) {
        out["Description"] = options.description;
        written.generatedDescription = !leftovers.contains("Description");
    } else if (leftovers.contains("Description")) {
        out["Description"] = OJ(leftovers["Description"]);
    } else {
        out["Description"] = diagram.name().empty() ? std::string("Skydraft diagram")
                                                    : "Skydraft diagram: " + diagram.name();
        written.generatedDescription = true;
    }
    if (leftovers.contains("Transform")) {
        out["Transform"] = OJ(leftovers["Transform"]);
    }

    // A parameter the exporter adds is written only when a resource still refers to it: an
    // imported literal (a database's MasterUsername) replaces the Ref the mapping wrote.
    auto referenced = [&](const std::string& name) {
        for (const auto& [id, resource] : ctx.resources()) {
            if (mentions(resource, name)) {
                return true;
            }
        }
        return false;
    };
    OJ parameters = OJ(keptObject(leftovers, "Parameters"));
    for (const auto& [k, v] : ctx.parameters().items()) {
        if (!parameters.contains(k) && referenced(k)) {
            parameters[k] = v;
            written.generatedParameters.push_back(k);
        }
    }
    OJ outputs = OJ(keptObject(leftovers, "Outputs"));
    for (const auto& [name, definition] : ctx.outputs()) {
        if (!outputs.contains(name) && !ctx.isUsed(name)) {
            outputs[name] = definition;
            written.generatedOutputs.push_back(name);
        }
    }

    OJ metadata = OJ(keptObject(leftovers, "Metadata"));
    if (options.includeLayout) {
        written.owned = std::move(ctx.owned());
        metadata[cfn::layout::kMetadataKey] = cfn::layout::object(diagram, std::move(written));
    }
    if (!metadata.empty()) {
        out["Metadata"] = std::move(metadata);
    }
    if (!parameters.empty()) {
        out["Parameters"] = std::move(parameters);
    }
    for (const char* section : {"Rules", "Mappings", "Conditions"}) {
        if (leftovers.contains(section)) {
            out[section] = OJ(leftovers[section]);
        }
    }
    OJ resources = OJ::object();
    auto& list = static_cast<OJ::object_t::Container&>(*resources.get_ptr<OJ::object_t*>());
    list.reserve(ctx.resources().size());
    for (auto& [id, resource] : ctx.resources()) {
        list.emplace_back(id, std::move(resource));
    }
    out["Resources"] = std::move(resources);
    if (!outputs.empty()) {
        out["Outputs"] = std::move(outputs);
    }
    return out;
}

}  // namespace skydraft
