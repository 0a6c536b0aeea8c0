// VPC011: VPCs behind one Direct Connect gateway must not overlap.
#include <map>

#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "VPC011", Severity::Error, "Overlapping VPCs on a Direct Connect gateway",
    "The VPCs whose virtual private gateways are associated with one Direct Connect gateway "
    "have no overlapping CIDRs.",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    std::map<std::string, std::vector<const VpcInfo*>> byGateway;
    for (const Element* vgw : ctx.ofKind("virtual_private_gateway")) {
        const std::string dx = vgw->stringProperty("direct_connect_gateway");
        const Element* vpc = ctx.routes().attachedVpc(vgw->id);
        if (!dx.empty() && vpc) {
            byGateway[dx].push_back(ctx.vpc(vpc->id));
        }
    }
    for (const auto& entry : byGateway) {
        const auto& dx = entry.first;  // named, not a structured binding: lambdas capture it
        const auto& vpcs = entry.second;
        std::vector<OwnedCidr> blocks;
        for (std::size_t i = 0; i < vpcs.size(); ++i) {
            for (const Cidr& c : vpcs[i]->ipv4) {
                blocks.push_back({c, i});
            }
        }
        sweepOverlaps(blocks, true, [&](const OwnedCidr& a, const OwnedCidr& b) {
            const VpcInfo& va = *vpcs[a.owner];
            const VpcInfo& vb = *vpcs[b.owner];
            out.push_back(makeFinding(kInfo,
                                      describe(*va.element) + ": " + a.cidr.toString() +
                                          " overlaps " + b.cidr.toString() + " of " +
                                          describe(*vb.element) + " on " + ctx.describe(dx),
                                      {va.element->id, vb.element->id, dx}));
        });
    }
}

}  // namespace

constinit const Rule vpc011{kInfo, &check};

}  // namespace skydraft::rules
