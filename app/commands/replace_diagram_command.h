// Undo command that replaces the whole document's content (a recovery, a reload from disk).
#pragma once

#include "commands/diagram_command.h"

namespace skydraft {

/// Swaps the document's name, metadata, elements and connections with the stored diagram's on
/// every redo and undo, through Diagram's checked edits (so the edit journal records it).
class ReplaceDiagramCommand : public DiagramCommand {
public:
    ReplaceDiagramCommand(EditContext& context, const QString& text, Diagram content,
                          QUndoCommand* parent = nullptr);

protected:
    bool apply() override { return swap(); }
    void revert() override { swap(); }

private:
    bool swap();

    Diagram m_content;
};

}  // namespace skydraft
