// Conversions between JSON values and QVariants, through QJsonDocument.
#include "models/json_variant.h"

#include <QJSValue>
#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>
#include <cstdint>

namespace skydraft {

using nlohmann::json;

json jsonFromVariant(const QVariant& input) {
    // Lists and objects built in JavaScript arrive as QJSValue.
    const QVariant value =
        input.userType() == qMetaTypeId<QJSValue>() ? input.value<QJSValue>().toVariant() : input;
    const QJsonDocument doc = QJsonDocument::fromVariant(QVariantList{value});
    const json wrapped =
        json::parse(doc.toJson(QJsonDocument::Compact).toStdString(), nullptr, false);
    json v = wrapped.is_array() && !wrapped.empty() ? wrapped[0] : json();
    if (v.is_number_float() && std::floor(v.get<double>()) == v.get<double>() &&
        std::fabs(v.get<double>()) < 1e15) {
        v = static_cast<std::int64_t>(v.get<double>());
    }
    return v;
}

QVariant variantFromJson(const json& value) {
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(
        json::array({value}).dump(-1, ' ', false, json::error_handler_t::replace)));
    return doc.array().isEmpty() ? QVariant() : doc.array().at(0).toVariant();
}

}  // namespace skydraft
