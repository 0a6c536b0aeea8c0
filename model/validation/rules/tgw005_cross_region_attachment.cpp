// TGW005: a transit gateway attaches VPCs of its own region only.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "TGW005", Severity::Error, "Transit gateway attachment across regions",
    "A transit gateway is regional: it attaches VPCs of its own region; a VPC of another "
    "region connects through a transit gateway of its region and transit gateway peering.",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const Connection* a : ctx.connectionsOfKind("transit_gateway_attachment")) {
        const Element* vpc = ctx.element(a->from);
        const Element* tgw = ctx.element(a->to);
        if (!vpc || !tgw) {
            continue;
        }
        const std::string vr = vpc->stringProperty("region");
        const std::string tr = tgw->stringProperty("region");
        if (vr != tr) {
            out.push_back(makeFinding(kInfo,
                                      describe(*a) + ": " + describe(*vpc) + " is in " + vr +
                                          ", " + describe(*tgw) + " in " + tr,
                                      {a->id, vpc->id, tgw->id}));
        }
    }
}

}  // namespace

constinit const Rule tgw005{kInfo, &check};

}  // namespace skydraft::rules
