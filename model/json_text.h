// Helpers for JSON text from untrusted files: positions, nesting limits, size limits.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace skydraft {

/// The largest document Skydraft opens (native files and CloudFormation templates): 64 MiB.
/// CloudFormation's own template limit is 1 MB; anything far above this is not a diagram.
inline constexpr std::size_t kMaxDocumentBytes = 64u * 1024u * 1024u;
/// The deepest nesting of arrays and objects accepted in a document.
inline constexpr int kMaxNestingDepth = 100;

/// A 1-based line and column in a text.
struct TextPosition {
    std::size_t line = 1;
    std::size_t column = 1;
};

/// The line and column of a byte offset (counted in bytes; offsets past the end clamp).
TextPosition positionAt(std::string_view text, std::size_t offset);

/// Scans JSON text for arrays/objects nested deeper than maxDepth (ignoring brackets inside
/// strings). Returns the offset of the first bracket that goes too deep, or nullopt. O(n),
/// no recursion, so hostile input cannot exhaust the stack before the parser sees it.
std::optional<std::size_t> findExcessiveNesting(std::string_view text, int maxDepth);

/// Scans JSON text for an object with more than maxKeys keys. Returns the offset of the ':'
/// after the first key too many, or nullopt. O(n), like findExcessiveNesting.
std::optional<std::size_t> findCrowdedObject(std::string_view text, std::size_t maxKeys);

/// The offset of the first byte that is not part of well-formed UTF-8 (overlong forms,
/// surrogates and code points above U+10FFFF included), or nullopt when the text is valid.
std::optional<std::size_t> findInvalidUtf8(std::string_view text);

/// "the document is 105 MB; Skydraft opens documents up to 64 MB"
std::string documentTooLargeMessage(std::size_t bytes);

/// For a stream whose size is not known in advance, once it has passed the limit:
/// "the document is larger than 64 MB; Skydraft opens documents up to 64 MB"
std::string documentOverLimitMessage();

}  // namespace skydraft
