// Fuzz target: importing a CloudFormation template (JSON or YAML) never crashes or hangs; what
// imports exports again and re-imports to the same diagram.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "cloudformation_exporter.h"
#include "cloudformation_importer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const skydraft::CfnImportResult imported = skydraft::importCloudFormation(text);
    if (!imported) {
        if (!imported.error) {
            std::abort();  // a failure always explains itself
        }
        return 0;
    }
    const auto exported = skydraft::exportCloudFormation(*imported.diagram);
    const skydraft::CfnImportResult again = skydraft::importCloudFormation(exported.dump());
    if (!again) {
        std::abort();  // our own export must always import
    }
    return 0;
}
