// Fuzz target: reading a Price List offer file never crashes and fails with a reason; what reads
// gives finite, non-negative prices that refresh the built-in table into a readable table.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "pricing/price_list_offer.h"
#include "pricing/price_table.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::string error;
    const auto offer = skydraft::parsePriceListOffer(text, nullptr, &error);
    if (!offer) {
        if (error.empty()) {
            std::abort();
        }
        return 0;
    }
    for (const skydraft::OfferPrice& price : offer->prices) {
        if (price.region.empty() || price.key.empty() || !std::isfinite(price.usd) ||
            price.usd < 0) {
            std::abort();
        }
    }
    const auto refresh =
        skydraft::applyOfferPrices(skydraft::builtInPriceTableJson(), {*offer}, {}, &error);
    if (!refresh || !skydraft::parsePriceTable(refresh->table.dump(2), &error)) {
        std::abort();
    }
    return 0;
}
