// SUB003: the subnets of one VPC do not overlap (IPv4 and IPv6 each).
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{"SUB003", Severity::Error, "Overlapping subnets",
                         "No two subnets of one VPC share an address, in IPv4 or in IPv6.", ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const VpcInfo& vpc : ctx.vpcs()) {
        std::vector<OwnedCidr> blocks;
        std::vector<const SubnetInfo*> owners;
        for (const SubnetInfo* s : vpc.subnetInfos) {
            if (s->ipv4) {
                blocks.push_back({*s->ipv4, owners.size()});
            }
            if (s->ipv6) {
                blocks.push_back({*s->ipv6, owners.size()});
            }
            owners.push_back(s);
        }
        sweepOverlaps(std::move(blocks), true, [&](const OwnedCidr& a, const OwnedCidr& b) {
            const Element& ea = *owners[a.owner]->element;
            const Element& eb = *owners[b.owner]->element;
            out.push_back(makeFinding(kInfo,
                                      describe(eb) + ": " + b.cidr.toString() + " overlaps " +
                                          a.cidr.toString() + " (" + describe(ea) + ")",
                                      {eb.id, ea.id}));
        });
    }
}

}  // namespace

constinit const Rule sub003{kInfo, &check};

}  // namespace skydraft::rules
