// SG004: SSH or RDP open to the whole internet.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{"SG004", Severity::Warning, "SSH or RDP open to the world",
                         "An inbound rule opens SSH (22) or RDP (3389) to 0.0.0.0/0 or ::/0.",
                         ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const Element* sg : ctx.ofKind("security_group")) {
        for (const json& rule : sg->property("ingress")) {
            if (!rule.is_object()) {
                continue;
            }
            const std::string cidr = rule.value("cidr", std::string());
            const std::string v6 = rule.value("ipv6_cidr", std::string());
            const std::string world = cidr == "0.0.0.0/0" ? cidr : v6 == "::/0" ? v6 : "";
            const std::string protocol = rule.value("protocol", std::string("-1"));
            if (world.empty() || !protocolCovers(protocol, "tcp")) {
                continue;
            }
            const auto [from, to] = portRange(rule);
            for (auto [port, name] : {std::pair{22, "SSH"}, std::pair{3389, "RDP"}}) {
                if (from <= port && port <= to) {
                    out.push_back(makeFinding(kInfo,
                                              describe(*sg) + ": " + name + " (" +
                                                  std::to_string(port) + ") is open to " + world,
                                              {sg->id}));
                }
            }
        }
    }
}

}  // namespace

constinit const Rule sg004{kInfo, &check};

}  // namespace skydraft::rules
