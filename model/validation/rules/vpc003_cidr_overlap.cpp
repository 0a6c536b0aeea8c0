// VPC003: no two IPv4 CIDRs of one VPC overlap.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{"VPC003", Severity::Error, "Overlapping CIDRs within a VPC",
                         "The primary and secondary IPv4 CIDRs of one VPC do not overlap.", ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const VpcInfo& vpc : ctx.vpcs()) {
        if (vpc.ipv4.size() < 2) {
            continue;
        }
        std::vector<OwnedCidr> blocks;
        for (std::size_t i = 0; i < vpc.ipv4.size(); ++i) {
            blocks.push_back({vpc.ipv4[i], i});
        }
        sweepOverlaps(blocks, false, [&](const OwnedCidr& a, const OwnedCidr& b) {
            const OwnedCidr& later = a.owner > b.owner ? a : b;
            const OwnedCidr& earlier = a.owner > b.owner ? b : a;
            out.push_back(makeFinding(kInfo,
                                      describe(*vpc.element) + ": " + later.cidr.toString() +
                                          " overlaps " + earlier.cidr.toString(),
                                      {vpc.element->id}));
        });
    }
}

}  // namespace

constinit const Rule vpc003{kInfo, &check};

}  // namespace skydraft::rules
