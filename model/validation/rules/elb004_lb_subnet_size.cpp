// ELB004: a load balancer subnet is at least /27 with 8 free addresses.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "ELB004", Severity::Warning, "Small load balancer subnet",
    "A load balancer subnet should be /27 or larger and keep at least 8 free addresses, so "
    "that the load balancer can scale.",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const Element* lb : ctx.ofKind("load_balancer")) {
        for (const SubnetInfo* s : listedSubnets(ctx, *lb)) {
            if (!s->ipv4) {
                continue;
            }
            const std::uint64_t usable = s->ipv4->usableAddresses();
            const std::uint64_t used = addressConsumers(*s);
            const std::uint64_t free = usable > used ? usable - used : 0;
            std::string why;
            if (s->ipv4->prefix() > 27) {
                why = s->ipv4->toString() + " is smaller than /27";
            } else if (free < 8) {
                why = s->ipv4->toString() + " has " + std::to_string(free) + " free addresses";
            } else {
                continue;
            }
            out.push_back(makeFinding(kInfo,
                                      describe(*lb) + ": " + describe(*s->element) + " " + why,
                                      {lb->id, s->element->id}));
        }
    }
}

}  // namespace

constinit const Rule elb004{kInfo, &check};

}  // namespace skydraft::rules
