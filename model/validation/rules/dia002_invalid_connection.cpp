// DIA002: a connection joins two elements its kind cannot join.
#include "catalogue/resource_catalogue.h"
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "DIA002", Severity::Error, "Connection between the wrong elements",
    "A connection joins elements of the kinds its kind allows (a peering joins two VPCs, an "
    "attachment a VPC and a transit gateway), and never an element to itself (a VPC peered "
    "with itself is PEER002).",
    "The document refuses wrong endpoint kinds on every edit and load; what is left to find is "
    "a connection from an element to itself."};

void check(const ValidationContext& ctx, Findings& out) {
    const auto& catalogue = ResourceCatalogue::instance();
    for (const Connection& c : ctx.diagram().connections()) {
        const ConnectionKindDef* def = catalogue.connectionKind(c.kind);
        const Element* from = ctx.element(c.from);
        const Element* to = ctx.element(c.to);
        if (def && from && to && !def->canJoin(from->kind, to->kind)) {
            out.push_back(makeFinding(
                kInfo, describe(c) + ": cannot join " + describe(*from) + " to " + describe(*to),
                {c.id, c.from, c.to}));
        } else if (c.from == c.to && c.kind != "vpc_peering") {
            out.push_back(
                makeFinding(kInfo, describe(c) + ": joins " + ctx.describe(c.from) + " to itself",
                            {c.id, c.from}));
        }
    }
}

}  // namespace

constinit const Rule dia002{kInfo, &check};

}  // namespace skydraft::rules
