// A value read from a template: known, a zone by index in the VPC's region, or a known unknown.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "diagram.h"

namespace skydraft {

/// What static evaluation could tell about a value.
enum class SymbolicState {
    Known,      ///< `value` holds it
    ZoneIndex,  ///< zone number `zoneIndex` (0-based) of Fn::GetAZs of the stack's region
    Unknown,    ///< decided only at deployment (an import, a parameter without default, ...)
    Absent,     ///< AWS::NoValue: the property is left out
    Invalid,    ///< CloudFormation refuses the expression (an index out of range, ...)
};

/// The result of evaluating an intrinsic. `reason` says why a value is Unknown or Invalid,
/// naming its source ("comes from import SharedVpcZone").
struct SymbolicValue {
    SymbolicState state = SymbolicState::Unknown;
    nlohmann::json value;  ///< Known: a string, number, bool, list or object
    int zoneIndex = -1;    ///< ZoneIndex: 0-based
    std::string reason;    ///< Unknown, Invalid

    static SymbolicValue known(nlohmann::json value);
    static SymbolicValue zone(int index);
    static SymbolicValue unknown(std::string reason);
    static SymbolicValue absent();
    static SymbolicValue invalid(std::string reason);

    bool isKnown() const { return state == SymbolicState::Known; }

    /// The form a diagram stores for a value that is not Known: {"zone_index": 1},
    /// {"unknown": reason}, {"invalid": reason} or {"absent": true}; null for a Known value
    /// (the property itself holds it).
    nlohmann::json toJson() const;
    /// Reads toJson()'s form back; nullopt for anything else.
    static std::optional<SymbolicValue> fromJson(const nlohmann::json& stored);

    friend bool operator==(const SymbolicValue&, const SymbolicValue&) = default;
};

/// Element and connection property holding what a template said about the item
/// (exporters/cloudformation/cfn_names.h documents its other keys).
inline constexpr std::string_view kTemplateProperty = "cloudformation";
/// Key inside it: property key -> the intrinsic as the template had it (written back on export).
inline constexpr std::string_view kSymbolicKey = "symbolic";
/// Key inside it: property key -> SymbolicValue::toJson() of a value that is not Known.
inline constexpr std::string_view kEvaluatedKey = "evaluated";
/// Key inside a route, rule or entry object: its field -> the intrinsic the field was read from.
inline constexpr std::string_view kItemSymbolicKey = "cfn_symbolic";

/// True when a field of a route, rule or entry object was read from an intrinsic that could not
/// be decided: its text is the intrinsic's, not a value to check.
bool isSymbolicField(const nlohmann::json& item, std::string_view field);

/// The evaluated form of a property: what the importer stored under "evaluated"; for files
/// written before it did, the intrinsic under "symbolic" evaluated without its template when
/// the property shows only the intrinsic's text; otherwise the property's own value as Known
/// (null when absent).
SymbolicValue evaluatedProperty(const nlohmann::json& properties, std::string_view key);

/// The intrinsic a property was read from, or nullptr.
const nlohmann::json* propertyExpression(const nlohmann::json& properties, std::string_view key);

/// How an intrinsic reads in YAML short form: "!Select [0, !GetAZs '']", "!ImportValue Vpc".
std::string intrinsicText(const nlohmann::json& value);

/// True when value is an intrinsic function object ({"Ref": ...}, {"Fn::...": ...} or
/// {"Condition": ...}).
bool isIntrinsicObject(const nlohmann::json& value);
bool isIntrinsicObject(const nlohmann::ordered_json& value);

}  // namespace skydraft
