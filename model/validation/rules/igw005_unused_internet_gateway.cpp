// IGW005: an attached internet gateway that no route uses.
#include <unordered_set>

#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{"IGW005", Severity::Warning, "Unused internet gateway",
                         "An internet gateway is attached to a VPC but no route targets it.",
                         ""};

void check(const ValidationContext& ctx, Findings& out) {
    std::unordered_set<std::string_view> used;
    for (const RouteTableInfo& t : ctx.routes().tables()) {
        for (const Route& r : t.routes) {
            used.insert(r.target);
        }
    }
    for (const VpcInfo& vpc : ctx.vpcs()) {
        for (const Element* g : vpc.internetGateways) {
            if (!used.count(g->id)) {
                out.push_back(makeFinding(kInfo,
                                          describe(*g) + ": attached to " +
                                              describe(*vpc.element) + " but no route uses it",
                                          {g->id, vpc.element->id}));
            }
        }
    }
}

}  // namespace

constinit const Rule igw005{kInfo, &check};

}  // namespace skydraft::rules
