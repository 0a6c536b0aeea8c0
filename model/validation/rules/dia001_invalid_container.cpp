// DIA001: an element sits in a container it cannot live in.
#include "catalogue/resource_catalogue.h"
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "DIA001", Severity::Error, "Element in the wrong container",
    "An element sits only in containers its kind allows (a subnet in a VPC, an instance in a "
    "subnet); a regional NAT gateway sits in its VPC, not in a subnet.",
    "The document refuses the catalogue's containment on every edit and load, so only the "
    "regional NAT gateway placement can be found in a loaded design."};

void check(const ValidationContext& ctx, Findings& out) {
    const auto& catalogue = ResourceCatalogue::instance();
    for (const Element& e : ctx.diagram().elements()) {
        const KindDef* def = catalogue.kind(e.kind);
        const Element* parent = ctx.parentOf(e);
        const std::string_view parentKind = parent ? std::string_view(parent->kind) : "";
        if (def && !def->canLiveIn(parentKind)) {
            out.push_back(makeFinding(
                kInfo,
                describe(e) + ": a " + kindLabel(e.kind) + " cannot be placed " +
                    (parent ? "in a " + kindLabel(parentKind) : std::string("at the top level")),
                {e.id}));
        } else if (e.kind == "nat_gateway" && !isZonalNat(e) && parentKind == "subnet") {
            Finding f = makeFinding(kInfo,
                                    describe(e) + ": regional, but placed in " + describe(*parent) +
                                        " instead of its VPC",
                                    {e.id, parent->id});
            f.fix = setPropertyFix("Make it zonal", e.id, "availability_mode", "zonal");
            out.push_back(std::move(f));
        }
    }
}

}  // namespace

constinit const Rule dia001{kInfo, &check};

}  // namespace skydraft::rules
