// The base of every undo command: edits one Diagram, and refuses cleanly when an edit fails.
#pragma once

#include <QUndoCommand>
#include <string>

#include "diagram.h"

namespace skydraft {

/// Where commands apply their edits and report a failure. The controller owns one.
struct EditContext {
    Diagram& diagram;
    std::string error;  ///< the last failed edit's message
};

/// An undoable edit of the diagram. Subclasses implement apply() and revert(); a command whose
/// apply() fails reverts what it did and marks itself obsolete, so that QUndoStack::push
/// drops it and the document stays as it was. Children (QUndoCommand parent) run in order and
/// are reverted in reverse order as one step.
class DiagramCommand : public QUndoCommand {
public:
    explicit DiagramCommand(EditContext& context, const QString& text = {},
                            QUndoCommand* parent = nullptr);

    void redo() final;
    void undo() final;

protected:
    /// Performs the edit; false (after undoing any partial work) when it cannot be done.
    virtual bool apply() { return true; }
    /// Reverses a successful apply().
    virtual void revert() {}
    /// Records the reason of a failure for the controller.
    bool fail(const std::string& message);

    EditContext& m_context;
    Diagram& diagram() { return m_context.diagram; }
};

/// A named group of commands that is one undo step (a drop that also grows its container).
class CompositeCommand : public DiagramCommand {
public:
    explicit CompositeCommand(EditContext& context, const QString& text)
        : DiagramCommand(context, text) {}
};

}  // namespace skydraft
