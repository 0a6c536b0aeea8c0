// SUB008: a subnet has exactly one route table and one network ACL, both of its own VPC.
#include <unordered_map>

#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "SUB008", Severity::Error, "Subnet route table and network ACL associations",
    "A subnet is associated with at most one route table and one network ACL (else it uses the "
    "VPC's main table and default ACL, so a VPC has at most one of each), and only with tables "
    "and ACLs of its own VPC.",
    ""};

void checkKind(const ValidationContext& ctx, const char* kind, const char* mainKey,
               const char* what, Findings& out) {
    std::unordered_map<std::string_view, std::vector<const Element*>> bySubnet;
    for (const Element* owner : ctx.ofKind(kind)) {
        for (const json& s : owner->property("associations")) {
            if (s.is_string()) {
                bySubnet[s.get_ref<const std::string&>()].push_back(owner);
            }
        }
    }
    for (const SubnetInfo& s : ctx.subnets()) {
        const auto it = bySubnet.find(s.element->id);
        if (it == bySubnet.end()) {
            continue;
        }
        for (const Element* owner : it->second) {
            if (owner->parent != s.element->parent) {
                out.push_back(makeFinding(kInfo,
                                          describe(*s.element) + ": associated with " +
                                              describe(*owner) + " of another VPC",
                                          {s.element->id, owner->id}));
            }
        }
        if (it->second.size() > 1) {
            std::vector<Id> ids{s.element->id};
            std::string names;
            for (const Element* owner : it->second) {
                ids.push_back(owner->id);
                names += (names.empty() ? "" : ", ") + describe(*owner);
            }
            out.push_back(makeFinding(kInfo,
                                      describe(*s.element) + ": associated with " +
                                          std::to_string(it->second.size()) + " " + what +
                                          "s (" + names + ")",
                                      std::move(ids)));
        }
    }
    for (const VpcInfo& vpc : ctx.vpcs()) {
        const auto& owners =
            std::string_view(kind) == "route_table" ? vpc.routeTables : vpc.networkAcls;
        std::vector<Id> ids{vpc.element->id};
        for (const Element* owner : owners) {
            if (owner->boolProperty(mainKey)) {
                ids.push_back(owner->id);
            }
        }
        if (ids.size() > 2) {
            std::string message = describe(*vpc.element) + ": " +
                                  std::to_string(ids.size() - 1) + " " + what + "s are marked " +
                                  mainKey;
            out.push_back(makeFinding(kInfo, std::move(message), std::move(ids)));
        }
    }
}

void check(const ValidationContext& ctx, Findings& out) {
    checkKind(ctx, "route_table", "main", "route table", out);
    checkKind(ctx, "network_acl", "default", "network ACL", out);
}

}  // namespace

constinit const Rule sub008{kInfo, &check};

}  // namespace skydraft::rules
