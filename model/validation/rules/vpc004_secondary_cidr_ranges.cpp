// VPC004: secondary CIDRs respect the ranges AWS allows next to the VPC's existing CIDRs.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "VPC004", Severity::Error, "Secondary CIDR range restrictions",
    "By the range of the VPC's primary CIDR: in 10.0.0.0/8, no secondary from 172.16.0.0/12, "
    "192.168.0.0/16 or 198.19.0.0/16 (nor 10.0.0.0/16 when a CIDR lies in 10.0.0.0/15); in "
    "172.16.0.0/12, none from 10.0.0.0/8, 192.168.0.0/16, 172.31.0.0/16 or 198.19.0.0/16; in "
    "192.168.0.0/16, none from 10.0.0.0/8, 172.16.0.0/12 or 198.19.0.0/16; in 198.19.0.0/16, no "
    "RFC 1918 range; publicly routable or in 100.64.0.0/10, no RFC 1918 range nor "
    "198.19.0.0/16. 169.254.0.0/16 is never assignable.",
    ""};

Cidr block(const char* text) { return *parseCidr(text).cidr; }

void check(const ValidationContext& ctx, Findings& out) {
    static const Cidr r10 = block("10.0.0.0/8");
    static const Cidr r172 = block("172.16.0.0/12");
    static const Cidr r192 = block("192.168.0.0/16");
    static const Cidr r198 = block("198.19.0.0/16");
    static const Cidr r10low = block("10.0.0.0/15");
    static const Cidr r10zero = block("10.0.0.0/16");
    static const Cidr r172_31 = block("172.31.0.0/16");
    static const Cidr linkLocal = block("169.254.0.0/16");
    for (const VpcInfo& vpc : ctx.vpcs()) {
        for (const Cidr& c : vpc.ipv4) {
            if (linkLocal.overlaps(c)) {
                out.push_back(makeFinding(kInfo,
                                          describe(*vpc.element) + ": " + c.toString() +
                                              " is in 169.254.0.0/16, which is never assignable",
                                          {vpc.element->id}));
            }
        }
        if (vpc.ipv4.size() < 2) {
            continue;
        }
        const Cidr& primary = vpc.ipv4.front();
        std::vector<Cidr> forbidden;
        std::string range;
        if (r10.contains(primary)) {
            range = "10.0.0.0/8";
            forbidden = {r172, r192, r198};
        } else if (r172.contains(primary)) {
            range = "172.16.0.0/12";
            forbidden = {r10, r192, r172_31, r198};
        } else if (r192.contains(primary)) {
            range = "192.168.0.0/16";
            forbidden = {r10, r172, r198};
        } else if (r198.contains(primary)) {
            range = "198.19.0.0/16";
            forbidden = {r10, r172, r192};
        } else {
            range = "a publicly routable or 100.64.0.0/10 range";
            forbidden = {r10, r172, r192, r198};
        }
        for (std::size_t i = 1; i < vpc.ipv4.size(); ++i) {
            const Cidr& c = vpc.ipv4[i];
            if (linkLocal.overlaps(c)) {
                continue;
            }
            std::vector<Cidr> refused = forbidden;
            if (r10.contains(primary)) {
                for (std::size_t k = 0; k < vpc.ipv4.size(); ++k) {
                    if (k != i && r10low.contains(vpc.ipv4[k])) {
                        refused.push_back(r10zero);
                        break;
                    }
                }
            }
            for (const Cidr& f : refused) {
                if (f.overlaps(c)) {
                    out.push_back(makeFinding(
                        kInfo,
                        describe(*vpc.element) + ": secondary CIDR " + c.toString() +
                            " is in " + f.toString() + ", which cannot be added to a VPC whose "
                            "primary CIDR " + primary.toString() + " is in " + range,
                        {vpc.element->id}));
                    break;
                }
            }
        }
    }
}

}  // namespace

constinit const Rule vpc004{kInfo, &check};

}  // namespace skydraft::rules
