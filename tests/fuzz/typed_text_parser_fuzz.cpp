// Fuzz target: the inspector's typed-text parser never crashes, every failure says why, and
// what it accepts has the shape its editor promises.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "models/typed_text_parser.h"

namespace {

using skydraft::CidrFamily;
using skydraft::PropertyEditor;
using skydraft::TypedTextParser;

constexpr int kEditors = static_cast<int>(PropertyEditor::Json) + 1;

void require(bool condition) {
    if (!condition) {
        std::abort();
    }
}

}  // namespace

// The first byte picks the editor and the CIDR family; the rest is the typed text.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    const auto editor = static_cast<PropertyEditor>(data[0] % kEditors);
    const auto family = static_cast<CidrFamily>((data[0] / kEditors) % 3);
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    const skydraft::TypedValue parsed = TypedTextParser::parse(editor, text, family);
    const bool blank = TypedTextParser::trim(text).empty();
    switch (editor) {
        case PropertyEditor::Integer:
            require(parsed.ok()
                        ? (blank ? parsed.value.is_null() : parsed.value.is_number_integer())
                        : !parsed.error.empty());
            break;
        case PropertyEditor::CidrList:
        case PropertyEditor::StringList:
        case PropertyEditor::ReferenceList:
            require(parsed.value.is_array());
            for (const auto& item : parsed.value) {
                require(item.is_string() && !item.get<std::string>().empty());
            }
            break;
        case PropertyEditor::Cidr:
            require(blank ? parsed.value.is_null() && parsed.ok() : parsed.value.is_string());
            if (parsed.ok() && !blank) {
                require(
                    TypedTextParser::cidrError(parsed.value.get<std::string>(), family).empty());
            }
            break;
        case PropertyEditor::Bool:
            require(parsed.ok() == parsed.value.is_boolean());
            break;
        default:
            break;
    }
    const skydraft::TypedValue tags = TypedTextParser::parseTags(text);
    require(tags.ok() ? tags.value.is_object() : !tags.error.empty());
    if (tags.ok()) {
        for (const auto& [key, value] : tags.value.items()) {
            require(!key.empty() && value.is_string());
        }
    }
    return 0;
}
