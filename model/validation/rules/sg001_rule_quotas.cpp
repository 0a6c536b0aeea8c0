// SG001: security group rule quotas (60 per direction and family; 1000 per interface).
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "SG001", Severity::Warning, "Security group rule quotas",
    "A security group has at most 60 inbound and 60 outbound rules per IP family by default "
    "(an adjustable quota: warning); the groups of one network interface have at most 1,000 "
    "rules together (error).",
    "", true};

void check(const ValidationContext& ctx, Findings& out) {
    std::unordered_map<std::string_view, std::size_t> totals;
    for (const Element* sg : ctx.ofKind("security_group")) {
        std::size_t total = 0;
        for (const char* direction : {"ingress", "egress"}) {
            std::size_t v4 = 0;
            std::size_t v6 = 0;
            for (const json& r : sg->property(direction)) {
                if (r.is_object() && r.contains("ipv6_cidr")) {
                    ++v6;
                } else {
                    ++v4;
                }
            }
            total += v4 + v6;
            for (auto [count, family] : {std::pair{v4, "IPv4"}, std::pair{v6, "IPv6"}}) {
                if (count > 60) {
                    out.push_back(makeFinding(kInfo, Severity::Warning,
                                              describe(*sg) + ": " + std::to_string(count) + " " +
                                                  direction + " " + family +
                                                  " rules exceed the default quota of 60",
                                              {sg->id}));
                }
            }
        }
        totals[sg->id] = total;
    }
    for (const Element* e : ctx.ofKind("ec2_instance")) {
        std::size_t total = 0;
        std::vector<Id> ids{e->id};
        for (const json& id : e->property("security_groups")) {
            if (!id.is_string()) {
                continue;
            }
            const auto it = totals.find(id.get_ref<const std::string&>());
            if (it != totals.end()) {
                total += it->second;
                ids.push_back(std::string(it->first));
            }
        }
        if (total > 1000) {
            out.push_back(makeFinding(kInfo, Severity::Error,
                                      describe(*e) + ": its security groups have " +
                                          std::to_string(total) +
                                          " rules together; the limit is 1000",
                                      std::move(ids)));
        }
    }
}

}  // namespace

constinit const Rule sg001{kInfo, &check};

}  // namespace skydraft::rules
