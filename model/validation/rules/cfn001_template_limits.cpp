// CFN001: the CloudFormation export would exceed the template's resource limit.
#include "catalogue/resource_catalogue.h"
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "CFN001",
    Severity::Warning,
    "CloudFormation template limits",
    "A CloudFormation template holds at most 500 resources (error); a design estimated above "
    "450 warns. The estimate counts every element and connection with a CloudFormation type, "
    "each static route, subnet association and gateway attachment, and the Elastic IP of each "
    "public NAT gateway.",
    "The template's byte size (1,000,000 at most) and logical-id collisions depend on the "
    "exporter's output and are checked by `skydraft export`, not from the design.",
    true};

void check(const ValidationContext& ctx, Findings& out) {
    const auto& catalogue = ResourceCatalogue::instance();
    // By kind, not element by element: a pass over every element of a large diagram costs
    // more than the whole estimate.
    std::size_t count = 0;
    for (const KindDef& def : catalogue.kinds()) {
        if (!def.cfnType.empty() || def.key == "generic") {
            count += ctx.ofKind(def.key).size();
        }
    }
    for (const Element* e : ctx.ofKind("route_table")) {
        count += e->property("routes").size() + e->property("associations").size();
    }
    for (const Element* e : ctx.ofKind("network_acl")) {
        count += e->property("entries").size() + e->property("associations").size();
    }
    for (const char* gateway : {"internet_gateway", "virtual_private_gateway"}) {
        for (const Element* e : ctx.ofKind(gateway)) {
            count += e->parent.empty() ? 0 : 1;
        }
    }
    for (const Element* e : ctx.ofKind("nat_gateway")) {
        count += e->boolProperty("elastic_ip") ? 1 : 0;
    }
    for (const ConnectionKindDef& def : catalogue.connectionKinds()) {
        if (!def.cfnType.empty()) {
            count += ctx.connectionsOfKind(def.key).size();
        }
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
