// VPC010: more than 5 VPCs in one region crosses the default quota.
#include <map>

#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "VPC010", Severity::Warning, "VPCs per region",
    "More than 5 VPCs in one region crosses the default (adjustable) quota.",
    "Counts the VPCs of the design only; VPCs that already exist in the account are unknown."};

void check(const ValidationContext& ctx, Findings& out) {
    std::map<std::string, std::vector<Id>> byRegion;
    for (const VpcInfo& vpc : ctx.vpcs()) {
        byRegion[vpc.region].push_back(vpc.element->id);
    }
    for (auto& [region, ids] : byRegion) {
        if (ids.size() > 5) {
            std::string message = "region " + inQuotes(region) + ": " +
                                  std::to_string(ids.size()) +
                                  " VPCs exceed the default quota of 5";
            out.push_back(makeFinding(kInfo, std::move(message), std::move(ids)));
        }
    }
}

}  // namespace

constinit const Rule vpc010{kInfo, &check};

}  // namespace skydraft::rules
