#include "commands/set_metadata_command.h"

#include <utility>

namespace skydraft {

SetMetadataCommand::SetMetadataCommand(EditContext& context, const QString& text, std::string key,
                                       nlohmann::json value, QUndoCommand* parent)
    : DiagramCommand(context, text, parent), m_key(std::move(key)), m_value(std::move(value)) {}

bool SetMetadataCommand::swap() {
    nlohmann::json metadata = diagram().metadata();
    if (!metadata.is_object()) {
        metadata = nlohmann::json::object();
    }
    nlohmann::json old;
    if (const auto it = metadata.find(m_key); it != metadata.end()) {
        old = std::move(*it);
        metadata.erase(it);
    }
    if (!m_value.is_null()) {
        metadata[m_key] = std::move(m_value);
    }
    diagram().setMetadata(std::move(metadata));
    m_value = std::move(old);
    return true;
}

}  // namespace skydraft
