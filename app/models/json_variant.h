// Conversions between the model's JSON values and the QVariants QML sends and reads.
#pragma once

#include <QVariant>
#include <nlohmann/json.hpp>

namespace skydraft {

/// The JSON value of a QVariant from QML (lists and maps included, QJSValue unwrapped). QML
/// numbers arrive as doubles: whole ones become integers, so integer properties stay integers.
nlohmann::json jsonFromVariant(const QVariant& value);

/// The QVariant QML reads for a JSON value (lists as QVariantList, objects as QVariantMap);
/// invalid UTF-8 in strings is replaced rather than refused.
QVariant variantFromJson(const nlohmann::json& value);

}  // namespace skydraft
