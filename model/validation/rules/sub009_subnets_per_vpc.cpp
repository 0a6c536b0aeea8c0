// SUB009: more than 200 subnets in one VPC crosses the default quota.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{"SUB009", Severity::Warning, "Subnets per VPC",
                         "More than 200 subnets in one VPC crosses the default (adjustable) quota.",
                         ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const VpcInfo& vpc : ctx.vpcs()) {
        if (vpc.subnets.size() > 200) {
            out.push_back(makeFinding(kInfo,
                                      describe(*vpc.element) + ": " +
                                          std::to_string(vpc.subnets.size()) +
                                          " subnets exceed the default quota of 200",
                                      {vpc.element->id}));
        }
    }
}

}  // namespace

constinit const Rule sub009{kInfo, &check};

}  // namespace skydraft::rules
