// CloudFormation import: resources back to catalogue kinds, wiring folded into properties.
#include "cloudformation_importer.h"

#include "json_text.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "cfn_names.h"
#include "cfn_yaml.h"
#include "cidr.h"
#include "resource_catalogue.h"

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

/// A resource on its way to becoming an element or a connection.
struct Draft {
    bool isConnection = false;
    std::string id;
    std::string logicalId;
    std::string kind;
    std::string type;
    std::string name;
    std::string parent;
    std::string from;
    std::string to;
    json props = json::object();
    json extra = json::object();
    json symbolic = json::object();
    json aux = json::object();
    json extraTags = json::array();
    std::map<std::string, std::string> tags;
    bool fromLayout = false;
};

struct ImportFailure {
    CfnImportError error;
};

const std::set<std::string> kAttributes = {
    "Condition",           "DependsOn",      "Metadata",    "DeletionPolicy",
    "UpdateReplacePolicy", "CreationPolicy", "UpdatePolicy"};

std::string connectionKindForType(std::string_view type) {
    if (type == "AWS::EC2::VPCPeeringConnection")
        return "vpc_peering";
    if (type == "AWS::EC2::TransitGatewayAttachment" ||
        type == "AWS::EC2::TransitGatewayVpcAttachment")
        return "transit_gateway_attachment";
    if (type == "AWS::EC2::TransitGatewayPeeringAttachment")
        return "transit_gateway_peering";
    if (type == "AWS::EC2::VPNConnection")
        return "vpn_attachment";
    return {};
}

std::string protocolName(const OJ& value) {
    std::string p = value.is_string() ? value.get<std::string>() : value.dump();
    if (p == "6")
        return "tcp";
    if (p == "17")
        return "udp";
    if (p == "1")
        return "icmp";
    return p;
}

class Importer {
public:
    explicit Importer(const OJ& document) : m_t(document) {}
    CfnImportResult run();

private:
    [[noreturn]] void fail(std::string path, std::string message) {
        throw ImportFailure{CfnImportError{std::move(path), std::move(message), 0, 0}};
    }
    const OJ& resource(const std::string& logicalId) const { return *m_index.at(logicalId); }
    bool hasResource(const std::string& logicalId) const { return m_index.count(logicalId) > 0; }
    static const OJ& props(const OJ& res) {
        static const OJ empty = OJ::object();
        const auto it = res.find("Properties");
        return it != res.end() && it->is_object() ? *it : empty;
    }
    std::string path(const std::string& logicalId, const std::string& key = {}) const {
        return "Resources." + logicalId + (key.empty() ? "" : ".Properties." + key);
    }

    void checkReferences(const OJ& value, const std::string& where);
    void checkDependencyCycles();
    void readParameters();
    void readLayout();
    void createDrafts();
    void readPrimary(Draft& d);
    void foldAuxiliaries();
    bool fold(const std::string& logicalId, const OJ& res);
    void finishTargets();
    void normalizeRules();
    void placeParents();
    CfnImportResult build();
    void layout(std::vector<Element>& elements) const;

    // Values
    Draft* draftOf(const OJ& value);
    std::string idOf(const OJ& value) {
        Draft* d = draftOf(value);
        return d ? d->id : std::string();
    }
    std::optional<OJ> resolve(const OJ& value) const;
    void readString(Draft& d, const std::string& key, const OJ& value, const std::string& where,
                    bool cidr = false);
    void readBool(Draft& d, const std::string& key, const OJ& value);
    void readInt(Draft& d, const std::string& key, const OJ& value);
    json idList(const OJ& value, const std::string& where, std::vector<std::string>* unresolved);
    void keepRest(Draft& d, const OJ& res, const std::set<std::string>& read);
    void readTags(Draft& d, const OJ& res, const char* key = "Tags");
    json readRule(const OJ& rule, bool egress, const std::string& where);
    void checkCidr(const OJ& value, const std::string& where);
    void auxRole(Draft& owner, const std::string& role, const std::string& logicalId, const OJ& res,
                 const std::set<std::string>& read);
    Draft& genericDraft(const std::string& logicalId, const OJ& res);

    const OJ& m_t;
    const OJ* m_resources = nullptr;
    std::unordered_map<std::string, const OJ*> m_index;  ///< Resources by logical id
    std::unordered_map<std::string, OJ> m_parameterDefaults;
    std::unordered_set<std::string> m_parameters;
    std::vector<Draft> m_drafts;
    std::unordered_map<std::string, std::size_t> m_byLogical;
    std::unordered_set<std::string> m_consumed;
    std::unordered_set<std::string> m_owned;
    std::unordered_map<std::string, std::string> m_auxOwner;  // EIP / launch template -> owner
    std::vector<std::string> m_warnings;
    std::string m_current;  ///< the resource being read, for error paths
    bool m_hasLayout = false;
    json m_layout = json::object();
    std::unordered_map<std::string, const json*> m_layoutByLogical;
};

/// CloudFormation refuses a template whose DependsOn form a cycle; so does the import, naming
/// the cycle. Depth-first without recursion, so that a chain of many resources cannot exhaust
/// the stack. Runs after every DependsOn was checked to name a resource.
void Importer::checkDependencyCycles() {
    std::unordered_map<std::string, std::vector<std::string>> dependsOn;
    for (const auto& [id, res] : m_resources->items()) {
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
    for (const auto& [start, res] : m_resources->items()) {
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
            if (name.rfind("AWS::", 0) != 0 && !hasResource(name) &&
                m_parameters.count(name) == 0) {
                fail(where, "!Ref " + name + " names no resource or parameter");
            }
            return;
        }
        if (value.size() == 1 && value.contains("Fn::GetAtt")) {
            const OJ& arg = value["Fn::GetAtt"];
            if (arg.is_array() && !arg.empty() && arg[0].is_string() &&
                !hasResource(arg[0].get<std::string>())) {
                fail(where, "!GetAtt " + arg[0].get<std::string>() + " names no resource");
            }
            return;
        }
        for (const auto& [k, v] : value.items())
            checkReferences(v, where + "." + k);
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i) {
            checkReferences(value[i], where + "[" + std::to_string(i) + "]");
        }
    }
}

void Importer::readParameters() {
    if (!m_t.contains("Parameters"))
        return;
    if (!m_t["Parameters"].is_object())
        fail("Parameters", "expected an object");
    for (const auto& [name, def] : m_t["Parameters"].items()) {
        m_parameters.insert(name);
        if (def.is_object() && def.contains("Default")) {
            const std::string type = def.value("Type", "");
            // SSM parameter types resolve at deploy time: their default is a parameter path.
            if (type.rfind("AWS::SSM::", 0) != 0)
                m_parameterDefaults[name] = def["Default"];
        }
    }
}

void Importer::readLayout() {
    if (!m_t.contains("Metadata") || !m_t["Metadata"].is_object())
        return;
    const OJ& meta = m_t["Metadata"];
    if (!meta.contains(cfn::kMetadataKey))
        return;
    const OJ& layout = meta[std::string(cfn::kMetadataKey)];
    if (!layout.is_object() || layout.value("version", 0) != cfn::kMetadataVersion) {
        fail("Metadata.Skydraft", "unsupported layout version");
    }
    m_hasLayout = true;
    m_layout = json(layout);
    for (const char* section : {"elements", "connections"}) {
        if (!m_layout.contains(section))
            continue;
        if (!m_layout[section].is_array())
            fail("Metadata.Skydraft." + std::string(section), "expected an array");
        for (const auto& entry : m_layout[section]) {
            if (!entry.is_object() || !entry.contains("id") || !entry["id"].is_string() ||
                !entry.contains("kind") || !entry["kind"].is_string()) {
                fail("Metadata.Skydraft." + std::string(section),
                     "each entry needs an id and a kind");
            }
            if (entry.contains("logicalId") && entry["logicalId"].is_string()) {
                m_layoutByLogical[entry["logicalId"].get<std::string>()] = &entry;
            }
        }
    }
    for (const auto& o : m_layout.value("owned", json::array())) {
        if (o.is_string())
            m_owned.insert(o.get<std::string>());
    }
}

