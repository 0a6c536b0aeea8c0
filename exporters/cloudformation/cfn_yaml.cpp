// YAML and JSON template parsing, with CloudFormation's short-form tags turned into long forms.
#include "cfn_yaml.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <regex>
#include <unordered_set>
#include <vector>

#include "json_text.h"
#include "template/intrinsic_functions.h"

namespace skydraft {

using nlohmann::ordered_json;

namespace {

bool isInteger(const std::string& s) {
    static const std::regex pattern(R"([-+]?(0|[1-9][0-9]*))");
    return std::regex_match(s, pattern);
}

bool isFloat(const std::string& s) {
    static const std::regex pattern(R"([-+]?(0|[1-9][0-9]*)?\.[0-9]+([eE][-+]?[0-9]+)?)");
    return std::regex_match(s, pattern);
}

ordered_json plainScalar(const std::string& s) {
    if (s == "true" || s == "True" || s == "TRUE")
        return true;
    if (s == "false" || s == "False" || s == "FALSE")
        return false;
    if (s == "null" || s == "Null" || s == "NULL" || s == "~")
        return nullptr;
    if (s.size() < 19 && isInteger(s))
        return std::stoll(s);
    if (isFloat(s))
        return std::stod(s);
    return s;
}

ordered_json convert(const YAML::Node& node, const std::string& where);

/// A key repeated in one mapping or object: CloudFormation refuses the template, and keeping
/// either value silently could hide a resource.
struct DuplicateKey {
    std::string message;
    YAML::Mark mark;
};

std::string duplicateKeyMessage(const std::string& key, const std::string& where) {
    return "the key \"" + key + "\" appears twice in " +
           (where.empty() ? std::string("the template") : where);
}

/// A YAML tag CloudFormation does not define (`!Nonsense 10.0.0.0/16`): CloudFormation refuses
/// the template, and reading the value as a plain string would hide the mistake.
struct UnknownTag {
    std::string message;
    YAML::Mark mark;
};

/// Long form of a short-form tag such as "!GetAtt", applied to its already converted value.
ordered_json applyTag(const std::string& tag, ordered_json value) {
    const std::string name = tag.substr(1);
    if (name == "Ref")
        return ordered_json{{"Ref", std::move(value)}};
    if (name == "Condition")
        return ordered_json{{"Condition", std::move(value)}};
    if (name == "GetAtt" && value.is_string()) {
        const std::string text = value.get<std::string>();
        const auto dot = text.find('.');
        ordered_json parts = ordered_json::array();
        parts.push_back(text.substr(0, dot));
        parts.push_back(dot == std::string::npos ? std::string() : text.substr(dot + 1));
        return ordered_json{{"Fn::GetAtt", std::move(parts)}};
    }
    return ordered_json{{"Fn::" + name, std::move(value)}};
}

ordered_json convert(const YAML::Node& node, const std::string& where) {
    ordered_json value;
    switch (node.Type()) {
        case YAML::NodeType::Null:
        case YAML::NodeType::Undefined:
            value = node.Tag().size() > 1 && node.Tag() != "?" ? ordered_json("") : ordered_json();
            break;
        case YAML::NodeType::Scalar:
            value = node.Tag() == "?" ? plainScalar(node.Scalar()) : ordered_json(node.Scalar());
            break;
        case YAML::NodeType::Sequence:
            value = ordered_json::array();
            for (const auto& item : node) {
                value.push_back(convert(item, where));
            }
            break;
        case YAML::NodeType::Map:
            value = ordered_json::object();
            for (const auto& item : node) {
                const std::string key = item.first.as<std::string>();
                const std::string inner = where.empty() ? key : where + "." + key;
                if (!value.emplace(key, convert(item.second, inner)).second) {
                    throw DuplicateKey{duplicateKeyMessage(key, where), item.first.Mark()};
                }
            }
            break;
    }
    const std::string& tag = node.Tag();
    if (tag.size() > 1 && tag[0] == '!' && tag.rfind("tag:", 0) != 0) {
        if (!isCloudFormationTag(std::string_view(tag).substr(1))) {
            throw UnknownTag{"the YAML tag " + tag +
                                 " is not a CloudFormation function (short forms are !Ref, "
                                 "!GetAtt, !Sub, !Select, !GetAZs, !Join, !If, ...)",
                             node.Mark()};
        }
        return applyTag(tag, std::move(value));
    }
    return value;
}

std::string tooManyKeysMessage() {
    return "an object has more than " + std::to_string(kMaxTemplateObjectKeys) +
           " keys; Skydraft imports templates with up to " +
           std::to_string(kMaxTemplateObjectKeys) + " keys in an object";
}

/// Walks a YAML node graph the way convert() will, building nothing, and stops at the first
/// thing convert() must not meet: a node that contains itself through an alias (convert()
/// would never end), nesting deeper than kMaxNestingDepth (convert() recurses), or more than
/// kMaxTemplateValues values after expanding aliases (the JSON copies every aliased node).
class ExpansionCheck {
public:
    /// True when convert(node) is safe; otherwise error and mark say why and where.
    bool visit(const YAML::Node& node) {
        if (++m_values > kMaxTemplateValues) {
            return refuse(node, "the template has more than " + std::to_string(kMaxTemplateValues) +
                                    " values, counting every copy a YAML alias makes; Skydraft "
                                    "imports templates of up to " +
                                    std::to_string(kMaxTemplateValues) + " values");
        }
        if (!node.IsSequence() && !node.IsMap()) {
            return true;
        }
        if (node.IsMap() && node.size() > kMaxTemplateObjectKeys) {
            return refuse(node, tooManyKeysMessage());
        }
        for (const YAML::Node& ancestor : m_path) {
            if (ancestor.is(node)) {
                return refuse(node, "a YAML alias refers to a node that contains it");
            }
        }
        if (m_path.size() >= static_cast<std::size_t>(kMaxNestingDepth)) {
            return refuse(node, "arrays and objects are nested more than " +
                                    std::to_string(kMaxNestingDepth) + " levels deep");
        }
        m_path.push_back(node);
        bool ok = true;
        if (node.IsSequence()) {
            for (const auto& item : node) {
                if (!(ok = visit(item))) {
                    break;
                }
            }
        } else {
            for (const auto& item : node) {
                if (!(ok = visit(item.first) && visit(item.second))) {
                    break;
                }
            }
        }
        m_path.pop_back();
        return ok;
    }

