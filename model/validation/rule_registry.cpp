// The registry: the explicit list of every rule, and the rule reference generated from it.
#include "rule_registry.h"

#include <algorithm>

#include "rules/rules.h"

namespace skydraft {

const std::vector<const Rule*>& allRules() {
    static const std::vector<const Rule*> rules = [] {
        std::vector<const Rule*> list = {
            // BEGIN LIST
            &rules::cfn001,   &rules::dia001,  &rules::dia002,  &rules::dia003,  &rules::ec2001,
            &rules::ec2002,   &rules::elb001,  &rules::elb002,  &rules::elb003,  &rules::elb004,
            &rules::igw001,   &rules::igw002,  &rules::igw003,  &rules::igw004,  &rules::igw005,
            &rules::igw006,   &rules::lam001,  &rules::nacl001, &rules::nacl002, &rules::nacl003,
            &rules::nat001,   &rules::nat002,  &rules::nat003,  &rules::nat004,  &rules::nat005,
            &rules::nat006,   &rules::nat007,  &rules::peer001, &rules::peer002, &rules::peer003,
            &rules::peer004,  &rules::peer005, &rules::peer006, &rules::peer007, &rules::peer008,
            &rules::cost001,  &rules::cost002, &rules::cost003, &rules::cost004, &rules::cost005,
            &rules::reach001, &rules::rds001,  &rules::rds002,  &rules::rt001,   &rules::rt002,
            &rules::rt003,    &rules::rt004,   &rules::rt005,   &rules::rt006,   &rules::rt007,
            &rules::sg001,    &rules::sg002,   &rules::sg003,   &rules::sg004,   &rules::sub001,
            &rules::sub002,   &rules::sub003,  &rules::sub004,  &rules::sub005,  &rules::sub006,
            &rules::sub007,   &rules::sub008,  &rules::sub009,  &rules::sub010,  &rules::tgw001,
            &rules::tgw002,   &rules::tgw003,  &rules::tgw004,  &rules::tgw005,  &rules::vpc001,
            &rules::vpc002,   &rules::vpc003,  &rules::vpc004,  &rules::vpc005,  &rules::vpc006,
            &rules::vpc007,   &rules::vpc008,  &rules::vpc009,  &rules::vpc010,  &rules::vpc011,
            &rules::vpce001,  &rules::vpce002, &rules::vpce003, &rules::vpce004, &rules::vpn001,
            &rules::vpn002,   &rules::vpn003,  &rules::vpn004,
            // END LIST
        };
        std::sort(list.begin(), list.end(),
                  [](const Rule* a, const Rule* b) { return a->info.id < b->info.id; });
        return list;
    }();
    return rules;
}

const Rule* findRule(std::string_view id) {
    for (const Rule* rule : allRules()) {
        if (rule->info.id == id) {
            return rule;
        }
    }
    return nullptr;
}

}  // namespace skydraft

namespace skydraft {

std::string rulesMarkdown() {
    std::string md =
        "# Skydraft validation rules\n\n"
        "<!-- Generated from the rules' metadata by `skydraft validate --list-rules --format "
        "markdown > docs/rules.md`;\n     a test fails when this file is not current. Do not "
        "edit by hand. -->\n\n"
        "Every finding names a rule below. Severity: **error** (deployment fails, or the "
        "traffic the diagram shows cannot flow), **warning** (works, but is suspicious or "
        "crosses a default, adjustable quota), **info**. A rule marked *warning/error* warns at "
        "the default quota and errs at the hard limit.\n\n"
        "Suppress a rule on an element by adding its id to the element's `suppressions`; the "
        "finding is then reported as suppressed. `skydraft validate --ignore ID` leaves it out "
        "of the report.\n\n"
        "## Subnet reach\n\n"
        "One analysis (`model/analysis/route_analysis.h`) decides whether a subnet is public, "
        "private, VPN-only or isolated; the rules, the canvas, the inspector, the pictures and "
        "the exports all ask it, so they never disagree. As AWS's VPC user guide defines the "
        "subnet types, a subnet is **public** when its route table (its explicit association, "
        "else its VPC's main table) has a route to an internet gateway attached to the subnet's "
        "VPC, whatever the destination: 0.0.0.0/0, ::/0 or a narrower prefix such as "
        "8.8.8.0/24 all count, static or propagated. It is **VPN-only** when it is not public "
        "and a route goes to a virtual private gateway; **private** when some other route "
        "leaves the VPC (NAT gateway, transit gateway, peering, endpoint, instance); "
        "**isolated** when nothing but the local routes remains. Routes to targets that are "
        "not in the design, and routes to an internet gateway of another VPC (which AWS "
        "refuses, IGW002), count for nothing. Rules about reaching every internet address "
        "(NAT002, NAT003) look up 0.0.0.0/0 itself.\n\n"
        "## Rules\n\n"
        "| Rule | Severity | Title |\n|---|---|---|\n";
    for (const Rule* rule : allRules()) {
        const RuleInfo& info = rule->info;
        std::string anchor = ruleDocLink(info.id);
        anchor = anchor.substr(anchor.find('#'));
        md += "| [" + std::string(info.id) + "](" + anchor + ") | " +
              (info.escalates ? std::string("warning/error")
                              : std::string(severityKey(info.severity))) +
              " | " + std::string(info.title) + " |\n";
    }
    for (const Rule* rule : allRules()) {
        const RuleInfo& info = rule->info;
        md += "\n## " + std::string(info.id) + "\n\n**" + std::string(info.title) + "** (" +
              (info.escalates ? std::string("warning/error")
                              : std::string(severityKey(info.severity))) +
              ")\n\n" + std::string(info.description) + "\n";
        if (!info.limitation.empty()) {
            md += "\n*Limits of a static check:* " + std::string(info.limitation) + "\n";
        }
    }
    return md;
}

}  // namespace skydraft
