// The security family in CloudFormation: security groups with their rules (inline, or separate
// resources when they name other groups), network ACLs with their entries and associations.
#include <algorithm>

#include "catalogue/kind_keys.h"
#include "cfn_export_context.h"
#include "cfn_import_context.h"
#include "cfn_layout_metadata.h"
#include "cfn_names.h"
#include "kinds/families.h"

namespace skydraft::cfn::families {

using nlohmann::json;

namespace {

/// A security group rule as CloudFormation writes it.
OJ ruleToCfn(const json& rule, bool egress) {
    OJ r = OJ::object();
    const json symbolic = rule.value(std::string(kItemSymbolic), json::object());
    auto field = [&](const char* key, const char* cfnKey) {
        if (symbolic.contains(key)) {
            r[cfnKey] = OJ(symbolic[key]);
        } else if (rule.contains(key)) {
            r[cfnKey] = OJ(rule[key]);
        }
    };
    field("cidr", "CidrIp");
    field("ipv6_cidr", "CidrIpv6");
    field("prefix_list", egress ? "DestinationPrefixListId" : "SourcePrefixListId");
    field("description", "Description");
    if (symbolic.contains("source_security_group")) {
        r[egress ? "DestinationSecurityGroupId" : "SourceSecurityGroupId"] =
            OJ(symbolic["source_security_group"]);
    }
    if (symbolic.contains("extra")) {
        for (const auto& [k, v] : symbolic["extra"].items()) {
            r[k] = OJ(v);
        }
    }
    // Every protocol (-1) opens every port: CloudFormation ignores a port range there, and
    // writing one draws cfn-lint W3687; a range given as an intrinsic is kept as written.
    const json protocol = rule.value("protocol", json("-1"));
    const bool allPorts = protocol == json("-1") && !symbolic.contains("protocol");
    if (!allPorts || symbolic.contains("from_port")) {
        field("from_port", "FromPort");
    }
    r["IpProtocol"] = OJ(protocol);
    if (!allPorts || symbolic.contains("to_port")) {
        field("to_port", "ToPort");
    }
    return r;
}

/// A rule of a template: its fields, the intrinsics among them, and what Skydraft does not
/// model, under kItemSymbolic.
json readRule(ImportContext& ctx, const OJ& rule, bool egress, const std::string& where) {
    json r = json::object();
    json symbolic = json::object();
    json extra = json::object();
    for (const auto& item : rule.items()) {
        const std::string& k = item.key();  // named, not structured bindings: lambdas capture
        const auto& v = item.value();
        const std::optional<OJ> resolved = ctx.resolve(v);
        auto put = [&](const char* key, bool cidr) {
            if (resolved && (resolved->is_string() || resolved->is_number())) {
                if (cidr) {
                    ctx.checkCidr(*resolved, where + "." + k);
                }
                r[key] = json(*resolved);
                if (v.is_object()) {
                    symbolic[key] = json(v);
                }
            } else {
                r[key] = symbolicText(json(v));
                symbolic[key] = json(v);
            }
        };
        if (k == "IpProtocol") {
            if (resolved) {
                r["protocol"] =
                    resolved->is_string() ? resolved->get<std::string>() : resolved->dump();
            } else {
                extra[k] = json(v);
            }
        } else if (k == "FromPort" || k == "ToPort") {
            const char* key = k == "FromPort" ? "from_port" : "to_port";
            if (resolved && resolved->is_number_integer()) {
                r[key] = resolved->get<long long>();
            } else {
                extra[k] = json(v);
            }
        } else if (k == "CidrIp") {
            put("cidr", true);
        } else if (k == "CidrIpv6") {
            put("ipv6_cidr", true);
        } else if (k == "Description") {
            put("description", false);
        } else if (k == (egress ? "DestinationPrefixListId" : "SourcePrefixListId")) {
            put("prefix_list", false);
        } else if (k == (egress ? "DestinationSecurityGroupId" : "SourceSecurityGroupId")) {
            const std::string id = ctx.idOf(v);
            r["source_security_group"] = id.empty() ? symbolicText(json(v)) : id;
            symbolic["source_security_group"] = json(v);
        } else {
            extra[k] = json(v);
        }
    }
    if (!extra.empty()) {
        symbolic["extra"] = extra;
    }
    if (!symbolic.empty()) {
        r[std::string(kItemSymbolic)] = symbolic;
    }
    return r;
}

/// The rule CloudFormation needs to remove a group's default allow-all egress rule.
bool isNoEgressMarker(const OJ& rule) {
    return rule.value("CidrIp", OJ()) == "255.255.255.255/32" &&
           rule.value("FromPort", OJ()) == 252 && rule.value("ToPort", OJ()) == 86;
}

void exportSecurityGroup(ExportContext& ctx, const Element& e, layout::Entry&) {
    if (!ctx.exists(e.parent)) {
        return;
    }
    OJ p = OJ::object();
    struct Separate {
        json rule;
        bool egress;
        std::size_t index;
    };
    std::vector<Separate> separate;
    for (const bool egress : {false, true}) {
        const json& rules = e.property(egress ? "egress" : "ingress");
        if (!rules.is_array()) {
            continue;
        }
        // A rule read from a template's inline list stays inline.
        auto keptInline = [](const json& r) {
            return r.value(std::string(kItemSymbolic), json::object()).value("inline", false);
        };
        const bool referencesGroups = std::any_of(rules.begin(), rules.end(), [&](const json& r) {
            return r.contains("source_security_group") && !keptInline(r);
        });
        OJ inlined = OJ::array();
        for (std::size_t i = 0; i < rules.size(); ++i) {
            if (referencesGroups && !keptInline(rules[i])) {
                separate.push_back({rules[i], egress, i});
                continue;
            }
            OJ r = ruleToCfn(rules[i], egress);
            const std::string other = rules[i].value("source_security_group", "");
            const char* groupKey = egress ? "DestinationSecurityGroupId" : "SourceSecurityGroupId";
            if (!other.empty() && !r.contains(groupKey)) {
                if (!ctx.exists(other)) {
                    continue;
                }
                r[groupKey] = ctx.groupId(other);
            }
            inlined.push_back(std::move(r));
        }
        const bool markerNeeded = egress && (referencesGroups || rules.empty()) &&
                                  std::none_of(rules.begin(), rules.end(), keptInline);
        if (markerNeeded) {
            // An empty list must remove the default allow-all egress rule.
            inlined.push_back(OJ{{"CidrIp", "255.255.255.255/32"},
                                 {"Description", "Disallow all traffic"},
                                 {"FromPort", 252},
                                 {"IpProtocol", "icmp"},
                                 {"ToPort", 86}});
        }
        if (!inlined.empty()) {
            p[egress ? "SecurityGroupEgress" : "SecurityGroupIngress"] = std::move(inlined);
        }
    }
    p["VpcId"] = ctx.ref(e.parent);
    p["Tags"] = ctx.tags(e);
    ctx.emitPrimary(e, std::move(p));
    // Rules naming other groups are separate resources so that groups never depend on each
    // other in a cycle.
    for (const auto& s : separate) {
        OJ r = ruleToCfn(s.rule, s.egress);
        const std::string other = s.rule.value("source_security_group", "");
        OJ q = OJ::object();
        q["GroupId"] = ctx.groupId(e.id);
        for (auto& [k, v] : r.items()) {
            q[k] = v;
        }
        if (!other.empty() && ctx.exists(other)) {
            q[s.egress ? "DestinationSecurityGroupId" : "SourceSecurityGroupId"] =
                ctx.groupId(other);
        } else if (!other.empty()) {
            continue;
        }
        const std::string role = (s.egress ? "egress:" : "ingress:") + std::to_string(s.index);
        ctx.emitAux(e.id, e.properties, role,
                    (s.egress ? "Egress" : "Ingress") + std::to_string(s.index + 1),
                    s.egress ? "AWS::EC2::SecurityGroupEgress" : "AWS::EC2::SecurityGroupIngress",
                    std::move(q));
    }
}

void importSecurityGroup(ImportContext& ctx, PrimaryReader& r) {
    r.parentRef("VpcId");
    Draft& d = r.draft;
    for (const bool egress : {false, true}) {
        const char* cfnKey = egress ? "SecurityGroupEgress" : "SecurityGroupIngress";
        if (!r.has(cfnKey) || !r.props[cfnKey].is_array()) {
            continue;
        }
        r.read.insert(cfnKey);
        json rules = json::array();
        for (std::size_t i = 0; i < r.props[cfnKey].size(); ++i) {
            const OJ& rule = r.props[cfnKey][i];
            if (egress && isNoEgressMarker(rule)) {
                continue;
            }
            json item =
                readRule(ctx, rule, egress, r.where(cfnKey) + "[" + std::to_string(i) + "]");
            item[std::string(kItemSymbolic)]["inline"] = true;
            rules.push_back(std::move(item));
        }
        d.props[egress ? "egress" : "ingress"] = rules;
    }
    if (!r.has("SecurityGroupEgress")) {
        d.props["egress"] = json::array({{{"protocol", "-1"}, {"cidr", "0.0.0.0/0"}}});
    }
}

/// AWS::EC2::SecurityGroupIngress / Egress: a rule of its group.
bool foldSecurityGroupRule(ImportContext& ctx, const std::string& logicalId, const OJ& res) {
    const bool egress = res.value("Type", "") == "AWS::EC2::SecurityGroupEgress";
    const OJ& p = ImportContext::properties(res);
    Draft* group = ctx.draftOfKind(p, "GroupId", kinds::kSecurityGroup);
    if (!group) {
        return false;
    }
    OJ rule = OJ::object();
    for (const auto& [k, v] : p.items()) {
        if (k != "GroupId") {
            rule[k] = v;
        }
    }
    json r = readRule(ctx, rule, egress, ImportContext::path(logicalId));
    if (r.contains(kItemSymbolic)) {
        json& s = r[std::string(kItemSymbolic)];
        s.erase("source_security_group");
        if (s.contains("extra")) {
            return false;
        }
        if (s.empty()) {
            r.erase(std::string(kItemSymbolic));
        }
    }
    if (r.contains("source_security_group")) {
        const std::string other = r["source_security_group"].get<std::string>();
        if (!ctx.isDraft(other) && std::none_of(ctx.drafts().begin(), ctx.drafts().end(),
                                                [&](const Draft& d) { return d.id == other; })) {
            return false;
        }
    }
    json& rules = group->props[egress ? "egress" : "ingress"];
    if (!rules.is_array()) {
        rules = json::array();
    }
    const std::string role = (egress ? "egress:" : "ingress:") + std::to_string(rules.size());
    if (!ImportContext::isFree(*group, role)) {
        return false;
    }
    rules.push_back(r);
    std::set<std::string> read;
    for (const auto& [k, v] : p.items()) {
        read.insert(k);
    }
    ctx.auxRole(*group, role, logicalId, res, read);
    return true;
}

/// An inline rule only needs its "inline" mark where the export could otherwise move it to a
/// separate resource: when its list also holds rules naming other groups.
void normalizeRules(ImportContext& ctx) {
    for (Draft& d : ctx.drafts()) {
        if (d.kind != kinds::kSecurityGroup) {
            continue;
        }
        for (const char* key : {"ingress", "egress"}) {
            if (!d.props.contains(key) || !d.props[key].is_array()) {
                continue;
            }
            json& rules = d.props[key];
            const bool needed = std::any_of(rules.begin(), rules.end(), [](const json& r) {
                return r.contains("source_security_group");
            });
            if (needed) {
                continue;
            }
            for (json& r : rules) {
                if (!r.contains(kItemSymbolic)) {
                    continue;
                }
                json& s = r[std::string(kItemSymbolic)];
                s.erase("inline");
                if (s.empty()) {
                    r.erase(std::string(kItemSymbolic));
                }
            }
        }
    }
}

// Network ACL: entries and subnet associations are resources of their own. The default ACL
// comes with the VPC: CloudFormation cannot declare it, so it stays in the layout.

OJ aclProtocol(const std::string& protocol) {
    if (protocol == "tcp") {
        return 6;
    }
    if (protocol == "udp") {
        return 17;
    }
    if (protocol == "icmp") {
        return 1;
    }
    if (protocol == "-1" || protocol == "all") {
        return -1;
    }
    try {
        return std::stoi(protocol);
    } catch (...) {
        return -1;
    }
}

std::string protocolName(const OJ& value) {
    std::string p = value.is_string() ? value.get<std::string>() : value.dump();
    if (p == "6") {
        return "tcp";
    }
    if (p == "17") {
        return "udp";
    }
    if (p == "1") {
        return "icmp";
    }
    return p;
}

void exportNetworkAcl(ExportContext& ctx, const Element& e, layout::Entry& entry) {
    if (e.boolProperty("default") || !ctx.exists(e.parent)) {
        entry.keepAll(e.properties);
        return;
    }
    OJ p = OJ::object();
    p["VpcId"] = ctx.ref(e.parent);
    p["Tags"] = ctx.tags(e);
    ctx.emitPrimary(e, std::move(p));
    const json& entries = e.property("entries");
    if (entries.is_array()) {
        for (const auto& en : entries) {
            const bool egress = en.value("egress", false);
            const json symbolic = en.value(std::string(kItemSymbolic), json::object());
            OJ q = OJ::object();
            if (symbolic.contains("cidr")) {
                q["CidrBlock"] = OJ(symbolic["cidr"]);
            } else if (en.contains("cidr")) {
                q["CidrBlock"] = OJ(en["cidr"]);
            }
            if (en.contains("ipv6_cidr")) {
                q["Ipv6CidrBlock"] = OJ(en["ipv6_cidr"]);
            }
            q["Egress"] = egress;
            if (en.contains("icmp_type") || en.contains("icmp_code")) {
                q["Icmp"] = OJ{{"Code", OJ(en.value("icmp_code", json(-1)))},
                               {"Type", OJ(en.value("icmp_type", json(-1)))}};
            }
            q["NetworkAclId"] = ctx.ref(e.id);
            if (en.contains("from_port") || en.contains("to_port")) {
                q["PortRange"] = OJ{{"From", OJ(en.value("from_port", json(0)))},
                                    {"To", OJ(en.value("to_port", json(65535)))}};
            }
            q["Protocol"] = aclProtocol(en.value("protocol", "-1"));
            q["RuleAction"] = en.value("rule_action", "allow");
            q["RuleNumber"] = OJ(en.value("rule_number", json(100)));
            const std::string number =
                en.contains("rule_number") ? en["rule_number"].dump() : "100";
            ctx.emitAux(e.id, e.properties, (egress ? "egress:" : "ingress:") + number,
                        (egress ? "Egress" : "Ingress") + number, "AWS::EC2::NetworkAclEntry",
                        std::move(q));
        }
    }
    for (const auto& s : e.stringListProperty("associations")) {
        if (!ctx.exists(s)) {
            continue;
        }
        ctx.emitAux(e.id, e.properties, "assoc:" + s, ctx.lid(s) + "Association",
                    "AWS::EC2::SubnetNetworkAclAssociation",
                    OJ{{"NetworkAclId", ctx.ref(e.id)}, {"SubnetId", ctx.ref(s)}});
    }
}

void importNetworkAcl(ImportContext&, PrimaryReader& r) {
    r.parentRef("VpcId");
}

bool foldAclEntry(ImportContext& ctx, const std::string& logicalId, const OJ& res) {
    const OJ& p = ImportContext::properties(res);
    Draft* acl = ctx.draftOfKind(p, "NetworkAclId", kinds::kNetworkAcl);
    if (!acl || !ImportContext::onlyKeys(p, {"NetworkAclId", "RuleNumber", "Protocol", "RuleAction",
                                             "Egress", "CidrBlock", "PortRange", "Icmp"})) {
        return false;
    }
    json entry = json::object();
    if (!p.contains("RuleNumber") || !p["RuleNumber"].is_number_integer()) {
        return false;
    }
    entry["rule_number"] = p["RuleNumber"].get<long long>();
    entry["egress"] = p.value("Egress", OJ(false)) == true;
    entry["protocol"] = protocolName(p.value("Protocol", OJ(-1)));
    entry["rule_action"] = p.value("RuleAction", OJ("allow")).is_string()
                               ? p.value("RuleAction", std::string("allow"))
                               : "allow";
    if (p.contains("CidrBlock")) {
        if (!p["CidrBlock"].is_string()) {
            return false;
        }
        ctx.checkCidr(p["CidrBlock"], ImportContext::path(logicalId, "CidrBlock"));
        entry["cidr"] = p["CidrBlock"].get<std::string>();
    }
    if (p.contains("PortRange")) {
        const OJ& range = p["PortRange"];
        if (!range.is_object() || !range.contains("From") || !range.contains("To")) {
            return false;
        }
        entry["from_port"] = json(range["From"]);
        entry["to_port"] = json(range["To"]);
    }
    if (p.contains("Icmp")) {
        entry["icmp_code"] = json(p["Icmp"].value("Code", OJ(-1)));
        entry["icmp_type"] = json(p["Icmp"].value("Type", OJ(-1)));
    }
    const std::string role = std::string(entry["egress"].get<bool>() ? "egress:" : "ingress:") +
                             entry["rule_number"].dump();
    if (!ImportContext::isFree(*acl, role)) {
        return false;
    }
    json& entries = acl->props["entries"];
    if (!entries.is_array()) {
        entries = json::array();
    }
    entries.push_back(entry);
    ctx.auxRole(*acl, role, logicalId, res,
                {"NetworkAclId", "RuleNumber", "Protocol", "RuleAction", "Egress", "CidrBlock",
                 "PortRange", "Icmp"});
    return true;
}

bool foldAclAssociation(ImportContext& ctx, const std::string& logicalId, const OJ& res) {
    const OJ& p = ImportContext::properties(res);
    Draft* acl = ctx.draftOfKind(p, "NetworkAclId", kinds::kNetworkAcl);
    Draft* subnet = ctx.draftOfKind(p, "SubnetId", kinds::kSubnet);
    if (!acl || !subnet || !ImportContext::isFree(*acl, "assoc:" + subnet->id)) {
        return false;
    }
    ImportContext::append(acl->props["associations"], subnet->id);
    ctx.auxRole(*acl, "assoc:" + subnet->id, logicalId, res,
                {"RouteTableId", "NetworkAclId", "SubnetId"});
    return true;
}

}  // namespace

FamilyMapping security() {
    FamilyMapping family;
    family.family = "security";
    family.kinds = {
        {.kind = kinds::kSecurityGroup,
         .exportElement = exportSecurityGroup,
         .importResource = importSecurityGroup,
         .leadingProperties = {"GroupDescription", "SecurityGroupIngress", "SecurityGroupEgress"}},
        {.kind = kinds::kNetworkAcl,
         .exportElement = exportNetworkAcl,
         .importResource = importNetworkAcl},
    };
    family.folds = {
        {"AWS::EC2::SecurityGroupIngress", foldSecurityGroupRule},
        {"AWS::EC2::SecurityGroupEgress", foldSecurityGroupRule},
        {"AWS::EC2::NetworkAclEntry", foldAclEntry},
        {"AWS::EC2::SubnetNetworkAclAssociation", foldAclAssociation},
    };
    family.afterFolds = normalizeRules;
    return family;
}

}  // namespace skydraft::cfn::families
