// VPC007: 172.17.0.0/16 conflicts with Docker's bridge and several AWS managed services.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "VPC007", Severity::Warning, "172.17.0.0/16 in use",
    "A VPC CIDR overlapping 172.17.0.0/16 conflicts with Docker's default bridge and with AWS "
    "services that use that range (Cloud9, SageMaker).",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    static const Cidr docker = *parseCidr("172.17.0.0/16").cidr;
    for (const VpcInfo& vpc : ctx.vpcs()) {
        for (const Cidr& c : vpc.ipv4) {
            if (c.overlaps(docker)) {
                out.push_back(makeFinding(kInfo,
                                          describe(*vpc.element) + ": " + c.toString() +
                                              " overlaps 172.17.0.0/16, used by Docker and some "
                                              "AWS services",
                                          {vpc.element->id}));
            }
        }
    }
}

}  // namespace

constinit const Rule vpc007{kInfo, &check};

}  // namespace skydraft::rules
