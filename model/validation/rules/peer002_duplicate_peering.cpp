// PEER002: one peering per pair of VPCs, and no VPC peered with itself.
#include <map>

#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "PEER002", Severity::Error, "Duplicate or self peering",
    "Two VPCs are joined by at most one peering connection, and a VPC cannot peer with itself.",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    std::map<std::pair<std::string, std::string>, const Connection*> seen;
    for (const Connection* p : ctx.connectionsOfKind("vpc_peering")) {
        if (p->from == p->to) {
            out.push_back(makeFinding(kInfo,
                                      describe(*p) + ": peers " + ctx.describe(p->from) +
                                          " with itself",
                                      {p->id, p->from}));
            continue;
        }
        auto key = std::minmax(p->from, p->to);
        auto [it, fresh] = seen.emplace(std::make_pair(key.first, key.second), p);
        if (!fresh) {
            out.push_back(makeFinding(kInfo,
                                      describe(*p) + ": " + ctx.describe(key.first) + " and " +
                                          ctx.describe(key.second) + " are already peered by " +
                                          describe(*it->second),
                                      {p->id, it->second->id}));
        }
    }
}

}  // namespace

constinit const Rule peer002{kInfo, &check};

}  // namespace skydraft::rules
