// CloudFormation import: resources back to catalogue kinds through the kind families' mappings,
// wiring folded into properties, the layout restored or made.
#include "cloudformation_importer.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "auto_layout.h"
#include "catalogue/kind_keys.h"
#include "catalogue/resource_catalogue.h"
#include "cfn_import_context.h"
#include "cfn_kind_mapping.h"
#include "cfn_layout_metadata.h"
#include "cfn_names.h"
#include "cfn_scalars.h"
#include "cfn_template_reader.h"

namespace skydraft {

using nlohmann::json;
using OJ = nlohmann::ordered_json;

std::string CfnImportError::toString() const {
    if (path.empty() && line > 0) {
        return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " +
               message;
    }
    return path.empty() ? message : path + ": " + message;
}

namespace {

using cfn::Draft;
using cfn::fail;
using cfn::ImportContext;
namespace layout = cfn::layout;

class Importer {
public:
    Importer(const OJ& document, const TemplateOptions& options) : m_ctx(document, options) {}
    CfnImportResult run();

private:
    void checkTemplate();
    void checkReferences(const OJ& value, const std::string& where);
    void checkDependencyCycles();
    void createDrafts();
    void readPrimary(Draft& d);
    void foldAuxiliaries();
    void placeParents();
    CfnImportResult build();

