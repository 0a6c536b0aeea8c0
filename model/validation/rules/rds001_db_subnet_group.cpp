// RDS001: a DB subnet group spans two zones, all its subnets in one VPC.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "RDS001", Severity::Error, "DB subnet group",
    "A DB subnet group has subnets in at least two availability zones, all in the database's "
    "VPC.",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const Element* db : ctx.ofKind("rds_instance")) {
        const auto subnets = listedSubnets(ctx, *db);
        if (subnets.empty()) {
            continue;  // EC2001
        }
        const Element* vpc = ctx.vpcOf(*db);
        for (const SubnetInfo* s : subnets) {
            if (vpc && s->element->parent != vpc->id) {
                out.push_back(makeFinding(
                    kInfo,
                    describe(*db) + ": " + describe(*s->element) + " is not in " + describe(*vpc),
                    {db->id, s->element->id}));
            }
        }
        const SubnetZones zones = zonesOf(subnets);
        if (zones.keys.size() < 2) {
            std::vector<Id> ids{db->id};
            for (const SubnetInfo* s : subnets) {
                ids.push_back(s->element->id);
            }
            if (!zones.undecided.empty()) {
                out.push_back(makeFinding(kInfo, Severity::Info,
                                          describe(*db) + ": cannot check zone spread: " +
                                              undecidedZoneText(*zones.undecided.front()),
                                          std::move(ids)));
                continue;
            }
            out.push_back(makeFinding(kInfo,
                                      describe(*db) + ": DB subnet group only in " +
                                          zones.labels.front() + "; it needs two zones",
                                      std::move(ids)));
        }
    }
}

}  // namespace

constinit const Rule rds001{kInfo, &check};

}  // namespace skydraft::rules
