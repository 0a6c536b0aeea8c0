// Reading CloudFormation template text (JSON or YAML with short-form tags) into JSON.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace skydraft {

/// The parsed template, or an error with its 1-based position.
struct CfnTextResult {
    nlohmann::ordered_json value;
    std::string error;  ///< empty on success
    std::size_t line = 0;
    std::size_t column = 0;
    bool ok() const { return error.empty(); }
};

/// True when the text is JSON (its first non-blank character is '{').
bool looksLikeJson(std::string_view text);

/// Parses a template in JSON or YAML. YAML short forms (!Ref, !GetAtt A.B, !Sub, ...) become
/// their long JSON forms ({"Ref": ...}, {"Fn::GetAtt": ["A", "B"]}, ...); unquoted YAML
/// scalars that read as booleans or numbers become JSON booleans or numbers.
CfnTextResult parseCfnTemplateText(std::string_view text);

}  // namespace skydraft
