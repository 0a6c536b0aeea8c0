// COST003: an Elastic IP that nothing in the design uses still pays for its public IPv4.
#include "pricing/cost_estimate.h"
#include "pricing/traffic_path.h"
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "COST003", Severity::Info, "Elastic IP that nothing uses",
    "AWS charges every public IPv4 address by the hour, attached or not. An Elastic IP that is "
    "associated with no instance of the design (a NAT gateway's own address is part of the "
    "gateway) costs its hours for nothing: the finding states what releasing it saves.",
    "An address kept for an allow-list outside the design is a reason to keep it."};

void check(const ValidationContext& ctx, Findings& out) {
    const PriceTable& table = builtInPriceTable();
    for (const Element* eip : ctx.ofKind("elastic_ip")) {
        const Element* instance = ctx.element(eip->stringProperty("instance"));
        if (instance) {
            continue;
        }
        const std::string region = pricingRegion(ctx.diagram(), eip);
        const auto price = table.price(region, "public_ipv4.hour");
        const std::string saving = price
                                       ? formatMoney(kHoursPerMonth * *price) + " a month (" +
                                             formatQuantity(kHoursPerMonth) + " h x " +
                                             formatPrice(*price) + ", prices of " + table.date + ")"
                                       : "its public IPv4 hours";
        out.push_back(makeFinding(kInfo,
                                  describe(*eip) +
                                      ": associated with nothing in the design; releasing it "
                                      "would save " +
                                      saving,
                                  {eip->id}));
    }
}

}  // namespace

constinit const Rule cost003{kInfo, &check};

}  // namespace skydraft::rules
