// Copy, paste and duplicate: a fragment of the diagram with its content and inner connections,
// pasted with fresh ids, free CIDRs and a place on the canvas.
#pragma once

#include <QStringList>
#include <vector>

#include "diagram.h"
#include "document/document_edit.h"
#include "document/placement.h"

namespace skydraft {

/// The designer's clipboard. It holds copied elements by value, so a copy outlives edits and
/// undo of what was copied.
class Clipboard {
public:
    /// Elements (each with everything inside it) and the connections among them.
    struct Fragment {
        std::vector<Element> elements;
        std::vector<Connection> connections;
    };

    Clipboard(EditContext& context, const Placement& placement)
        : m_context(context), m_placement(placement) {}

    bool empty() const { return m_fragment.elements.empty(); }
    std::size_t size() const { return m_fragment.elements.size(); }
    /// Forgets the number of pastes (a new document: the next paste is the first).
    void resetOffset() { m_pasteCount = 0; }

    /// The selected elements with their content, and the connections among them.
    Fragment fragmentOf(const QStringList& selection) const;
    /// Copies the selection; false when it holds no element.
    bool copy(const QStringList& selection);
    /// Pastes the clipboard, each paste 30 units further from the original.
    DocumentEdit paste();
    /// Pastes a copy of the selection beside it.
    DocumentEdit duplicate(const QStringList& selection) const;

private:
    /// The fragment with new ids (the kinds' prefixes), moved by offset (top-level containers
    /// go beside the diagram instead), re-parented into the container under each top element,
    /// CIDRs that would collide re-allocated; one command named text.
    DocumentEdit pasteFragment(const Fragment& fragment, double offset, const QString& text) const;
    const Diagram& diagram() const { return m_context.diagram; }

    EditContext& m_context;
    const Placement& m_placement;
    Fragment m_fragment;
    int m_pasteCount = 0;
};

}  // namespace skydraft
