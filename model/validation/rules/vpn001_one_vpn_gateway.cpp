// VPN001: at most one virtual private gateway attached per VPC.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{"VPN001", Severity::Error, "One virtual private gateway per VPC",
                         "A VPC has at most one virtual private gateway attached.", ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const VpcInfo& vpc : ctx.vpcs()) {
        if (vpc.virtualPrivateGateways.size() > 1) {
            std::vector<Id> ids{vpc.element->id};
            for (const Element* g : vpc.virtualPrivateGateways) {
                ids.push_back(g->id);
            }
            out.push_back(makeFinding(kInfo,
                                      describe(*vpc.element) + ": " +
                                          std::to_string(vpc.virtualPrivateGateways.size()) +
                                          " virtual private gateways attached; at most one",
                                      std::move(ids)));
        }
    }
}

}  // namespace

constinit const Rule vpn001{kInfo, &check};

}  // namespace skydraft::rules
