// The inspector's parser of typed text: CIDRs, addresses, whole numbers, lists, tags, JSON.
#include "models/typed_text_parser.h"

#include <charconv>
#include <cstdint>

#include "cidr.h"
#include "json_text.h"

namespace skydraft {

using nlohmann::json;

namespace {

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::string quoted(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

TypedValue integer(std::string_view text) {
    if (text.empty()) {
        return {};
    }
    std::string_view digits = text.front() == '+' ? text.substr(1) : text;
    std::int64_t n = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (digits.empty() || digits.front() == '+' || error != std::errc() ||
        end != digits.data() + digits.size()) {
        return {nullptr, quoted(text) + " is not a whole number"};
    }
    return {n, {}};
}

TypedValue jsonText(std::string_view text) {
    if (text.empty()) {
        return {};
    }
    if (const auto offset = findExcessiveNesting(text, kMaxNestingDepth)) {
        return {nullptr, "nested deeper than " + std::to_string(kMaxNestingDepth) +
                             " levels (at character " + std::to_string(*offset + 1) + ")"};
    }
    json parsed = json::parse(text, nullptr, false);
    if (parsed.is_discarded()) {
        return {nullptr, "not valid JSON"};
    }
    return {std::move(parsed), {}};
}

}  // namespace

std::string_view TypedTextParser::trim(std::string_view text) {
    while (!text.empty() && isSpace(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && isSpace(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

std::vector<std::string> TypedTextParser::splitList(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == ',' || text[i] == ';' || text[i] == '\n') {
            const std::string_view item = trim(text.substr(start, i - start));
            if (!item.empty()) {
                out.emplace_back(item);
            }
            start = i + 1;
        }
    }
    return out;
}

std::string TypedTextParser::cidrError(std::string_view text, CidrFamily family) {
    const CidrParseResult r = family == CidrFamily::V6   ? parseIpv6Cidr(text)
                              : family == CidrFamily::V4 ? parseIpv4Cidr(text)
                                                         : parseCidr(text);
    if (r) {
        return {};
    }
    return quoted(text) + ": " + r.error + " (at character " + std::to_string(r.position + 1) + ")";
}

CidrFamily TypedTextParser::familyOf(const PropertyDef& def) {
    switch (def.type) {
        case PropertyType::Ipv4Cidr:
            return CidrFamily::V4;
        case PropertyType::Ipv6Cidr:
            return CidrFamily::V6;
        default:
            return def.key.find("ipv6") != std::string::npos ? CidrFamily::V6 : CidrFamily::Any;
    }
}

TypedValue TypedTextParser::parseTags(std::string_view text) {
    json tags = json::object();
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        const std::string_view line = trim(text.substr(start, end - start));
        start = end + 1;
        if (line.empty()) {
            continue;
        }
        const std::size_t eq = line.find('=');
        if (eq == std::string_view::npos || trim(line.substr(0, eq)).empty()) {
            return {nullptr, quoted(line) + ": write a tag as key=value"};
        }
        tags[std::string(trim(line.substr(0, eq)))] = std::string(trim(line.substr(eq + 1)));
    }
    return {std::move(tags), {}};
}

TypedValue TypedTextParser::parse(PropertyEditor editor, std::string_view typed,
                                  CidrFamily family) {
    const std::string_view text = trim(typed);
    switch (editor) {
        case PropertyEditor::Cidr:
            if (text.empty()) {
                return {};
            }
            return {std::string(text), cidrError(text, family)};
        case PropertyEditor::IpAddress: {
            if (text.empty()) {
                return {};
            }
            const CidrParseResult r = parseIpAddress(text);
            return {std::string(text), r ? std::string() : quoted(text) + ": " + r.error};
        }
        case PropertyEditor::CidrList:
        case PropertyEditor::StringList:
        case PropertyEditor::ReferenceList: {
            TypedValue out{json::array(), {}};
            for (auto& item : splitList(text)) {
                if (editor == PropertyEditor::CidrList && out.error.empty()) {
                    out.error = cidrError(item, family);
                }
                out.value.push_back(std::move(item));
            }
            return out;
        }
        case PropertyEditor::Integer:
            return integer(text);
        case PropertyEditor::Bool:
            if (text == "true" || text == "false") {
                return {text == "true", {}};
            }
            return {nullptr, quoted(text) + ": write true or false"};
        case PropertyEditor::Json:
        case PropertyEditor::Routes:
        case PropertyEditor::Rules:
        case PropertyEditor::AclEntries:
            return jsonText(text);
        case PropertyEditor::Text:
        case PropertyEditor::Choice:
        case PropertyEditor::Region:
        case PropertyEditor::Zone:
        case PropertyEditor::Reference:
            break;
    }
    return {std::string(typed), {}};
}

}  // namespace skydraft
