// What an intent on the document becomes: one undo command, or the reason it is refused.
#pragma once

#include <QString>
#include <QStringList>
#include <memory>
#include <string>

#include "commands/diagram_command.h"

namespace skydraft {

/// The outcome of turning an intent (a drop, a move, a connection, a paste) into an edit: a
/// command for the controller to push as one undo step and the ids to select once it is
/// done, or, when the intent cannot be honoured, no command and the reason.
struct DocumentEdit {
    std::unique_ptr<DiagramCommand> command;
    QStringList select;
    QString result;  ///< what the intent returns: the new element or connection, the table routed
    std::string refusal;

    static DocumentEdit refused(std::string reason) {
        DocumentEdit edit;
        edit.refusal = std::move(reason);
        return edit;
    }
    explicit operator bool() const { return command != nullptr; }
};

}  // namespace skydraft
