// VPCE003: a gateway endpoint serves only its own VPC and region.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "VPCE003", Severity::Error, "Gateway endpoint used from elsewhere",
    "A gateway endpoint serves only the route tables of its own VPC and the service of its own "
    "region: it cannot be associated with another VPC's route table, nor name a service of "
    "another region.",
    "Traffic that reaches the VPC over peering, VPN, Direct Connect or a transit gateway and "
    "expects the endpoint cannot be seen in routes (the service prefix list is not a CIDR of "
    "the design); PEER004 catches routes over a peering that leave the peer's CIDRs."};

void check(const ValidationContext& ctx, Findings& out) {
    for (const Element* e : ctx.ofKind("vpc_endpoint")) {
        if (e->stringProperty("endpoint_type") != "gateway") {
            continue;
        }
        const Element* vpc = ctx.vpcOf(*e);
        if (!vpc) {
            continue;
        }
        for (const json& id : e->property("route_tables")) {
            const Element* t = id.is_string() ? ctx.element(id.get<std::string>()) : nullptr;
            if (t && t->kind == "route_table" && t->parent != vpc->id) {
                out.push_back(makeFinding(kInfo,
                                          describe(*e) + ": " + describe(*t) + " is in " +
                                              ctx.describe(t->parent) + ", not " + describe(*vpc),
                                          {e->id, t->id}));
            }
        }
        const std::string service = e->stringProperty("service_name");
        const std::string region = vpc->stringProperty("region");
        const std::string prefix = "com.amazonaws.";
        if (service.rfind(prefix, 0) == 0) {
            const std::string rest = service.substr(prefix.size());
            const std::string serviceRegion = rest.substr(0, rest.find('.'));
            if (!region.empty() && serviceRegion != region) {
                out.push_back(makeFinding(kInfo,
                                          describe(*e) + ": service " + inQuotes(service) +
                                              " is in " + serviceRegion + ", " + describe(*vpc) +
                                              " in " + region,
                                          {e->id, vpc->id}));
            }
        }
    }
}

}  // namespace

constinit const Rule vpce003{kInfo, &check};

}  // namespace skydraft::rules
