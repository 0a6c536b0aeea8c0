// NAT002: a zonal public NAT gateway sits in a public subnet.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "NAT002", Severity::Error, "Public NAT gateway in a private subnet",
    "A zonal public NAT gateway sits in a public subnet: one whose route table sends 0.0.0.0/0 "
    "to an internet gateway attached to the same VPC. A regional NAT gateway needs no public "
    "subnet.",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const Element* nat : ctx.ofKind("nat_gateway")) {
        if (nat->stringProperty("connectivity") == "private" || !isZonalNat(*nat)) {
            continue;
        }
        const Element* subnet = ctx.subnetOf(*nat);
        if (!subnet || ctx.routes().routesDefaultToInternet(*subnet)) {
            continue;
        }
        out.push_back(makeFinding(kInfo,
                                  describe(*nat) + ": public, but " + describe(*subnet) +
                                      " has no 0.0.0.0/0 route to an internet gateway",
                                  {nat->id, subnet->id}));
    }
}

}  // namespace

constinit const Rule nat002{kInfo, &check};

}  // namespace skydraft::rules
