// RT006: more than 50 routes in a table or 200 route tables in a VPC cross default quotas.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "RT006", Severity::Warning, "Route quotas",
    "More than 50 static routes in one route table, or more than 200 route tables in one VPC, "
    "crosses the default (adjustable) quota.",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const VpcInfo& vpc : ctx.vpcs()) {
        if (vpc.routeTables.size() > 200) {
            out.push_back(makeFinding(kInfo,
                                      describe(*vpc.element) + ": " +
                                          std::to_string(vpc.routeTables.size()) +
                                          " route tables exceed the default quota of 200",
                                      {vpc.element->id}));
        }
        for (const Element* table : vpc.routeTables) {
            const std::size_t count = table->property("routes").size();
            if (count > 50) {
                out.push_back(makeFinding(kInfo,
                                          describe(*table) + ": " + std::to_string(count) +
                                              " routes exceed the default quota of 50",
                                          {table->id}));
            }
        }
    }
}

}  // namespace

constinit const Rule rt006{kInfo, &check};

}  // namespace skydraft::rules
