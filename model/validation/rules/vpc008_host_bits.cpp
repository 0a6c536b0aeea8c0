// VPC008: a VPC or subnet CIDR written with host bits set (10.0.0.5/16).
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "VPC008", Severity::Warning, "CIDR with host bits",
    "A VPC or subnet CIDR has bits set beyond its prefix (10.0.0.5/16); AWS silently uses the "
    "canonical network (10.0.0.0/16), which may not be what was meant.",
    ""};

void checkValue(const Element& e, const char* key, Findings& out) {
    const json& value = e.property(key);
    auto report = [&](const Cidr& c, json fixed) {
        const std::string canonical = c.canonical().toString();
        Finding f = makeFinding(kInfo,
                                describe(e) + ": " + c.toString() +
                                    " has host bits set; AWS uses " + canonical,
                                {e.id});
        f.fix = setPropertyFix("Use " + canonical, e.id, key, std::move(fixed));
        out.push_back(std::move(f));
    };
    if (value.is_string()) {
        if (auto c = cidrValue(value); c && c->hasHostBits()) {
            report(*c, c->canonical().toString());
        }
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i) {
            if (auto c = cidrValue(value[i]); c && c->hasHostBits()) {
                json fixed = value;
                fixed[i] = c->canonical().toString();
                report(*c, fixed);
            }
        }
    }
}

void check(const ValidationContext& ctx, Findings& out) {
    for (const Element* vpc : ctx.ofKind("vpc")) {
        checkValue(*vpc, "cidr", out);
        checkValue(*vpc, "secondary_cidrs", out);
        checkValue(*vpc, "ipv6_cidrs", out);
    }
    for (const SubnetInfo& s : ctx.subnets()) {
        if ((s.ipv4Written && s.ipv4Written->hasHostBits()) ||
            (s.ipv6Written && s.ipv6Written->hasHostBits())) {
            checkValue(*s.element, "cidr", out);
            checkValue(*s.element, "ipv6_cidr", out);
        }
    }
}

}  // namespace

constinit const Rule vpc008{kInfo, &check};

}  // namespace skydraft::rules
