// The import's checks of a template's text before it is parsed, and the parse itself.
#include "cfn_template_reader.h"

#include "cfn_yaml.h"
#include "json_text.h"

namespace skydraft::cfn {

namespace {

TemplateText refused(std::string message, std::size_t line = 0, std::size_t column = 0) {
    TemplateText result;
    result.error = CfnImportError{"", std::move(message), line, column};
    return result;
}

}  // namespace

TemplateText readTemplateText(std::string_view text) {
    if (text.size() > kMaxDocumentBytes) {
        return refused(documentTooLargeMessage(text.size()));
    }
    if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
        // YAML stops reading at a NUL byte; whatever follows would be silently lost.
        const TextPosition at = positionAt(text, nul);
        return refused("the template has a NUL byte", at.line, at.column);
    }
    if (const auto bad = findInvalidUtf8(text)) {
        // YAML would carry the bytes into names that no JSON writer can print later.
        const TextPosition at = positionAt(text, *bad);
        return refused("the template is not valid UTF-8", at.line, at.column);
    }
    CfnTextResult parsed = parseCfnTemplateText(text);
    if (!parsed.ok()) {
        return refused(parsed.error, parsed.line, parsed.column);
    }
    try {
        // YAML escapes ("\x85") can decode to bytes that are not UTF-8 even in a valid text;
        // such a string would make every later JSON writer throw.
        (void)parsed.value.dump();
    } catch (const nlohmann::json::type_error&) {
        return refused(
            "the template has a string that is not valid UTF-8 (an escape such as \\x85 in a "
            "YAML string)");
    }
    TemplateText result;
    result.value = std::move(parsed.value);
    return result;
}

}  // namespace skydraft::cfn
