// SUB010: an explicit private IP lies in its subnet and not on a reserved address.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "SUB010", Severity::Error, "Private IP outside its subnet",
    "An explicit private IPv4 address of an instance or NAT gateway lies inside its subnet's "
    "CIDR and is not one of the 5 addresses AWS reserves (the first four and the last).",
    ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const char* kind : {"ec2_instance", "nat_gateway"}) {
        for (const Element* e : ctx.ofKind(kind)) {
            const std::string ip = e->stringProperty("private_ip");
            const Element* subnet = ctx.subnetOf(*e);
            if (ip.empty() || !subnet) {
                continue;
            }
            const auto address = parseIpAddress(ip);
            const SubnetInfo* s = ctx.subnet(*subnet);
            if (!address || !address.cidr->isV4() || !s || !s->ipv4) {
                continue;
            }
            const Uint128 a = address.cidr->address();
            const std::string subject =
                describe(*e) + ": private IP " + ip;
            if (!s->ipv4->contains(*address.cidr)) {
                out.push_back(makeFinding(kInfo,
                                          subject + " is outside " + s->ipv4->toString() + " (" +
                                              describe(*subnet) + ")",
                                          {e->id, subnet->id}));
            } else if (a < s->ipv4->first() + 4 || a == s->ipv4->last()) {
                out.push_back(makeFinding(kInfo,
                                          subject + " is reserved by AWS in " +
                                              s->ipv4->toString() + " (" + describe(*subnet) +
                                              ")",
                                          {e->id, subnet->id}));
            }
        }
    }
}

}  // namespace

constinit const Rule sub010{kInfo, &check};

}  // namespace skydraft::rules
