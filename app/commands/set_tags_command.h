// Undo command that replaces an element's tags.
#pragma once

#include <map>
#include <string>

#include "commands/diagram_command.h"

namespace skydraft {

/// Swaps the element's tags with the stored ones on every redo and undo.
class SetTagsCommand : public DiagramCommand {
public:
    SetTagsCommand(EditContext& context, const QString& text, Id id,
                   std::map<std::string, std::string> tags, QUndoCommand* parent = nullptr);

protected:
    bool apply() override { return swap(); }
    void revert() override { swap(); }

private:
    bool swap();

    Id m_id;
    std::map<std::string, std::string> m_tags;
};

}  // namespace skydraft
