// NACL001: network ACL rule numbers are 1 to 32766 and unique per direction.
#include <map>

#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{"NACL001", Severity::Error, "Network ACL rule numbers",
                         "Network ACL rule numbers are 1 to 32766 and unique per direction.", ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const Element* acl : ctx.ofKind("network_acl")) {
        std::map<std::pair<bool, std::int64_t>, int> seen;
        for (const json& entry : acl->property("entries")) {
            if (!entry.is_object()) {
                continue;
            }
            const bool egress = entry.value("egress", false);
            const json number = entry.value("rule_number", json());
            const char* direction = egress ? "outbound" : "inbound";
            if (!number.is_number_integer() || number.get<std::int64_t>() < 1 ||
                number.get<std::int64_t>() > 32766) {
                out.push_back(makeFinding(kInfo,
                                          describe(*acl) + ": " + direction + " rule number " +
                                              number.dump() + " is not 1 to 32766",
                                          {acl->id}));
                continue;
            }
            if (++seen[{egress, number.get<std::int64_t>()}] == 2) {
                out.push_back(makeFinding(kInfo,
                                          describe(*acl) + ": " + direction + " rule number " +
                                              number.dump() + " is used twice",
                                          {acl->id}));
            }
        }
    }
}

}  // namespace

constinit const Rule nacl001{kInfo, &check};

}  // namespace skydraft::rules
