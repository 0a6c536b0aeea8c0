// VPN004: an on-premises CIDR overlaps a VPC CIDR it is routed to.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "VPN004", Severity::Warning, "On-premises range overlaps a VPC",
    "An on-premises CIDR (a customer gateway's ranges or a VPN connection's static routes) "
    "overlaps a CIDR of a VPC the VPN connects to: those addresses are reachable on one side "
    "only.",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    std::unordered_map<std::string_view, std::vector<const VpcInfo*>> tgwVpcs;
    for (const Connection* a : ctx.connectionsOfKind("transit_gateway_attachment")) {
        if (const VpcInfo* v = ctx.vpc(a->from)) {
            tgwVpcs[a->to].push_back(v);
        }
    }
    for (const Connection* vpn : ctx.connectionsOfKind("vpn_attachment")) {
        const Element* cgw = ctx.element(vpn->from);
        if (!cgw) {
            continue;
        }
        std::vector<Cidr> onPrem;
        for (const json* list : {&cgw->property("on_premises_cidrs"),
                                 &vpn->property("static_routes")}) {
            for (const json& c : *list) {
                if (auto parsed = cidrValue(c)) {
                    const Cidr canonical = parsed->canonical();
                    if (std::find(onPrem.begin(), onPrem.end(), canonical) == onPrem.end()) {
                        onPrem.push_back(canonical);
                    }
                }
            }
        }
        std::vector<const VpcInfo*> vpcs;
        if (const Element* vpc = ctx.routes().attachedVpc(vpn->to)) {
            vpcs.push_back(ctx.vpc(vpc->id));
        } else if (const auto it = tgwVpcs.find(vpn->to); it != tgwVpcs.end()) {
            vpcs = it->second;
        }
        for (const VpcInfo* v : vpcs) {
            for (const Cidr& p : onPrem) {
                for (const Cidr& c : v->ipv4) {
                    if (p.overlaps(c)) {
                        out.push_back(makeFinding(kInfo,
                                                  describe(*vpn) + ": on-premises " +
                                                      p.toString() + " overlaps " + c.toString() +
                                                      " of " + describe(*v->element),
                                                  {vpn->id, cgw->id, v->element->id}));
                    }
                }
            }
        }
    }
}

}  // namespace

constinit const Rule vpn004{kInfo, &check};

}  // namespace skydraft::rules
