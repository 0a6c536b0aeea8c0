// RT007: a route table that no subnet uses.
#include <unordered_set>

#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "RT007", Severity::Warning, "Unused route table",
    "A route table is associated with no subnet, is not the VPC's main table and no gateway "
    "endpoint uses it: its routes apply to nothing.",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    std::unordered_set<std::string_view> endpointTables;
    for (const Element* e : ctx.ofKind("vpc_endpoint")) {
        for (const json& t : e->property("route_tables")) {
            if (t.is_string()) {
                endpointTables.insert(t.get_ref<const std::string&>());
            }
        }
    }
    for (const Element* table : ctx.ofKind("route_table")) {
        if (table->boolProperty("main") || !table->property("associations").empty() ||
            endpointTables.count(table->id)) {
            continue;
        }
        out.push_back(makeFinding(
            kInfo, describe(*table) + ": associated with no subnet and not the main table",
            {table->id}));
    }
}

}  // namespace

constinit const Rule rt007{kInfo, &check};

}  // namespace skydraft::rules
