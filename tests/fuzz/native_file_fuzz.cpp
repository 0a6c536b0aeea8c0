// Fuzz target: loading a .skydraft never crashes; what loads saves and reloads to the same diagram.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "diagram_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const skydraft::LoadResult result = skydraft::loadDiagram(text);
    if (!result) {
        if (!result.error || result.error->message.empty()) {
            std::abort();
        }
        return 0;
    }
    const std::string saved = skydraft::saveDiagram(*result.diagram);
    const skydraft::LoadResult again = skydraft::loadDiagram(saved);
    if (!again || !(*again.diagram == *result.diagram)) {
        std::abort();
    }
    return 0;
}
