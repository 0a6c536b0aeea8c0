// VPCE004: private DNS on an interface endpoint needs VPC DNS support and hostnames.
#include <map>

#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "VPCE004", Severity::Error, "Interface endpoint private DNS",
    "An interface endpoint with private DNS needs DNS support and DNS hostnames enabled on its "
    "VPC, and a VPC has at most one private-DNS endpoint per service.",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    std::map<std::pair<std::string, std::string>, const Element*> seen;
    for (const Element* e : ctx.ofKind("vpc_endpoint")) {
        if (e->stringProperty("endpoint_type") != "interface" ||
            !e->boolProperty("private_dns_enabled")) {
            continue;
        }
        const Element* vpc = ctx.vpcOf(*e);
        if (!vpc) {
            continue;
        }
        std::string missing;
        if (!vpc->boolProperty("enable_dns_support")) {
            missing = "DNS support";
        }
        if (!vpc->boolProperty("enable_dns_hostnames")) {
            missing += (missing.empty() ? "" : " and ") + std::string("DNS hostnames");
        }
        if (!missing.empty()) {
            out.push_back(makeFinding(kInfo,
                                      describe(*e) + ": private DNS needs " + missing + " on " +
                                          describe(*vpc),
                                      {e->id, vpc->id}));
        }
        const std::string service = e->stringProperty("service_name");
        auto [it, fresh] = seen.emplace(std::make_pair(vpc->id, service), e);
        if (!fresh) {
            out.push_back(makeFinding(kInfo,
                                      describe(*e) + ": " + describe(*it->second) +
                                          " already has private DNS for " + inQuotes(service),
                                      {e->id, it->second->id}));
        }
    }
}

}  // namespace

constinit const Rule vpce004{kInfo, &check};

}  // namespace skydraft::rules
