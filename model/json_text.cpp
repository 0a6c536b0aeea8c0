// Positions, nesting and size limits for JSON text read from files.
#include "json_text.h"

namespace skydraft {

TextPosition positionAt(std::string_view text, std::size_t offset) {
    TextPosition position;
    const std::size_t end = offset < text.size() ? offset : text.size();
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++position.line;
            position.column = 1;
        } else {
            ++position.column;
        }
    }
    return position;
}

std::optional<std::size_t> findExcessiveNesting(std::string_view text, int maxDepth) {
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                inString = false;
            }
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > maxDepth) {
                return i;
            }
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return std::nullopt;
}

std::string documentTooLargeMessage(std::size_t bytes) {
    const auto mebibytes = [](std::size_t n) { return std::to_string((n + (1u << 20) - 1) >> 20); };
    return "the document is " + mebibytes(bytes) + " MB; Skydraft opens documents up to " +
           mebibytes(kMaxDocumentBytes) + " MB";
}

}  // namespace skydraft
