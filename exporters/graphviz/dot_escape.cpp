// Escaping of untrusted text (names, CIDRs, rule ids) written into DOT.
#include "dot_escape.h"

namespace skydraft {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

/// Length of the valid UTF-8 sequence starting at text[i], or 0 if it is invalid.
std::size_t utf8SequenceLength(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    std::size_t length = 0;
    unsigned min = 0;
    unsigned code = 0;
    if (lead < 0x80) {
        return 1;
    } else if ((lead & 0xE0) == 0xC0) {
        length = 2, min = 0x80, code = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, min = 0x800, code = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, min = 0x10000, code = lead & 0x07;
    } else {
        return 0;
    }
    if (i + length > text.size()) {
        return 0;
    }
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            return 0;
        }
        code = (code << 6) | (byte(i + k) & 0x3F);
    }
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
        return 0;
    }
    return length;
}

}  // namespace

std::string sanitizeText(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = utf8SequenceLength(text, i);
        if (length == 0) {
            out += kReplacement;
            ++i;
            continue;
        }
        if (length == 1) {
            const char c = text[i];
            if (c == '\r') {
                out += '\n';
                if (i + 1 < text.size() && text[i + 1] == '\n') {
                    ++i;
                }
            } else if (c == '\n') {
                out += '\n';
            } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
                out += ' ';
            } else {
                out += c;
            }
        } else {
            out.append(text.substr(i, length));
        }
        i += length;
    }
    return out;
}

std::string dotQuoted(std::string_view text) {
    std::string out = "\"";
    for (char c : sanitizeText(text)) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            default: out += c;
        }
    }
    out += '"';
    return out;
}

namespace {

std::string htmlEscape(std::string_view text, std::string_view newline) {
    std::string out;
    for (char c : sanitizeText(text)) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            // Graphviz expands \N, \G, ... even in HTML text; "\\" stands for one backslash.
            case '\\': out += "\\\\"; break;
            case '\n': out += newline; break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace

std::string htmlLabelText(std::string_view text) { return htmlEscape(text, "<BR/>"); }

std::string htmlAttributeText(std::string_view text) { return htmlEscape(text, " "); }

}  // namespace skydraft
