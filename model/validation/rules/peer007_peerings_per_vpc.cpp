// PEER007: active peerings per VPC (quota 50 by default, 125 at most).
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "PEER007", Severity::Warning, "Peerings per VPC",
    "A VPC has at most 50 active peering connections by default (an adjustable quota: "
    "warning) and 125 at most (error).",
    "", true};

void check(const ValidationContext& ctx, Findings& out) {
    for (const VpcInfo& vpc : ctx.vpcs()) {
        const std::size_t n = vpc.peerings.size();
        if (n <= 50) {
            continue;
        }
        const bool hard = n > 125;
        out.push_back(makeFinding(kInfo, hard ? Severity::Error : Severity::Warning,
                                  describe(*vpc.element) + ": " + std::to_string(n) +
                                      " peerings exceed " +
                                      (hard ? "the limit of 125" : "the default quota of 50"),
                                  {vpc.element->id}));
    }
}

}  // namespace

constinit const Rule peer007{kInfo, &check};

}  // namespace skydraft::rules
