// Pricing the catalogue's price terms with a price table.
#include "pricing/cost_estimate.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "catalogue/kind_keys.h"
#include "catalogue/resource_catalogue.h"
#include "pricing/traffic_path.h"

namespace skydraft {

namespace {

using nlohmann::json;

/// A property value as the text a price key takes ("t3.micro", "true", "2").
std::string valueText(const json& value) {
    if (value.is_string()) {
        return value.get<std::string>();
    }
    if (value.is_null()) {
        return "";
    }
    return value.dump();
}

/// "ec2.{instance_type}.hour" with the property's value put in; "" when the value is empty.
std::string resolveKey(const std::string& pattern, const auto& item) {
    std::string key;
    std::size_t at = 0;
    while (at < pattern.size()) {
        const std::size_t open = pattern.find('{', at);
        if (open == std::string::npos) {
            key += pattern.substr(at);
            break;
        }
        const std::size_t close = pattern.find('}', open);
        if (close == std::string::npos) {
            key += pattern.substr(at);
            break;
        }
        key += pattern.substr(at, open - at);
        const std::string value =
            valueText(item.property(pattern.substr(open + 1, close - open - 1)));
        if (value.empty()) {
            return "";
        }
        key += value;
        at = close + 1;
    }
    return key;
}

/// A number property, or fallback when it is unset or not a non-negative number; a list
/// counts its items.
double numberOf(const auto& item, const std::string& property, double fallback) {
    if (property.empty()) {
        return fallback;
    }
    const json& value = item.property(property);
    if (value.is_number() && value.get<double>() >= 0) {
        return value.get<double>();
    }
    if (value.is_array()) {
        return static_cast<double>(value.size());
    }
    return fallback;
}

/// One end of the connection is of the kind.
bool joins(const Diagram& diagram, const Connection& connection, const std::string& kind) {
    const Element* from = diagram.element(connection.from);
    const Element* to = diagram.element(connection.to);
    return (from && from->kind == kind) || (to && to->kind == kind);
}

bool joins(const Diagram&, const Element&, const std::string&) {
    return false;
}

bool applies(const PriceTerm& term, const auto& item, const Diagram& diagram) {
    if (!term.whenEndKind.empty() && !joins(diagram, item, term.whenEndKind)) {
        return false;
    }
    if (term.whenProperty.empty()) {
        return true;
    }
    const std::string value = valueText(item.property(term.whenProperty));
    return std::find(term.whenValues.begin(), term.whenValues.end(), value) !=
           term.whenValues.end();
}

const Element* vpcOf(const Diagram& diagram, const Element* element) {
    return element ? diagram.ancestorOfKind(element->id, kinds::kVpc) : nullptr;
}

/// Prices terms of one element or connection into line.
void price(CostLine& line, const std::vector<PriceTerm>& terms, const auto& item,
           const Diagram& diagram, const PriceTable& table) {
    const double hours = numberOf(item, "monthly_hours", kHoursPerMonth);
    for (const PriceTerm& term : terms) {
        if (!applies(term, item, diagram)) {
            continue;
        }
        CostTerm cost;
        cost.what = term.what;
        cost.priceKey = resolveKey(term.priceKey, item);
        cost.count = numberOf(item, term.countProperty, term.countDefault);
        cost.quantity =
            term.quantity == PriceTerm::Quantity::Hours ? hours : numberOf(item, term.usage, 0);
        if (term.quantity == PriceTerm::Quantity::Usage && cost.quantity == 0) {
            continue;  // no usage given: nothing to show
        }
        if (line.region.empty()) {
            line.error = "no region to price it in (its VPC names none); give one with --region";
            return;
        }
        const auto unitPrice =
            cost.priceKey.empty() ? std::nullopt : table.price(line.region, cost.priceKey);
        if (!unitPrice) {
            line.error =
                "no price for " + (cost.priceKey.empty() ? term.priceKey : cost.priceKey) + " in " +
                line.region +
                (table.hasRegion(line.region) ? "" : " (a region the table does not cover)") +
                " in the price table of " + table.date;
            return;
        }
        cost.unitPrice = *unitPrice;
        cost.monthly = cost.count * cost.quantity * cost.unitPrice;
        line.monthly += cost.monthly;
        line.terms.push_back(std::move(cost));
    }
}

/// A term of annotated traffic: gb_per_month of the line, count times.
PriceTerm trafficTerm(std::string what, std::string priceKey, double count = 1) {
    PriceTerm term;
    term.what = std::move(what);
    term.priceKey = std::move(priceKey);
    term.quantity = PriceTerm::Quantity::Usage;
    term.usage = "gb_per_month";
    term.countDefault = count;
    return term;
}

/// What the path charges: NAT and transit gateway processing, and data transfer across zones
/// (charged out of one zone and into the other) and regions (charged out).
std::vector<PriceTerm> trafficTerms(const TrafficPath& path) {
    std::vector<PriceTerm> terms;
    switch (path.via) {
        case TrafficVia::NatGateway:
            terms.push_back(
                trafficTerm("GB through NAT gateway " + path.natGateway->name, "nat_gateway.gb"));
            if (path.crossZoneToNat) {
                terms.push_back(
                    trafficTerm("GB across zones to NAT gateway " + path.natGateway->name,
                                "data_transfer.inter_zone.gb", 2));
            }
            break;
        case TrafficVia::Local:
        case TrafficVia::Peering:
            if (path.crossRegion) {
                terms.push_back(trafficTerm("GB across regions", "data_transfer.inter_region.gb"));
            } else if (path.crossZone) {
                terms.push_back(trafficTerm("GB across zones", "data_transfer.inter_zone.gb", 2));
            }
            break;
        case TrafficVia::TransitGateway:
            terms.push_back(trafficTerm("GB through transit gateway " + path.transitGateway->name,
                                        "transit_gateway.gb"));
            if (path.crossRegion) {
                terms.push_back(trafficTerm("GB across regions", "data_transfer.inter_region.gb"));
            }
            break;
        default:
            break;
    }
    return terms;
}

constexpr std::string_view kInternetKey = "data_transfer.internet.gb";

/// The region's data transfer to the internet above the first tier (priced per element at the
/// first tier's price, up to 10 TB a month): what the lower tiers take off, as one line per
/// region. AWS adds up an account's transfer per region; the table's tiers are 10 TB, the next
/// 40 TB, the next 100 TB and what is over 150 TB.
std::vector<CostLine> internetTierLines(const std::vector<CostLine>& lines,
                                        const PriceTable& table) {
    struct Tier {
        double fromGb;
        double toGb;
        std::string_view suffix;
        std::string_view what;
    };
    static constexpr Tier kTiers[] = {
        {10240, 51200, ".next_40tb", "GB over 10 TB"},
        {51200, 153600, ".next_100tb", "GB over 50 TB"},
        {153600, 1e300, ".over_150tb", "GB over 150 TB"},
    };
    std::map<std::string, double> gbPerRegion;
    for (const CostLine& line : lines) {
        for (const CostTerm& term : line.terms) {
            if (term.priceKey == kInternetKey) {
                gbPerRegion[line.region] += term.count * term.quantity;
            }
        }
    }
    std::vector<CostLine> out;
    for (const auto& [region, gb] : gbPerRegion) {
        if (gb <= kTiers[0].fromGb) {
            continue;
        }
        CostLine line;
        line.id = "data-transfer-tiers-" + region;
        line.name = region;
        line.kind = "data_transfer";
        line.displayName = "Data transfer to the internet, volume tiers in";
        line.category = std::string(categoryKey(Category::Networking));
        line.region = region;
        const auto first = table.price(region, kInternetKey);
        for (const Tier& tier : kTiers) {
            const double inTier = std::min(gb, tier.toGb) - tier.fromGb;
            if (inTier <= 0 || !first) {
                continue;
            }
            const std::string key = std::string(kInternetKey) + std::string(tier.suffix);
            const auto price = table.price(region, key);
            if (!price) {
                line.error = "no price for " + key + " in " + region + " in the price table of " +
                             table.date;
                line.terms.clear();
                line.monthly = 0;
                break;
            }
            CostTerm term;
            term.what = std::string(tier.what) + " (tier price less the first tier's)";
            term.priceKey = key;
            term.quantity = inTier;
            term.unitPrice = *price - *first;
            term.monthly = term.quantity * term.unitPrice;
            line.monthly += term.monthly;
            line.terms.push_back(std::move(term));
        }
        if (!line.terms.empty() || !line.error.empty()) {
            out.push_back(std::move(line));
        }
    }
    return out;
}
}  // namespace

std::string formatQuantity(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.4f", value);
    std::string out = text;
    while (!out.empty() && out.back() == '0') {
        out.pop_back();
    }
    if (!out.empty() && out.back() == '.') {
        out.pop_back();
    }
    return out;
}

std::string formatMoney(double amount) {
    if (std::round(amount * 100) < 0) {
        return "-" + formatMoney(-amount);
    }
    char text[48];
    std::snprintf(text, sizeof text, "$%.2f", std::round(amount * 100) / 100 + 0.0);
    return text;
}

std::string formatPrice(double price) {
    if (price < 0) {
        return "-" + formatPrice(-price);
    }
    char text[48];
    std::snprintf(text, sizeof text, "%.6f", price);
    std::string out = text;
    while (out.back() == '0' && out.size() > out.find('.') + 3) {
        out.pop_back();
    }
    return "$" + out;
}

std::string CostLine::formula() const {
    std::string out = displayName + " " + name + ": ";
    if (!error.empty()) {
        return out + error;
    }
    for (std::size_t i = 0; i < terms.size(); ++i) {
        const CostTerm& t = terms[i];
        out += (i ? " + " : "");
        if (t.count != 1) {
            out += formatQuantity(t.count) + " x ";
        }
        out += formatQuantity(t.quantity) + " " + t.what + " x " + formatPrice(t.unitPrice);
    }
    return out + " = " + formatMoney(monthly);
}

std::vector<std::string> CostReport::errors() const {
    std::vector<std::string> out;
    for (const CostLine& line : lines) {
        if (!line.error.empty()) {
            out.push_back(line.formula());
        }
    }
    return out;
}

CostReport estimateCost(const Diagram& diagram, const PriceTable& table,
                        const CostOptions& options) {
    const ResourceCatalogue& catalogue = ResourceCatalogue::instance();
    CostReport report;
    report.date = table.date;
    report.currency = table.currency;
    auto add = [&](CostLine line, const std::vector<PriceTerm>& terms, const auto& item) {
        if (!options.region.empty()) {
            line.region = options.region;
        }
        price(line, terms, item, diagram, table);
        if (!line.error.empty()) {
            line.monthly = 0;
            line.terms.clear();
        } else if (line.terms.empty()) {
            return;  // nothing charged (a gateway endpoint, a private NAT's IPv4 term...)
        }
        report.total += line.monthly;
        report.perVpc[line.vpc] += line.monthly;
        report.perCategory[line.category] += line.monthly;
        report.lines.push_back(std::move(line));
    };
    for (const Element& element : diagram.elements()) {
        const KindDef* def = catalogue.kind(element.kind);
        if (!def || def->pricing.empty()) {
            continue;
        }
        CostLine line;
        line.id = element.id;
        line.name = element.name;
        line.kind = element.kind;
        line.displayName = def->displayName;
        line.category = std::string(categoryKey(def->category));
        const Element* vpc = vpcOf(diagram, &element);
        line.vpc = vpc ? vpc->name : "";
        line.region = pricingRegion(diagram, &element);
        add(std::move(line), def->pricing, element);
    }
    // Traffic annotated on "uses" lines, priced along the path the routes give it. The route
    // analysis is built only when some line carries traffic: the designer prices the document
    // after every edit.
    const bool annotated = std::any_of(
        diagram.connections().begin(), diagram.connections().end(), [](const Connection& c) {
            const json& gb = c.property("gb_per_month");
            return c.kind == kinds::kUses && gb.is_number() && gb.get<double>() > 0;
        });
    std::optional<RouteAnalysis> routes;  // outlives the paths, which point into it
    std::vector<TrafficPath> paths;
    if (annotated) {
        routes.emplace(diagram);
        paths = trafficPaths(diagram, *routes);
    }
    for (const TrafficPath& path : paths) {
        const std::vector<PriceTerm> terms = trafficTerms(path);
        if (terms.empty()) {
            continue;
        }
        CostLine line;
        line.id = path.line->id;
        line.name = path.source->name + " to " + path.destination->name;
        line.kind = path.line->kind;
        line.displayName = "Traffic";
        line.category = std::string(categoryKey(Category::Networking));
        const Element* vpc = vpcOf(diagram, path.natGateway ? path.natGateway : path.subnet);
        line.vpc = vpc ? vpc->name : "";
        line.region = path.region;
        add(std::move(line), terms, *path.line);
    }
    for (const Connection& connection : diagram.connections()) {
        const ConnectionKindDef* def = catalogue.connectionKind(connection.kind);
        if (!def || def->pricing.empty()) {
            continue;
        }
        CostLine line;
        line.id = connection.id;
        line.name = connection.name.empty() ? connection.id : connection.name;
        line.kind = connection.kind;
        line.displayName = def->displayName;
        line.category = std::string(categoryKey(Category::Networking));
        const Element* from = diagram.element(connection.from);
        const Element* to = diagram.element(connection.to);
        const Element* vpc = vpcOf(diagram, from);
        vpc = vpc ? vpc : vpcOf(diagram, to);
        line.vpc = vpc ? vpc->name : "";
        line.region = pricingRegion(diagram, from);
        line.region = line.region.empty() ? pricingRegion(diagram, to) : line.region;
        add(std::move(line), def->pricing, connection);
    }
    for (CostLine& line : internetTierLines(report.lines, table)) {
        report.total += line.monthly;
        report.perVpc[line.vpc] += line.monthly;
        report.perCategory[line.category] += line.monthly;
        report.lines.push_back(std::move(line));
    }
    return report;
}

}  // namespace skydraft
