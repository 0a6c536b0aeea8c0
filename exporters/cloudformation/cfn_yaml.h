// Reading CloudFormation template text (JSON or YAML with short-form tags) into JSON.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace skydraft {

/// The largest YAML template parsed (JSON templates may reach kMaxDocumentBytes): yaml-cpp
/// takes up to 150 bytes of memory and about a microsecond per byte of YAML, so 64 MB could
/// need 10 GB. Four times CloudFormation's own limit of 1 MB.
inline constexpr std::size_t kMaxYamlTemplateBytes = 4u * 1024u * 1024u;

/// The most values (scalars, sequences and mappings, counting keys) a YAML template may
/// expand to once its aliases are resolved. yaml-cpp shares an aliased node, but the JSON form
/// copies it at every alias, so a few lines of aliases of aliases ("billion laughs") could
/// otherwise expand to billions of values. Far above any real template (CloudFormation allows
/// 500 resources in 1 MB).
inline constexpr std::size_t kMaxTemplateValues = 1'000'000;
/// The most keys one object (JSON) or mapping (YAML) of a template may have. The JSON form
/// keeps the template's key order, which makes every insertion a linear search: 10,000 keys
/// cost a fraction of a second, a million would take hours. CloudFormation allows 500
/// resources, 200 parameters, outputs and mappings.
inline constexpr std::size_t kMaxTemplateObjectKeys = 10'000;

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
/// Refuses, before building anything, YAML over kMaxYamlTemplateBytes, JSON nested deeper than
/// kMaxNestingDepth and YAML whose aliases nest deeper than that, refer to a node that contains
/// them (a cycle), or expand to more than kMaxTemplateValues values, and objects with more than
/// kMaxTemplateObjectKeys keys.
CfnTextResult parseCfnTemplateText(std::string_view text);

}  // namespace skydraft