void Importer::createDrafts() {
    const auto& catalogue = ResourceCatalogue::instance();
    // EIPs allocated to NAT gateways and launch templates of Auto Scaling groups are wiring.
    for (const auto& [id, res] : m_resources->items()) {
        const std::string type = res.value("Type", "");
        const OJ& p = props(res);
        if (type == "AWS::EC2::NatGateway" && p.contains("AllocationId")) {
            const OJ& a = p["AllocationId"];
            if (a.is_object() && a.contains("Fn::GetAtt") && a["Fn::GetAtt"].is_array() &&
                a["Fn::GetAtt"].size() == 2 && a["Fn::GetAtt"][0].is_string()) {
                const std::string eip = a["Fn::GetAtt"][0].get<std::string>();
                if (hasResource(eip) && resource(eip).value("Type", "") == "AWS::EC2::EIP" &&
                    !m_auxOwner.count(eip)) {
                    m_auxOwner[eip] = id;
                }
            }
        }
        if (type == "AWS::AutoScaling::AutoScalingGroup" && p.contains("LaunchTemplate") &&
            p["LaunchTemplate"].is_object() && p["LaunchTemplate"].contains("LaunchTemplateId")) {
            const OJ& r = p["LaunchTemplate"]["LaunchTemplateId"];
            if (r.is_object() && r.contains("Ref") && r["Ref"].is_string() &&
                hasResource(r["Ref"].get<std::string>()) && !m_auxOwner.count(r["Ref"])) {
                m_auxOwner[r["Ref"].get<std::string>()] = id;
            }
        }
        if (m_hasLayout && type == "AWS::EC2::EIP" && !m_layoutByLogical.count(id) &&
            p.contains("InstanceId") && p["InstanceId"].is_object() &&
            p["InstanceId"].contains("Ref") && p["InstanceId"]["Ref"].is_string()) {
            m_auxOwner[id] = p["InstanceId"]["Ref"].get<std::string>();
        }
    }
    std::unordered_set<std::string> ids;
    for (const auto& [id, res] : m_resources->items()) {
        if (m_owned.count(id) || m_auxOwner.count(id))
            continue;
        const std::string type = res.value("Type", "");
        Draft d;
        d.logicalId = id;
        d.type = type;
        const auto lit = m_layoutByLogical.find(id);
        if (lit != m_layoutByLogical.end()) {
            d.id = (*lit->second)["id"].get<std::string>();
            d.kind = (*lit->second)["kind"].get<std::string>();
            d.isConnection = lit->second->contains("from");
            d.fromLayout = true;
        } else if (const KindDef* def = catalogue.kindForCfnType(type)) {
            d.kind = def->key;
        } else if (std::string ck = connectionKindForType(type); !ck.empty()) {
            d.kind = ck;
            d.isConnection = true;
        } else {
            continue;  // wiring or generic: decided when folding
        }
        if (d.id.empty())
            d.id = id;
        m_byLogical[id] = m_drafts.size();
        m_drafts.push_back(std::move(d));
    }
    // Layout entries without a resource (direct connect gateways, "uses" connections, ...).
    if (m_hasLayout) {
        for (const char* section : {"elements", "connections"}) {
            for (const auto& entry : m_layout.value(section, json::array())) {
                const std::string logicalId = entry.value("logicalId", "");
                if (!logicalId.empty() && hasResource(logicalId))
                    continue;
                Draft d;
                d.id = entry["id"].get<std::string>();
                d.kind = entry["kind"].get<std::string>();
                d.isConnection = std::string_view(section) == "connections";
                d.fromLayout = true;
                m_drafts.push_back(std::move(d));
            }
        }
    }
}

Draft* Importer::draftOf(const OJ& value) {
    std::string name;
    if (value.is_object() && value.size() == 1) {
        if (value.contains("Ref") && value["Ref"].is_string()) {
            name = value["Ref"].get<std::string>();
        } else if (value.contains("Fn::GetAtt") && value["Fn::GetAtt"].is_array() &&
                   !value["Fn::GetAtt"].empty() && value["Fn::GetAtt"][0].is_string()) {
            name = value["Fn::GetAtt"][0].get<std::string>();
        }
    }
    const auto it = m_byLogical.find(name);
    return it == m_byLogical.end() ? nullptr : &m_drafts[it->second];
}

std::optional<OJ> Importer::resolve(const OJ& value) const {
    if (!value.is_object())
        return value;
    if (value.size() == 1 && value.contains("Ref") && value["Ref"].is_string()) {
        const auto it = m_parameterDefaults.find(value["Ref"].get<std::string>());
        if (it != m_parameterDefaults.end())
            return it->second;
        return std::nullopt;
    }
    if (value.size() == 1 && value.contains("Fn::GetAtt") && value["Fn::GetAtt"].is_array() &&
        value["Fn::GetAtt"].size() == 2 && value["Fn::GetAtt"][1] == "CidrBlock" &&
        value["Fn::GetAtt"][0].is_string()) {
        const std::string target = value["Fn::GetAtt"][0].get<std::string>();
        if (hasResource(target) && resource(target).value("Type", "") == "AWS::EC2::VPC") {
            const OJ& p = props(resource(target));
            if (p.contains("CidrBlock"))
                return resolve(p["CidrBlock"]);
        }
    }
    return std::nullopt;
}

void Importer::checkCidr(const OJ& value, const std::string& where) {
    if (!value.is_string())
        return;
    const auto parsed = parseCidr(value.get<std::string>());
    if (!parsed)
        fail(where, value.dump() + " is not a CIDR (" + parsed.error + ")");
}

void Importer::readString(Draft& d, const std::string& key, const OJ& value,
                          const std::string& where, bool cidr) {
    const std::optional<OJ> resolved = resolve(value);
    if (resolved && (resolved->is_string() || resolved->is_number())) {
        std::string text = resolved->is_string() ? resolved->get<std::string>() : resolved->dump();
        if (cidr)
            checkCidr(text, where);
        d.props[key] = text;
        if (value.is_object())
            d.symbolic[key] = json(value);
        return;
    }
    d.props[key] = cfn::symbolicText(json(value));
    d.symbolic[key] = json(value);
    m_warnings.push_back(where + ": kept symbolic as " + d.props[key].get<std::string>());
}

void Importer::readBool(Draft& d, const std::string& key, const OJ& value) {
    const std::optional<OJ> resolved = resolve(value);
    if (resolved && resolved->is_boolean()) {
        d.props[key] = resolved->get<bool>();
    } else if (resolved && resolved->is_string() && (*resolved == "true" || *resolved == "false")) {
        d.props[key] = *resolved == "true";
    } else {
        d.symbolic[key] = json(value);
        return;
    }
    if (value.is_object() || value.is_string())
        d.symbolic[key] = json(value);
}

void Importer::readInt(Draft& d, const std::string& key, const OJ& value) {
    const std::optional<OJ> resolved = resolve(value);
    if (resolved && resolved->is_number_integer()) {
        d.props[key] = resolved->get<long long>();
    } else if (resolved && resolved->is_string()) {
        try {
            std::size_t used = 0;
            const long long n = std::stoll(resolved->get<std::string>(), &used);
            if (used != resolved->get<std::string>().size())
                throw std::invalid_argument("");
            d.props[key] = n;
        } catch (...) {
            d.symbolic[key] = json(value);
            return;
        }
    } else {
        d.symbolic[key] = json(value);
        return;
    }
    if (value.is_object())
        d.symbolic[key] = json(value);
}

json Importer::idList(const OJ& value, const std::string& where,
                      std::vector<std::string>* unresolved) {
    json ids = json::array();
    if (!value.is_array()) {
        if (unresolved)
            unresolved->push_back(where);
        return ids;
    }
    for (const auto& v : value) {
        const std::string id = idOf(v);
        if (id.empty()) {
            if (unresolved)
                unresolved->push_back(where);
        } else {
            ids.push_back(id);
        }
    }
    return ids;
}

void Importer::keepRest(Draft& d, const OJ& res, const std::set<std::string>& read) {
    for (const auto& [k, v] : props(res).items()) {
        if (!read.count(k))
            d.extra["Properties"][k] = json(v);
    }
    for (const auto& [k, v] : res.items()) {
        if (k != "Type" && k != "Properties")
            d.extra[k] = json(v);
    }
}

void Importer::readTags(Draft& d, const OJ& res, const char* key) {
    const OJ& p = props(res);
    if (!p.contains(key) || !p[key].is_array())
        return;
    for (const auto& t : p[key]) {
        if (t.is_object() && t.contains("Key") && t["Key"].is_string() && t.contains("Value") &&
            t["Value"].is_string()) {
            const std::string k = t["Key"].get<std::string>();
            if (k == "Name" && d.name.empty())
                d.name = t["Value"].get<std::string>();
            else
                d.tags[k] = t["Value"].get<std::string>();
        } else {
            d.extraTags.push_back(json(t));
        }
    }
}

json Importer::readRule(const OJ& rule, bool egress, const std::string& where) {
    json r = json::object();
    json symbolic = json::object();
    json extra = json::object();
    for (const auto& item : rule.items()) {
        const std::string& k = item.key();  // named, not structured bindings: lambdas capture
        const auto& v = item.value();
        const std::optional<OJ> resolved = resolve(v);
        auto put = [&](const char* key, bool cidr) {
            if (resolved && (resolved->is_string() || resolved->is_number())) {
                if (cidr)
                    checkCidr(*resolved, where + "." + k);
                r[key] = json(*resolved);
                if (v.is_object())
                    symbolic[key] = json(v);
            } else {
                r[key] = cfn::symbolicText(json(v));
                symbolic[key] = json(v);
            }
        };
        if (k == "IpProtocol") {
            if (resolved)
                r["protocol"] =
                    resolved->is_string() ? resolved->get<std::string>() : resolved->dump();
            else
                extra[k] = json(v);
        } else if (k == "FromPort" || k == "ToPort") {
            const char* key = k == "FromPort" ? "from_port" : "to_port";
            if (resolved && resolved->is_number_integer())
                r[key] = resolved->get<long long>();
            else
                extra[k] = json(v);
        } else if (k == "CidrIp") {
            put("cidr", true);
        } else if (k == "CidrIpv6") {
            put("ipv6_cidr", true);
        } else if (k == "Description") {
            put("description", false);
        } else if (k == (egress ? "DestinationPrefixListId" : "SourcePrefixListId")) {
            put("prefix_list", false);
        } else if (k == (egress ? "DestinationSecurityGroupId" : "SourceSecurityGroupId")) {
            const std::string id = idOf(v);
            r["source_security_group"] = id.empty() ? cfn::symbolicText(json(v)) : id;
            symbolic["source_security_group"] = json(v);
        } else {
            extra[k] = json(v);
        }
    }
    if (!extra.empty())
        symbolic["extra"] = extra;
    if (!symbolic.empty())
        r[std::string(cfn::kItemSymbolic)] = symbolic;
    return r;
}

void Importer::auxRole(Draft& owner, const std::string& role, const std::string& logicalId,
                       const OJ& res, const std::set<std::string>& read) {
    json entry = json::object();
    entry["logical_id"] = logicalId;
    json extra = json::object();
    for (const auto& [k, v] : props(res).items()) {
        if (!read.count(k))
            extra["Properties"][k] = json(v);
    }
    for (const auto& [k, v] : res.items()) {
        if (k != "Type" && k != "Properties")
            extra[k] = json(v);
    }
    if (!extra.empty())
        entry["extra"] = extra;
    owner.aux[role] = entry;
    m_consumed.insert(logicalId);
}

