// SUB008: a subnet has exactly one route table and one network ACL, both of its own VPC.
#include <map>

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
    const auto& elements = ctx.diagram().elements();
    // (subnet index, owner) for every association, without a hash map per subnet.
    std::vector<std::pair<std::size_t, const Element*>> pairs;
    if (std::string_view(kind) == "route_table") {
        for (const Association& a : ctx.routes().associations()) {
            pairs.emplace_back(a.subnet,
                               ctx.routes().tables()[static_cast<std::size_t>(a.table)].element);
        }
    } else {
        for (const Element* owner : ctx.ofKind(kind)) {
            for (const json& s : owner->property("associations")) {
                const std::size_t i =
                    s.is_string() ? ctx.diagram().indexOf(s.get_ref<const std::string&>())
                                  : std::string::npos;
                if (i < elements.size() && elements[i].kind == "subnet") {
                    pairs.emplace_back(i, owner);
                }
            }
        }
    }
    std::vector<int> counts(pairs.empty() ? 0 : elements.size(), 0);
    bool shared = false;
    for (const auto& [i, owner] : pairs) {
        const Element& subnet = elements[i];
        shared = ++counts[i] > 1 || shared;
        if (owner->parent != subnet.parent) {
            out.push_back(makeFinding(kInfo,
                                      describe(subnet) + ": associated with " + describe(*owner) +
                                          " of another VPC",
                                      {subnet.id, owner->id}));
        }
    }
    if (shared) {
        std::map<std::size_t, std::vector<const Element*>> owners;
        for (const auto& [i, owner] : pairs) {
            if (counts[i] > 1) {
                owners[i].push_back(owner);
            }
        }
        for (const auto& [i, list] : owners) {
            const Element& subnet = elements[i];
            std::vector<Id> ids{subnet.id};
            std::string names;
            for (const Element* owner : list) {
                ids.push_back(owner->id);
                names += (names.empty() ? "" : ", ") + describe(*owner);
            }
            std::string message = describe(subnet) + ": associated with " +
                                  std::to_string(list.size()) + " " + what + "s (" + names + ")";
            out.push_back(makeFinding(kInfo, std::move(message), std::move(ids)));
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
