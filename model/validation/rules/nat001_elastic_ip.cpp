// NAT001: a public NAT gateway has an Elastic IP; a private one has none.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{"NAT001", Severity::Error, "NAT gateway Elastic IP",
                         "A public NAT gateway needs an Elastic IP; a private NAT gateway cannot "
                         "have one.",
                         ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const Element* nat : ctx.ofKind("nat_gateway")) {
        const bool isPublic = nat->stringProperty("connectivity") != "private";
        const bool eip = nat->boolProperty("elastic_ip");
        if (isPublic && !eip) {
            Finding f =
                makeFinding(kInfo, describe(*nat) + ": public without an Elastic IP", {nat->id});
            f.fix = setPropertyFix("Allocate an Elastic IP", nat->id, "elastic_ip", true);
            out.push_back(std::move(f));
        } else if (!isPublic && eip) {
            Finding f =
                makeFinding(kInfo, describe(*nat) + ": private with an Elastic IP", {nat->id});
            f.fix = setPropertyFix("Remove the Elastic IP", nat->id, "elastic_ip", false);
            out.push_back(std::move(f));
        }
    }
}

}  // namespace

constinit const Rule nat001{kInfo, &check};

}  // namespace skydraft::rules
