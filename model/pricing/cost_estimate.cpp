// Pricing the catalogue's price terms with a price table.
#include "pricing/cost_estimate.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "catalogue/kind_keys.h"
#include "catalogue/resource_catalogue.h"
#include "pricing/service_traffic.h"

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

bool applies(const PriceTerm& term, const auto& item) {
    if (term.whenProperty.empty()) {
        return true;
    }
    const std::string value = valueText(item.property(term.whenProperty));
    return std::find(term.whenValues.begin(), term.whenValues.end(), value) !=
           term.whenValues.end();
}

/// The nearest "region" property up from the element (a VPC's, a transit gateway's).
std::string regionOf(const Diagram& diagram, const Element* element) {
    for (int depth = 0; element && depth < 64; ++depth) {
        if (const std::string region = element->stringProperty("region"); !region.empty()) {
            return region;
        }
        element = element->parent.empty() ? nullptr : diagram.element(element->parent);
    }
    return "";
}

const Element* vpcOf(const Diagram& diagram, const Element* element) {
    return element ? diagram.ancestorOfKind(element->id, kinds::kVpc) : nullptr;
}

/// Prices terms of one element or connection into line.
void price(CostLine& line, const std::vector<PriceTerm>& terms, const auto& item,
           const PriceTable& table) {
    const double hours = numberOf(item, "monthly_hours", kHoursPerMonth);
    for (const PriceTerm& term : terms) {
        if (!applies(term, item)) {
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

std::string numberText(double value) {
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

}  // namespace

std::string formatMoney(double amount) {
    char text[48];
    std::snprintf(text, sizeof text, "$%.2f", std::round(amount * 100) / 100 + 0.0);
    return text;
}

std::string formatPrice(double price) {
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
            out += numberText(t.count) + " x ";
        }
        out += numberText(t.quantity) + " " + t.what + " x " + formatPrice(t.unitPrice);
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
        price(line, terms, item, table);
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
        line.region = regionOf(diagram, &element);
        add(std::move(line), def->pricing, element);
    }
    // Traffic annotated on "uses" lines, priced along the path the routes give it: to S3 or
    // DynamoDB through a NAT gateway, the NAT's processing charge (a gateway endpoint is free).
    // The route analysis is built only when some line carries traffic: the designer prices the
    // document after every edit.
    const bool annotated = std::any_of(
        diagram.connections().begin(), diagram.connections().end(), [](const Connection& c) {
            const json& gb = c.property("gb_per_month");
            return c.kind == kinds::kUses && gb.is_number() && gb.get<double>() > 0;
        });
    std::optional<RouteAnalysis> routes;  // outlives the traffic, which points into it
    std::vector<ServiceTraffic> traffics;
    if (annotated) {
        routes.emplace(diagram);
        traffics = serviceTraffic(diagram, *routes);
    }
    for (const ServiceTraffic& traffic : traffics) {
        if (!traffic.natGateway || traffic.gatewayEndpoint) {
            continue;
        }
        CostLine line;
        line.id = traffic.line->id;
        line.name = traffic.source->name + " to " + traffic.destination->name;
        line.kind = traffic.line->kind;
        line.displayName = "Traffic";
        line.category = std::string(categoryKey(Category::Networking));
        const Element* vpc = vpcOf(diagram, traffic.natGateway);
        line.vpc = vpc ? vpc->name : "";
        line.region = regionOf(diagram, traffic.natGateway);
        PriceTerm term;
        term.what = "GB through NAT gateway " + traffic.natGateway->name;
        term.priceKey = "nat_gateway.gb";
        term.quantity = PriceTerm::Quantity::Usage;
        term.usage = "gb_per_month";
        add(std::move(line), {term}, *traffic.line);
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
        line.region = regionOf(diagram, from);
        line.region = line.region.empty() ? regionOf(diagram, to) : line.region;
        add(std::move(line), def->pricing, connection);
    }
    return report;
}

}  // namespace skydraft
