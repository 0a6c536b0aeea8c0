// Logical ids of a diagram's export, read from the layout metadata the exporter writes.
#include "cfn_logical_ids.h"

#include "cfn_layout_metadata.h"
#include "cloudformation_exporter.h"

namespace skydraft {

std::map<std::string, std::string> cloudFormationLogicalIds(const Diagram& diagram) {
    std::map<std::string, std::string> ids;
    const nlohmann::ordered_json exported = exportCloudFormation(diagram);
    const auto metadata = exported.find("Metadata");
    if (metadata == exported.end() || !metadata->contains(std::string(cfn::layout::kMetadataKey))) {
        return ids;
    }
    const auto& layout = (*metadata)[std::string(cfn::layout::kMetadataKey)];
    for (const char* section : {"elements", "connections"}) {
        if (!layout.contains(section)) {
            continue;
        }
        for (const auto& entry : layout[section]) {
            if (entry.contains("id") && entry.contains("logicalId") && entry["id"].is_string() &&
                entry["logicalId"].is_string()) {
                ids[entry["id"].get<std::string>()] = entry["logicalId"].get<std::string>();
            }
        }
    }
    return ids;
}

}  // namespace skydraft
