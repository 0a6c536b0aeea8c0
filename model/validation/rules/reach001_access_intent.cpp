// REACH001: an access intent kept with the design no longer holds (or cannot be checked).
#include "analysis/reachability/access_intent.h"
#include "analysis/reachability/reachability.h"
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "REACH001", Severity::Error, "Access intent violated",
    "The diagram's access intents (metadata \"access_intents\": from, to, expect reachable or "
    "unreachable, protocol, port) are checked with the same path analysis as `skydraft reach`: "
    "security groups, network ACLs both ways, route tables, gateways, peerings, NAT, transit "
    "gateways, VPNs and load balancers. An intent that no longer holds, or whose ends no "
    "longer exist, is an error, so a change that breaks it fails CI.",
    "Reachability is judged on the design: \"some host of a subnet\" and \"some internet "
    "address\" count as reaching; IPv6 paths are not analysed."};

void addElement(const ValidationContext& ctx, std::vector<Id>& ids, const Id& id) {
    if ((ctx.element(id) || ctx.connection(id)) &&
        std::find(ids.begin(), ids.end(), id) == ids.end()) {
        ids.push_back(id);
    }
}

void check(const ValidationContext& ctx, Findings& out) {
    std::vector<std::string> problems;
    const auto intents = reach::readIntents(ctx.diagram(), &problems);
    for (const std::string& p : problems) {
        out.push_back(makeFinding(kInfo, p, {}));
    }
    if (intents.empty()) {
        return;
    }
    const reach::Reachability reachability(ctx.diagram());
    for (const reach::IntentCheck& c : reach::checkIntents(reachability, intents)) {
        const std::string name = "access intent " + inQuotes(c.intent.id);
        if (!c.result) {
            out.push_back(makeFinding(kInfo, name + " cannot be checked: " + c.error, {}));
            continue;
        }
        if (c.holds) {
            continue;
        }
        std::vector<Id> ids;
        const std::string what =
            c.intent.from + " -> " + c.intent.to + " (" + c.intent.flow.text() + ")";
        if (c.intent.reachable) {
            for (const auto& x : c.result->explanations) {
                addElement(ctx, ids, x.component);
            }
            const auto& first = c.result->explanations.front();
            std::string message = name + ": " + what +
                                  " is blocked: " + std::string(reach::codeKey(first.code)) + " " +
                                  first.message;
            if (c.result->explanations.size() > 1) {
                message += " (and " + std::to_string(c.result->explanations.size() - 1) +
                           " more blocking component" +
                           (c.result->explanations.size() > 2 ? "s" : "") + ")";
            }
            Finding f = makeFinding(kInfo, std::move(message), ids);
            for (const auto& x : c.result->explanations) {
                if (x.fix) {
                    f.fix = x.fix;
                    break;
                }
            }
            out.push_back(std::move(f));
        } else {
            for (const auto& h : c.result->path) {
                addElement(ctx, ids, h.component);
            }
            out.push_back(makeFinding(
                kInfo, name + ": " + what + " is reachable, and the intent says it must not be",
                ids));
        }
    }
}

}  // namespace

constinit const Rule reach001{kInfo, &check};

}  // namespace skydraft::rules
