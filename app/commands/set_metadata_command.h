// Undo command that replaces one entry of the diagram's metadata (the access intents).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "commands/diagram_command.h"

namespace skydraft {

/// Swaps metadata[key] with the stored value on every redo and undo; a null value removes
/// the key.
class SetMetadataCommand : public DiagramCommand {
public:
    SetMetadataCommand(EditContext& context, const QString& text, std::string key,
                       nlohmann::json value, QUndoCommand* parent = nullptr);

protected:
    bool apply() override { return swap(); }
    void revert() override { swap(); }

private:
    bool swap();

    std::string m_key;
    nlohmann::json m_value;
};

}  // namespace skydraft
