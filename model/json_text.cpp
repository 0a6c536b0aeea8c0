// Positions, nesting and size limits for JSON text read from files.
#include "json_text.h"

#include <vector>

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

namespace {

/// Calls visit(offset, c) for every '[', '{', ']', '}' and ':' of JSON text that is not inside
/// a string, until visit returns true; returns that offset, or nullopt.
template <typename Visit>
std::optional<std::size_t> findStructural(std::string_view text, Visit visit) {
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
        } else if ((c == '[' || c == '{' || c == ']' || c == '}' || c == ':') && visit(i, c)) {
            return i;
        }
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::size_t> findExcessiveNesting(std::string_view text, int maxDepth) {
    int depth = 0;
    return findStructural(text, [&](std::size_t, char c) {
        if (c == '[' || c == '{') {
            return ++depth > maxDepth;
        }
        if (c == ']' || c == '}') {
            --depth;
        }
        return false;
    });
}

std::optional<std::size_t> findCrowdedObject(std::string_view text, std::size_t maxKeys) {
    // A ':' outside strings always follows a key of the innermost open object.
    std::vector<std::size_t> keys;  // per open array or object
    return findStructural(text, [&](std::size_t, char c) {
        if (c == '[' || c == '{') {
            keys.push_back(0);
        } else if (c == ']' || c == '}') {
            if (!keys.empty()) {
                keys.pop_back();
            }
        } else if (!keys.empty() && ++keys.back() > maxKeys) {
            return true;
        }
        return false;
    });
}

std::optional<std::size_t> findInvalidUtf8(std::string_view text) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = byte(i);
        std::size_t length = 0;
        unsigned int codePoint = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            length = 2;
            codePoint = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
            codePoint = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4;
            codePoint = c & 0x07;
        } else {
            return i;
        }
        if (i + length > text.size()) {
            return i;
        }
        for (std::size_t k = 1; k < length; ++k) {
            if ((byte(i + k) & 0xC0) != 0x80) {
                return i;
            }
            codePoint = (codePoint << 6) | (byte(i + k) & 0x3F);
        }
        const unsigned int minimum = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
        if (codePoint < minimum || codePoint > 0x10FFFF ||
            (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
            return i;
        }
        i += length;
    }
    return std::nullopt;
}

namespace {

std::string mebibytes(std::size_t n) {
    return std::to_string((n + (1u << 20) - 1) >> 20);
}

}  // namespace

std::string documentTooLargeMessage(std::size_t bytes) {
    return "the document is " + mebibytes(bytes) + " MB; Skydraft opens documents up to " +
           mebibytes(kMaxDocumentBytes) + " MB";
}

std::string documentOverLimitMessage() {
    return "the document is larger than " + mebibytes(kMaxDocumentBytes) +
           " MB; Skydraft opens documents up to " + mebibytes(kMaxDocumentBytes) + " MB";
}

}  // namespace skydraft
