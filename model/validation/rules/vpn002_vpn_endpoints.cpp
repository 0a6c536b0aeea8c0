// VPN002: a VPN connection joins a customer gateway to one virtual private or transit gateway.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "VPN002", Severity::Error, "VPN connection endpoints",
    "A VPN connection joins one customer gateway to exactly one virtual private gateway or "
    "transit gateway; a virtual private gateway terminates VPN connections only while attached "
    "to a VPC.",
    "A VPN connection is drawn between two elements, so the document already gives it exactly "
    "one gateway; the check looks at the kinds and at detached virtual private gateways."};

void check(const ValidationContext& ctx, Findings& out) {
    for (const Connection* vpn : ctx.connectionsOfKind("vpn_attachment")) {
        const Element* cgw = ctx.element(vpn->from);
        const Element* gw = ctx.element(vpn->to);
        if (!cgw || !gw) {
            continue;
        }
        if (cgw->kind != "customer_gateway" ||
            (gw->kind != "virtual_private_gateway" && gw->kind != "transit_gateway")) {
            out.push_back(makeFinding(kInfo,
                                      describe(*vpn) + ": joins " + describe(*cgw) + " to " +
                                          describe(*gw),
                                      {vpn->id, cgw->id, gw->id}));
        } else if (gw->kind == "virtual_private_gateway" && !ctx.routes().attachedVpc(gw->id)) {
            out.push_back(makeFinding(kInfo,
                                      describe(*vpn) + ": " + describe(*gw) +
                                          " is not attached to a VPC",
                                      {vpn->id, gw->id}));
        }
    }
}

}  // namespace

constinit const Rule vpn002{kInfo, &check};

}  // namespace skydraft::rules
