// Streaming AWS Price List offer files into table prices, and applying them to a price table.
#include "pricing/price_list_offer.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <istream>
#include <map>
#include <sstream>
#include <tuple>

#include "pricing/price_table.h"

namespace skydraft {

namespace {

using Attributes = std::vector<std::pair<std::string, std::string>>;

/// The attributes the mapping reads; every other attribute of a product is dropped unread.
constexpr std::string_view kWantedAttributes[] = {
    "productFamily",  "servicecode",    "locationType",   "regionCode",       "usagetype",
    "operation",      "instanceType",   "tenancy",        "operatingSystem",  "preInstalledSw",
    "capacitystatus", "licenseModel",   "databaseEngine", "deploymentOption", "cacheEngine",
    "transferType",   "fromRegionCode", "toRegionCode",
};

bool wanted(std::string_view name) {
    return std::find(std::begin(kWantedAttributes), std::end(kWantedAttributes), name) !=
           std::end(kWantedAttributes);
}

std::string_view attribute(const Attributes& attributes, std::string_view name) {
    for (const auto& [key, value] : attributes) {
        if (key == name) {
            return value;
        }
    }
    return {};
}

/// True when usagetype is name, or name behind a region prefix ("USE1-", "EU-", "APN2-").
bool isUsage(std::string_view usagetype, std::string_view name) {
    if (usagetype == name) {
        return true;
    }
    if (usagetype.size() <= name.size() + 1 || !usagetype.ends_with(name)) {
        return false;
    }
    const std::string_view prefix = usagetype.substr(0, usagetype.size() - name.size());
    if (!prefix.ends_with('-') || prefix.size() < 2) {
        return false;
    }
    return std::all_of(prefix.begin(), prefix.end() - 1,
                       [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

/// For a usagetype "BoxUsage:t3.micro" (maybe region-prefixed) and stem "BoxUsage:", the rest.
std::string_view usageSuffix(std::string_view usagetype, std::string_view stem) {
    const auto at = usagetype.find(stem);
    if (at == std::string_view::npos) {
        return {};
    }
    const std::string_view rest = usagetype.substr(at + stem.size());
    return isUsage(usagetype.substr(0, at + stem.size()), stem) ? rest : std::string_view{};
}

std::string loadBalancerKey(std::string_view family, std::string_view usagetype) {
    std::string_view kind;
    if (family == "Load Balancer-Application") {
        kind = "application";
    } else if (family == "Load Balancer-Network") {
        kind = "network";
    } else if (family == "Load Balancer-Gateway") {
        kind = "gateway";
    } else {
        return {};
    }
    if (isUsage(usagetype, "LoadBalancerUsage")) {
        return "load_balancer." + std::string(kind) + ".hour";
    }
    if (isUsage(usagetype, "LCUUsage")) {
        return "load_balancer." + std::string(kind) + ".capacity_unit_hour";
    }
    return {};
}

std::string instanceKey(const Attributes& a, std::string_view family, std::string_view usagetype) {
    const std::string_view type = attribute(a, "instanceType");
    if (type.empty()) {
        return {};
    }
    if (family == "Compute Instance") {
        const std::string_view license = attribute(a, "licenseModel");
        const std::string_view operation = attribute(a, "operation");
        if (attribute(a, "operatingSystem") != "Linux" || attribute(a, "tenancy") != "Shared" ||
            attribute(a, "preInstalledSw") != "NA" || attribute(a, "capacitystatus") != "Used" ||
            (!license.empty() && license != "No License required") ||
            (!operation.empty() && operation != "RunInstances") ||
            usageSuffix(usagetype, "BoxUsage:") != type) {
            return {};
        }
        return "ec2." + std::string(type) + ".hour";
    }
    if (family == "Database Instance") {
        if (attribute(a, "databaseEngine") != "PostgreSQL" ||
            attribute(a, "deploymentOption") != "Single-AZ" ||
            usageSuffix(usagetype, "InstanceUsage:") != type) {
            return {};
        }
        return "rds." + std::string(type) + ".hour";
    }
    if (family == "Cache Instance") {
        if (attribute(a, "cacheEngine") != "Redis" ||
            usageSuffix(usagetype, "NodeUsage:") != type) {
            return {};
        }
        return "elasticache." + std::string(type) + ".hour";
    }
    return {};
}

std::string transferKey(const Attributes& a) {
    const std::string_view type = attribute(a, "transferType");
    if (type == "IntraRegion") {
        return "data_transfer.inter_zone.gb";
    }
    if (type == "InterRegion Outbound") {
        return "data_transfer.inter_region.gb";
    }
    if (type == "AWS Outbound") {
        return "data_transfer.internet.gb";
    }
    return {};
}

std::string_view productRegion(const Attributes& a) {
    const std::string_view region = attribute(a, "regionCode");
    return region.empty() ? attribute(a, "fromRegionCode") : region;
}

/// The table key suffix of an internet transfer tier by where it begins (GB a month), or "".
std::string_view internetTierSuffix(std::string_view beginRange) {
    if (beginRange == "10240") {
        return ".next_40tb";
    }
    if (beginRange == "51200") {
        return ".next_100tb";
    }
    if (beginRange == "153600") {
        return ".over_150tb";
    }
    return {};
}

/// One price dimension of a matched sku, as the file wrote it.
struct Dimension {
    std::string rateCode;
    std::string beginRange;
    std::string endRange;
    std::string description;
    std::string usd;
    bool hasUsd = false;
    double price = 0;
};

/// Where in an offer file a SAX event is, from the keys of the open objects.
enum class Place {
    Root,            // the document itself
    TopField,        // formatVersion, offerCode, products, terms, ...
    Product,         // products.SKU
    ProductField,    // products.SKU.productFamily, .attributes
    Attribute,       // products.SKU.attributes.NAME
    TermType,        // terms.OnDemand, terms.Reserved
    TermSku,         // terms.OnDemand.SKU
    OfferTerm,       // terms.OnDemand.SKU.CODE
    OfferTermField,  // terms.OnDemand.SKU.CODE.priceDimensions, .effectiveDate, ...
    Dimension,       // terms.OnDemand.SKU.CODE.priceDimensions.RATE
    DimensionField,  // ....RATE.unit, .beginRange, .pricePerUnit
    Currency,        // ....RATE.pricePerUnit.USD
    Elsewhere,
};

constexpr std::size_t kMaxDepth = 64;

class OfferHandler : public nlohmann::json_sax<nlohmann::json> {
public:
    explicit OfferHandler(const std::set<std::string, std::less<>>* regions) : m_regions(regions) {}

    bool null() override { return scalar(nullptr); }
    bool boolean(bool) override { return scalar(nullptr); }
    bool number_integer(number_integer_t) override { return scalar(nullptr); }
    bool number_unsigned(number_unsigned_t) override { return scalar(nullptr); }
    bool number_float(number_float_t, const string_t&) override { return scalar(nullptr); }
    bool string(string_t& value) override { return scalar(&value); }
    bool binary(binary_t&) override { return scalar(nullptr); }

    bool start_object(std::size_t) override {
        if (!container(true)) {
            return false;
        }
        return push();
    }
    bool start_array(std::size_t) override {
        if (!container(false)) {
            return false;
        }
        return push();
    }
    bool key(string_t& value) override {
        m_path.back() = value;
        if (m_path.size() == 1 && value == "terms" && m_offer.offerCode.empty()) {
            return fail("not an AWS Price List offer file (no \"offerCode\" before \"terms\")");
        }
        if (m_path.size() == 1 && value == "terms" && !m_productsDone) {
            return fail("\"terms\" comes before \"products\" (offer files list products first)");
        }
        return true;
    }
    bool end_object() override {
        switch (place(m_path.size() - 1)) {
            case Place::Product:
                finishProduct();
                break;
            case Place::Dimension:
                if (m_termMatched && !finishDimension()) {
                    return false;
                }
                break;
            case Place::TopField:
                if (m_path[0] == "products") {
                    m_productsDone = true;
                } else if (m_path[0] == "terms") {
                    m_termsSeen = true;
                }
                break;
            default:
                break;
        }
        m_path.pop_back();
        return true;
    }
    bool end_array() override {
        m_path.pop_back();
        return true;
    }
    bool parse_error(std::size_t position, const std::string&,
                     const nlohmann::detail::exception& ex) override {
        std::string message = ex.what();
        // "[json.exception.parse_error.101] parse error at line 1, column 9: syntax error ..."
        if (const auto colon = message.find(": "); colon != std::string::npos) {
            message = message.substr(colon + 2);
        }
        m_error = "byte " + std::to_string(position) + ": " + message;
        return false;
    }

    const std::string& error() const { return m_error; }

    /// The result once the parse returned true, or nullopt with error().
    std::optional<OfferFile> finish() {
        if (m_offer.offerCode.empty()) {
            m_error = "not an AWS Price List offer file (no \"offerCode\")";
            return std::nullopt;
        }
        if (!m_productsDone || !m_termsSeen) {
            m_error = std::string("not an AWS Price List offer file (no \"") +
                      (m_productsDone ? "terms" : "products") + "\" object)";
            return std::nullopt;
        }
        for (auto& [sku, match] : m_matched) {
            const auto dimensions = m_dimensions.find(sku);
            if (dimensions == m_dimensions.end()) {
                continue;  // no OnDemand price (reserved only): nothing to take
            }
            const std::vector<Dimension>& list = dimensions->second;
            const auto first = std::find_if(list.begin(), list.end(), [](const Dimension& d) {
                return d.beginRange.empty() || d.beginRange == "0";
            });
            if (first == list.end()) {
                continue;
            }
            OfferPrice price;
            price.region = match.first;
            price.key = match.second;
            price.usd = first->price;
            price.sku = sku;
            price.description = first->description;
            price.tiered =
                list.size() > 1 || (!first->endRange.empty() && first->endRange != "Inf");
            m_offer.prices.push_back(price);
            // Internet transfer out has a table key per volume tier above the first.
            if (price.key == "data_transfer.internet.gb") {
                for (const Dimension& d : list) {
                    const std::string_view suffix = internetTierSuffix(d.beginRange);
                    if (!suffix.empty()) {
                        m_offer.prices.push_back({price.region, price.key + std::string(suffix),
                                                  d.price, sku, d.description, false});
                    }
                }
            }
        }
        std::sort(m_offer.prices.begin(), m_offer.prices.end(),
                  [](const OfferPrice& a, const OfferPrice& b) {
                      return std::tie(a.region, a.key, a.sku) < std::tie(b.region, b.key, b.sku);
                  });
        return std::move(m_offer);
    }

private:
    Place place(std::size_t depth) const {
        const auto& p = m_path;
        if (depth == 0) {
            return Place::Root;
        }
        if (depth == 1) {
            return Place::TopField;
        }
        if (p[0] == "products") {
            if (depth == 2) {
                return Place::Product;
            }
            if (depth == 3) {
                return Place::ProductField;
            }
            if (depth == 4 && p[2] == "attributes") {
                return Place::Attribute;
            }
            return Place::Elsewhere;
        }
        if (p[0] != "terms") {
            return Place::Elsewhere;
        }
        if (depth == 2) {
            return Place::TermType;
        }
        if (p[1] != "OnDemand") {
            return Place::Elsewhere;
        }
        switch (depth) {
            case 3:
                return Place::TermSku;
            case 4:
                return Place::OfferTerm;
            case 5:
                return Place::OfferTermField;
            case 6:
                return p[4] == "priceDimensions" ? Place::Dimension : Place::Elsewhere;
            case 7:
                return p[4] == "priceDimensions" ? Place::DimensionField : Place::Elsewhere;
            case 8:
                return p[4] == "priceDimensions" && p[6] == "pricePerUnit" ? Place::Currency
                                                                           : Place::Elsewhere;
            default:
                return Place::Elsewhere;
        }
    }

    bool push() {
        if (m_path.size() >= kMaxDepth) {
            return fail("nested deeper than " + std::to_string(kMaxDepth) + " levels");
        }
        m_path.emplace_back();
        return true;
    }

    bool fail(std::string message) {
        m_error = std::move(message);
        return false;
    }

    std::string where() const {
        std::string text;
        for (const std::string& key : m_path) {
            text += (text.empty() ? "" : ".") + key;
        }
        return text;
    }

    std::string skuWhere(std::string_view what) const {
        return "sku " + m_path[2] + ": " + std::string(what) + " (at " + where() + ")";
    }

    /// A container starts at the current place: check that one belongs there.
    bool container(bool isObject) {
        const Place at = place(m_path.size());
        if (at == Place::Root) {
            return isObject || fail("not an AWS Price List offer file (not a JSON object)");
        }
        if (at == Place::TopField) {
            if ((m_path[0] == "products" || m_path[0] == "terms") && !isObject) {
                return fail("\"" + m_path[0] + "\" is not an object");
            }
            return true;
        }
        if (at == Place::Product) {
            m_attributes.clear();
            m_productSku = m_path[1];
            return isObject || fail("product " + m_path[1] + " is not an object");
        }
        if (at == Place::ProductField && m_path[2] == "attributes" && !isObject) {
            return fail("product " + m_path[1] + ": \"attributes\" is not an object");
        }
        if (at == Place::TermType && m_path[1] == "OnDemand" && !isObject) {
            return fail("terms.OnDemand is not an object");
        }
        if (at == Place::TermSku) {
            m_termMatched = m_matched.count(m_path[2]) > 0;
            return isObject || fail("sku " + m_path[2] + ": its OnDemand terms are not an object");
        }
        if (!m_termMatched) {
            return true;
        }
        if ((at == Place::OfferTerm || at == Place::Dimension ||
             (at == Place::OfferTermField && m_path[4] == "priceDimensions") ||
             (at == Place::DimensionField && m_path[6] == "pricePerUnit")) &&
            !isObject) {
            return fail(skuWhere("not an object"));
        }
        if (at == Place::Dimension) {
            m_dimension = Dimension{};
            m_dimension.rateCode = m_path[5];
        }
        return true;
    }

    /// A scalar value (value is null unless it is a string) at the current place.
    bool scalar(std::string* value) {
        const Place at = place(m_path.size());
        switch (at) {
            case Place::Root:
                return fail("not an AWS Price List offer file (not a JSON object)");
            case Place::TopField:
                return topField(value);
            case Place::Product:
                return fail("product " + m_path[1] + " is not an object");
            case Place::ProductField:
                if (m_path[2] == "productFamily" && value) {
                    m_attributes.emplace_back("productFamily", *value);
                } else if (m_path[2] == "attributes") {
                    return fail("product " + m_path[1] + ": \"attributes\" is not an object");
                }
                return true;
            case Place::Attribute:
                if (value && wanted(m_path[3])) {
                    m_attributes.emplace_back(m_path[3], *value);
                }
                return true;
            case Place::TermSku:
                return fail("sku " + m_path[2] + ": its OnDemand terms are not an object");
            default:
                break;
        }
        if (!m_termMatched) {
            return true;
        }
        if (at == Place::OfferTerm || at == Place::Dimension ||
            (at == Place::OfferTermField && m_path[4] == "priceDimensions") ||
            (at == Place::DimensionField && m_path[6] == "pricePerUnit")) {
            return fail(skuWhere("not an object"));
        }
        if (at == Place::DimensionField) {
            const std::string& field = m_path[6];
            // The files say beginRange/endRange; the format's documentation startingRange/
            // endingRange: both are read.
            std::string* into =
                field == "beginRange" || field == "startingRange" ? &m_dimension.beginRange
                : field == "endRange" || field == "endingRange"   ? &m_dimension.endRange
                : field == "description"                          ? &m_dimension.description
                                                                  : nullptr;
            if (into) {
                if (!value) {
                    return fail(skuWhere("\"" + field + "\" is not a text"));
                }
                *into = *value;
            }
        } else if (at == Place::Currency && m_path[7] == "USD") {
            if (!value) {
                return fail(skuWhere("the USD price is not a text"));
            }
            m_dimension.usd = *value;
            m_dimension.hasUsd = true;
        }
        return true;
    }

    bool topField(const std::string* value) {
        const std::string& field = m_path[0];
        std::string* into = field == "offerCode"         ? &m_offer.offerCode
                            : field == "version"         ? &m_offer.version
                            : field == "publicationDate" ? &m_offer.publicationDate
                                                         : nullptr;
        if (field == "products" || field == "terms") {
            return fail("\"" + field + "\" is not an object");
        }
        if (into) {
            if (!value) {
                const std::string why = "\"" + field + "\" is not a text";
                return fail(m_offer.offerCode.empty()
                                ? "not an AWS Price List offer file (" + why + ")"
                                : why);
            }
            *into = *value;
        }
        return true;
    }

    void finishProduct() {
        ++m_offer.productCount;
        const std::string key = offerProductKey(m_attributes);
        if (key.empty()) {
            return;
        }
        const std::string_view region = productRegion(m_attributes);
        if (region.empty() || (m_regions && m_regions->count(region) == 0)) {
            return;
        }
        m_matched[m_productSku] = {std::string(region), key};
    }

    bool finishDimension() {
        if (!m_dimension.hasUsd) {
            return true;  // priced in another currency only (CNY in the China regions)
        }
        const std::string& text = m_dimension.usd;
        double usd = 0;
        const char* end = text.data() + text.size();
        const auto [stop, status] = std::from_chars(text.data(), end, usd);
        if (text.empty() || status != std::errc() || stop != end || !std::isfinite(usd) ||
            usd < 0) {
            return fail(skuWhere("the USD price \"" + text + "\" is not a number"));
        }
        m_dimension.price = usd;
        m_dimensions[m_path[2]].push_back(m_dimension);
        return true;
    }

    const std::set<std::string, std::less<>>* m_regions;
    std::vector<std::string> m_path;  // the key of each open container ("" in arrays)
    OfferFile m_offer;
    std::string m_error;
    bool m_productsDone = false;
    bool m_termsSeen = false;

    std::string m_productSku;
    Attributes m_attributes;  // of the product being read
    std::map<std::string, std::pair<std::string, std::string>> m_matched;  // sku -> region, key

    bool m_termMatched = false;  // the OnDemand terms being read are of a matched sku
    Dimension m_dimension;
    std::map<std::string, std::vector<Dimension>> m_dimensions;  // of matched skus
};

template <typename Input>
std::optional<OfferFile> parseOffer(Input&& input,
                                    const std::set<std::string, std::less<>>* regions,
                                    std::string* error) {
    OfferHandler handler(regions);
    const bool ok = nlohmann::json::sax_parse(std::forward<Input>(input), &handler);
    std::optional<OfferFile> result = ok ? handler.finish() : std::nullopt;
    if (!result && error) {
        *error = handler.error().empty() ? "not an AWS Price List offer file" : handler.error();
    }
    return result;
}

std::string formatUsd(double usd) {
    std::ostringstream out;
    out.imbue(std::locale::classic());
    out.precision(10);
    out << usd;
    return out.str();
}

}  // namespace

std::string offerProductKey(const Attributes& a) {
    const std::string_view family = attribute(a, "productFamily");
    const std::string_view usagetype = attribute(a, "usagetype");
    const std::string_view locationType = attribute(a, "locationType");
    if (!locationType.empty() && locationType != "AWS Region") {
        return {};  // Local Zones, Wavelength, Outposts
    }
    if (family == "Data Transfer" || attribute(a, "servicecode") == "AWSDataTransfer") {
        return transferKey(a);
    }
    if (std::string key = instanceKey(a, family, usagetype); !key.empty()) {
        return key;
    }
    if (std::string key = loadBalancerKey(family, usagetype); !key.empty()) {
        return key;
    }
    if (family == "NAT Gateway") {
        if (isUsage(usagetype, "NatGateway-Hours")) {
            return "nat_gateway.hour";
        }
        if (isUsage(usagetype, "NatGateway-Bytes")) {
            return "nat_gateway.gb";
        }
        return {};
    }
    if (attribute(a, "operation") == "TransitGatewayVPC") {
        if (isUsage(usagetype, "TransitGateway-Hours")) {
            return "transit_gateway.attachment_hour";
        }
        if (isUsage(usagetype, "TransitGateway-Bytes")) {
            return "transit_gateway.gb";
        }
        return {};
    }
    if (attribute(a, "servicecode") == "AWSNetworkFirewall") {
        if (isUsage(usagetype, "Endpoint-Hour")) {
            return "network_firewall.endpoint_hour";
        }
        if (isUsage(usagetype, "Traffic-GB-Processed")) {
            return "network_firewall.gb";
        }
        return {};
    }
    static const std::pair<std::string_view, std::string_view> kByUsage[] = {
        {"VpcEndpoint-Hours", "vpc_endpoint.interface.zone_hour"},
        {"VpcEndpoint-Bytes", "vpc_endpoint.interface.gb"},
        {"VpcEndpoint-GWLBE-Hours", "vpc_endpoint.gateway_load_balancer.zone_hour"},
        {"VpcEndpoint-GWLBE-Bytes", "vpc_endpoint.gateway_load_balancer.gb"},
        {"PublicIPv4:InUseAddress", "public_ipv4.hour"},
        {"VPN-Usage-Hours:ipsec.1", "vpn_connection.hour"},
        {"ClientVPN-EndpointHours", "client_vpn.association_hour"},
        {"ClientVPN-ConnectionHours", "client_vpn.connection_hour"},
    };
    for (const auto& [usage, key] : kByUsage) {
        if (isUsage(usagetype, usage)) {
            return std::string(key);
        }
    }
    return {};
}

std::optional<OfferFile> parsePriceListOffer(std::istream& in,
                                             const std::set<std::string, std::less<>>* regions,
                                             std::string* error) {
    return parseOffer(in, regions, error);
}

std::optional<OfferFile> parsePriceListOffer(std::string_view text,
                                             const std::set<std::string, std::less<>>* regions,
                                             std::string* error) {
    return parseOffer(text, regions, error);
}

std::optional<PriceRefresh> applyOfferPrices(std::string_view tableJson,
                                             const std::vector<OfferFile>& offers,
                                             const std::vector<std::string>& regions,
                                             std::string* error) {
    auto fail = [error](std::string message) -> std::optional<PriceRefresh> {
        if (error) {
            *error = std::move(message);
        }
        return std::nullopt;
    };
    std::string tableError;
    if (!parsePriceTable(tableJson, &tableError)) {
        return fail(tableError);
    }
    PriceRefresh refresh;
    refresh.table = nlohmann::ordered_json::parse(tableJson, nullptr, false);
    nlohmann::ordered_json& table = refresh.table;
    nlohmann::ordered_json& tableRegions = table["regions"];

    std::vector<std::string> chosen = regions;
    if (chosen.empty()) {
        for (const auto& [region, prices] : tableRegions.items()) {
            chosen.push_back(region);
        }
    }
    for (const std::string& region : chosen) {
        if (!tableRegions.contains(region)) {
            return fail("the price table has no region " + region + " to refresh");
        }
    }

    // Every candidate price of a region/key, with the offer it came from.
    std::map<std::pair<std::string, std::string>,
             std::vector<std::pair<const OfferPrice*, std::size_t>>>
        candidates;
    for (std::size_t i = 0; i < offers.size(); ++i) {
        for (const OfferPrice& price : offers[i].prices) {
            candidates[{price.region, price.key}].emplace_back(&price, i);
        }
    }

    refresh.perOffer.assign(offers.size(), 0);
    std::set<std::string> refreshed;  // "region/key"
    for (const std::string& region : chosen) {
        for (auto& [key, value] : tableRegions[region].items()) {
            const std::string name = region + "/" + key;
            const auto found = candidates.find({region, key});
            if (found == candidates.end()) {
                refresh.unpriced.push_back(name);
                continue;
            }
            // The most common price of the skus (ties: the higher one).
            std::map<double, std::size_t> counts;
            for (const auto& [price, offer] : found->second) {
                ++counts[price->usd];
            }
            const auto best =
                std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
                    return a.second != b.second ? a.second < b.second : a.first < b.first;
                });
            const auto pick =
                std::find_if(found->second.begin(), found->second.end(),
                             [&](const auto& c) { return c.first->usd == best->first; });
            const OfferPrice& price = *pick->first;
            if (counts.size() > 1) {
                // The prices with their counts; a few only, when a broad match gave many.
                constexpr std::size_t kListed = 5;
                std::string others;
                std::size_t listed = 0;
                for (const auto& [usd, count] : counts) {
                    if (listed++ == kListed) {
                        others += ", " + std::to_string(counts.size() - kListed) + " more";
                        break;
                    }
                    others += (others.empty() ? "" : ", ") + formatUsd(usd) + " (" +
                              std::to_string(count) + ")";
                }
                refresh.notes.push_back(name + ": " + std::to_string(found->second.size()) +
                                        " skus price it differently, " + others + "; took " +
                                        formatUsd(price.usd) + ", the most common");
            }
            if (price.tiered) {
                refresh.notes.push_back(name + ": tiered; took the first tier (beginRange 0) of " +
                                        price.sku + ", \"" + price.description + "\"");
            }
            const double before = value.get<double>();  // a number: parsePriceTable said so
            if (std::abs(before - price.usd) > 1e-12) {
                ++refresh.changed;
                refresh.changes.push_back({name, before, price.usd});
            }
            value = price.usd;
            ++refresh.updated;
            ++refresh.perOffer[pick->second];
            refreshed.insert(name);
        }
    }

    if (auto unverified = table.find("unverified");
        unverified != table.end() && unverified->is_array()) {
        nlohmann::ordered_json kept = nlohmann::ordered_json::array();
        for (const auto& entry : *unverified) {
            if (!entry.is_string() || refreshed.count(entry.get<std::string>()) == 0) {
                kept.push_back(entry);
            }
        }
        *unverified = std::move(kept);
    }

    std::string newest;
    for (std::size_t i = 0; i < offers.size(); ++i) {
        if (refresh.perOffer[i] == 0) {
            continue;
        }
        const std::string date = offers[i].publicationDate.substr(0, 10);
        newest = std::max(newest, date);
        const std::string source = "AWS Price List offer file " + offers[i].offerCode +
                                   ", version " + offers[i].version + ", published " +
                                   offers[i].publicationDate;
        nlohmann::ordered_json& sources = table["sources"];
        if (!sources.is_array()) {
            sources = nlohmann::ordered_json::array();
        }
        if (std::find(sources.begin(), sources.end(), source) == sources.end()) {
            sources.push_back(source);
        }
    }
    if (!newest.empty()) {
        table["date"] = newest;
    }
    return refresh;
}

}  // namespace skydraft