    ImportContext m_ctx;
};

/// CloudFormation refuses a template whose DependsOn form a cycle; so does the import, naming
/// the cycle. Depth-first without recursion, so that a chain of many resources cannot exhaust
/// the stack. Runs after every DependsOn was checked to name a resource.
void Importer::checkDependencyCycles() {
    std::unordered_map<std::string, std::vector<std::string>> dependsOn;
    for (const auto& [id, res] : m_ctx.resources().items()) {
        const auto it = res.find("DependsOn");
        if (it == res.end()) {
            continue;
        }
        auto& targets = dependsOn[id];
        for (const auto& dep : it->is_array() ? *it : OJ::array({*it})) {
            targets.push_back(dep.get<std::string>());
        }
    }
    enum class Mark { Unvisited, OnPath, Done };
    std::unordered_map<std::string, Mark> marks;
    for (const auto& [start, res] : m_ctx.resources().items()) {
        if (marks[start] != Mark::Unvisited) {
            continue;
        }
        std::vector<std::pair<std::string, std::size_t>> path{{start, 0}};  // node, next edge
        marks[start] = Mark::OnPath;
        while (!path.empty()) {
            auto& [node, next] = path.back();
            const auto edges = dependsOn.find(node);
            if (edges == dependsOn.end() || next == edges->second.size()) {
                marks[node] = Mark::Done;
                path.pop_back();
                continue;
            }
            const std::string target = edges->second[next++];
            const Mark mark = marks[target];
            if (mark == Mark::OnPath) {
                auto first = std::find_if(path.begin(), path.end(),
                                          [&](const auto& step) { return step.first == target; });
                std::string cycle;
                for (auto it = first; it != path.end(); ++it) {
                    cycle += it->first + " -> ";
                }
                fail("Resources." + target + ".DependsOn",
                     "circular dependency: " + cycle + target);
            }
            if (mark == Mark::Unvisited) {
                marks[target] = Mark::OnPath;
                path.emplace_back(target, 0);
            }
        }
    }
}

void Importer::checkReferences(const OJ& value, const std::string& where) {
    if (value.is_object()) {
        if (value.size() == 1 && value.contains("Ref") && value["Ref"].is_string()) {
            const std::string name = value["Ref"].get<std::string>();
            if (name.rfind("AWS::", 0) != 0 && !m_ctx.hasResource(name) &&
                !m_ctx.isParameter(name)) {
                fail(where, "!Ref " + name + " names no resource or parameter");
            }
            return;
        }
        if (value.size() == 1 && value.contains("Fn::GetAtt")) {
            const OJ& arg = value["Fn::GetAtt"];
            if (arg.is_array() && !arg.empty() && arg[0].is_string() &&
                !m_ctx.hasResource(arg[0].get<std::string>())) {
                fail(where, "!GetAtt " + arg[0].get<std::string>() + " names no resource");
            }
            return;
        }
        for (const auto& [k, v] : value.items()) {
            checkReferences(v, where + "." + k);
        }
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i) {
            checkReferences(value[i], where + "[" + std::to_string(i) + "]");
        }
    }
}

/// The shape CloudFormation itself requires, and every Ref, GetAtt and DependsOn naming
/// something.
void Importer::checkTemplate() {
    const OJ& t = m_ctx.templ();
    if (!t.is_object()) {
        fail("", "a template must be an object");
    }
    if (!t.contains("Resources") || !t["Resources"].is_object()) {
        fail("Resources", "missing or not an object");
    }
    m_ctx.indexResources();
    for (const auto& [id, res] : m_ctx.resources().items()) {
        if (!res.is_object() || !res.contains("Type") || !res["Type"].is_string()) {
            fail(ImportContext::path(id), "a resource needs a string Type");
        }
        if (res.contains("Properties") && !res["Properties"].is_object()) {
            fail(ImportContext::path(id) + ".Properties", "expected an object");
        }
    }
    m_ctx.readParameters();
    m_ctx.startEvaluation();
    // CloudFormation refuses these sections unless they are objects; the exporter writes
    // them back, so a string here would break the round trip.
    for (const char* section : {"Outputs", "Mappings", "Conditions", "Metadata", "Rules"}) {
        if (t.contains(section) && !t[section].is_object()) {
            fail(section, "expected an object");
        }
    }
    for (const auto& [id, res] : m_ctx.resources().items()) {
        checkReferences(ImportContext::properties(res), ImportContext::path(id) + ".Properties");
        if (res.contains("DependsOn")) {
            const OJ& deps = res["DependsOn"];
            for (const auto& dep : deps.is_array() ? deps : OJ::array({deps})) {
                if (!dep.is_string() || !m_ctx.hasResource(dep.get<std::string>())) {
                    fail(ImportContext::path(id) + ".DependsOn", dep.dump() + " names no resource");
                }
            }
        }
    }
    checkDependencyCycles();
    if (t.contains("Outputs") && t["Outputs"].is_object()) {
        for (const auto& [name, out] : t["Outputs"].items()) {
            checkReferences(out, "Outputs." + name);
        }
    }
}

void Importer::createDrafts() {
    // Resources that are wiring of another (a NAT gateway's Elastic IP, an Auto Scaling group's
    // launch template) are claimed first.
    for (const auto& [id, res] : m_ctx.resources().items()) {
        if (const cfn::Claim* claim = cfn::claimFor(res.value("Type", ""))) {
            claim->claim(m_ctx, id, res);
        }
    }
    const layout::Imported& imported = m_ctx.layout();
    for (const auto& [id, res] : m_ctx.resources().items()) {
        if (m_ctx.isOwned(id) || m_ctx.auxOwners().count(id)) {
            continue;
        }
        Draft d;
        d.logicalId = id;
        d.type = res.value("Type", "");
        bool connection = false;
        if (const auto lit = imported.byLogicalId.find(id); lit != imported.byLogicalId.end()) {
            d.id = (*lit->second)[layout::kId].get<std::string>();
            d.kind = (*lit->second)[layout::kKind].get<std::string>();
            d.isConnection = lit->second->contains(layout::kFrom);
            d.fromLayout = true;
        } else if (const cfn::KindMapping* mapping = cfn::mappingForType(d.type, &connection)) {
            d.kind = std::string(mapping->kind);
            d.isConnection = connection;
        } else {
            continue;  // wiring or generic: decided when folding
        }
        if (d.id.empty()) {
            d.id = id;
        }
        m_ctx.addDraft(std::move(d));
    }
    // Layout entries without a resource (a regional NAT gateway, "uses" connections, ...).
    for (const char* section : {layout::kElements, layout::kConnections}) {
        for (const auto& entry : imported.section(section)) {
            const std::string logicalId = entry.value(layout::kLogicalId, "");
            if (!logicalId.empty() && m_ctx.hasResource(logicalId)) {
                continue;
            }
            Draft d;
            d.id = entry[layout::kId].get<std::string>();
            d.kind = entry[layout::kKind].get<std::string>();
            d.isConnection = std::string_view(section) == layout::kConnections;
            d.fromLayout = true;
            m_ctx.addDraft(std::move(d));
        }
    }
}

/// The main resource: the one-to-one properties through the catalogue, the rest through the
/// kind's mapping, the tags; everything else is kept and written back unchanged.
void Importer::readPrimary(Draft& d) {
    if (d.logicalId.empty()) {
        return;
    }
    m_ctx.current = d.logicalId;
    const OJ& res = m_ctx.resource(d.logicalId);
    const cfn::KindMapping* mapping = cfn::kindMapping(d.kind);
    cfn::PrimaryReader reader(m_ctx, d, res);
    if (mapping) {
        reader.tagsKey = std::string(mapping->tagsKey);
    }
    const auto& catalogue = ResourceCatalogue::instance();
    if (const KindDef* def = catalogue.kind(d.kind)) {
        cfn::readMappedProperties(reader, def->properties);
    } else if (const ConnectionKindDef* def = catalogue.connectionKind(d.kind)) {
        cfn::readMappedProperties(reader, def->properties);
    }
    if (mapping && mapping->importResource) {
        mapping->importResource(m_ctx, reader);
    }
    if (!reader.tagsKey.empty()) {
        reader.read.insert(reader.tagsKey);
        m_ctx.readTags(d, res, reader.tagsKey.c_str());
    }
    m_ctx.keepRest(d, res, reader.read);
}

void Importer::foldAuxiliaries() {
    // Target groups and subnet groups are folded by the listener or instance that names them,
    // which may come later: leftovers become generic only after every fold was tried.
    std::vector<std::string> leftovers;
    for (const auto& [id, res] : m_ctx.resources().items()) {
        if (m_ctx.isDraft(id) || m_ctx.isConsumed(id) || m_ctx.isOwned(id)) {
            continue;
        }
        m_ctx.current = id;
        const cfn::Fold* fold = cfn::foldFor(res.value("Type", ""));
        if (!fold || !fold->fold(m_ctx, id, res)) {
            leftovers.push_back(id);
        }
    }
    for (const auto& id : leftovers) {
        if (m_ctx.isConsumed(id)) {
            continue;
        }
        m_ctx.auxOwners().erase(id);
        m_ctx.genericDraft(id, m_ctx.resource(id));
    }
}

void Importer::placeParents() {
    for (const auto& family : cfn::mappingFamilies()) {
        if (family.beforePlacement) {
            family.beforePlacement(m_ctx);
        }
    }
    std::vector<Draft>& drafts = m_ctx.drafts();
    auto vpcOfSubnets = [&](const json& subnets) -> std::string {
        if (!subnets.is_array() || subnets.empty()) {
            return {};
        }
        for (const Draft& s : drafts) {
            if (s.id == subnets[0] && s.kind == kinds::kSubnet) {
                return s.parent;
            }
        }
        return {};
    };
    for (Draft& d : drafts) {
        const cfn::KindMapping* mapping = cfn::kindMapping(d.kind);
        if (!d.fromLayout && !d.isConnection && mapping && mapping->placedBySubnets) {
            d.parent = vpcOfSubnets(d.props.value("subnets", json::array()));
        }
    }
    // Resources that cannot be placed (a security group without a VPC, an instance in a subnet
    // of another stack, a peering with a VPC given by id, ...) stay as the template has them;
    // repeated until nothing changes, since a child follows its parent.
    const auto& catalogue = ResourceCatalogue::instance();
    std::unordered_map<std::string, std::size_t> byId;
    for (std::size_t i = 0; i < drafts.size(); ++i) {
        byId[drafts[i].id] = i;
    }
    auto kindOf = [&](const std::string& id) -> std::string {
        const auto it = byId.find(id);
        return it == byId.end() ? "?" : drafts[it->second].kind;
    };
    std::vector<std::string> released;
    auto toGeneric = [&](Draft& d) {
        d.kind = std::string(kinds::kGeneric);
        d.isConnection = false;
        d.parent.clear();
        d.from.clear();
        d.to.clear();
        d.props = {{"type", d.type},
                   {"cfn", ImportContext::fragmentOf(m_ctx.resource(d.logicalId))}};
        d.symbolic = json::object();
        d.evaluated = json::object();
        d.extra = json::object();
        d.extraTags = json::array();
        for (const auto& [role, aux] : d.aux.items()) {
            released.push_back(aux["logical_id"].get<std::string>());
        }
        d.aux = json::object();
        d.tags.clear();
        d.name.clear();
    };
    for (bool changed = true; changed;) {
        changed = false;
        for (Draft& d : drafts) {
            if (d.fromLayout || d.kind == kinds::kGeneric || d.logicalId.empty()) {
                continue;
            }
            bool placeable = true;
            if (d.isConnection) {
                const ConnectionKindDef* def = catalogue.connectionKind(d.kind);
                placeable = def && !d.from.empty() && !d.to.empty() &&
                            def->canJoin(kindOf(d.from), kindOf(d.to));
            } else {
                const KindDef* def = catalogue.kind(d.kind);
                placeable = def && def->canLiveIn(d.parent.empty() ? "" : kindOf(d.parent));
            }
            if (!placeable) {
                toGeneric(d);
                changed = true;
            }
        }
    }
    for (const auto& logicalId : released) {
        m_ctx.release(logicalId);
        m_ctx.auxOwners().erase(logicalId);
        if (m_ctx.isDraft(logicalId)) {
            continue;
        }
        m_ctx.genericDraft(logicalId, m_ctx.resource(logicalId));
    }
    for (const auto& family : cfn::mappingFamilies()) {
        if (family.afterPlacement) {
            family.afterPlacement(m_ctx);
        }
    }
}

CfnImportResult Importer::run() {
    CfnImportResult result;
    try {
        checkTemplate();
        m_ctx.setLayout(layout::read(m_ctx.templ()));
        createDrafts();
        for (std::size_t i = 0; i < m_ctx.drafts().size(); ++i) {
            readPrimary(m_ctx.drafts()[i]);
        }
        foldAuxiliaries();
        for (const auto& family : cfn::mappingFamilies()) {
            if (family.afterFolds) {
                family.afterFolds(m_ctx);
            }
        }
        placeParents();
        result = build();
    } catch (const cfn::ImportFailure& failure) {
        result.error = failure.error;
    } catch (const nlohmann::json::exception& e) {
        // A value of an unexpected shape somewhere the template format leaves open.
        result.error =
            CfnImportError{m_ctx.current.empty() ? "" : ImportContext::path(m_ctx.current),
                           std::string("unexpected value: ") + e.what(), 0, 0};
    }
    return result;
}

/// What the "cloudformation" property of an element keeps of its resource.
json cfnProperty(const Draft& d) {
    const auto& catalogue = ResourceCatalogue::instance();
    json c = json::object();
    if (!d.logicalId.empty() && !d.fromLayout) {
        c["logical_id"] = d.logicalId;
    }
    if (!d.extra.empty()) {
        c["extra"] = d.extra;
    }
    const KindDef* kindDef = catalogue.kind(d.kind);
    const ConnectionKindDef* connectionDef = catalogue.connectionKind(d.kind);
    const std::string modelType = kindDef         ? kindDef->cfnType
                                  : connectionDef ? connectionDef->cfnType
                                                  : "";
    if (!d.type.empty() && d.type != modelType) {
        c["type"] = d.type;
    }
    if (!d.symbolic.empty()) {
        c["symbolic"] = d.symbolic;
    }
    if (!d.evaluated.empty()) {
        c[std::string(kEvaluatedKey)] = d.evaluated;
    }
    if (!d.extraTags.empty()) {
        c["extra_tags"] = d.extraTags;
    }
    if (!d.aux.empty()) {
        c["aux"] = d.aux;
    }
    return c;
}

CfnImportResult Importer::build() {
    CfnImportResult result;
    const layout::Imported& imported = m_ctx.layout();
    auto finalProps = [&](const Draft& d, const json* entry) {
        json properties = d.props;
        if (d.kind != kinds::kGeneric) {
            json c = cfnProperty(d);
            if (!c.empty() && !(entry && d.fromLayout)) {
                properties[std::string(cfn::kCfnProperty)] = c;
            }
        }
        if (!entry || !d.fromLayout) {
            return properties;
        }
        return layout::exactProperties(*entry, d.kind, properties);
    };

    std::vector<Draft>& drafts = m_ctx.drafts();
    std::vector<Element> elements;
    std::vector<Connection> connections;
    std::vector<std::size_t> order;  // drafts, layout order first
    std::unordered_map<std::string, std::size_t> draftById;
    for (std::size_t i = 0; i < drafts.size(); ++i) {
        draftById[drafts[i].id] = i;
    }
    std::unordered_set<std::size_t> placed;
    for (const char* section : {layout::kElements, layout::kConnections}) {
        for (const auto& entry : imported.section(section)) {
            const auto it = draftById.find(entry[layout::kId].get<std::string>());
            if (it != draftById.end() && placed.insert(it->second).second) {
                order.push_back(it->second);
            }
        }
    }
    for (std::size_t i = 0; i < drafts.size(); ++i) {
        if (placed.insert(i).second) {
            order.push_back(i);
        }
    }
    bool needsLayout = false;
    for (std::size_t i : order) {
        const Draft& d = drafts[i];
        const json* entry = imported.entry(d.id);
        if (d.isConnection) {
            Connection c;
            c.id = d.id;
            c.kind = d.kind;
            c.name = d.name.empty() ? d.logicalId : d.name;
            c.from = d.from;
            c.to = d.to;
            if (entry && d.fromLayout) {
                c.name = entry->value(layout::kEntryName, c.name);
                c.from = entry->value(layout::kFrom, c.from);
                c.to = entry->value(layout::kTo, c.to);
                c.suppressions = entry->value(layout::kSuppressions, std::vector<std::string>{});
            }
            c.properties = finalProps(d, entry);
            if (c.from.empty() || c.to.empty()) {
                result.error = CfnImportError{ImportContext::path(d.logicalId),
                                              "cannot tell which resources it joins", 0, 0};
                return result;
            }
            connections.push_back(std::move(c));
            continue;
        }
        Element e;
        e.id = d.id;
        e.kind = d.kind;
        e.name = d.name.empty() ? d.logicalId : d.name;
        e.parent = d.parent;
        e.tags = d.tags;
        if (entry && d.fromLayout) {
            e.name = entry->value(layout::kEntryName, e.name);
            e.parent = entry->value(layout::kParent, std::string());
            const json g = entry->value(layout::kGeometry, json::array());
            if (g.is_array() && g.size() == 4) {
                e.geometry = {g[0].get<double>(), g[1].get<double>(), g[2].get<double>(),
                              g[3].get<double>()};
            }
            e.suppressions = entry->value(layout::kSuppressions, std::vector<std::string>{});
            if (entry->contains(layout::kTags)) {
                e.tags = (*entry)[layout::kTags].get<std::map<std::string, std::string>>();
            } else if (!d.name.empty() && d.name != e.name) {
                e.tags["Name"] = d.name;  // a Name tag that differs from the element name
            }
        } else {
            needsLayout = true;
        }
        e.properties = finalProps(d, entry);
        elements.push_back(std::move(e));
    }
    if (needsLayout) {
        std::unordered_map<std::string, Geometry> drawn;
        for (const auto& e : elements) {
            if (imported.entry(e.id)) {
                drawn[e.id] = e.geometry;
            }
        }
        autoLayout(elements);
        for (auto& e : elements) {
            if (const auto it = drawn.find(e.id); it != drawn.end()) {
                e.geometry = it->second;
            }
        }
    }

    Diagram diagram;
    json metadata = imported.layout.value(layout::kMetadata, json::object());
    json leftovers = json::object();
    for (const auto& [section, value] : m_ctx.templ().items()) {
        if (section == "Resources") {
            continue;
        }
        if (section == "AWSTemplateFormatVersion" && value == "2010-09-09") {
            continue;
        }
        if (section == "Description" && imported.generatedDescription()) {
            continue;
        }
        json kept = json(value);
        if (section == "Parameters" || section == "Outputs") {
            for (const auto& [name, def] : value.items()) {
                if (imported.generated(section == "Parameters" ? layout::kGeneratedParameters
                                                               : layout::kGeneratedOutputs,
                                       name)) {
                    kept.erase(name);
                }
            }
        }
        if (section == "Metadata") {
            kept.erase(layout::kMetadataKey);
        }
        if (kept.is_object() && kept.empty() && section != "Description") {
            continue;
        }
        leftovers[section] = kept;
    }
    if (!leftovers.empty()) {
        metadata[std::string(cfn::kTemplateMetadata)] = leftovers;
    }
    diagram.setMetadata(metadata);
    std::string name = imported.layout.value(layout::kName, std::string());
    if (!imported.present && m_ctx.templ().contains("Description") &&
        m_ctx.templ()["Description"].is_string()) {
        name = m_ctx.templ()["Description"].get<std::string>();
    }
    diagram.setName(name);
    Diagram::Problem problem;
    const std::size_t elementCount = elements.size();
    std::vector<std::string> names;
    for (const auto& e : elements) {
        names.push_back(e.id);
    }
    for (const auto& c : connections) {
        names.push_back(c.id);
    }
    if (Status s = diagram.assign(std::move(elements), std::move(connections), &problem); !s) {
        const std::size_t index =
            problem.inConnections ? elementCount + problem.index : problem.index;
        const std::string id = index < names.size() ? names[index] : "";
        const auto it = draftById.find(id);
        const std::string logicalId = it != draftById.end() ? drafts[it->second].logicalId : id;
        result.error =
            CfnImportError{logicalId.empty() ? "Metadata." + std::string(layout::kMetadataKey)
                                             : ImportContext::path(logicalId),
                           s.error, 0, 0};
        return result;
    }
    result.diagram = std::move(diagram);
    result.warnings = m_ctx.warnings();
    return result;
}

}  // namespace

CfnImportResult importCloudFormationTemplate(const nlohmann::ordered_json& document,
                                             const TemplateOptions& options) {
    return Importer(document, options).run();
}

CfnImportResult importCloudFormation(std::string_view text, const TemplateOptions& options) {
    cfn::TemplateText read = cfn::readTemplateText(text);
    if (read.error) {
        CfnImportResult result;
        result.error = std::move(read.error);
        return result;
    }
    return importCloudFormationTemplate(read.value, options);
}

}  // namespace skydraft
