// Fuzz target: the CIDR parser never crashes, and what it accepts prints and re-parses to itself.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "cidr.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto parsed = skydraft::parseCidr(text);
    if (!parsed) {
        if (parsed.error.empty() || parsed.position > text.size()) {
            std::abort();  // every failure says what and where, within the input
        }
        return 0;
    }
    const skydraft::Cidr& cidr = *parsed.cidr;
    const auto again = skydraft::parseCidr(cidr.toString());
    if (!again || !(*again.cidr == cidr.canonical() || *again.cidr == cidr)) {
        std::abort();
    }
    if (!cidr.contains(cidr.canonical()) || !cidr.overlaps(cidr)) {
        std::abort();
    }
    const auto free = skydraft::nextFreeBlock(cidr, {cidr.canonical()}, cidr.prefix());
    if (free.has_value()) {
        std::abort();  // a block that is fully used has no free block of its own size
    }
    return 0;
}
