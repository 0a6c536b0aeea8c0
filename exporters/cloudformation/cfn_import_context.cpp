// The import's shared state and value readers: resolving intrinsics, tags, wiring roles.
#include "cfn_import_context.h"

#include <algorithm>
#include <stdexcept>

#include "catalogue/kind_keys.h"
#include "catalogue/regions.h"
#include "catalogue/resource_catalogue.h"
#include "cfn_names.h"
#include "cidr.h"

namespace skydraft::cfn {

using nlohmann::json;

void fail(std::string path, std::string message) {
    throw ImportFailure{CfnImportError{std::move(path), std::move(message), 0, 0}};
}

ImportContext::ImportContext(const OJ& templ, TemplateOptions options)
    : m_t(templ), m_options(std::move(options)) {}

ImportContext::~ImportContext() = default;

void ImportContext::indexResources() {
    m_resources = &m_t["Resources"];
    for (const auto& [id, res] : m_resources->items()) {
        m_index[id] = &res;
    }
}

const OJ& ImportContext::properties(const OJ& resource) {
    static const OJ empty = OJ::object();
    const auto it = resource.find("Properties");
    return it != resource.end() && it->is_object() ? *it : empty;
}

std::string ImportContext::path(const std::string& logicalId, const std::string& key) {
    return "Resources." + logicalId + (key.empty() ? "" : ".Properties." + key);
}

std::string ImportContext::typeOf(const std::string& logicalId) const {
    return hasResource(logicalId) ? resource(logicalId).value("Type", "") : std::string();
}

void ImportContext::readParameters() {
    if (!m_t.contains("Parameters")) {
        return;
    }
    if (!m_t["Parameters"].is_object()) {
        fail("Parameters", "expected an object");
    }
    for (const auto& [name, def] : m_t["Parameters"].items()) {
        m_parameters.insert(name);
    }
}

std::string ImportContext::stackRegion() const {
    if (!m_options.region.empty()) {
        return m_options.region;
    }
    std::string region;
    for (const auto& [id, res] : m_resources->items()) {
        if (res.value("Type", "") != "AWS::EC2::Subnet") {
            continue;
        }
        const OJ& zone = properties(res).value("AvailabilityZone", OJ());
        if (!zone.is_string() || zone.get<std::string>().size() < 2) {
            continue;
        }
        const std::string name = zone.get<std::string>();
        const std::string of = name.substr(0, name.size() - 1);
        if (zoneIndexOf(of, name) < 0 || (!region.empty() && region != of)) {
            return {};
        }
        region = of;
    }
    return region;
}

void ImportContext::startEvaluation() {
    m_eval = std::make_unique<IntrinsicEvaluator>(
        m_t, TemplateOptions{m_options.parameters, stackRegion()});
    if (const auto errors = m_eval->optionErrors(); !errors.empty()) {
        fail("", errors.front());
    }
}

Draft& ImportContext::addDraft(Draft draft) {
    if (!draft.logicalId.empty()) {
        m_byLogical[draft.logicalId] = m_drafts.size();
    }
    m_drafts.push_back(std::move(draft));
    return m_drafts.back();
}

Draft* ImportContext::draftOf(const OJ& value) {
    std::string name;
    if (value.is_object() && value.size() == 1) {
        if (value.contains("Ref") && value["Ref"].is_string()) {
            name = value["Ref"].get<std::string>();
        } else if (value.contains("Fn::GetAtt") && value["Fn::GetAtt"].is_array() &&
                   !value["Fn::GetAtt"].empty() && value["Fn::GetAtt"][0].is_string()) {
            name = value["Fn::GetAtt"][0].get<std::string>();
        }
    }
    return draftOfResource(name);
}

std::string ImportContext::idOf(const OJ& value) {
    Draft* d = draftOf(value);
    return d ? d->id : std::string();
}

Draft* ImportContext::draftOfKind(const OJ& props, const char* key, std::string_view kind) {
    if (!props.contains(key)) {
        return nullptr;
    }
    Draft* d = draftOf(props[key]);
    return d && d->kind == kind ? d : nullptr;
}

bool ImportContext::onlyKeys(const OJ& props, std::initializer_list<const char*> keys) {
    for (const auto& item : props.items()) {
        const std::string& k = item.key();
        if (std::none_of(keys.begin(), keys.end(), [&](const char* key) { return k == key; })) {
            return false;
        }
    }
    return true;
}

Draft* ImportContext::draftOfResource(const std::string& logicalId) {
    const auto it = m_byLogical.find(logicalId);
    return it == m_byLogical.end() ? nullptr : &m_drafts[it->second];
}

json ImportContext::fragmentOf(const OJ& resource) {
    json fragment = json::object();
    for (const auto& [k, v] : resource.items()) {
        if (k != "Type") {
            fragment[k] = json(v);
        }
    }
    return fragment;
}

Draft& ImportContext::genericDraft(const std::string& logicalId, const OJ& resource) {
    Draft d;
    d.id = logicalId;
    d.logicalId = logicalId;
    d.kind = std::string(kinds::kGeneric);
    d.type = resource.value("Type", "");
    d.props = {{"type", d.type}, {"cfn", fragmentOf(resource)}};
    return addDraft(std::move(d));
}

std::optional<OJ> ImportContext::resolve(const OJ& value) const {
    if (!value.is_object()) {
        return value;
    }
    SymbolicValue evaluated = m_eval->evaluate(value);
    if (evaluated.isKnown()) {
        return OJ(std::move(evaluated.value));
    }
    return std::nullopt;
}

void ImportContext::checkCidr(const OJ& value, const std::string& where) {
    if (!value.is_string()) {
        return;
    }
    const auto parsed = parseCidr(value.get<std::string>());
    if (!parsed) {
        fail(where, value.dump() + " is not a CIDR (" + parsed.error + ")");
    }
}

void ImportContext::readString(Draft& d, const std::string& key, const OJ& value,
                               const std::string& where, bool cidr) {
    const std::optional<OJ> resolved = resolve(value);
    if (resolved && (resolved->is_string() || resolved->is_number())) {
        std::string text = resolved->is_string() ? resolved->get<std::string>() : resolved->dump();
        if (cidr) {
            checkCidr(text, where);
        }
        d.props[key] = text;
        if (value.is_object()) {
            d.symbolic[key] = json(value);
        }
        return;
    }
    d.props[key] = symbolicText(json(value));
    d.symbolic[key] = json(value);
    const SymbolicValue evaluated = m_eval->evaluate(value);
    std::string what;
    if (!evaluated.isKnown()) {
        d.evaluated[key] = evaluated.toJson();
        what = evaluated.state == SymbolicState::ZoneIndex
                   ? "zone " + std::to_string(evaluated.zoneIndex + 1) + " of the stack's region"
                   : evaluated.reason;
    }
    warn(where + ": kept symbolic as " + d.props[key].get<std::string>() +
         (what.empty() ? "" : " (" + what + ")"));
}

void ImportContext::readBool(Draft& d, const std::string& key, const OJ& value) {
    const std::optional<OJ> resolved = resolve(value);
    if (resolved && resolved->is_boolean()) {
        d.props[key] = resolved->get<bool>();
    } else if (resolved && resolved->is_string() && (*resolved == "true" || *resolved == "false")) {
        d.props[key] = *resolved == "true";
    } else {
        d.symbolic[key] = json(value);
        return;
    }
    if (value.is_object() || value.is_string()) {
        d.symbolic[key] = json(value);
    }
}

void ImportContext::readInt(Draft& d, const std::string& key, const OJ& value) {
    const std::optional<OJ> resolved = resolve(value);
    if (resolved && resolved->is_number_integer()) {
        d.props[key] = resolved->get<long long>();
    } else if (resolved && resolved->is_string()) {
        try {
            std::size_t used = 0;
            const long long n = std::stoll(resolved->get<std::string>(), &used);
            if (used != resolved->get<std::string>().size()) {
                throw std::invalid_argument("");
            }
            d.props[key] = n;
        } catch (...) {
            d.symbolic[key] = json(value);
            return;
        }
    } else {
        d.symbolic[key] = json(value);
        return;
    }
    if (value.is_object()) {
        d.symbolic[key] = json(value);
    }
}

json ImportContext::idList(const OJ& value, const std::string& where,
                           std::vector<std::string>* unresolved) {
    json ids = json::array();
    if (!value.is_array()) {
        if (unresolved) {
            unresolved->push_back(where);
        }
        return ids;
    }
    for (const auto& v : value) {
        const std::string id = idOf(v);
        if (id.empty()) {
            if (unresolved) {
                unresolved->push_back(where);
            }
        } else {
            ids.push_back(id);
        }
    }
    return ids;
}

void ImportContext::keepRest(Draft& d, const OJ& resource, const std::set<std::string>& read) {
    for (const auto& [k, v] : properties(resource).items()) {
        if (!read.count(k)) {
            d.extra["Properties"][k] = json(v);
        }
    }
    for (const auto& [k, v] : resource.items()) {
        if (k != "Type" && k != "Properties") {
            d.extra[k] = json(v);
        }
    }
}

void ImportContext::readTags(Draft& d, const OJ& resource, const char* key) {
    const OJ& p = properties(resource);
    if (!p.contains(key) || !p[key].is_array()) {
        return;
    }
    for (const auto& t : p[key]) {
        if (t.is_object() && t.contains("Key") && t["Key"].is_string() && t.contains("Value") &&
            t["Value"].is_string()) {
            const std::string k = t["Key"].get<std::string>();
            if (k == "Name" && d.name.empty()) {
                d.name = t["Value"].get<std::string>();
            } else {
                d.tags[k] = t["Value"].get<std::string>();
            }
        } else {
            d.extraTags.push_back(json(t));
        }
    }
}

void ImportContext::auxRole(Draft& owner, const std::string& role, const std::string& logicalId,
                            const OJ& resource, const std::set<std::string>& read) {
    json entry = json::object();
    entry["logical_id"] = logicalId;
    json extra = json::object();
    for (const auto& [k, v] : properties(resource).items()) {
        if (!read.count(k)) {
            extra["Properties"][k] = json(v);
        }
    }
    for (const auto& [k, v] : resource.items()) {
        if (k != "Type" && k != "Properties") {
            extra[k] = json(v);
        }
    }
    if (!extra.empty()) {
        entry["extra"] = extra;
    }
    owner.aux[role] = entry;
    m_consumed.insert(logicalId);
}

void ImportContext::append(json& list, const std::string& value) {
    if (!list.is_array()) {
        list = json::array();
    }
    if (std::find(list.begin(), list.end(), value) == list.end()) {
        list.push_back(value);
    }
}

PrimaryReader::PrimaryReader(ImportContext& context, Draft& draft, const OJ& resource)
    : context(context),
      draft(draft),
      resource(resource),
      props(ImportContext::properties(resource)) {}

void PrimaryReader::str(const char* cfnKey, const std::string& key, bool cidr) {
    read.insert(cfnKey);
    if (!has(cfnKey)) {
        return;
    }
    context.readString(draft, key, props[cfnKey], where(cfnKey), cidr);
    const auto& catalogue = ResourceCatalogue::instance();
    const KindDef* kindDef = catalogue.kind(draft.kind);
    const PropertyDef* def = kindDef ? kindDef->property(key) : nullptr;
    if (!def || def->type != PropertyType::Enum ||
        ResourceCatalogue::checkValue(*def, draft.props[key]).empty()) {
        return;
    }
    if (draft.symbolic.contains(key)) {
        // An intrinsic that is not one of the choices: the element keeps its default and the
        // export writes the intrinsic back.
        draft.props.erase(key);
        return;
    }
    // A value outside the catalogue's choices (tenancy "host", engine "aurora-mysql") is kept as
    // the template has it.
    draft.props.erase(key);
    read.erase(cfnKey);
}

void PrimaryReader::boolean(const char* cfnKey, const std::string& key, const json& absent) {
    read.insert(cfnKey);
    if (has(cfnKey)) {
        context.readBool(draft, key, props[cfnKey]);
    } else if (!absent.is_null()) {
        draft.props[key] = absent;
    }
}

void PrimaryReader::integer(const char* cfnKey, const std::string& key) {
    read.insert(cfnKey);
    if (has(cfnKey)) {
        context.readInt(draft, key, props[cfnKey]);
    }
}

void PrimaryReader::parentRef(const char* cfnKey) {
    read.insert(cfnKey);
    if (has(cfnKey)) {
        draft.parent = context.idOf(props[cfnKey]);
    }
    if (draft.parent.empty()) {
        read.erase(cfnKey);
    }
}

void PrimaryReader::list(const char* cfnKey, const std::string& key) {
    if (!has(cfnKey)) {
        return;
    }
    std::vector<std::string> unresolved;
    json ids = context.idList(props[cfnKey], where(cfnKey), &unresolved);
    if (unresolved.empty()) {
        read.insert(cfnKey);
        draft.props[key] = ids;
    }
}

void PrimaryReader::fixed(const char* cfnKey, const OJ& expected) {
    if (has(cfnKey) && props[cfnKey] == expected) {
        read.insert(cfnKey);
    }
}

}  // namespace skydraft::cfn
