// Judging security groups and network ACLs for a flow, and the rules that would admit it.
#include "analysis/reachability/packet_filters.h"

#include <algorithm>
#include <set>

#include "validation/validation_context.h"

namespace skydraft::reach {

using nlohmann::json;

namespace {

enum class RuleProtocol { Tcp, Udp, Icmp, All, Other };

RuleProtocol ruleProtocol(const json& rule) {
    const json p = rule.value("protocol", json("-1"));
    const std::string text = p.is_string()           ? p.get<std::string>()
                             : p.is_number_integer() ? std::to_string(p.get<int>())
                                                     : std::string("-1");
    if (text == "-1" || text == "all") {
        return RuleProtocol::All;
    }
    if (text == "tcp" || text == "6") {
        return RuleProtocol::Tcp;
    }
    if (text == "udp" || text == "17") {
        return RuleProtocol::Udp;
    }
    if (text == "icmp" || text == "1") {
        return RuleProtocol::Icmp;
    }
    return RuleProtocol::Other;
}

bool sameProtocol(RuleProtocol r, Protocol p) {
    return (r == RuleProtocol::Tcp && p == Protocol::Tcp) ||
           (r == RuleProtocol::Udp && p == Protocol::Udp) ||
           (r == RuleProtocol::Icmp && p == Protocol::Icmp);
}

/// The ports a rule admits; all of them unless it is a tcp or udp rule with ports.
std::pair<int, int> rulePorts(const json& rule, RuleProtocol protocol) {
    if (protocol != RuleProtocol::Tcp && protocol != RuleProtocol::Udp) {
        return {0, 65535};
    }
    const json from = rule.value("from_port", json());
    const json to = rule.value("to_port", json());
    const int f = from.is_number_integer() ? from.get<int>() : 0;
    const int t = to.is_number_integer() ? to.get<int>() : 65535;
    return f < 0 ? std::pair{0, 65535} : std::pair{f, t};
}

struct Match {
    bool overlaps = false;  ///< some of the traffic matches
    bool covers = false;    ///< all of the traffic matches
};

/// How a rule's protocol and ports match traffic of protocol on ports.
Match matchTraffic(const json& rule, Protocol protocol, std::pair<int, int> ports) {
    const RuleProtocol r = ruleProtocol(rule);
    const std::pair<int, int> range = rulePorts(rule, r);
    const bool portsMatter = protocol == Protocol::Tcp || protocol == Protocol::Udp;
    Match m;
    if (r == RuleProtocol::All) {
        m.overlaps = m.covers = true;
    } else if (protocol == Protocol::Any) {
        m.overlaps = r != RuleProtocol::Other;
    } else if (sameProtocol(r, protocol)) {
        m.overlaps = !portsMatter || (range.first <= ports.second && ports.first <= range.second);
        m.covers = !portsMatter || (range.first <= ports.first && ports.second <= range.second);
    }
    return m;
}

std::optional<Cidr> ruleCidr(const json& rule) {
    const json c = rule.value("cidr", json());
    if (!c.is_string()) {
        return std::nullopt;
    }
    auto parsed = parseCidr(c.get_ref<const std::string&>());
    return parsed && parsed.cidr->isV4() ? std::optional<Cidr>(parsed.cidr->canonical())
                                         : std::nullopt;
}

bool hasGroup(const Site& site, std::string_view id) {
    return std::any_of(site.groups.begin(), site.groups.end(),
                       [&](const Element* g) { return g->id == id; });
}

bool ruleAdmits(const json& rule, const Flow& flow, const Peer& peer) {
    if (!rule.is_object() || !matchTraffic(rule, flow.protocol, flow.ports()).overlaps) {
        return false;
    }
    const json reference = rule.value("source_security_group", json());
    if (reference.is_string() && !reference.get_ref<const std::string&>().empty()) {
        return peer.site && hasGroup(*peer.site, reference.get_ref<const std::string&>());
    }
    const auto c = ruleCidr(rule);
    return c && peer.addresses.overlaps(*c);
}

std::string groupsText(const Site& self) {
    if (self.groups.empty()) {
        return "the default security group";
    }
    std::string names;
    for (const Element* g : self.groups) {
        names += (names.empty() ? "" : ", ") + inQuotes(g->name.empty() ? g->id : g->name);
    }
    return (self.groups.size() == 1 ? "security group " : "security groups ") + names;
}

std::string peerText(const NetworkIndex& index, const Peer& peer) {
    if (peer.site && (peer.site->element || peer.site->subnet) &&
        peer.site->outside == Outside::None) {
        return describeSite(index, *peer.site) + " (" + peer.addresses.text() + ")";
    }
    return peer.addresses.text();
}

json ruleFor(const Flow& flow) {
    json rule = json::object();
    switch (flow.protocol) {
        case Protocol::Any:
            rule["protocol"] = "-1";
            break;
        case Protocol::Icmp:
            rule["protocol"] = "icmp";
            rule["from_port"] = -1;
            rule["to_port"] = -1;
            break;
        default:
            rule["protocol"] = std::string(protocolKey(flow.protocol));
            rule["from_port"] = flow.ports().first;
            rule["to_port"] = flow.ports().second;
    }
    return rule;
}

std::string cidrText(const Addresses& a) {
    return a.internet ? std::string("0.0.0.0/0") : a.cidr.toString();
}

/// A free ACL rule number for an allow entry that must come before ruleNumber (-1: anywhere).
std::optional<int> freeRuleNumber(const Element& acl, bool egress, int ruleNumber) {
    std::set<int> used;
    for (const json& e : acl.property("entries")) {
        if (e.is_object() && e.value("egress", false) == egress &&
            e.value("rule_number", json()).is_number_integer()) {
            used.insert(e["rule_number"].get<int>());
        }
    }
    if (ruleNumber > 0) {
        for (int n = ruleNumber - 1; n >= 1; --n) {
            if (!used.count(n)) {
                return n;
            }
        }
        return std::nullopt;
    }
    const int next = used.empty() ? 100 : (*used.rbegin() / 10 + 1) * 10;
    if (next <= 32766) {
        return next;
    }
    for (int n = 1; n <= 32766; ++n) {
        if (!used.count(n)) {
            return n;
        }
    }
    return std::nullopt;
}

}  // namespace

bool groupsAllow(const Site& self, bool ingress, const Flow& flow, const Peer& peer) {
    if (!self.filtered) {
        return true;
    }
    if (self.groups.empty()) {
        return !ingress || (peer.site && peer.site->filtered && peer.site->groups.empty() &&
                            peer.site->vpc == self.vpc);
    }
    for (const Element* g : self.groups) {
        for (const json& rule : g->property(ingress ? "ingress" : "egress")) {
            if (ruleAdmits(rule, flow, peer)) {
                return true;
            }
        }
    }
    return false;
}

Explanation groupBlock(const NetworkIndex& index, const Site& self, bool ingress, const Flow& flow,
                       const Peer& peer, Direction direction) {
    Explanation x;
    x.code = ingress ? Code::SecurityGroupIngress : Code::SecurityGroupEgress;
    x.direction = direction;
    x.component = self.groups.empty() ? self.component : self.groups.front()->id;
    const std::string way = ingress ? "inbound " : "outbound ";
    x.message = groupsText(self) + " of " + describeSite(index, self) +
                (ingress ? " admits no " : " allows no ") + way + flow.text() +
                (ingress ? " from " : " to ") + peerText(index, peer);
    if (self.groups.empty()) {
        x.message += " (it admits only its own members)";
        x.fixText = "give " + describeSite(index, self) + " a security group that allows " + way +
                    flow.text() + (ingress ? " from " : " to ") + peer.addresses.text();
        return x;
    }
    const Element& group = *self.groups.front();
    json rule = ruleFor(flow);
    std::string from;
    const Site* other = peer.site;
    if (other && !other->groups.empty() && other->vpc == self.vpc &&
        other->outside == Outside::None) {
        rule["source_security_group"] = other->groups.front()->id;
        from = describe(*other->groups.front());
    } else {
        rule["cidr"] = cidrText(peer.addresses);
        from = cidrText(peer.addresses);
    }
    x.fixText = "add an " + way + "rule to " + describe(group) + " for " + flow.text() +
                (ingress ? " from " : " to ") + from;
    json rules = group.property(ingress ? "ingress" : "egress");
    if (!rules.is_array()) {
        rules = json::array();
    }
    rules.push_back(std::move(rule));
    Fix fix;
    fix.label = "Allow " + flow.text() + (ingress ? " from " : " to ") + from;
    fix.edits.push_back({"set_property", group.id, ingress ? "ingress" : "egress", rules});
    x.fix = std::move(fix);
    return x;
}

AclDecision aclAllowsEveryPort(const Element& acl, bool egress, Protocol protocol,
                               std::pair<int, int> ports, const Addresses& peer) {
    if (protocol != Protocol::Tcp && protocol != Protocol::Udp) {
        return aclAllows(acl, egress, protocol, ports, peer);
    }
    // Between two consecutive rule boundaries every port meets the same rules: judging the
    // first port of each such segment judges them all.
    std::set<int> starts = {ports.first};
    for (const json& e : acl.property("entries")) {
        if (!e.is_object() || e.value("egress", false) != egress) {
            continue;
        }
        const auto range = rulePorts(e, ruleProtocol(e));
        for (int p : {range.first, range.second + 1}) {
            if (p > ports.first && p <= ports.second) {
                starts.insert(p);
            }
        }
    }
    for (int p : starts) {
        const AclDecision d = aclAllows(acl, egress, protocol, {p, p}, peer);
        if (!d.allowed) {
            return d;
        }
    }
    return {true, -1};
}

AclDecision aclAllows(const Element& acl, bool egress, Protocol protocol, std::pair<int, int> ports,
                      const Addresses& peer) {
    std::vector<std::pair<int, const json*>> entries;
    for (const json& e : acl.property("entries")) {
        if (e.is_object() && e.value("egress", false) == egress &&
            e.value("rule_number", json()).is_number_integer()) {
            entries.emplace_back(e["rule_number"].get<int>(), &e);
        }
    }
    std::stable_sort(entries.begin(), entries.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [number, entry] : entries) {
        const Match m = matchTraffic(*entry, protocol, ports);
        const auto c = ruleCidr(*entry);
        if (!m.overlaps || !c || !peer.overlaps(*c)) {
            continue;
        }
        const bool allow = entry->value("rule_action", std::string("allow")) != "deny";
        if (allow) {
            return {true, number};
        }
        if (m.covers && peer.within(*c)) {
            return {false, number};
        }
    }
    return {false, -1};
}

std::optional<Explanation> aclBlock(const NetworkIndex& index, const Element& subnet, bool egress,
                                    const Flow& flow, const Addresses& peer, bool returnTraffic,
                                    Code code, Direction direction) {
    const Element* acl = index.naclOf(subnet);
    if (!acl) {
        return std::nullopt;
    }
    const bool ephemeral = returnTraffic && flow.hasPorts();
    const std::pair<int, int> ports =
        ephemeral ? std::pair{kEphemeralFirst, kEphemeralLast} : flow.ports();
    const AclDecision decision = ephemeral
                                     ? aclAllowsEveryPort(*acl, egress, flow.protocol, ports, peer)
                                     : aclAllows(*acl, egress, flow.protocol, ports, peer);
    if (decision.allowed) {
        return std::nullopt;
    }
    const std::string traffic = ephemeral ? std::string(protocolKey(flow.protocol)) + " " +
                                                std::to_string(kEphemeralFirst) + "-" +
                                                std::to_string(kEphemeralLast)
                                          : flow.text();
    const std::string way = egress ? "outbound" : "inbound";
    const std::string toFrom = egress ? " to " : " from ";
    Explanation x;
    x.code = code;
    x.direction = direction;
    x.component = acl->id;
    x.message =
        describe(*acl) + " of " + describe(subnet) + " denies " +
        (returnTraffic ? "the return traffic (" + traffic + ") " + way : way + " " + traffic) +
        toFrom + peer.text() +
        (decision.ruleNumber > 0 ? " (rule " + std::to_string(decision.ruleNumber) + ")"
                                 : " (no rule allows it)");
    const auto number = freeRuleNumber(*acl, egress, decision.ruleNumber);
    if (!number) {
        x.fixText = "allow " + way + " " + traffic + toFrom + cidrText(peer) + " in " +
                    describe(*acl) + " before rule " + std::to_string(decision.ruleNumber);
        return x;
    }
    x.fixText = "add " + way + " rule " + std::to_string(*number) + " allowing " + traffic +
                toFrom + cidrText(peer) + " to " + describe(*acl);
    json entry = {{"rule_number", *number},
                  {"egress", egress},
                  {"rule_action", "allow"},
                  {"cidr", cidrText(peer)}};
    switch (flow.protocol) {
        case Protocol::Any:
            entry["protocol"] = "-1";
            break;
        case Protocol::Icmp:
            entry["protocol"] = "icmp";
            break;
        default:
            entry["protocol"] = std::string(protocolKey(flow.protocol));
            entry["from_port"] = ports.first;
            entry["to_port"] = ports.second;
    }
    json entries = acl->property("entries");
    if (!entries.is_array()) {
        entries = json::array();
    }
    entries.push_back(std::move(entry));
    Fix fix;
    fix.label = "Allow " + way + " " + traffic + toFrom + cidrText(peer);
    fix.edits.push_back({"set_property", acl->id, "entries", entries});
    x.fix = std::move(fix);
    return x;
}

}  // namespace skydraft::reach
