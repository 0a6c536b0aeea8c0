// VPC006: how many IPv4 CIDRs one VPC has (quota 5 by default, 50 at most).
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "VPC006", Severity::Warning, "IPv4 CIDRs per VPC",
    "A VPC has at most 5 IPv4 CIDRs by default (an adjustable quota: warning) and 50 at most "
    "(error).",
    "", true};

void check(const ValidationContext& ctx, Findings& out) {
    for (const Element* vpc : ctx.ofKind("vpc")) {
        const std::size_t count = 1 + vpc->property("secondary_cidrs").size();
        if (count <= 5) {
            continue;
        }
        const bool hard = count > 50;
        out.push_back(makeFinding(kInfo, hard ? Severity::Error : Severity::Warning,
                                  describe(*vpc) + ": " + std::to_string(count) +
                                      " IPv4 CIDRs exceed " +
                                      (hard ? "the limit of 50" : "the default quota of 5"),
                                  {vpc->id}));
    }
}

}  // namespace

constinit const Rule vpc006{kInfo, &check};

}  // namespace skydraft::rules
