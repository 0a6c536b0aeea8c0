// Reading AWS answers: XML and JSON bodies into JSON items, page tokens and error codes.
#pragma once

#include <QByteArray>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aws/aws_api.h"

namespace skydraft::aws {

/// An XML document as JSON: {"RootName": value}, where an element with child elements is an
/// object of its children by local name (a name repeated among siblings maps to an array of
/// them) and any other element is its text. Refuses (nullopt, *error) malformed XML, nesting
/// deeper than 100 levels and documents over 64 MB.
std::optional<nlohmann::json> xmlToJson(const QByteArray& xml, std::string* error);

/// One page of a call's answer.
struct Page {
    std::vector<nlohmann::json> items;
    std::string nextToken;  ///< "" on the last page
};

/// The items and next token of an answer of call (see ApiCall::listPath and tokenOut).
std::optional<Page> parsePage(const ApiCall& call, const QByteArray& body, std::string* error);

/// A service's error: its code ("UnauthorizedOperation") and message, as far as the answer
/// says (both empty when it says nothing readable).
struct ServiceError {
    std::string code;
    std::string message;
};

/// The error in a failed answer: XML (EC2, Query, S3) or JSON (__type, code, x-amzn-ErrorType).
ServiceError parseError(const QByteArray& body, const QByteArray& errorTypeHeader);

// Reading converted answers. XML turned into JSON and JSON answers are read alike: a missing
// field, an empty element and a null are all "nothing".

/// The value at a '/'-separated path of object keys, or null.
const nlohmann::json& at(const nlohmann::json& node, std::string_view path);
/// The members of a list: an array's elements, or an object's values (arrays flattened: the
/// <item> and <member> children of an XML list), or nothing for a string or null.
std::vector<const nlohmann::json*> listOf(const nlohmann::json& node);
/// The text at path ("" when missing; numbers and booleans as JSON writes them).
std::string textAt(const nlohmann::json& node, std::string_view path);
/// True when the value at path is true or "true".
bool flagAt(const nlohmann::json& node, std::string_view path);
/// The whole number at path (from a number or a numeric text).
std::optional<long long> numberAt(const nlohmann::json& node, std::string_view path);

}  // namespace skydraft::aws
