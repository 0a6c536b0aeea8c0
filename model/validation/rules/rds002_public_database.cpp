// RDS002: a database is publicly accessible or sits in a public subnet.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "RDS002", Severity::Warning, "Public database",
    "A database is publicly accessible, or its DB subnet group includes a public subnet.", ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const Element* db : ctx.ofKind("rds_instance")) {
        if (db->boolProperty("publicly_accessible")) {
            Finding f = makeFinding(kInfo, describe(*db) + ": publicly accessible", {db->id});
            f.fix = setPropertyFix("Make it private", db->id, "publicly_accessible", false);
            out.push_back(std::move(f));
        }
        std::vector<Id> ids{db->id};
        std::string names;
        for (const SubnetInfo* s : listedSubnets(ctx, *db)) {
            if (ctx.routes().isPublic(*s->element)) {
                ids.push_back(s->element->id);
                names += (names.empty() ? "" : ", ") + describe(*s->element);
            }
        }
        if (ids.size() > 1) {
            out.push_back(makeFinding(kInfo, describe(*db) + ": in public " + names,
                                      std::move(ids)));
        }
    }
}

}  // namespace

constinit const Rule rds002{kInfo, &check};

}  // namespace skydraft::rules