Draft& Importer::genericDraft(const std::string& logicalId, const OJ& res) {
    Draft d;
    d.id = logicalId;
    d.logicalId = logicalId;
    d.kind = "generic";
    d.type = res.value("Type", "");
    m_byLogical[logicalId] = m_drafts.size();
    m_drafts.push_back(std::move(d));
    return m_drafts.back();
}

void Importer::readPrimary(Draft& d) {
    if (d.logicalId.empty())
        return;
    m_current = d.logicalId;
    const OJ& res = resource(d.logicalId);
    const OJ& p = props(res);
    std::set<std::string> read = {"Tags"};
    auto has = [&](const char* key) { return p.contains(key); };
    const KindDef* kindDef = ResourceCatalogue::instance().kind(d.kind);
    auto str = [&](const char* cfnKey, const char* key, bool cidr = false) {
        read.insert(cfnKey);
        if (!has(cfnKey))
            return;
        readString(d, key, p[cfnKey], path(d.logicalId, cfnKey), cidr);
        const PropertyDef* def = kindDef ? kindDef->property(key) : nullptr;
        if (def && def->type == PropertyType::Enum && !d.symbolic.contains(key) &&
            !ResourceCatalogue::checkValue(*def, d.props[key]).empty()) {
            // A value outside the catalogue's choices (tenancy "host", engine "aurora-mysql")
            // is kept as the template has it.
            d.props.erase(key);
            read.erase(cfnKey);
        }
    };
    auto boolean = [&](const char* cfnKey, const char* key, std::optional<bool> absent = {}) {
        read.insert(cfnKey);
        if (has(cfnKey))
            readBool(d, key, p[cfnKey]);
        else if (absent)
            d.props[key] = *absent;
    };
    auto integer = [&](const char* cfnKey, const char* key) {
        read.insert(cfnKey);
        if (has(cfnKey))
            readInt(d, key, p[cfnKey]);
    };
    auto parentRef = [&](const char* cfnKey) {
        read.insert(cfnKey);
        if (has(cfnKey))
            d.parent = idOf(p[cfnKey]);
        if (d.parent.empty())
            read.erase(cfnKey);
    };
    auto list = [&](const char* cfnKey, const char* key) {
        if (!has(cfnKey))
            return;
        std::vector<std::string> unresolved;
        json ids = idList(p[cfnKey], path(d.logicalId, cfnKey), &unresolved);
        if (unresolved.empty()) {
            read.insert(cfnKey);
            d.props[key] = ids;
        }
    };
    auto fixed = [&](const char* cfnKey, const OJ& expected) {
        if (has(cfnKey) && p[cfnKey] == expected)
            read.insert(cfnKey);
    };
    const std::string& k = d.kind;
    if (k == "generic") {
        json fragment = json::object();
        for (const auto& [key, v] : res.items()) {
            if (key != "Type")
                fragment[key] = json(v);
        }
        d.props = {{"type", d.type}, {"cfn", fragment}};
        return;
    }
    if (k == "vpc") {
        str("CidrBlock", "cidr", true);
        boolean("EnableDnsSupport", "enable_dns_support", true);
        boolean("EnableDnsHostnames", "enable_dns_hostnames", false);
        str("InstanceTenancy", "instance_tenancy");
    } else if (k == "subnet") {
        parentRef("VpcId");
        str("AvailabilityZone", "availability_zone");
        str("CidrBlock", "cidr", true);
        boolean("Ipv6Native", "ipv6_only");
        boolean("AssignIpv6AddressOnCreation", "assign_ipv6_on_creation");
        boolean("MapPublicIpOnLaunch", "map_public_ip_on_launch", false);
        if (m_hasLayout && d.fromLayout)
            read.insert("Ipv6CidrBlock");
    } else if (k == "route_table" || k == "egress_only_internet_gateway" || k == "network_acl" ||
               k == "security_group" || k == "vpc_endpoint") {
        parentRef("VpcId");
        if (k == "security_group") {
            str("GroupDescription", "description");
            for (const bool egress : {false, true}) {
                const char* cfnKey = egress ? "SecurityGroupEgress" : "SecurityGroupIngress";
                if (!has(cfnKey) || !p[cfnKey].is_array())
                    continue;
                read.insert(cfnKey);
                json rules = json::array();
                for (std::size_t i = 0; i < p[cfnKey].size(); ++i) {
                    const OJ& rule = p[cfnKey][i];
                    if (egress && rule.value("CidrIp", OJ()) == "255.255.255.255/32" &&
                        rule.value("FromPort", OJ()) == 252 && rule.value("ToPort", OJ()) == 86) {
                        continue;  // the "no egress" marker
                    }
                    json r = readRule(rule, egress,
                                      path(d.logicalId, cfnKey) + "[" + std::to_string(i) + "]");
                    r[std::string(cfn::kItemSymbolic)]["inline"] = true;
                    rules.push_back(std::move(r));
                }
                d.props[egress ? "egress" : "ingress"] = rules;
            }
            if (!has("SecurityGroupEgress")) {
                d.props["egress"] = json::array({{{"protocol", "-1"}, {"cidr", "0.0.0.0/0"}}});
            }
        } else if (k == "vpc_endpoint") {
            read.erase("Tags");  // not a property of endpoints in the specification Skydraft checks
            read.insert("VpcEndpointType");
            const std::string type = p.value("VpcEndpointType", OJ("Gateway")).is_string()
                                         ? p.value("VpcEndpointType", std::string("Gateway"))
                                         : "Gateway";
            d.props["endpoint_type"] = type == "Interface"             ? "interface"
                                       : type == "GatewayLoadBalancer" ? "gateway_load_balancer"
                                                                       : "gateway";
            str("ServiceName", "service_name");
            list("SubnetIds", "subnets");
            list("RouteTableIds", "route_tables");
            list("SecurityGroupIds", "security_groups");
            boolean("PrivateDnsEnabled", "private_dns_enabled");
        }
    } else if (k == "nat_gateway") {
        parentRef("SubnetId");
        read.insert("ConnectivityType");
        d.props["connectivity"] =
            p.value("ConnectivityType", OJ("public")) == "private" ? "private" : "public";
        d.props["availability_mode"] = "zonal";
        str("PrivateIpAddress", "private_ip");
        d.props["elastic_ip"] = false;
        if (has("AllocationId")) {
            const OJ& a = p["AllocationId"];
            const std::string eip =
                a.is_object() && a.contains("Fn::GetAtt") && a["Fn::GetAtt"].is_array() &&
                        !a["Fn::GetAtt"].empty() && a["Fn::GetAtt"][0].is_string()
                    ? a["Fn::GetAtt"][0].get<std::string>()
                    : std::string();
            if (!eip.empty() && m_auxOwner.count(eip)) {
                read.insert("AllocationId");
                d.props["elastic_ip"] = true;
                auxRole(d, "eip", eip, resource(eip), {"Domain"});
            }
        }
    } else if (k == "internet_gateway") {
    } else if (k == "virtual_private_gateway") {
        fixed("Type", "ipsec.1");
        integer("AmazonSideAsn", "amazon_side_asn");
    } else if (k == "customer_gateway") {
        fixed("Type", "ipsec.1");
        str("IpAddress", "ip_address");
        integer("BgpAsn", "bgp_asn");
    } else if (k == "transit_gateway") {
        integer("AmazonSideAsn", "amazon_side_asn");
        for (const auto& [cfnKey, key] :
             {std::pair{"DefaultRouteTableAssociation", "default_route_table_association"},
              std::pair{"DefaultRouteTablePropagation", "default_route_table_propagation"}}) {
            if (has(cfnKey) && p[cfnKey].is_string()) {
                read.insert(cfnKey);
                d.props[key] = p[cfnKey] == "enable";
            } else if (!has(cfnKey)) {
                d.props[key] = true;
            }
        }
    } else if (k == "transit_gateway_route_table") {
        parentRef("TransitGatewayId");
    } else if (k == "elastic_ip") {
        fixed("Domain", "vpc");
        if (has("InstanceId")) {
            const std::string id = idOf(p["InstanceId"]);
            if (!id.empty()) {
                read.insert("InstanceId");
                d.props["instance"] = id;
            }
        }
    } else if (k == "ec2_instance") {
        fixed("ImageId", OJ{{"Ref", cfn::kAmiParameter}});
        str("InstanceType", "instance_type");
        d.props["public_ip"] = false;
        d.props["ipv6_address"] = false;
        if (has("NetworkInterfaces") && p["NetworkInterfaces"].is_array() &&
            p["NetworkInterfaces"].size() == 1) {
            const OJ& nic = p["NetworkInterfaces"][0];
            std::set<std::string> known = {
                "AssociatePublicIpAddress", "DeviceIndex",      "GroupSet",
                "Ipv6AddressCount",         "PrivateIpAddress", "SubnetId"};
            const bool simple = std::all_of(nic.items().begin(), nic.items().end(),
                                            [&](const auto& kv) { return known.count(kv.key()); });
            const std::string subnet = nic.contains("SubnetId") ? idOf(nic["SubnetId"]) : "";
            if (simple && !subnet.empty() && nic.value("DeviceIndex", OJ("0")) == "0") {
                read.insert("NetworkInterfaces");
                d.parent = subnet;
                d.props["public_ip"] = nic.value("AssociatePublicIpAddress", false) == true;
                if (nic.contains("GroupSet"))
                    d.props["security_groups"] = idList(nic["GroupSet"], "", nullptr);
                if (nic.contains("Ipv6AddressCount"))
                    d.props["ipv6_address"] = nic["Ipv6AddressCount"] == 1;
                if (nic.contains("PrivateIpAddress") && nic["PrivateIpAddress"].is_string()) {
                    d.props["private_ip"] = nic["PrivateIpAddress"].get<std::string>();
                }
            }
        }
        if (d.parent.empty())
            parentRef("SubnetId");
        if (has("Ipv6AddressCount") && p["Ipv6AddressCount"] == 1) {
            read.insert("Ipv6AddressCount");
            d.props["ipv6_address"] = true;
        }
        str("PrivateIpAddress", "private_ip");
        list("SecurityGroupIds", "security_groups");
        d.props["elastic_ip"] = false;
    } else if (k == "auto_scaling_group") {
        for (const auto& [cfnKey, key] :
             {std::pair{"MinSize", "min_size"}, std::pair{"MaxSize", "max_size"},
              std::pair{"DesiredCapacity", "desired_capacity"}}) {
            integer(cfnKey, key);
        }
        list("VPCZoneIdentifier", "subnets");
        if (has("LaunchTemplate") && p["LaunchTemplate"].is_object()) {
            const OJ& lt = p["LaunchTemplate"];
            const OJ& ltId = lt.value("LaunchTemplateId", OJ());
            if (ltId.is_object() && ltId.contains("Ref") && ltId["Ref"].is_string()) {
                const std::string name = ltId["Ref"].get<std::string>();
                const OJ& ltRes = resource(name);
                const OJ& data = props(ltRes).value("LaunchTemplateData", OJ::object());
                const OJ expectedVersion =
                    OJ{{"Fn::GetAtt", OJ::array({name, "LatestVersionNumber"})}};
                std::set<std::string> known = {"ImageId", "InstanceType", "SecurityGroupIds"};
                const bool simple =
                    lt.size() == 2 && lt.value("Version", OJ()) == expectedVersion &&
                    props(ltRes).size() == 1 && data.is_object() &&
                    data.value("ImageId", OJ()) == OJ{{"Ref", cfn::kAmiParameter}} &&
                    std::all_of(data.items().begin(), data.items().end(),
                                [&](const auto& kv) { return known.count(kv.key()); });
                if (simple && m_auxOwner.count(name)) {
                    read.insert("LaunchTemplate");
                    if (data.contains("InstanceType"))
                        readString(d, "instance_type", data["InstanceType"],
                                   path(name, "LaunchTemplateData.InstanceType"));
                    if (data.contains("SecurityGroupIds"))
                        d.props["security_groups"] = idList(data["SecurityGroupIds"], "", nullptr);
                    auxRole(d, "launch_template", name, ltRes, {"LaunchTemplateData"});
                } else {
                    m_auxOwner.erase(name);
                }
            }
        }
        read.insert("TargetGroupARNs");
    } else if (k == "load_balancer") {
        read.insert("Type");
        d.props["lb_type"] = p.value("Type", OJ("application")).is_string()
                                 ? p.value("Type", std::string("application"))
                                 : "application";
        str("Scheme", "scheme");
        if (!has("Scheme"))
            d.props["scheme"] = "internet-facing";
        list("Subnets", "subnets");
        list("SecurityGroups", "security_groups");
    } else if (k == "lambda_function") {
        str("Runtime", "runtime");
        str("Handler", "handler");
        integer("MemorySize", "memory_size");
        if (has("VpcConfig") && p["VpcConfig"].is_object()) {
            const OJ& vc = p["VpcConfig"];
            std::vector<std::string> unresolved;
            json subnets = idList(vc.value("SubnetIds", OJ::array()), "", &unresolved);
            json groups = idList(vc.value("SecurityGroupIds", OJ::array()), "", &unresolved);
            if (unresolved.empty() && vc.size() <= 2) {
                read.insert("VpcConfig");
                d.props["subnets"] = subnets;
                d.props["security_groups"] = groups;
            }
        }
        if (has("Role")) {
            const OJ& role = p["Role"];
            if (role.contains("Fn::GetAtt") &&
                m_owned.count(role["Fn::GetAtt"][0].get<std::string>())) {
                read.insert("Role");
            }
        }
        if (m_hasLayout && d.fromLayout && has("Code") && p["Code"].is_object() &&
            p["Code"].size() == 1 && p["Code"].contains("ZipFile")) {
            read.insert("Code");
        }
    } else if (k == "rds_instance") {
        str("Engine", "engine");
        str("DBInstanceClass", "instance_class");
        integer("AllocatedStorage", "allocated_storage");
        boolean("MultiAZ", "multi_az", false);
        boolean("PubliclyAccessible", "publicly_accessible", false);
        list("VPCSecurityGroups", "security_groups");
        fixed("ManageMasterUserPassword", true);
        fixed("MasterUsername", OJ{{"Ref", cfn::kDbUserParameter}});
        if (has("DBSubnetGroupName")) {
            const OJ& g = p["DBSubnetGroupName"];
            if (g.is_object() && g.contains("Ref") && g["Ref"].is_string() &&
                hasResource(g["Ref"].get<std::string>())) {
                const std::string name = g["Ref"].get<std::string>();
                const OJ& group = resource(name);
                if (group.value("Type", "") == "AWS::RDS::DBSubnetGroup" &&
                    !m_consumed.count(name)) {
                    std::vector<std::string> unresolved;
                    json subnets = idList(props(group).value("SubnetIds", OJ()), "", &unresolved);
                    if (unresolved.empty()) {
                        read.insert("DBSubnetGroupName");
                        d.props["subnets"] = subnets;
                        auxRole(d, "subnet_group", name, group,
                                {"SubnetIds", "DBSubnetGroupDescription"});
                    }
                }
            }
        }
    } else if (k == "dynamodb_table") {
        const OJ& ks = p.value("KeySchema", OJ());
        if (ks.is_array() && ks.size() == 1 && ks[0].value("KeyType", "") == "HASH" &&
            ks[0].contains("AttributeName") && ks[0]["AttributeName"].is_string()) {
            const std::string key = ks[0]["AttributeName"].get<std::string>();
            const OJ expected = OJ::array({OJ{{"AttributeName", key}, {"AttributeType", "S"}}});
            if (p.value("AttributeDefinitions", OJ()) == expected) {
                read.insert("KeySchema");
                read.insert("AttributeDefinitions");
                d.props["partition_key"] = key;
            }
        }
        read.insert("BillingMode");
        d.props["billing_mode"] = p.value("BillingMode", OJ("PROVISIONED")) == "PAY_PER_REQUEST"
                                      ? "PAY_PER_REQUEST"
                                      : "PROVISIONED";
        if (d.props["billing_mode"] == "PROVISIONED" &&
            p.value("ProvisionedThroughput", OJ()) ==
                OJ{{"ReadCapacityUnits", 5}, {"WriteCapacityUnits", 5}}) {
            read.insert("ProvisionedThroughput");
        }
    } else if (k == "elasticache_cluster") {
        str("Engine", "engine");
        str("CacheNodeType", "node_type");
        integer("NumCacheNodes", "num_nodes");
        list("VpcSecurityGroupIds", "security_groups");
        if (has("CacheSubnetGroupName")) {
            const OJ& g = p["CacheSubnetGroupName"];
            if (g.is_object() && g.contains("Ref") && g["Ref"].is_string() &&
                hasResource(g["Ref"].get<std::string>())) {
                const std::string name = g["Ref"].get<std::string>();
                const OJ& group = resource(name);
                if (group.value("Type", "") == "AWS::ElastiCache::SubnetGroup" &&
                    !m_consumed.count(name)) {
                    std::vector<std::string> unresolved;
                    json subnets = idList(props(group).value("SubnetIds", OJ()), "", &unresolved);
                    if (unresolved.empty()) {
                        read.insert("CacheSubnetGroupName");
                        d.props["subnets"] = subnets;
                        auxRole(d, "subnet_group", name, group, {"SubnetIds", "Description"});
                    }
                }
            }
        }
    } else if (k == "s3_bucket") {
        str("BucketName", "bucket_name");
        d.props["versioning"] = false;
        if (p.value("VersioningConfiguration", OJ()) == OJ{{"Status", "Enabled"}}) {
            read.insert("VersioningConfiguration");
            d.props["versioning"] = true;
        }
    } else if (k == "efs_file_system") {
        read.erase("Tags");
        read.insert("FileSystemTags");
        readTags(d, res, "FileSystemTags");
        str("PerformanceMode", "performance_mode");
        if (!has("PerformanceMode"))
            d.props["performance_mode"] = "generalPurpose";
    } else if (k == "vpc_peering") {
        str("PeerOwnerId", "peer_owner_id");
        read.insert("VpcId");
        read.insert("PeerVpcId");
        d.from = idOf(p.value("VpcId", OJ()));
        d.to = idOf(p.value("PeerVpcId", OJ()));
        if (m_hasLayout && d.fromLayout)
            read.insert("PeerRegion");
    } else if (k == "transit_gateway_attachment") {
        read.insert("VpcId");
        read.insert("TransitGatewayId");
        d.from = idOf(p.value("VpcId", OJ()));
        d.to = idOf(p.value("TransitGatewayId", OJ()));
        list("SubnetIds", "subnets");
    } else if (k == "transit_gateway_peering") {
        read.insert("TransitGatewayId");
        read.insert("PeerTransitGatewayId");
        d.from = idOf(p.value("TransitGatewayId", OJ()));
        d.to = idOf(p.value("PeerTransitGatewayId", OJ()));
        fixed("PeerAccountId", OJ{{"Ref", "AWS::AccountId"}});
        if (m_hasLayout && d.fromLayout)
            read.insert("PeerRegion");
    } else if (k == "vpn_attachment") {
        fixed("Type", "ipsec.1");
        read.insert("CustomerGatewayId");
        d.from = idOf(p.value("CustomerGatewayId", OJ()));
        const char* target = has("TransitGatewayId") ? "TransitGatewayId" : "VpnGatewayId";
        read.insert(target);
        d.to = idOf(p.value(target, OJ()));
        boolean("StaticRoutesOnly", "static_routes_only", false);
    }
    if (read.count("Tags"))
        readTags(d, res);
    keepRest(d, res, read);
}

