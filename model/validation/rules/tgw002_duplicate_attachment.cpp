// TGW002: at most one attachment per (transit gateway, VPC) pair.
#include <map>

#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{"TGW002", Severity::Error, "Duplicate transit gateway attachment",
                         "A VPC attaches to one transit gateway at most once.", ""};

void check(const ValidationContext& ctx, Findings& out) {
    std::map<std::pair<std::string, std::string>, const Connection*> seen;
    for (const Connection* a : ctx.connectionsOfKind("transit_gateway_attachment")) {
        auto [it, fresh] = seen.emplace(std::make_pair(a->from, a->to), a);
        if (!fresh) {
            out.push_back(makeFinding(kInfo,
                                      describe(*a) + ": " + ctx.describe(a->from) +
                                          " is already attached to " + ctx.describe(a->to) +
                                          " by " + describe(*it->second),
                                      {a->id, it->second->id}));
        }
    }
}

}  // namespace

constinit const Rule tgw002{kInfo, &check};

}  // namespace skydraft::rules
