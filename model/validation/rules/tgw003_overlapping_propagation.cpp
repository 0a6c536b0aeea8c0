// TGW003: VPCs propagating to one transit gateway route table have overlapping CIDRs.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "TGW003", Severity::Warning, "Overlapping VPCs on a transit gateway route table",
    "VPCs whose attachments propagate to one transit gateway route table (the default table "
    "when the transit gateway propagates by default and has no explicit tables) have identical "
    "or overlapping CIDRs: the later routes are not propagated.",
    ""};

void checkGroup(const ValidationContext& ctx, const Element& scope,
                const std::vector<const Connection*>& attachments, Findings& out) {
    std::vector<OwnedCidr> blocks;
    for (std::size_t i = 0; i < attachments.size(); ++i) {
        if (const VpcInfo* v = ctx.vpc(attachments[i]->from)) {
            for (const Cidr& c : v->ipv4) {
                blocks.push_back({c, i});
            }
        }
    }
    sweepOverlaps(std::move(blocks), true, [&](const OwnedCidr& a, const OwnedCidr& b) {
        const Connection& ca = *attachments[a.owner];
        const Connection& cb = *attachments[b.owner];
        out.push_back(makeFinding(kInfo,
                                  describe(scope) + ": " + b.cidr.toString() + " of " +
                                      ctx.describe(cb.from) + " overlaps " + a.cidr.toString() +
                                      " of " + ctx.describe(ca.from),
                                  {scope.id, cb.from, ca.from}));
    });
}

void check(const ValidationContext& ctx, Findings& out) {
    std::unordered_map<std::string_view, std::vector<const Connection*>> byGateway;
    for (const Connection* a : ctx.connectionsOfKind("transit_gateway_attachment")) {
        byGateway[a->to].push_back(a);
    }
    std::unordered_map<std::string_view, bool> hasTables;
    for (const Element* table : ctx.ofKind("transit_gateway_route_table")) {
        hasTables[table->parent] = true;
        std::vector<const Connection*> group;
        for (const json& id : table->property("propagations")) {
            const Connection* c = id.is_string() ? ctx.connection(id.get<std::string>()) : nullptr;
            if (c && c->kind == "transit_gateway_attachment") {
                group.push_back(c);
            }
        }
        checkGroup(ctx, *table, group, out);
    }
    for (const Element* tgw : ctx.ofKind("transit_gateway")) {
        if (hasTables.count(tgw->id) || !tgw->boolProperty("default_route_table_propagation")) {
            continue;
        }
        if (const auto it = byGateway.find(tgw->id); it != byGateway.end()) {
            checkGroup(ctx, *tgw, it->second, out);
        }
    }
}

}  // namespace

constinit const Rule tgw003{kInfo, &check};

}  // namespace skydraft::rules
