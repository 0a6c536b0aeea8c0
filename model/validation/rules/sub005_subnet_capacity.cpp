// SUB005: the resources placed in a subnet fit in its usable addresses.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "SUB005", Severity::Warning, "Subnet address capacity",
    "A subnet offers 2^(32-p) - 5 addresses (AWS reserves the first four and the last). Error "
    "when the resources placed in it need more (1 per instance, NAT gateway, interface endpoint, "
    "transit gateway attachment, function, database, file system and cache node; 8 per load "
    "balancer; an Auto Scaling group's maximum spread over its subnets); warning above 80%.",
    "Load balancers and Lambda functions scale their network interfaces at run time; the "
    "counts are the minimum a design needs.",
    true};

void check(const ValidationContext& ctx, Findings& out) {
    for (const SubnetInfo& s : ctx.subnets()) {
        if (!s.ipv4) {
            continue;
        }
        const std::uint64_t usable = s.ipv4->usableAddresses();
        const std::uint64_t used = addressConsumers(s);
        if (used * 5 <= usable * 4) {
            continue;
        }
        const bool full = used > usable;
        out.push_back(makeFinding(kInfo, full ? Severity::Error : Severity::Warning,
                                  describe(*s.element) + ": " + std::to_string(used) +
                                      " addresses needed of " + std::to_string(usable) +
                                      " usable in " + s.ipv4->toString(),
                                  {s.element->id}));
    }
}

}  // namespace

constinit const Rule sub005{kInfo, &check};

}  // namespace skydraft::rules
