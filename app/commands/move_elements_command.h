// Undo command that moves or resizes elements: a whole drag, or consecutive arrow-key nudges, is
// one step.
#pragma once

#include <vector>

#include "commands/diagram_command.h"

namespace skydraft {

/// Sets new geometries for a set of elements. Consecutive nudges of the same elements merge
/// into one step (mergeWith) when they are marked mergeable.
class MoveElementsCommand : public DiagramCommand {
public:
    struct Change {
        Id id;
        Geometry before;
        Geometry after;
    };
    MoveElementsCommand(EditContext& context, const QString& text, std::vector<Change> changes,
                        bool mergeable = false, QUndoCommand* parent = nullptr);

    int id() const override { return m_mergeable ? 0x5d0001 : -1; }
    bool mergeWith(const QUndoCommand* other) override;

protected:
    bool apply() override;
    void revert() override;

private:
    std::vector<Change> m_changes;
    bool m_mergeable;
};

}  // namespace skydraft
