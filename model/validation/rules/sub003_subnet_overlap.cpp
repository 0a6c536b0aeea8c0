// SUB003: the subnets of one VPC do not overlap (IPv4 and IPv6 each).
#include "analysis/cidr_plan.h"
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{"SUB003", Severity::Error, "Overlapping subnets",
                         "No two subnets of one VPC share an address, in IPv4 or in IPv6.", ""};

/// Moves the subnet to the first block of its size (in the VPC's primary CIDR, then its
/// secondary ones) that no other subnet of the VPC uses.
std::optional<Fix> freeBlockFix(const ValidationContext& ctx, const Element& subnet,
                                const Element& vpc, const Cidr& own) {
    if (!own.isV4()) {
        return std::nullopt;
    }
    const auto free = freeSubnetBlock(ctx.diagram(), vpc, own.prefix(), {}, subnet.id);
    if (!free) {
        return std::nullopt;
    }
    Fix fix;
    fix.label = "Move to " + free->toString();
    fix.edits.push_back({"set_property", subnet.id, "cidr", free->toString()});
    return fix;
}

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
            Finding f = makeFinding(kInfo,
                                    describe(eb) + ": " + b.cidr.toString() + " overlaps " +
                                        a.cidr.toString() + " (" + describe(ea) + ")",
                                    {eb.id, ea.id});
            f.fix = freeBlockFix(ctx, eb, *vpc.element, b.cidr);
            out.push_back(std::move(f));
        });
    }
}

}  // namespace

constinit const Rule sub003{kInfo, &check};

}  // namespace skydraft::rules
