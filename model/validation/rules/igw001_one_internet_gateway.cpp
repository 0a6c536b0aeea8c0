// IGW001: at most one internet gateway per VPC.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "IGW001", Severity::Error, "One internet gateway per VPC",
    "A VPC has at most one internet gateway attached, and an internet gateway attaches to at "
    "most one VPC.",
    "An internet gateway is attached to the VPC that contains it, so the document already "
    "keeps it to one VPC; the check counts the gateways of each VPC."};

void check(const ValidationContext& ctx, Findings& out) {
    for (const VpcInfo& vpc : ctx.vpcs()) {
        if (vpc.internetGateways.size() > 1) {
            std::vector<Id> ids{vpc.element->id};
            for (const Element* g : vpc.internetGateways) {
                ids.push_back(g->id);
            }
            out.push_back(makeFinding(kInfo,
                                      describe(*vpc.element) + ": " +
                                          std::to_string(vpc.internetGateways.size()) +
                                          " internet gateways attached; at most one",
                                      std::move(ids)));
        }
    }
}

}  // namespace

constinit const Rule igw001{kInfo, &check};

}  // namespace skydraft::rules