bool Importer::fold(const std::string& logicalId, const OJ& res) {
    const std::string type = res.value("Type", "");
    const OJ& p = props(res);
    auto owner = [&](const char* key, std::string_view kind) -> Draft* {
        if (!p.contains(key))
            return nullptr;
        Draft* d = draftOf(p[key]);
        return d && d->kind == kind ? d : nullptr;
    };
    auto only = [&](std::initializer_list<const char*> keys) {
        for (const auto& item : p.items()) {
            const std::string& k = item.key();
            if (std::none_of(keys.begin(), keys.end(), [&](const char* key) { return k == key; })) {
                return false;
            }
        }
        return true;
    };
    auto free = [&](Draft& d, const std::string& role) { return !d.aux.contains(role); };
    auto append = [](json& list, const std::string& value) {
        if (!list.is_array())
            list = json::array();
        if (std::find(list.begin(), list.end(), value) == list.end())
            list.push_back(value);
    };
    const std::string where = path(logicalId);

    if (type == "AWS::EC2::VPCGatewayAttachment") {
        Draft* vpc = owner("VpcId", "vpc");
        Draft* gw = p.contains("InternetGatewayId")
                        ? owner("InternetGatewayId", "internet_gateway")
                        : owner("VpnGatewayId", "virtual_private_gateway");
        if (!vpc || !gw || !gw->parent.empty() || !free(*gw, "attachment"))
            return false;
        gw->parent = vpc->id;
        auxRole(*gw, "attachment", logicalId, res, {"VpcId", "InternetGatewayId", "VpnGatewayId"});
        return true;
    }
    if (type == "AWS::EC2::VPCCidrBlock") {
        Draft* vpc = owner("VpcId", "vpc");
        if (!vpc)
            return false;
        if (p.contains("CidrBlock") && p["CidrBlock"].is_string() && only({"VpcId", "CidrBlock"})) {
            checkCidr(p["CidrBlock"], path(logicalId, "CidrBlock"));
            const std::string cidr = p["CidrBlock"].get<std::string>();
            if (!free(*vpc, "cidr:" + cidr))
                return false;
            append(vpc->props["secondary_cidrs"], cidr);
            auxRole(*vpc, "cidr:" + cidr, logicalId, res, {"VpcId", "CidrBlock"});
            return true;
        }
        if (m_hasLayout && vpc->fromLayout &&
            p.value("AmazonProvidedIpv6CidrBlock", false) == true) {
            for (int i = 0;; ++i) {
                if (free(*vpc, "ipv6:" + std::to_string(i))) {
                    auxRole(*vpc, "ipv6:" + std::to_string(i), logicalId, res,
                            {"VpcId", "AmazonProvidedIpv6CidrBlock"});
                    return true;
                }
            }
        }
        return false;
    }
    if (type == "AWS::EC2::SubnetRouteTableAssociation" ||
        type == "AWS::EC2::SubnetNetworkAclAssociation") {
        const bool acl = type == "AWS::EC2::SubnetNetworkAclAssociation";
        Draft* table =
            acl ? owner("NetworkAclId", "network_acl") : owner("RouteTableId", "route_table");
        Draft* subnet = owner("SubnetId", "subnet");
        if (!table || !subnet || !free(*table, "assoc:" + subnet->id))
            return false;
        append(table->props["associations"], subnet->id);
        auxRole(*table, "assoc:" + subnet->id, logicalId, res,
                {"RouteTableId", "NetworkAclId", "SubnetId"});
        return true;
    }
    if (type == "AWS::EC2::Route") {
        Draft* table = owner("RouteTableId", "route_table");
        if (!table)
            return false;
        json route = json::object();
        json symbolic = json::object();
        std::set<std::string> read = {"RouteTableId"};
        for (const char* key :
             {"DestinationCidrBlock", "DestinationIpv6CidrBlock", "DestinationPrefixListId"}) {
            if (!p.contains(key))
                continue;
            read.insert(key);
            const auto resolved = resolve(p[key]);
            if (resolved && resolved->is_string()) {
                if (std::string_view(key) != "DestinationPrefixListId")
                    checkCidr(*resolved, path(logicalId, key));
                route["destination"] = resolved->get<std::string>();
                if (p[key].is_object())
                    symbolic["destination"] = json(p[key]);
            } else {
                route["destination"] = cfn::symbolicText(json(p[key]));
                symbolic["destination"] = json(p[key]);
            }
        }
        for (const char* key :
             {"GatewayId", "NatGatewayId", "EgressOnlyInternetGatewayId", "TransitGatewayId",
              "VpcPeeringConnectionId", "VpcEndpointId", "InstanceId", "NetworkInterfaceId",
              "CarrierGatewayId", "LocalGatewayId", "CoreNetworkArn"}) {
            if (!p.contains(key))
                continue;
            read.insert(key);
            const std::string id = idOf(p[key]);
            if (!id.empty()) {
                route["target"] = id;
                route["__field"] = key;
            } else {
                route["target"] = cfn::symbolicText(json(p[key]));
                symbolic["target"] = json(p[key]);
                symbolic["target_field"] = key;
            }
        }
        if (!route.contains("destination") || !route.contains("target"))
            return false;
        const std::string role = "route:" + route["destination"].get<std::string>();
        if (!free(*table, role))
            return false;
        if (!symbolic.empty())
            route[std::string(cfn::kItemSymbolic)] = symbolic;
        if (!table->props.contains("routes"))
            table->props["routes"] = json::array();
        table->props["routes"].push_back(route);
        auxRole(*table, role, logicalId, res, read);
        return true;
    }
    if (type == "AWS::EC2::VPNGatewayRoutePropagation") {
        Draft* gw = owner("VpnGatewayId", "virtual_private_gateway");
        const OJ& tables = p.value("RouteTableIds", OJ());
        if (!gw || !tables.is_array() || tables.size() != 1)
            return false;
        Draft* table = draftOf(tables[0]);
        if (!table || table->kind != "route_table" || !free(*table, "propagation:" + gw->id))
            return false;
        append(table->props["propagating_gateways"], gw->id);
        auxRole(*table, "propagation:" + gw->id, logicalId, res, {"RouteTableIds", "VpnGatewayId"});
        return true;
    }
    if (type == "AWS::EC2::SecurityGroupIngress" || type == "AWS::EC2::SecurityGroupEgress") {
        const bool egress = type == "AWS::EC2::SecurityGroupEgress";
        Draft* group = owner("GroupId", "security_group");
        if (!group)
            return false;
        OJ rule = OJ::object();
        for (const auto& [k, v] : p.items()) {
            if (k != "GroupId")
                rule[k] = v;
        }
        json r = readRule(rule, egress, where);
        if (r.contains(cfn::kItemSymbolic)) {
            json& s = r[std::string(cfn::kItemSymbolic)];
            s.erase("source_security_group");
            if (s.contains("extra"))
                return false;
            if (s.empty())
                r.erase(std::string(cfn::kItemSymbolic));
        }
        if (r.contains("source_security_group") &&
            !m_byLogical.count(r["source_security_group"].get<std::string>()) &&
            !std::any_of(m_drafts.begin(), m_drafts.end(),
                         [&](const Draft& d) { return d.id == r["source_security_group"]; })) {
            return false;
        }
        json& rules = group->props[egress ? "egress" : "ingress"];
        if (!rules.is_array())
            rules = json::array();
        const std::string role = (egress ? "egress:" : "ingress:") + std::to_string(rules.size());
        if (!free(*group, role))
            return false;
        rules.push_back(r);
        std::set<std::string> read;
        for (const auto& [k, v] : p.items())
            read.insert(k);
        auxRole(*group, role, logicalId, res, read);
        return true;
    }
    if (type == "AWS::EC2::NetworkAclEntry") {
        Draft* acl = owner("NetworkAclId", "network_acl");
        if (!acl || !only({"NetworkAclId", "RuleNumber", "Protocol", "RuleAction", "Egress",
                           "CidrBlock", "PortRange", "Icmp"})) {
            return false;
        }
        json entry = json::object();
        if (!p.contains("RuleNumber") || !p["RuleNumber"].is_number_integer())
            return false;
        entry["rule_number"] = p["RuleNumber"].get<long long>();
        entry["egress"] = p.value("Egress", OJ(false)) == true;
        entry["protocol"] = protocolName(p.value("Protocol", OJ(-1)));
        entry["rule_action"] = p.value("RuleAction", OJ("allow")).is_string()
                                   ? p.value("RuleAction", std::string("allow"))
                                   : "allow";
        if (p.contains("CidrBlock")) {
            if (!p["CidrBlock"].is_string())
                return false;
            checkCidr(p["CidrBlock"], path(logicalId, "CidrBlock"));
            entry["cidr"] = p["CidrBlock"].get<std::string>();
        }
        if (p.contains("PortRange")) {
            const OJ& range = p["PortRange"];
            if (!range.is_object() || !range.contains("From") || !range.contains("To"))
                return false;
            entry["from_port"] = json(range["From"]);
            entry["to_port"] = json(range["To"]);
        }
        if (p.contains("Icmp")) {
            entry["icmp_code"] = json(p["Icmp"].value("Code", OJ(-1)));
            entry["icmp_type"] = json(p["Icmp"].value("Type", OJ(-1)));
        }
        const std::string role = std::string(entry["egress"].get<bool>() ? "egress:" : "ingress:") +
                                 entry["rule_number"].dump();
        if (!free(*acl, role))
            return false;
        json& entries = acl->props["entries"];
        if (!entries.is_array())
            entries = json::array();
        entries.push_back(entry);
        auxRole(*acl, role, logicalId, res,
                {"NetworkAclId", "RuleNumber", "Protocol", "RuleAction", "Egress", "CidrBlock",
                 "PortRange", "Icmp"});
        return true;
    }
    if (type == "AWS::EFS::MountTarget") {
        Draft* fs = owner("FileSystemId", "efs_file_system");
        Draft* subnet = owner("SubnetId", "subnet");
        if (!fs || !subnet || !free(*fs, "mount:" + subnet->id))
            return false;
        std::vector<std::string> unresolved;
        json groups = idList(p.value("SecurityGroups", OJ::array()), "", &unresolved);
        if (!unresolved.empty())
            return false;
        if (fs->props.contains("security_groups") && fs->props["security_groups"] != groups)
            return false;
        fs->props["security_groups"] = groups;
        append(fs->props["subnets"], subnet->id);
        auxRole(*fs, "mount:" + subnet->id, logicalId, res,
                {"FileSystemId", "SubnetId", "SecurityGroups"});
        return true;
    }
    if (type == "AWS::ElasticLoadBalancingV2::Listener") {
        Draft* lb = owner("LoadBalancerArn", "load_balancer");
        const OJ& actions = p.value("DefaultActions", OJ());
        if (!lb || !free(*lb, "listener") || !actions.is_array() || actions.size() != 1 ||
            actions[0].size() != 2 || actions[0].value("Type", "") != "forward") {
            return false;
        }
        const OJ& tgRef = actions[0].value("TargetGroupArn", OJ());
        if (!tgRef.is_object() || !tgRef.contains("Ref") || !tgRef["Ref"].is_string())
            return false;
        const std::string tgName = tgRef["Ref"].get<std::string>();
        if (!hasResource(tgName) || m_consumed.count(tgName))
            return false;
        const OJ& tg = resource(tgName);
        const OJ& tp = props(tg);
        if (tg.value("Type", "") != "AWS::ElasticLoadBalancingV2::TargetGroup")
            return false;
        json targets = json::array();
        if (tp.contains("Targets")) {
            if (!tp["Targets"].is_array())
                return false;
            for (const auto& t : tp["Targets"]) {
                Draft* inst = draftOf(t.value("Id", OJ()));
                if (!inst || inst->kind != "ec2_instance" || t.size() != 2 ||
                    t.value("Port", OJ()) != tp.value("Port", OJ()))
                    return false;
                targets.push_back(inst->id);
            }
        }
        if (p.contains("Port"))
            readInt(*lb, "listener_port", p["Port"]);
        if (tp.contains("Port"))
            readInt(*lb, "target_port", tp["Port"]);
        lb->props["targets"] = targets;
        std::set<std::string> tgRead = {"Port", "Protocol", "TargetType", "Targets", "VpcId"};
        if (tp.value("TargetType", OJ("instance")) != "instance")
            tgRead.erase("TargetType");
        auxRole(*lb, "target_group", tgName, tg, tgRead);
        auxRole(*lb, "listener", logicalId, res,
                {"DefaultActions", "LoadBalancerArn", "Port", "Protocol"});
        return true;
    }
    if (type == "AWS::EC2::TransitGatewayRouteTableAssociation" ||
        type == "AWS::EC2::TransitGatewayRouteTablePropagation" ||
        type == "AWS::EC2::TransitGatewayRoute") {
        Draft* table = owner("TransitGatewayRouteTableId", "transit_gateway_route_table");
        Draft* attachment = p.contains("TransitGatewayAttachmentId")
                                ? draftOf(p["TransitGatewayAttachmentId"])
                                : nullptr;
        if (!table || (attachment && !attachment->isConnection))
            return false;
        if (type == "AWS::EC2::TransitGatewayRoute") {
            if (!p.contains("DestinationCidrBlock") || !p["DestinationCidrBlock"].is_string())
                return false;
            if (!attachment && p.value("Blackhole", OJ(false)) != true)
                return false;
            checkCidr(p["DestinationCidrBlock"], path(logicalId, "DestinationCidrBlock"));
            const std::string destination = p["DestinationCidrBlock"].get<std::string>();
            if (!free(*table, "route:" + destination))
                return false;
            json& routes = table->props["routes"];
            if (!routes.is_array())
                routes = json::array();
            routes.push_back(
                {{"destination", destination}, {"target", attachment ? attachment->id : ""}});
            auxRole(*table, "route:" + destination, logicalId, res,
                    {"DestinationCidrBlock", "TransitGatewayAttachmentId",
                     "TransitGatewayRouteTableId", "Blackhole"});
            return true;
        }
        if (!attachment)
            return false;
        const bool association = type == "AWS::EC2::TransitGatewayRouteTableAssociation";
        const std::string role = (association ? "assoc:" : "propagation:") + attachment->id;
        if (!free(*table, role))
            return false;
        append(table->props[association ? "associations" : "propagations"], attachment->id);
        auxRole(*table, role, logicalId, res,
                {"TransitGatewayAttachmentId", "TransitGatewayRouteTableId"});
        return true;
    }
    if (type == "AWS::EC2::VPNConnectionRoute") {
        Draft* vpn = owner("VpnConnectionId", "vpn_attachment");
        if (!vpn || !p.contains("DestinationCidrBlock") || !p["DestinationCidrBlock"].is_string())
            return false;
        checkCidr(p["DestinationCidrBlock"], path(logicalId, "DestinationCidrBlock"));
        const std::string destination = p["DestinationCidrBlock"].get<std::string>();
        if (!free(*vpn, "route:" + destination))
            return false;
        append(vpn->props["static_routes"], destination);
        auxRole(*vpn, "route:" + destination, logicalId, res,
                {"DestinationCidrBlock", "VpnConnectionId"});
        return true;
    }
    if (type == "AWS::EC2::EIP" && m_auxOwner.count(logicalId)) {
        const auto it = m_byLogical.find(m_auxOwner[logicalId]);
        if (it == m_byLogical.end() || m_drafts[it->second].kind != "ec2_instance")
            return false;
        Draft& instance = m_drafts[it->second];
        instance.props["elastic_ip"] = true;
        auxRole(instance, "eip", logicalId, res, {"Domain", "InstanceId"});
        return true;
    }
    return false;
}

