// ELB003: an internet-facing load balancer sits in subnets without an internet route.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "ELB003", Severity::Warning, "Internet-facing load balancer in private subnets",
    "An internet-facing load balancer's subnets route 0.0.0.0/0 to an internet gateway; in a "
    "subnet without that route its nodes are unreachable from the internet.",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const Element* lb : ctx.ofKind("load_balancer")) {
        if (lb->stringProperty("scheme") != "internet-facing") {
            continue;
        }
        std::vector<Id> ids{lb->id};
        std::string names;
        for (const SubnetInfo* s : listedSubnets(ctx, *lb)) {
            if (!ctx.routes().isPublic(*s->element)) {
                ids.push_back(s->element->id);
                names += (names.empty() ? "" : ", ") + describe(*s->element);
            }
        }
        if (ids.size() > 1) {
            std::string message = describe(*lb) + ": internet-facing, but " + names +
                                  (ids.size() > 2 ? " have" : " has") +
                                  " no route to an internet gateway";
            out.push_back(makeFinding(kInfo, std::move(message), std::move(ids)));
        }
    }
}

}  // namespace

constinit const Rule elb003{kInfo, &check};

}  // namespace skydraft::rules
