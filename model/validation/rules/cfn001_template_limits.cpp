// CFN001: the CloudFormation export would exceed the template's resource limit.
#include "resource_catalogue.h"
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "CFN001", Severity::Warning, "CloudFormation template limits",
    "A CloudFormation template holds at most 500 resources (error); a design estimated above "
    "450 warns. The estimate counts every element and connection with a CloudFormation type, "
    "each static route, subnet association and gateway attachment, and the Elastic IP of each "
    "public NAT gateway.",
    "The template's byte size (1,000,000 at most) and logical-id collisions depend on the "
    "exporter's output and are checked by `skydraft export`, not from the design.",
    true};

void check(const ValidationContext& ctx, Findings& out) {
    const auto& catalogue = ResourceCatalogue::instance();
    std::size_t count = 0;
    for (const Element& e : ctx.diagram().elements()) {
        const KindDef* def = catalogue.kind(e.kind);
        if (!def || (def->cfnType.empty() && e.kind != "generic")) {
            continue;
        }
        ++count;
        if (e.kind == "route_table") {
            count += e.property("routes").size() + e.property("associations").size();
        } else if (e.kind == "network_acl") {
            count += e.property("entries").size() + e.property("associations").size();
        } else if ((e.kind == "internet_gateway" || e.kind == "virtual_private_gateway") &&
                   !e.parent.empty()) {
            ++count;
        } else if (e.kind == "nat_gateway" && e.boolProperty("elastic_ip")) {
            ++count;
        }
    }
    for (const Connection& c : ctx.diagram().connections()) {
        const ConnectionKindDef* def = catalogue.connectionKind(c.kind);
        count += def && !def->cfnType.empty() ? 1 : 0;
    }
    if (count <= 450) {
        return;
    }
    const bool hard = count > 500;
    out.push_back(makeFinding(kInfo, hard ? Severity::Error : Severity::Warning,
                              "diagram: about " + std::to_string(count) +
                                  " CloudFormation resources" +
                                  (hard ? " exceed the limit of 500 per template"
                                        : " approach the limit of 500 per template"),
                              {}));
}

}  // namespace

constinit const Rule cfn001{kInfo, &check};

}  // namespace skydraft::rules
