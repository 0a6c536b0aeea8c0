// Property comparison by type: references through the matching, lists as sets, routes by
// destination, security group rules and network ACL entries as rules.
#include "diff/diff_values.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace skydraft {

using nlohmann::json;

namespace {

std::string plain(const json& value) {
    if (value.is_null()) {
        return "(none)";
    }
    if (value.is_string()) {
        const auto& text = value.get_ref<const std::string&>();
        return text.empty() ? "(none)" : text;
    }
    return value.dump();
}

std::string stringOf(const json& value) {
    return value.is_string() ? value.get<std::string>() : std::string();
}

std::vector<std::string> strings(const json& value) {
    std::vector<std::string> out;
    if (value.is_array()) {
        for (const auto& item : value) {
            if (item.is_string()) {
                out.push_back(item.get<std::string>());
            }
        }
    }
    return out;
}

json labels(const std::vector<std::string>& ids,
            const std::function<std::string(const std::string&)>& label) {
    json out = json::array();
    for (const auto& id : ids) {
        out.push_back(label(id));
    }
    return out;
}

std::optional<PropertyChange> scalar(const std::string& key, const json& before,
                                     const json& after) {
    if (before == after) {
        return std::nullopt;
    }
    return PropertyChange{key, before, after, {plain(before) + " -> " + plain(after)}};
}

std::optional<PropertyChange> reference(const std::string& key, const json& before,
                                        const json& after, const ValueContext& context) {
    const std::string a = stringOf(before);
    const std::string b = stringOf(after);
    if ((a.empty() && b.empty()) || (!a.empty() && context.translate(a) == b)) {
        return std::nullopt;
    }
    const std::string la = context.labelA(a);
    const std::string lb = context.labelB(b);
    return PropertyChange{key, la, lb, {la + " -> " + lb}};
}

std::optional<PropertyChange> referenceSet(const std::string& key, const json& before,
                                           const json& after, const ValueContext& context) {
    const std::vector<std::string> a = strings(before);
    const std::vector<std::string> b = strings(after);
    std::set<std::string> translated;
    for (const auto& id : a) {
        translated.insert(context.translate(id));
    }
    const std::set<std::string> inB(b.begin(), b.end());
    std::vector<std::string> details;
    for (const auto& id : a) {
        if (!inB.count(context.translate(id))) {
            details.push_back("removed " + context.labelA(id));
        }
    }
    for (const auto& id : b) {
        if (!translated.count(id)) {
            details.push_back("added " + context.labelB(id));
        }
    }
    if (details.empty()) {
        return std::nullopt;
    }
    return PropertyChange{key, labels(a, context.labelA), labels(b, context.labelB),
                          std::move(details)};
}

std::optional<PropertyChange> stringSet(const std::string& key, const json& before,
                                        const json& after) {
    const std::vector<std::string> a = strings(before);
    const std::vector<std::string> b = strings(after);
    const std::set<std::string> inA(a.begin(), a.end());
    const std::set<std::string> inB(b.begin(), b.end());
    std::vector<std::string> details;
    for (const auto& value : inA) {
        if (!inB.count(value)) {
            details.push_back("removed " + value);
        }
    }
    for (const auto& value : inB) {
        if (!inA.count(value)) {
            details.push_back("added " + value);
        }
    }
    if (details.empty()) {
        return std::nullopt;
    }
    return PropertyChange{key, before, after, std::move(details)};
}

std::optional<PropertyChange> routes(const std::string& key, const json& before, const json& after,
                                     const ValueContext& context) {
    // destination -> (target as B reads it, label)
    std::map<std::string, std::pair<std::string, std::string>> a;
    std::map<std::string, std::pair<std::string, std::string>> b;
    json shownA = json::array();
    json shownB = json::array();
    if (before.is_array()) {
        for (const auto& route : before) {
            const std::string destination =
                route.is_object() ? stringOf(route.value("destination", json())) : "";
            const std::string target =
                route.is_object() ? stringOf(route.value("target", json())) : "";
            a[destination] = {target.empty() ? "" : context.translate(target),
                              context.labelA(target)};
            shownA.push_back({{"destination", destination}, {"target", context.labelA(target)}});
        }
    }
    if (after.is_array()) {
        for (const auto& route : after) {
            const std::string destination =
                route.is_object() ? stringOf(route.value("destination", json())) : "";
            const std::string target =
                route.is_object() ? stringOf(route.value("target", json())) : "";
            b[destination] = {target, context.labelB(target)};
            shownB.push_back({{"destination", destination}, {"target", context.labelB(target)}});
        }
    }
    std::vector<std::string> details;
    for (const auto& [destination, target] : a) {
        const auto it = b.find(destination);
        if (it == b.end()) {
            details.push_back("route " + destination + " -> " + target.second + " removed");
        } else if (it->second.first != target.first) {
            details.push_back("route " + destination + ": target " + target.second + " -> " +
                              it->second.second);
        }
    }
    for (const auto& [destination, target] : b) {
        if (!a.count(destination)) {
            details.push_back("route " + destination + " -> " + target.second + " added");
        }
    }
    if (details.empty()) {
        return std::nullopt;
    }
    return PropertyChange{key, shownA, shownB, std::move(details)};
}

json integerOrNull(const json& value) {
    if (value.is_number_integer()) {
        return value;
    }
    if (value.is_string()) {
        try {
            std::size_t used = 0;
            const long long n = std::stoll(value.get<std::string>(), &used);
            if (used == value.get<std::string>().size()) {
                return n;
            }
        } catch (...) {
        }
    }
    return nullptr;
}

/// A security group rule reduced to what decides the traffic it allows, peer in B's terms.
struct Rule {
    json key;  ///< protocol, ports, peer
    std::string description;
    std::string text;  ///< for people
};

std::string portsText(const json& from, const json& to) {
    if (from.is_null() && to.is_null()) {
        return "";
    }
    if (from == to) {
        return " " + plain(from);
    }
    if (from == 0 && to == 65535) {
        return " all ports";
    }
    return " " + plain(from) + "-" + plain(to);
}

Rule readRule(const json& rule, bool egress,
              const std::function<std::string(const std::string&)>& translate,
              const std::function<std::string(const std::string&)>& label) {
    Rule r;
    const std::string protocol = normalizedProtocol(rule.value("protocol", json("-1")));
    r.key["protocol"] = protocol;
    if (protocol != "-1") {
        r.key["from_port"] = integerOrNull(rule.value("from_port", json()));
        r.key["to_port"] = integerOrNull(rule.value("to_port", json()));
    }
    std::string peer;
    for (const char* field : {"cidr", "ipv6_cidr", "prefix_list"}) {
        const std::string value = stringOf(rule.value(field, json()));
        if (!value.empty()) {
            r.key[field] = value;
            peer = value;
        }
    }
    const std::string group = stringOf(rule.value("source_security_group", json()));
    if (!group.empty()) {
        r.key["source_security_group"] = translate(group);
        peer = label(group);
    }
    r.description = stringOf(rule.value("description", json()));
    r.text = (protocol == "-1" ? std::string("all traffic") : protocol) +
             (protocol == "-1" ? "" : portsText(r.key["from_port"], r.key["to_port"])) +
             (egress ? " to " : " from ") + (peer.empty() ? "(nothing)" : peer);
    return r;
}

std::optional<PropertyChange> rules(const std::string& key, const json& before, const json& after,
                                    const ValueContext& context) {
    const bool egress = key == "egress";
    const auto identity = [](const std::string& id) { return id; };
    std::multimap<std::string, Rule> a;
    std::multimap<std::string, Rule> b;
    if (before.is_array()) {
        for (const auto& rule : before) {
            if (rule.is_object()) {
                Rule r = readRule(rule, egress, context.translate, context.labelA);
                a.emplace(r.key.dump(), std::move(r));
            }
        }
    }
    if (after.is_array()) {
        for (const auto& rule : after) {
            if (rule.is_object()) {
                Rule r = readRule(rule, egress, identity, context.labelB);
                b.emplace(r.key.dump(), std::move(r));
            }
        }
    }
    std::vector<std::string> details;
    std::set<std::string> keys;
    for (const auto& [k, r] : a) {
        keys.insert(k);
    }
    for (const auto& [k, r] : b) {
        keys.insert(k);
    }
    for (const auto& k : keys) {
        auto [ai, aEnd] = a.equal_range(k);
        auto [bi, bEnd] = b.equal_range(k);
        for (; ai != aEnd && bi != bEnd; ++ai, ++bi) {
            if (ai->second.description != bi->second.description) {
                details.push_back("rule " + ai->second.text + ": description \"" +
                                  ai->second.description + "\" -> \"" + bi->second.description +
                                  "\"");
            }
        }
        for (; ai != aEnd; ++ai) {
            details.push_back("rule " + ai->second.text + " removed");
        }
        for (; bi != bEnd; ++bi) {
            details.push_back("rule " + bi->second.text + " added");
        }
    }
    if (details.empty()) {
        return std::nullopt;
    }
    return PropertyChange{key, before, after, std::move(details)};
}

json aclEntryKey(const json& entry) {
    json key = json::object();
    const std::string protocol = normalizedProtocol(entry.value("protocol", json("-1")));
    key["protocol"] = protocol;
    key["rule_action"] = stringOf(entry.value("rule_action", json("allow")));
    for (const char* field : {"cidr", "ipv6_cidr"}) {
        const std::string value = stringOf(entry.value(field, json()));
        if (!value.empty()) {
            key[field] = value;
        }
    }
    if (protocol == "tcp" || protocol == "udp") {
        key["from_port"] = integerOrNull(entry.value("from_port", json()));
        key["to_port"] = integerOrNull(entry.value("to_port", json()));
    } else if (protocol == "icmp" || protocol == "icmpv6") {
        key["icmp_type"] = integerOrNull(entry.value("icmp_type", json()));
        key["icmp_code"] = integerOrNull(entry.value("icmp_code", json()));
    }
    return key;
}

std::string aclEntryText(const json& key) {
    const std::string protocol = key.value("protocol", std::string("-1"));
    std::string text = key.value("rule_action", std::string("allow")) + " " +
                       (protocol == "-1" ? std::string("all traffic") : protocol);
    if (key.contains("from_port")) {
        text += portsText(key["from_port"], key["to_port"]);
    }
    const std::string peer = key.contains("cidr")
                                 ? key["cidr"].get<std::string>()
                                 : key.value("ipv6_cidr", std::string("(nothing)"));
    return text + " " + peer;
}

std::optional<PropertyChange> aclEntries(const std::string& key, const json& before,
                                         const json& after) {
    using Slot = std::pair<bool, long long>;  // egress, rule number
    auto read = [](const json& list) {
        std::map<Slot, json> out;
        if (!list.is_array()) {
            return out;
        }
        for (const auto& entry : list) {
            if (!entry.is_object()) {
                continue;
            }
            const json number = integerOrNull(entry.value("rule_number", json()));
            const bool egress = entry.value("egress", json(false)) == true;
            out[{egress, number.is_null() ? -1 : number.get<long long>()}] = aclEntryKey(entry);
        }
        return out;
    };
    const auto a = read(before);
    const auto b = read(after);
    std::vector<std::string> details;
    auto slotText = [](const Slot& slot) {
        return std::string(slot.first ? "outbound" : "inbound") + " rule " +
               std::to_string(slot.second);
    };
    for (const auto& [slot, entry] : a) {
        const auto it = b.find(slot);
        if (it == b.end()) {
            details.push_back(slotText(slot) + " (" + aclEntryText(entry) + ") removed");
        } else if (it->second != entry) {
            details.push_back(slotText(slot) + ": " + aclEntryText(entry) + " -> " +
                              aclEntryText(it->second));
        }
    }
    for (const auto& [slot, entry] : b) {
        if (!a.count(slot)) {
            details.push_back(slotText(slot) + " (" + aclEntryText(entry) + ") added");
        }
    }
    if (details.empty()) {
        return std::nullopt;
    }
    return PropertyChange{key, before, after, std::move(details)};
}

}  // namespace

