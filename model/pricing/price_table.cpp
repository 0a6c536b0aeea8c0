// Reading price_table.json, and the table built in.
#include "pricing/price_table.h"

#include <nlohmann/json.hpp>

namespace skydraft {

extern const char* const kPriceTableJson;  // price_table_data.cpp, generated from the JSON

std::optional<double> PriceTable::price(std::string_view region, std::string_view key) const {
    const auto prices = regions.find(region);
    if (prices == regions.end()) {
        return std::nullopt;
    }
    const auto found = prices->second.find(std::string(key));
    if (found == prices->second.end()) {
        return std::nullopt;
    }
    return found->second;
}

std::optional<PriceTable> parsePriceTable(std::string_view text, std::string* error) {
    auto fail = [error](std::string message) -> std::optional<PriceTable> {
        if (error) {
            *error = std::move(message);
        }
        return std::nullopt;
    };
    const nlohmann::json document = nlohmann::json::parse(text, nullptr, false);
    if (document.is_discarded() || !document.is_object()) {
        return fail("the price table is not a JSON object");
    }
    PriceTable table;
    for (const char* field : {"date", "currency"}) {
        const auto value = document.find(field);
        if (value == document.end() || !value->is_string()) {
            return fail(std::string("the price table has no \"") + field + "\" text");
        }
        (field == std::string_view("date") ? table.date : table.currency) =
            value->get<std::string>();
    }
    if (const auto sources = document.find("sources");
        sources != document.end() && sources->is_array()) {
        for (const auto& source : *sources) {
            if (source.is_string()) {
                table.sources.push_back(source.get<std::string>());
            }
        }
    }
    const auto regions = document.find("regions");
    if (regions == document.end() || !regions->is_object() || regions->empty()) {
        return fail("the price table has no \"regions\" object");
    }
    for (const auto& [region, prices] : regions->items()) {
        if (!prices.is_object()) {
            return fail("regions." + region + " is not an object of prices");
        }
        auto& into = table.regions[region];
        for (const auto& [key, value] : prices.items()) {
            if (!value.is_number() || value.get<double>() < 0) {
                return fail("regions." + region + "." + key + " is not a price (" + value.dump() +
                            ")");
            }
            into[key] = value.get<double>();
        }
    }
    return table;
}

std::string_view builtInPriceTableJson() {
    return kPriceTableJson;
}

const PriceTable& builtInPriceTable() {
    static const PriceTable table = [] {
        std::string error;
        auto parsed = parsePriceTable(kPriceTableJson, &error);
        // The build checks the file (tests/model/pricing); an empty table prices nothing.
        return parsed ? std::move(*parsed) : PriceTable{};
    }();
    return table;
}

}  // namespace skydraft
