// NACL003: network ACLs are stateless; an allowed flow needs its ephemeral-port return allowed.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "NACL003", Severity::Warning, "Network ACL without a return path",
    "Network ACLs are stateless: an inbound allow for a TCP or UDP service needs an outbound "
    "allow for the ephemeral ports 1024-65535 to the same addresses, and an outbound allow "
    "needs the inbound ephemeral return (the first matching rule decides). A rule that covers "
    "all of 1024-65535 is taken for a return rule.",
    ""};

struct Entry {
    std::int64_t number;
    bool egress;
    std::string protocol;
    Cidr cidr;
    std::pair<int, int> ports;
    bool allow;
};

/// The decision of the first rule of one direction matching protocol, cidr and all the ports.
bool returnAllowed(const std::vector<Entry>& entries, bool egress, const std::string& protocol,
                   const Cidr& cidr) {
    for (const Entry& e : entries) {
        if (e.egress != egress || !protocolCovers(e.protocol, protocol) ||
            !e.cidr.overlaps(cidr) || e.ports.second < 1024 || e.ports.first > 65535) {
            continue;
        }
        const bool covers = e.cidr.contains(cidr) && e.ports.first <= 1024 &&
                            e.ports.second >= 65535;
        if (!e.allow) {
            return false;
        }
        if (covers) {
            return true;
        }
    }
    return false;
}

void check(const ValidationContext& ctx, Findings& out) {
    for (const Element* acl : ctx.ofKind("network_acl")) {
        std::vector<Entry> entries;
        for (const json& e : acl->property("entries")) {
            const auto c = e.is_object() ? cidrValue(e.value("cidr", json())) : std::nullopt;
            if (!c || !e.value("rule_number", json()).is_number_integer()) {
                continue;
            }
            entries.push_back(Entry{e["rule_number"].get<std::int64_t>(), e.value("egress", false),
                                    e.value("protocol", std::string("-1")), c->canonical(),
                                    portRange(e), e.value("rule_action", std::string()) != "deny"});
        }
        std::sort(entries.begin(), entries.end(),
                  [](const Entry& a, const Entry& b) { return a.number < b.number; });
        for (const Entry& e : entries) {
            if (!e.allow || (e.protocol != "tcp" && e.protocol != "udp" && e.protocol != "6" &&
                             e.protocol != "17")) {
                continue;
            }
            const bool isReturnRule = e.ports.first <= 1024 && e.ports.second >= 65535;
            if (isReturnRule || returnAllowed(entries, !e.egress, e.protocol, e.cidr)) {
                continue;
            }
            out.push_back(makeFinding(
                kInfo,
                describe(*acl) + ": " + (e.egress ? "outbound" : "inbound") + " rule " +
                    std::to_string(e.number) + " allows " + e.protocol + " " +
                    std::to_string(e.ports.first) + "-" + std::to_string(e.ports.second) + " " +
                    (e.egress ? "to " : "from ") + e.cidr.toString() + ", but no " +
                    (e.egress ? "inbound" : "outbound") +
                    " rule allows the return on ports 1024-65535",
                {acl->id}));
        }
    }
}

}  // namespace

constinit const Rule nacl003{kInfo, &check};

}  // namespace skydraft::rules