std::string normalizedProtocol(const json& protocol) {
    std::string p = protocol.is_string() ? protocol.get<std::string>() : protocol.dump();
    std::transform(p.begin(), p.end(), p.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (p == "6") {
        return "tcp";
    }
    if (p == "17") {
        return "udp";
    }
    if (p == "1") {
        return "icmp";
    }
    if (p == "58") {
        return "icmpv6";
    }
    if (p == "all" || p == "-1" || p.empty() || p == "null") {
        return "-1";
    }
    return p;
}

std::optional<PropertyChange> compareValue(const std::string& key, const PropertyDef* def,
                                           const json& before, const json& after,
                                           const ValueContext& context) {
    if (!def) {
        return scalar(key, before, after);
    }
    switch (def->type) {
        case PropertyType::Reference:
            return reference(key, before, after, context);
        case PropertyType::ReferenceList:
            return referenceSet(key, before, after, context);
        case PropertyType::CidrList:
        case PropertyType::StringList:
            return stringSet(key, before, after);
        case PropertyType::RouteList:
            return routes(key, before, after, context);
        case PropertyType::RuleList:
            return rules(key, before, after, context);
        case PropertyType::AclEntryList:
            return aclEntries(key, before, after);
        default:
            return scalar(key, before, after);
    }
}

}  // namespace skydraft
