// Reading AWS Price List offer files (the Bulk API's index.json) into prices of the price table.
#pragma once

#include <iosfwd>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace skydraft {

/// One price of an offer file that maps to a key of the price table.
struct OfferPrice {
    std::string region;  ///< "us-east-1" (the product's regionCode; fromRegionCode for transfer)
    std::string key;     ///< "nat_gateway.hour"
    double usd = 0;      ///< the OnDemand price of the first tier (beginRange 0)
    std::string sku;     ///< the product's sku
    std::string description;  ///< the price dimension's description
    bool tiered = false;      ///< the sku has further tiers; usd is the first one's (the
                              ///< internet's tier keys, ".next_40tb"..., carry their own tier)
};

/// What one offer file holds for the price table.
struct OfferFile {
    std::string offerCode;         ///< "AmazonEC2"
    std::string version;           ///< "20261201000000"
    std::string publicationDate;   ///< "2026-12-01T00:00:00Z"
    std::size_t productCount = 0;  ///< every product of the file, matched or not
    std::vector<OfferPrice> prices;
};

/// The table key a product's attributes map to ("ec2.t3.micro.hour"), or "" when the product
/// prices nothing the table has (Windows or dedicated instances, Multi-AZ databases, other
/// usage types). attributes are the product's "attributes" plus "productFamily".
std::string offerProductKey(const std::vector<std::pair<std::string, std::string>>& attributes);

/// Streams an offer file (SAX: memory holds one product at a time plus the matched ones) and
/// returns the OnDemand prices of the products that map to a table key, in regions (all when
/// regions is null). Reserved and other terms are skipped. A tiered price takes the tier that
/// begins at 0; internet transfer out also gives its tiers from 10 TB, 50 TB and 150 TB a
/// month to the keys data_transfer.internet.gb.next_40tb, .next_100tb and .over_150tb. Objects must
/// come in the files' order: "products" before "terms". nullopt with *error saying where ("byte
/// 1234: ...", "sku ABC: ...") when the text is not JSON, is truncated, is not an offer file, has a
/// wrong shape or a price that is not a number.
std::optional<OfferFile> parsePriceListOffer(std::istream& in,
                                             const std::set<std::string, std::less<>>* regions,
                                             std::string* error);
std::optional<OfferFile> parsePriceListOffer(std::string_view text,
                                             const std::set<std::string, std::less<>>* regions,
                                             std::string* error);

/// A price of the table that a refresh changed.
struct PriceChange {
    std::string name;  ///< "us-east-1/ec2.t3.micro.hour"
    double before = 0;
    double after = 0;
};

/// What applyOfferPrices() did to a table.
struct PriceRefresh {
    nlohmann::ordered_json table;       ///< the refreshed table, in the input's key order
    std::size_t updated = 0;            ///< region/key entries that got a price from the offers
    std::size_t changed = 0;            ///< ... of which the value differs from the table's
    std::vector<PriceChange> changes;   ///< those, in the table's order
    std::vector<std::string> unpriced;  ///< "region/key" of the table no offer priced
    std::vector<std::string> notes;     ///< tiers taken, conflicting skus, ...
    std::vector<std::size_t> perOffer;  ///< entries updated from each offer, by offers' index
};

/// Applies offer prices to a price table (price_table.json's text): updates the values of the
/// table's existing keys in regions (all of the table's when empty), removes those
/// "region/key" from "unverified", sets "date" to the newest publicationDate (its date part),
/// adds a source line per offer naming its code and version, and keeps every other key,
/// region and field as it was. When several skus price one key differently the most common
/// price wins (ties: the higher), and a note says so. nullopt with *error when the table is
/// not a price table or a region is not in it.
std::optional<PriceRefresh> applyOfferPrices(std::string_view tableJson,
                                             const std::vector<OfferFile>& offers,
                                             const std::vector<std::string>& regions,
                                             std::string* error);

}  // namespace skydraft