    std::string error;
    YAML::Mark mark;

private:
    bool refuse(const YAML::Node& node, std::string message) {
        error = std::move(message);
        mark = node.Mark();
        return false;
    }

    std::size_t m_values = 0;
    std::vector<YAML::Node> m_path;  ///< the sequences and mappings being walked, outermost first
};

/// ordered_json::parse, refusing a key repeated in one object (the parser keeps the last).
ordered_json parseJsonWithoutDuplicateKeys(std::string_view text) {
    struct Open {
        bool object = false;
        std::unordered_set<std::string> keys;
        std::string key;  ///< the key being read
    };
    std::vector<Open> open;
    const auto where = [&open] {
        std::string path;
        for (std::size_t i = 0; i + 1 < open.size(); ++i) {
            if (open[i].object) {
                path += (path.empty() ? "" : ".") + open[i].key;
            }
        }
        return path;
    };
    return ordered_json::parse(
        text, [&](int, ordered_json::parse_event_t event, ordered_json& parsed) {
            using Event = ordered_json::parse_event_t;
            if (event == Event::object_start || event == Event::array_start) {
                open.push_back({event == Event::object_start, {}, {}});
            } else if (event == Event::object_end || event == Event::array_end) {
                open.pop_back();
            } else if (event == Event::key) {
                const std::string key = parsed.get<std::string>();
                if (!open.back().keys.insert(key).second) {
                    throw DuplicateKey{duplicateKeyMessage(key, where()), YAML::Mark::null_mark()};
                }
                open.back().key = key;
            }
            return true;
        });
}

}  // namespace

bool looksLikeJson(std::string_view text) {
    const auto it = std::find_if(text.begin(), text.end(), [](char c) {
        return !std::isspace(static_cast<unsigned char>(c));
    });
    return it != text.end() && *it == '{';
}

CfnTextResult parseCfnTemplateText(std::string_view text) {
    CfnTextResult result;
    if (looksLikeJson(text)) {
        if (const auto deep = findExcessiveNesting(text, kMaxNestingDepth)) {
            const TextPosition at = positionAt(text, *deep);
            result.error = "arrays and objects are nested more than " +
                           std::to_string(kMaxNestingDepth) + " levels deep";
            result.line = at.line;
            result.column = at.column;
            return result;
        }
        if (const auto crowded = findCrowdedObject(text, kMaxTemplateObjectKeys)) {
            const TextPosition at = positionAt(text, *crowded);
            result.error = tooManyKeysMessage();
            result.line = at.line;
            result.column = at.column;
            return result;
        }
        try {
            result.value = parseJsonWithoutDuplicateKeys(text);
        } catch (const DuplicateKey& duplicate) {
            result.error = duplicate.message;
        } catch (const nlohmann::json::parse_error& e) {
            // "[json.exception.parse_error.101] parse error at line 1, column 82: syntax error
            // while parsing value - ..." -> "not valid JSON: syntax error while parsing ..."
            const std::string what = e.what();
            const auto start = what.find(": ");
            result.error =
                "not valid JSON: " + (start == std::string::npos ? what : what.substr(start + 2));
            std::size_t line = 1;
            std::size_t column = 1;
            for (std::size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
                if (text[i] == '\n') {
                    ++line;
                    column = 1;
                } else {
                    ++column;
                }
            }
            result.line = line;
            result.column = column;
        } catch (const nlohmann::json::exception& e) {
            // Not a syntax error: a number too large for a double (1e999) and the like.
            const std::string what = e.what();
            const auto bracket = what.find("] ");
            result.error = "not valid JSON: " +
                           (bracket == std::string::npos ? what : what.substr(bracket + 2));
        }
        return result;
    }
    if (text.size() > kMaxYamlTemplateBytes) {
        const auto mebibytes = [](std::size_t n) {
            return std::to_string((n + (1u << 20) - 1) >> 20);
        };
        result.error = "the YAML template is " + mebibytes(text.size()) +
                       " MB; Skydraft imports YAML templates of up to " +
                       mebibytes(kMaxYamlTemplateBytes) + " MB (JSON ones up to " +
                       mebibytes(kMaxDocumentBytes) + " MB)";
        return result;
    }
    try {
        const YAML::Node root = YAML::Load(std::string(text));
        ExpansionCheck check;
        if (!check.visit(root)) {
            result.error = check.error;
            result.line = static_cast<std::size_t>(check.mark.line + 1);
            result.column = static_cast<std::size_t>(check.mark.column + 1);
            return result;
        }
        result.value = convert(root, {});
    } catch (const DuplicateKey& duplicate) {
        result.error = duplicate.message;
        result.line = static_cast<std::size_t>(duplicate.mark.line + 1);
        result.column = static_cast<std::size_t>(duplicate.mark.column + 1);
    } catch (const UnknownTag& unknown) {
        result.error = unknown.message;
        result.line = static_cast<std::size_t>(unknown.mark.line + 1);
        result.column = static_cast<std::size_t>(unknown.mark.column + 1);
    } catch (const YAML::DeepRecursion& e) {
        result.error = "arrays and objects are nested more than " +
                       std::to_string(kMaxNestingDepth) + " levels deep";
        result.line = static_cast<std::size_t>(e.mark.line + 1);
        result.column = static_cast<std::size_t>(e.mark.column + 1);
    } catch (const YAML::Exception& e) {
        result.error = e.msg;
        result.line = static_cast<std::size_t>(e.mark.line + 1);
        result.column = static_cast<std::size_t>(e.mark.column + 1);
    }
    return result;
}

}  // namespace skydraft
