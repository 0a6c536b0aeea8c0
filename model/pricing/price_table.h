// The prices Skydraft estimates with: a table shipped as data (price_table.json), per region.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace skydraft {

/// On-demand prices in USD by region and key ("nat_gateway.hour", "ec2.t3.micro.hour"), with
/// the date they were read and the public pages they were read from.
struct PriceTable {
    std::string date;      ///< "2026-12-06"
    std::string currency;  ///< "USD"
    std::vector<std::string> sources;
    std::map<std::string, std::map<std::string, double>, std::less<>> regions;

    /// The price, or nullopt when the table has none for that key in that region.
    std::optional<double> price(std::string_view region, std::string_view key) const;
    bool hasRegion(std::string_view region) const { return regions.count(region) > 0; }
};

/// Reads a price table in price_table.json's format; nullopt with error saying where and
/// what when it is not one (a region whose value is not an object, a price that is not a
/// non-negative number...).
std::optional<PriceTable> parsePriceTable(std::string_view json, std::string* error);

/// The table built into Skydraft (model/pricing/price_table.json), read once.
const PriceTable& builtInPriceTable();

/// The text of the built-in table's JSON, as shipped (the input of a refresh).
std::string_view builtInPriceTableJson();

}  // namespace skydraft
