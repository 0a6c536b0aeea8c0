// PEER008: a VPC peers with several VPCs whose CIDRs overlap each other.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "PEER008", Severity::Warning, "Peers with overlapping CIDRs",
    "A VPC peers with VPCs whose CIDRs overlap each other: its routes must be specific enough "
    "to tell them apart, and the overlapping part reaches only one of them.",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const VpcInfo& vpc : ctx.vpcs()) {
        if (vpc.peerings.size() < 2) {
            continue;
        }
        std::vector<const VpcInfo*> peers;
        std::vector<OwnedCidr> blocks;
        for (const Connection* p : vpc.peerings) {
            const VpcInfo* peer = ctx.vpc(p->from == vpc.element->id ? p->to : p->from);
            if (!peer || peer == &vpc ||
                std::find(peers.begin(), peers.end(), peer) != peers.end()) {
                continue;
            }
            for (const Cidr& c : peer->ipv4) {
                blocks.push_back({c, peers.size()});
            }
            peers.push_back(peer);
        }
        sweepOverlaps(std::move(blocks), true, [&](const OwnedCidr& a, const OwnedCidr& b) {
            const VpcInfo& pa = *peers[a.owner];
            const VpcInfo& pb = *peers[b.owner];
            out.push_back(makeFinding(kInfo,
                                      describe(*vpc.element) + ": peers " + describe(*pa.element) +
                                          " (" + a.cidr.toString() + ") and " +
                                          describe(*pb.element) + " (" + b.cidr.toString() +
                                          "), which overlap",
                                      {vpc.element->id, pa.element->id, pb.element->id}));
        });
    }
}

}  // namespace

constinit const Rule peer008{kInfo, &check};

}  // namespace skydraft::rules
