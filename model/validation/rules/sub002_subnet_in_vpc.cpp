// SUB002: a subnet's IPv4 CIDR lies inside one of its VPC's CIDRs.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "SUB002", Severity::Error, "Subnet outside its VPC's CIDRs",
    "A subnet's IPv4 CIDR lies inside the VPC's primary CIDR or one of its secondary CIDRs.", ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const SubnetInfo& s : ctx.subnets()) {
        if (!s.ipv4 || !s.vpc || s.vpc->ipv4.empty()) {
            continue;
        }
        const auto& cidrs = s.vpc->ipv4;
        if (std::any_of(cidrs.begin(), cidrs.end(),
                        [&](const Cidr& c) { return c.contains(*s.ipv4); })) {
            continue;
        }
        std::string list;
        for (const Cidr& c : cidrs) {
            list += (list.empty() ? "" : ", ") + c.toString();
        }
        Finding f = makeFinding(kInfo,
                                describe(*s.element) + ": " + s.ipv4->toString() +
                                    " is outside the CIDRs of " + describe(*s.vpc->element) +
                                    " (" + list + ")",
                                {s.element->id, s.vpc->element->id});
        std::vector<Cidr> used;
        for (const Element* other : s.vpc->subnets) {
            if (const SubnetInfo* o = ctx.subnet(*other); o && o->ipv4 && o != &s) {
                used.push_back(*o->ipv4);
            }
        }
        if (s.ipv4->prefix() >= cidrs.front().prefix()) {
            if (auto free = nextFreeBlock(cidrs.front(), used, s.ipv4->prefix())) {
                f.fix = setPropertyFix("Use " + free->toString(), s.element->id, "cidr",
                                       free->toString());
            }
        }
        out.push_back(std::move(f));
    }
}

}  // namespace

constinit const Rule sub002{kInfo, &check};

}  // namespace skydraft::rules
