// Storage of evaluated template values in a diagram, and the short-form text of intrinsics.
#include "template/symbolic_value.h"

#include "template/intrinsic_evaluator.h"

namespace skydraft {

using nlohmann::json;

SymbolicValue SymbolicValue::known(json value) {
    SymbolicValue v;
    v.state = SymbolicState::Known;
    v.value = std::move(value);
    return v;
}

SymbolicValue SymbolicValue::zone(int index) {
    SymbolicValue v;
    v.state = SymbolicState::ZoneIndex;
    v.zoneIndex = index;
    return v;
}

SymbolicValue SymbolicValue::unknown(std::string reason) {
    SymbolicValue v;
    v.state = SymbolicState::Unknown;
    v.reason = std::move(reason);
    return v;
}

SymbolicValue SymbolicValue::absent() {
    SymbolicValue v;
    v.state = SymbolicState::Absent;
    return v;
}

SymbolicValue SymbolicValue::invalid(std::string reason) {
    SymbolicValue v;
    v.state = SymbolicState::Invalid;
    v.reason = std::move(reason);
    return v;
}

json SymbolicValue::toJson() const {
    switch (state) {
        case SymbolicState::Known:
            return nullptr;
        case SymbolicState::ZoneIndex:
            return {{"zone_index", zoneIndex}};
        case SymbolicState::Unknown:
            return {{"unknown", reason}};
        case SymbolicState::Absent:
            return {{"absent", true}};
        case SymbolicState::Invalid:
            return {{"invalid", reason}};
    }
    return nullptr;
}

std::optional<SymbolicValue> SymbolicValue::fromJson(const json& stored) {
    if (!stored.is_object() || stored.size() != 1) {
        return std::nullopt;
    }
    const std::string& key = stored.begin().key();
    const json& v = stored.begin().value();
    if (key == "zone_index" && v.is_number_integer() && v.get<long long>() >= 0 &&
        v.get<long long>() < (1 << 20)) {
        return zone(v.get<int>());
    }
    if (key == "unknown" && v.is_string()) {
        return unknown(v.get<std::string>());
    }
    if (key == "invalid" && v.is_string()) {
        return invalid(v.get<std::string>());
    }
    if (key == "absent" && v == true) {
        return absent();
    }
    return std::nullopt;
}

namespace {

const json* member(const json& object, std::string_view key) {
    if (!object.is_object()) {
        return nullptr;
    }
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

template <typename J>
bool intrinsic(const J& value) {
    if (!value.is_object() || value.size() != 1) {
        return false;
    }
    const std::string& key = value.begin().key();
    return key == "Ref" || key == "Condition" || key.rfind("Fn::", 0) == 0;
}

std::string scalarText(const json& value) {
    if (value.is_string()) {
        const std::string& s = value.get_ref<const std::string&>();
        if (s.empty() || s.find_first_of(" ,[]{}:'#") != std::string::npos) {
            return "'" + s + "'";
        }
        return s;
    }
    return value.dump();
}

}  // namespace

bool isIntrinsicObject(const json& value) {
    return intrinsic(value);
}

bool isIntrinsicObject(const nlohmann::ordered_json& value) {
    return intrinsic(value);
}

std::string intrinsicText(const json& value) {
    if (intrinsic(value)) {
        const std::string& key = value.begin().key();
        const json& arg = value.begin().value();
        if (key == "Fn::GetAtt" && arg.is_array() && arg.size() == 2 && arg[0].is_string() &&
            arg[1].is_string()) {
            return "!GetAtt " + arg[0].get<std::string>() + "." + arg[1].get<std::string>();
        }
        const std::string name = key.rfind("Fn::", 0) == 0 ? key.substr(4) : key;
        return "!" + name + " " + intrinsicText(arg);
    }
    if (value.is_array()) {
        std::string text = "[";
        for (std::size_t i = 0; i < value.size(); ++i) {
            text += (i ? ", " : "") + intrinsicText(value[i]);
        }
        return text + "]";
    }
    if (value.is_object()) {
        std::string text = "{";
        bool first = true;
        for (const auto& [k, v] : value.items()) {
            text += (first ? "" : ", ") + k + ": " + intrinsicText(v);
            first = false;
        }
        return text + "}";
    }
    return scalarText(value);
}

bool isSymbolicField(const json& item, std::string_view field) {
    const json* symbolic = member(item, kItemSymbolicKey);
    const json* expression = symbolic ? member(*symbolic, field) : nullptr;
    const json* text = member(item, field);
    return expression && text && text->is_string() &&
           text->get_ref<const std::string&>() == intrinsicText(*expression);
}

const json* propertyExpression(const json& properties, std::string_view key) {
    const json* symbolic = member(properties, kTemplateProperty);
    symbolic = symbolic ? member(*symbolic, kSymbolicKey) : nullptr;
    return symbolic ? member(*symbolic, key) : nullptr;
}

SymbolicValue evaluatedProperty(const json& properties, std::string_view key) {
    const json* own = member(properties, key);
    const json* cfn = member(properties, kTemplateProperty);
    if (const json* evaluated = cfn ? member(*cfn, kEvaluatedKey) : nullptr) {
        if (const json* stored = member(*evaluated, key)) {
            if (auto value = SymbolicValue::fromJson(*stored)) {
                return *value;
            }
        }
    }
    const json* expression = propertyExpression(properties, key);
    if (expression && own && own->is_string() &&
        own->get_ref<const std::string&>() == intrinsicText(*expression)) {
        // Imported before evaluated values were stored: only the expression's text is there.
        const IntrinsicEvaluator withoutTemplate;
        SymbolicValue value = withoutTemplate.evaluate(*expression);
        if (value.isKnown() && !value.value.is_string()) {
            return SymbolicValue::unknown("the value of " + intrinsicText(*expression) +
                                          " is not a single value");
        }
        return value;
    }
    return SymbolicValue::known(own ? *own : json());
}

}  // namespace skydraft