void Importer::foldAuxiliaries() {
    // Target groups and subnet groups are folded by the listener or instance that names them,
    // which may come later: leftovers become generic only after every fold was tried.
    std::vector<std::string> leftovers;
    for (const auto& [id, res] : m_resources->items()) {
        if (m_byLogical.count(id) || m_consumed.count(id) || m_owned.count(id))
            continue;
        m_current = id;
        if (!fold(id, res))
            leftovers.push_back(id);
    }
    for (const auto& id : leftovers) {
        const OJ& res = resource(id);
        if (m_consumed.count(id))
            continue;
        {
            m_auxOwner.erase(id);
            Draft& g = genericDraft(id, res);
            json fragment = json::object();
            for (const auto& [k, v] : res.items()) {
                if (k != "Type")
                    fragment[k] = json(v);
            }
            g.props["type"] = g.type;
            g.props["cfn"] = fragment;
        }
    }
}

void Importer::normalizeRules() {
    // An inline rule only needs its "inline" mark where the export could otherwise move it
    // to a separate resource: when its list also holds rules naming other groups.
    for (Draft& d : m_drafts) {
        if (d.kind != "security_group")
            continue;
        for (const char* key : {"ingress", "egress"}) {
            if (!d.props.contains(key) || !d.props[key].is_array())
                continue;
            json& rules = d.props[key];
            const bool needed = std::any_of(rules.begin(), rules.end(), [](const json& r) {
                return r.contains("source_security_group");
            });
            if (needed)
                continue;
            for (json& r : rules) {
                if (!r.contains(cfn::kItemSymbolic))
                    continue;
                json& s = r[std::string(cfn::kItemSymbolic)];
                s.erase("inline");
                if (s.empty())
                    r.erase(std::string(cfn::kItemSymbolic));
            }
        }
    }
}

