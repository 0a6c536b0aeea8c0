// NACL002: a network ACL rule shadowed by a lower-numbered rule that matches all its traffic.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "NACL002", Severity::Warning, "Shadowed network ACL rule",
    "Network ACL rules are evaluated in number order and the first match wins: a rule whose "
    "traffic (protocol, CIDR, ports) a lower-numbered rule of the same direction fully matches "
    "never applies.",
    ""};

struct Entry {
    std::int64_t number;
    bool egress;
    std::string protocol;
    std::optional<Cidr> cidr;
    std::pair<int, int> ports;
    std::string action;
};

void check(const ValidationContext& ctx, Findings& out) {
    for (const Element* acl : ctx.ofKind("network_acl")) {
        std::vector<Entry> entries;
        for (const json& e : acl->property("entries")) {
            if (!e.is_object() || !e.value("rule_number", json()).is_number_integer()) {
                continue;
            }
            const auto c = cidrValue(e.value("cidr", json()));
            entries.push_back(Entry{e["rule_number"].get<std::int64_t>(), e.value("egress", false),
                                    e.value("protocol", std::string("-1")),
                                    c ? std::optional<Cidr>(c->canonical()) : std::nullopt,
                                    portRange(e), e.value("rule_action", std::string("allow"))});
        }
        std::sort(entries.begin(), entries.end(),
                  [](const Entry& a, const Entry& b) { return a.number < b.number; });
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const Entry& later = entries[i];
            for (std::size_t j = 0; j < i; ++j) {
                const Entry& earlier = entries[j];
                if (earlier.egress != later.egress || earlier.number == later.number ||
                    !earlier.cidr || !later.cidr || !earlier.cidr->contains(*later.cidr) ||
                    !protocolCovers(earlier.protocol, later.protocol) ||
                    earlier.ports.first > later.ports.first ||
                    earlier.ports.second < later.ports.second) {
                    continue;
                }
                out.push_back(makeFinding(
                    kInfo,
                    describe(*acl) + ": " + (later.egress ? "outbound" : "inbound") + " rule " +
                        std::to_string(later.number) + " (" + later.action + ") never applies; "
                        "rule " + std::to_string(earlier.number) + " (" + earlier.action +
                        ") matches all its traffic",
                    {acl->id}));
                break;
            }
        }
    }
}

}  // namespace

constinit const Rule nacl002{kInfo, &check};

}  // namespace skydraft::rules
