// IGW006: IPv6 egress needs ::/0 to an internet or egress-only internet gateway.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "IGW006", Severity::Error, "IPv6 egress",
    "IPv6 traffic leaves a VPC only through ::/0 (or a narrower IPv6 route) to an internet "
    "gateway or an egress-only internet gateway; 0.0.0.0/0 does not cover IPv6. An egress-only "
    "internet gateway routes IPv6 only, and a VPC has at most one.",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    static const Cidr anyV6 = Cidr::v6(0, 0);
    for (const VpcInfo& vpc : ctx.vpcs()) {
        if (vpc.egressOnlyGateways.size() > 1) {
            std::vector<Id> ids{vpc.element->id};
            for (const Element* g : vpc.egressOnlyGateways) {
                ids.push_back(g->id);
            }
            out.push_back(makeFinding(kInfo,
                                      describe(*vpc.element) + ": " +
                                          std::to_string(vpc.egressOnlyGateways.size()) +
                                          " egress-only internet gateways; at most one",
                                      std::move(ids)));
        }
    }
    for (const Element* table : ctx.ofKind("route_table")) {
        for (const StaticRoute& r : staticRoutes(ctx, *table)) {
            const Element* target = ctx.element(r.target);
            if (r.cidr && r.cidr->isV4() && target &&
                target->kind == "egress_only_internet_gateway") {
                out.push_back(makeFinding(kInfo,
                                          describe(*table) + ": IPv4 route " + r.destination +
                                              " targets " + describe(*target) +
                                              ", which carries IPv6 only",
                                          {table->id, target->id}));
            }
        }
    }
    for (const SubnetInfo& s : ctx.subnets()) {
        if (!s.ipv6Only || internetUsers(s, true).empty()) {
            continue;
        }
        const auto route = ctx.routes().lookupFromSubnet(*s.element, anyV6);
        const std::string_view kind = route ? ctx.routes().targetKind(route->target) : "";
        if (kind == "internet_gateway" || kind == "egress_only_internet_gateway") {
            continue;
        }
        out.push_back(makeFinding(kInfo,
                                  describe(*s.element) +
                                      ": IPv6-only with resources that need the internet, but "
                                      "no ::/0 route to an internet or egress-only internet "
                                      "gateway",
                                  {s.element->id}));
    }
}

}  // namespace

constinit const Rule igw006{kInfo, &check};

}  // namespace skydraft::rules
