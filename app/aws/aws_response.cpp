// AWS answers (XML through QXmlStreamReader, JSON through nlohmann) into JSON items.
#include "aws/aws_response.h"

#include <QXmlStreamReader>
#include <map>

namespace skydraft::aws {

using nlohmann::json;

namespace {

constexpr int kMaxDepth = 100;
constexpr qsizetype kMaxBodyBytes = 64 * 1024 * 1024;

const json& nullJson() {
    static const json value;
    return value;
}

struct OpenElement {
    std::string name;
    std::vector<std::pair<std::string, json>> children;
    std::string text;
};

/// The children by name; a name that repeats maps to an array of its elements, in order.
json childrenObject(std::vector<std::pair<std::string, json>>& children) {
    std::map<std::string, std::size_t> counts;
    for (const auto& child : children) {
        ++counts[child.first];
    }
    json object = json::object();
    for (auto& [name, value] : children) {
        if (counts[name] > 1) {
            object[name].push_back(std::move(value));
        } else {
            object[name] = std::move(value);
        }
    }
    return object;
}

std::string stringOf(std::string_view view) {
    return std::string(view);
}

}  // namespace

std::optional<json> xmlToJson(const QByteArray& xml, std::string* error) {
    if (xml.size() > kMaxBodyBytes) {
        *error = "the answer is larger than 64 MB";
        return std::nullopt;
    }
    QXmlStreamReader reader(xml);
    std::vector<OpenElement> stack;
    json root;
    bool done = false;
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            if (done) {
                *error = "more than one root element";
                return std::nullopt;
            }
            if (stack.size() >= static_cast<std::size_t>(kMaxDepth)) {
                *error = "the answer nests deeper than " + std::to_string(kMaxDepth) + " levels";
                return std::nullopt;
            }
            stack.push_back({reader.name().toString().toStdString(), {}, {}});
        } else if (token == QXmlStreamReader::Characters && !stack.empty()) {
            stack.back().text += reader.text().toString().toStdString();
        } else if (token == QXmlStreamReader::EndElement && !stack.empty()) {
            OpenElement element = std::move(stack.back());
            stack.pop_back();
            json value;
            if (element.children.empty()) {
                value = std::move(element.text);
            } else {
                value = childrenObject(element.children);
            }
            if (stack.empty()) {
                root = json::object({{element.name, std::move(value)}});
                done = true;
            } else {
                stack.back().children.emplace_back(element.name, std::move(value));
            }
        }
    }
    if (reader.hasError()) {
        *error = "malformed XML at line " + std::to_string(reader.lineNumber()) + ", column " +
                 std::to_string(reader.columnNumber()) + ": " + reader.errorString().toStdString();
        return std::nullopt;
    }
    if (!done) {
        *error = "the answer has no XML element";
        return std::nullopt;
    }
    return root;
}

std::optional<Page> parsePage(const ApiCall& call, const QByteArray& body, std::string* error) {
    json result;
    if (call.protocol == Protocol::RestJson || call.protocol == Protocol::Json10) {
        if (body.size() > kMaxBodyBytes) {
            *error = "the answer is larger than 64 MB";
            return std::nullopt;
        }
        result = json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
        if (result.is_discarded() || !result.is_object()) {
            *error = "the answer is not a JSON object";
            return std::nullopt;
        }
    } else {
        auto document = xmlToJson(body, error);
        if (!document) {
            return std::nullopt;
        }
        result = std::move(document->begin().value());
        if (call.protocol == Protocol::Query) {
            result = at(result, stringOf(call.action) + "Result");
        }
    }
    Page page;
    if (call.listPath.empty()) {
        page.items.push_back(result);
    } else {
        for (const json* item : listOf(at(result, call.listPath))) {
            page.items.push_back(*item);
        }
    }
    if (!call.tokenOut.empty()) {
        page.nextToken = textAt(result, call.tokenOut);
    }
    return page;
}

ServiceError parseError(const QByteArray& body, const QByteArray& errorTypeHeader) {
    ServiceError error;
    if (!errorTypeHeader.isEmpty()) {
        error.code = errorTypeHeader.left(errorTypeHeader.indexOf(':')).toStdString();
    }
    const QByteArray trimmed = body.trimmed();
    if (trimmed.startsWith('{')) {
        const json document =
            json::parse(trimmed.constData(), trimmed.constData() + trimmed.size(), nullptr, false);
        if (document.is_object()) {
            for (const char* key : {"__type", "code", "Code", "ErrorCode"}) {
                const std::string code = textAt(document, key);
                if (!code.empty() && error.code.empty()) {
                    error.code =
                        code.substr(code.find('#') == std::string::npos ? 0 : code.find('#') + 1);
                }
            }
            for (const char* key : {"message", "Message"}) {
                if (error.message.empty()) {
                    error.message = textAt(document, key);
                }
            }
        }
        return error;
    }
    std::string ignored;
    if (const auto document = xmlToJson(body, &ignored)) {
        // <Response><Errors><Error>, <ErrorResponse><Error>, or S3's <Error> at the top.
        const json& root = document->begin().value();
        const json* errorNode = &root;
        for (const char* path : {"Errors/Error", "Error"}) {
            const json& found = at(root, path);
            if (found.is_object()) {
                errorNode = &found;
                break;
            }
            if (found.is_array() && !found.empty()) {
                errorNode = &found.front();
                break;
            }
        }
        if (error.code.empty()) {
            error.code = textAt(*errorNode, "Code");
        }
        error.message = textAt(*errorNode, "Message");
    }
    return error;
}

const json& at(const json& node, std::string_view path) {
    const json* current = &node;
    while (!path.empty()) {
        const std::size_t slash = path.find('/');
        const std::string_view key = path.substr(0, slash);
        if (!current->is_object()) {
            return nullJson();
        }
        const auto it = current->find(key);
        if (it == current->end()) {
            return nullJson();
        }
        current = &*it;
        path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
    }
    return *current;
}

std::vector<const json*> listOf(const json& node) {
    std::vector<const json*> out;
    if (node.is_array()) {
        for (const auto& item : node) {
            out.push_back(&item);
        }
    } else if (node.is_object()) {
        for (const auto& [key, value] : node.items()) {
            if (value.is_array()) {
                for (const auto& item : value) {
                    out.push_back(&item);
                }
            } else {
                out.push_back(&value);
            }
        }
    }
    return out;
}

std::string textAt(const json& node, std::string_view path) {
    const json& value = at(node, path);
    if (value.is_string()) {
        return value.get<std::string>();
    }
    if (value.is_number() || value.is_boolean()) {
        return value.dump();
    }
    return {};
}

bool flagAt(const json& node, std::string_view path) {
    const json& value = at(node, path);
    return value == true || value == "true";
}

std::optional<long long> numberAt(const json& node, std::string_view path) {
    const json& value = at(node, path);
    if (value.is_number_integer()) {
        return value.get<long long>();
    }
    if (value.is_string()) {
        const std::string& text = value.get_ref<const std::string&>();
        try {
            std::size_t used = 0;
            const long long n = std::stoll(text, &used);
            if (used == text.size()) {
                return n;
            }
        } catch (...) {
        }
    }
    return std::nullopt;
}

}  // namespace skydraft::aws