void Importer::finishTargets() {
    // Auto Scaling groups join a load balancer's targets through TargetGroupARNs.
    for (Draft& d : m_drafts) {
        if (d.kind != "auto_scaling_group" || d.logicalId.empty())
            continue;
        const OJ& p = props(resource(d.logicalId));
        if (!p.contains("TargetGroupARNs") || !p["TargetGroupARNs"].is_array())
            continue;
        bool all = true;
        for (const auto& arn : p["TargetGroupARNs"]) {
            bool found = false;
            for (Draft& lb : m_drafts) {
                if (lb.kind == "load_balancer" && lb.aux.contains("target_group") &&
                    arn == OJ{{"Ref", lb.aux["target_group"]["logical_id"]}}) {
                    lb.props["targets"].push_back(d.id);
                    found = true;
                }
            }
            all = all && found;
        }
        if (!all)
            d.extra["Properties"]["TargetGroupARNs"] = json(p["TargetGroupARNs"]);
    }
}

void Importer::placeParents() {
    // A VPC's region follows from a literal availability zone of one of its subnets.
    for (Draft& vpc : m_drafts) {
        if (vpc.kind != "vpc" || vpc.fromLayout || vpc.props.contains("region"))
            continue;
        for (const Draft& s : m_drafts) {
            const std::string zone = s.kind == "subnet" && s.parent == vpc.id
                                         ? s.props.value("availability_zone", std::string())
                                         : std::string();
            if (zone.size() > 1 && zone[0] != '!' &&
                std::isalpha(static_cast<unsigned char>(zone.back()))) {
                vpc.props["region"] = zone.substr(0, zone.size() - 1);
                break;
            }
        }
    }
    auto vpcOfSubnets = [&](const json& subnets) -> std::string {
        if (!subnets.is_array() || subnets.empty())
            return {};
        for (const Draft& s : m_drafts) {
            if (s.id == subnets[0] && s.kind == "subnet")
                return s.parent;
        }
        return {};
    };
    // Resources that cannot be placed (a security group without a VPC, an instance in a subnet
    // of another stack, a peering with a VPC given by id, ...) stay as the template has them;
    // repeated until nothing changes, since a child follows its parent.
    const auto& catalogue = ResourceCatalogue::instance();
    std::unordered_map<std::string, std::size_t> byId;
    for (std::size_t i = 0; i < m_drafts.size(); ++i) {
        byId[m_drafts[i].id] = i;
    }
    auto kindOf = [&](const std::string& id) -> std::string {
        const auto it = byId.find(id);
        return it == byId.end() ? "?" : m_drafts[it->second].kind;
    };
    std::vector<std::string> released;
    auto toGeneric = [&](Draft& d) {
        const OJ& res = resource(d.logicalId);
        json fragment = json::object();
        for (const auto& [k, v] : res.items()) {
            if (k != "Type")
                fragment[k] = json(v);
        }
        d.kind = "generic";
        d.isConnection = false;
        d.parent.clear();
        d.from.clear();
        d.to.clear();
        d.props = {{"type", d.type}, {"cfn", fragment}};
        d.symbolic = json::object();
        d.extra = json::object();
        d.extraTags = json::array();
        for (const auto& [role, aux] : d.aux.items()) {
            released.push_back(aux["logical_id"].get<std::string>());
        }
        d.aux = json::object();
        d.tags.clear();
        d.name.clear();
    };
    for (Draft& d : m_drafts) {
        if (!d.fromLayout && !d.isConnection &&
            (d.kind == "auto_scaling_group" || d.kind == "load_balancer" ||
             d.kind == "lambda_function" || d.kind == "rds_instance" ||
             d.kind == "elasticache_cluster" || d.kind == "efs_file_system")) {
            d.parent = vpcOfSubnets(d.props.value("subnets", json::array()));
        }
    }
    for (bool changed = true; changed;) {
        changed = false;
        for (Draft& d : m_drafts) {
            if (d.fromLayout || d.kind == "generic" || d.logicalId.empty())
                continue;
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
        m_consumed.erase(logicalId);
        m_auxOwner.erase(logicalId);
        if (m_byLogical.count(logicalId))
            continue;
        Draft& g = genericDraft(logicalId, resource(logicalId));
        json fragment = json::object();
        for (const auto& [k, v] : resource(logicalId).items()) {
            if (k != "Type")
                fragment[k] = json(v);
        }
        g.props = {{"type", g.type}, {"cfn", fragment}};
    }
    // A route names its target's field only where the target's kind does not imply it.
    static const std::unordered_map<std::string, std::string> fieldOfKind = {
        {"internet_gateway", "GatewayId"},
        {"virtual_private_gateway", "GatewayId"},
        {"nat_gateway", "NatGatewayId"},
        {"egress_only_internet_gateway", "EgressOnlyInternetGatewayId"},
        {"transit_gateway", "TransitGatewayId"},
        {"vpc_endpoint", "VpcEndpointId"},
        {"ec2_instance", "InstanceId"},
        {"vpc_peering", "VpcPeeringConnectionId"}};
    for (Draft& d : m_drafts) {
        if (d.kind != "route_table" || !d.props.contains("routes"))
            continue;
        for (json& route : d.props["routes"]) {
            if (!route.contains("__field"))
                continue;
            const std::string field = route["__field"].get<std::string>();
            route.erase("__field");
            const auto it = fieldOfKind.find(kindOf(route.value("target", std::string())));
            if (it == fieldOfKind.end() || it->second != field) {
                route[std::string(cfn::kItemSymbolic)]["target_field"] = field;
            }
        }
    }
}

CfnImportResult Importer::run() {
    CfnImportResult result;
    try {
        if (!m_t.is_object())
            fail("", "a template must be an object");
        if (!m_t.contains("Resources") || !m_t["Resources"].is_object()) {
            fail("Resources", "missing or not an object");
        }
        m_resources = &m_t["Resources"];
        for (const auto& [id, res] : m_resources->items()) {
            m_index[id] = &res;
        }
        for (const auto& [id, res] : m_resources->items()) {
            if (!res.is_object() || !res.contains("Type") || !res["Type"].is_string()) {
                fail(path(id), "a resource needs a string Type");
            }
            if (res.contains("Properties") && !res["Properties"].is_object()) {
                fail(path(id) + ".Properties", "expected an object");
            }
        }
        readParameters();
        // CloudFormation refuses these sections unless they are objects; the exporter writes
        // them back, so a string here would break the round trip.
        for (const char* section : {"Outputs", "Mappings", "Conditions", "Metadata", "Rules"}) {
            if (m_t.contains(section) && !m_t[section].is_object())
                fail(section, "expected an object");
        }
        for (const auto& [id, res] : m_resources->items()) {
            checkReferences(props(res), path(id) + ".Properties");
            if (res.contains("DependsOn")) {
                const OJ& deps = res["DependsOn"];
                for (const auto& dep : deps.is_array() ? deps : OJ::array({deps})) {
                    if (!dep.is_string() || !hasResource(dep.get<std::string>())) {
                        fail(path(id) + ".DependsOn", dep.dump() + " names no resource");
                    }
                }
            }
        }
        checkDependencyCycles();
        if (m_t.contains("Outputs") && m_t["Outputs"].is_object()) {
            for (const auto& [name, out] : m_t["Outputs"].items())
                checkReferences(out, "Outputs." + name);
        }
        readLayout();
        createDrafts();
        for (std::size_t i = 0; i < m_drafts.size(); ++i)
            readPrimary(m_drafts[i]);
        foldAuxiliaries();
        finishTargets();
        normalizeRules();
        placeParents();
        result = build();
    } catch (const ImportFailure& failure) {
        result.error = failure.error;
    } catch (const nlohmann::json::exception& e) {
        // A value of an unexpected shape somewhere the template format leaves open.
        result.error = CfnImportError{m_current.empty() ? "" : path(m_current),
                                      std::string("unexpected value: ") + e.what(), 0, 0};
    }
    return result;
}

CfnImportResult Importer::build() {
    CfnImportResult result;
    const auto& catalogue = ResourceCatalogue::instance();
    std::unordered_map<std::string, const json*> layoutById;
    for (const char* section : {"elements", "connections"}) {
        if (!m_layout.contains(section))
            continue;
        for (const auto& entry : m_layout[section]) {
            layoutById[entry["id"].get<std::string>()] = &entry;
        }
    }
    auto cfnProperty = [&](const Draft& d) {
        json c = json::object();
        if (!d.logicalId.empty() && d.logicalId != d.id && !d.fromLayout)
            c["logical_id"] = d.logicalId;
        if (!d.logicalId.empty() && !d.fromLayout && d.logicalId == d.id)
            c["logical_id"] = d.logicalId;
        if (!d.extra.empty())
            c["extra"] = d.extra;
        const KindDef* kindDef = catalogue.kind(d.kind);
        const ConnectionKindDef* connectionDef = catalogue.connectionKind(d.kind);
        const std::string modelType = kindDef         ? kindDef->cfnType
                                      : connectionDef ? connectionDef->cfnType
                                                      : "";
        if (!d.type.empty() && d.type != modelType)
            c["type"] = d.type;
        if (!d.symbolic.empty())
            c["symbolic"] = d.symbolic;
        if (!d.extraTags.empty())
            c["extra_tags"] = d.extraTags;
        json aux = json::object();
        for (const auto& [role, entry] : d.aux.items()) {
            aux[role] = entry;
        }
        if (!aux.empty())
            c["aux"] = aux;
        return c;
    };
    auto finalProps = [&](const Draft& d, const json* entry) {
        json properties = d.props;
        if (d.kind != "generic") {
            json c = cfnProperty(d);
            if (!c.empty() && !(entry && d.fromLayout))
                properties[std::string(cfn::kCfnProperty)] = c;
        }
        if (!entry || !d.fromLayout)
            return properties;
        // With the layout: exactly the keys the element had, design values first.
        json exact = json::object();
        const json design = entry->value("design", json::object());
        const KindDef* def = catalogue.kind(d.kind);
        const ConnectionKindDef* cdef = catalogue.connectionKind(d.kind);
        for (const auto& key : entry->value("keys", json::array())) {
            const std::string k = key.get<std::string>();
            if (design.contains(k)) {
                exact[k] = design[k];
            } else if (properties.contains(k)) {
                exact[k] = properties[k];
            } else {
                const PropertyDef* pd = def ? def->property(k) : cdef ? cdef->property(k) : nullptr;
                if (pd && !pd->defaultValue.is_null())
                    exact[k] = pd->defaultValue;
            }
        }
        return exact;
    };

    std::vector<Element> elements;
    std::vector<Connection> connections;
    std::vector<std::size_t> order;  // drafts, layout order first
    std::unordered_map<std::string, std::size_t> draftById;
    for (std::size_t i = 0; i < m_drafts.size(); ++i)
        draftById[m_drafts[i].id] = i;
    std::unordered_set<std::size_t> placed;
    for (const char* section : {"elements", "connections"}) {
        for (const auto& entry : m_layout.value(section, json::array())) {
            const auto it = draftById.find(entry["id"].get<std::string>());
            if (it != draftById.end() && placed.insert(it->second).second)
                order.push_back(it->second);
        }
    }
    for (std::size_t i = 0; i < m_drafts.size(); ++i) {
        if (placed.insert(i).second)
            order.push_back(i);
    }
    bool needsLayout = false;
    for (std::size_t i : order) {
        const Draft& d = m_drafts[i];
        const auto lit = layoutById.find(d.id);
        const json* entry = lit == layoutById.end() ? nullptr : lit->second;
        if (d.isConnection) {
            Connection c;
            c.id = d.id;
            c.kind = d.kind;
            c.name = d.name.empty() ? d.logicalId : d.name;
            c.from = d.from;
            c.to = d.to;
            if (entry && d.fromLayout) {
                c.name = entry->value("name", c.name);
                c.from = entry->value("from", c.from);
                c.to = entry->value("to", c.to);
                c.suppressions = entry->value("suppressions", std::vector<std::string>{});
            }
            c.properties = finalProps(d, entry);
            if (c.from.empty() || c.to.empty()) {
                result.error =
                    CfnImportError{path(d.logicalId), "cannot tell which resources it joins", 0, 0};
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
            e.name = entry->value("name", e.name);
            e.parent = entry->value("parent", std::string());
            const json g = entry->value("geometry", json::array());
            if (g.is_array() && g.size() == 4) {
                e.geometry = {g[0].get<double>(), g[1].get<double>(), g[2].get<double>(),
                              g[3].get<double>()};
            }
            e.suppressions = entry->value("suppressions", std::vector<std::string>{});
            if (entry->contains("tags")) {
                e.tags = (*entry)["tags"].get<std::map<std::string, std::string>>();
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
            if (layoutById.count(e.id))
                drawn[e.id] = e.geometry;
        }
        layout(elements);
        for (auto& e : elements) {
            if (const auto it = drawn.find(e.id); it != drawn.end())
                e.geometry = it->second;
        }
    }

    Diagram diagram;
    json metadata = m_layout.value("metadata", json::object());
    json leftovers = json::object();
    const json generated = m_layout.value("generated", json::object());
    auto isGenerated = [&](const char* list, const std::string& name) {
        for (const auto& g : generated.value(list, json::array())) {
            if (g == name)
                return true;
        }
        return false;
    };
    for (const auto& [section, value] : m_t.items()) {
        if (section == "Resources")
            continue;
        if (section == "AWSTemplateFormatVersion" && value == "2010-09-09")
            continue;
        if (section == "Description" && generated.value("description", false))
            continue;
        json kept = json(value);
        if (section == "Parameters" || section == "Outputs") {
            for (const auto& [name, def] : value.items()) {
                if (isGenerated(section == "Parameters" ? "parameters" : "outputs", name))
                    kept.erase(name);
            }
        }
        if (section == "Metadata")
            kept.erase(std::string(cfn::kMetadataKey));
        if (kept.is_object() && kept.empty() && section != "Description")
            continue;
        leftovers[section] = kept;
    }
    if (!leftovers.empty())
        metadata[std::string(cfn::kTemplateMetadata)] = leftovers;
    diagram.setMetadata(metadata);
    std::string name = m_layout.value("name", std::string());
    if (!m_hasLayout && m_t.contains("Description") && m_t["Description"].is_string()) {
        name = m_t["Description"].get<std::string>();
    }
    diagram.setName(name);
    Diagram::Problem problem;
    const std::size_t elementCount = elements.size();
    std::vector<std::string> names;
    for (const auto& e : elements)
        names.push_back(e.id);
    for (const auto& c : connections)
        names.push_back(c.id);
    if (Status s = diagram.assign(std::move(elements), std::move(connections), &problem); !s) {
        const std::size_t index =
            problem.inConnections ? elementCount + problem.index : problem.index;
        const std::string id = index < names.size() ? names[index] : "";
        const auto it = draftById.find(id);
        const std::string logicalId = it != draftById.end() ? m_drafts[it->second].logicalId : id;
        result.error = CfnImportError{logicalId.empty() ? "Metadata.Skydraft" : path(logicalId),
                                      s.error, 0, 0};
        return result;
    }
    result.diagram = std::move(diagram);
    result.warnings = m_warnings;
    return result;
}

void Importer::layout(std::vector<Element>& elements) const {
    // VPCs side by side (grouped by region), availability zones as columns of subnets inside,
    // resources in a grid inside their subnet, gateways on the VPC's top edge, VPC-wide
    // resources in rows below the subnets, and everything else in a row under the VPCs.
    constexpr double kIcon = 64, kCell = 96, kSubnetW = 260, kPad = 30, kGap = 80;
    std::unordered_map<std::string, std::vector<std::size_t>> children;
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < elements.size(); ++i) {
        index[elements[i].id] = i;
        children[elements[i].parent].push_back(i);
    }
    auto isGateway = [](const std::string& kind) {
        return kind == "internet_gateway" || kind == "virtual_private_gateway" ||
               kind == "egress_only_internet_gateway";
    };
    std::vector<std::size_t> vpcs;
    std::vector<std::size_t> others;
    for (std::size_t i : children[""]) {
        (elements[i].kind == "vpc" ? vpcs : others).push_back(i);
    }
    std::stable_sort(vpcs.begin(), vpcs.end(), [&](std::size_t a, std::size_t b) {
        return elements[a].stringProperty("region") < elements[b].stringProperty("region");
    });
    double x = 0;
    double bottom = 0;
    const double top = 100;
    for (std::size_t v : vpcs) {
        Element& vpc = elements[v];
        std::map<std::string, std::vector<std::size_t>> zones;
        std::vector<std::size_t> wide;
        std::vector<std::size_t> gateways;
        for (std::size_t c : children[vpc.id]) {
            if (elements[c].kind == "subnet")
                zones[elements[c].stringProperty("availability_zone")].push_back(c);
            else if (isGateway(elements[c].kind))
                gateways.push_back(c);
            else
                wide.push_back(c);
        }
        double columnX = x + kPad;
        double maxColumnBottom = top + 60;
        for (auto& [zone, subnets] : zones) {
            double y = top + 60;
            for (std::size_t s : subnets) {
                const auto& inside = children[elements[s].id];
                const double rows =
                    std::max<double>(1, static_cast<double>((inside.size() + 1) / 2));
                const double height = 50 + rows * kCell;
                elements[s].geometry = {columnX, y, kSubnetW, height};
                for (std::size_t n = 0; n < inside.size(); ++n) {
                    elements[inside[n]].geometry = {columnX + 40 + static_cast<double>(n % 2) * 120,
                                                    y + 40 + static_cast<double>(n / 2) * kCell,
                                                    kIcon, kIcon};
                }
                y += height + kPad;
            }
            maxColumnBottom = std::max(maxColumnBottom, y);
            columnX += kSubnetW + kPad;
        }
        const double innerWidth = std::max(columnX - x, kPad + 4 * kCell);
        const std::size_t perRow =
            std::max<std::size_t>(1, static_cast<std::size_t>((innerWidth - kPad) / kCell));
        for (std::size_t n = 0; n < wide.size(); ++n) {
            elements[wide[n]].geometry = {x + kPad + static_cast<double>(n % perRow) * kCell,
                                          maxColumnBottom + static_cast<double>(n / perRow) * kCell,
                                          kIcon, kIcon};
        }
        const double rows = static_cast<double>((wide.size() + perRow - 1) / perRow);
        const double height = maxColumnBottom - top + rows * kCell + kPad;
        vpc.geometry = {x, top, innerWidth, height};
        for (std::size_t n = 0; n < gateways.size(); ++n) {
            elements[gateways[n]].geometry = {x + kPad + static_cast<double>(n) * kCell,
                                              top - kIcon / 2, kIcon, kIcon};
        }
        x += innerWidth + kGap;
        bottom = std::max(bottom, top + height);
    }
    double ox = 0;
    for (std::size_t o : others) {
        Element& e = elements[o];
        const auto& inside = children[e.id];
        if (inside.empty()) {
            e.geometry = {ox, bottom + kGap, kIcon, kIcon};
            ox += kCell;
            continue;
        }
        const double width = kPad * 2 + static_cast<double>(inside.size()) * kCell;
        e.geometry = {ox, bottom + kGap, width, kCell + 60};
        for (std::size_t n = 0; n < inside.size(); ++n) {
            elements[inside[n]].geometry = {ox + kPad + static_cast<double>(n) * kCell,
                                            bottom + kGap + 45, kIcon, kIcon};
        }
        ox += width + kPad;
    }
}

}  // namespace

CfnImportResult importCloudFormationTemplate(const nlohmann::ordered_json& document) {
    return Importer(document).run();
}

CfnImportResult importCloudFormation(std::string_view text) {
    if (text.size() > kMaxDocumentBytes) {
        CfnImportResult result;
        result.error = CfnImportError{"", documentTooLargeMessage(text.size()), 0, 0};
        return result;
    }
    if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
        // YAML stops reading at a NUL byte; whatever follows would be silently lost.
        const TextPosition at = positionAt(text, nul);
        CfnImportResult result;
        result.error = CfnImportError{"", "the template has a NUL byte", at.line, at.column};
        return result;
    }
    if (const auto bad = findInvalidUtf8(text)) {
        // YAML would carry the bytes into names that no JSON writer can print later.
        const TextPosition at = positionAt(text, *bad);
        CfnImportResult result;
        result.error = CfnImportError{"", "the template is not valid UTF-8", at.line, at.column};
        return result;
    }
    const CfnTextResult parsed = parseCfnTemplateText(text);
    if (!parsed.ok()) {
        CfnImportResult result;
        result.error = CfnImportError{"", parsed.error, parsed.line, parsed.column};
        return result;
    }
    try {
        // YAML escapes ("\x85") can decode to bytes that are not UTF-8 even in a valid text;
        // such a string would make every later JSON writer throw.
        (void)parsed.value.dump();
    } catch (const nlohmann::json::type_error&) {
        CfnImportResult result;
        result.error = CfnImportError{"",
                                      "the template has a string that is not valid UTF-8 "
                                      "(an escape such as \\x85 in a YAML string)",
                                      0, 0};
        return result;
    }
    return importCloudFormationTemplate(parsed.value);
}

}  // namespace skydraft
