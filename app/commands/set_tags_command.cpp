// The tags undo command.
#include "commands/set_tags_command.h"

namespace skydraft {

SetTagsCommand::SetTagsCommand(EditContext& context, const QString& text, Id id,
                               std::map<std::string, std::string> tags, QUndoCommand* parent)
    : DiagramCommand(context, text, parent), m_id(std::move(id)), m_tags(std::move(tags)) {}

bool SetTagsCommand::swap() {
    const Element* e = diagram().element(m_id);
    if (!e) {
        return fail("nothing with the id \"" + m_id + "\"");
    }
    std::map<std::string, std::string> old = e->tags;
    if (Status s = diagram().setTags(m_id, m_tags); !s) {
        return fail(s.error);
    }
    m_tags = std::move(old);
    return true;
}

}  // namespace skydraft
