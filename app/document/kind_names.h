// The words the designer's messages use for kinds: "a Subnet", "An EC2 instance".
#pragma once

#include <cctype>
#include <string>
#include <string_view>

#include "catalogue/resource_catalogue.h"

namespace skydraft {

/// "a" or "an" and the word: "an instance", "a connection".
inline std::string withArticleWord(std::string_view word) {
    const char c = word.empty() ? 'x' : static_cast<char>(std::tolower(word[0]));
    const bool vowel = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    return (vowel ? "an " : "a ") + std::string(word);
}

/// "a" or "an" and the display name of an element or connection kind: "an Internet gateway".
inline std::string withArticle(std::string_view kind) {
    return withArticleWord(ResourceCatalogue::instance().displayName(kind));
}

/// The text with its first letter in upper case.
inline std::string capitalized(std::string text) {
    if (!text.empty()) {
        text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    }
    return text;
}

}  // namespace skydraft
