// What evaluation works on, shared by the files of the intrinsic evaluator (internal).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "template/intrinsic_evaluator.h"

namespace skydraft {
namespace evaluation {

using nlohmann::json;
using OJ = nlohmann::ordered_json;

/// A value during evaluation: besides SymbolicValue's states, a list whose members are not all
/// known, the zone list of an unknown region, and a reference to a resource of the template.
struct Val {
    enum class K { Known, ZoneIndex, ZoneList, List, Resource, Unknown, Absent, Invalid };
    K k = K::Unknown;
    OJ value;
    int index = -1;
    std::vector<Val> items;
    std::string name;  ///< Resource: its logical id
    std::string reason;

    static Val known(OJ v) {
        Val r;
        r.k = K::Known;
        r.value = std::move(v);
        return r;
    }
    static Val zone(int i) {
        Val r;
        r.k = K::ZoneIndex;
        r.index = i;
        return r;
    }
    static Val zoneList() {
        Val r;
        r.k = K::ZoneList;
        return r;
    }
    static Val resource(std::string logicalId) {
        Val r;
        r.k = K::Resource;
        r.name = std::move(logicalId);
        return r;
    }
    static Val unknown(std::string why) {
        Val r;
        r.k = K::Unknown;
        r.reason = std::move(why);
        return r;
    }
    static Val absent() {
        Val r;
        r.k = K::Absent;
        return r;
    }
    static Val invalid(std::string why) {
        Val r;
        r.k = K::Invalid;
        r.reason = std::move(why);
        return r;
    }
    bool is(K kind) const { return k == kind; }
    bool known() const { return k == K::Known; }
    bool failed() const { return k == K::Invalid; }
};

/// Why a value that is not a single known one cannot be used where one is needed.

/// Why a value that is not a single known one cannot be used where one is needed.
std::string reasonOf(const Val& v);
/// A known scalar as CloudFormation turns it into a string (Join, Sub, Equals).
std::optional<std::string> scalarString(const OJ& v);
/// A known whole number, written as a number or as digits in a string.
std::optional<long long> wholeNumber(const OJ& v);
std::string base64(const std::string& in);
/// The intrinsic's short form, cut to a readable length.
std::string shortText(const OJ& expression);
/// Attributes of resources that the template itself determines: the property holding them
/// ("" for an attribute that is the resource's own id), or nullptr.
const char* modelledAttribute(std::string_view type, std::string_view attribute);

}  // namespace evaluation

using evaluation::Val;

struct IntrinsicEvaluator::State {
    using OJ = nlohmann::ordered_json;
    const OJ* document = nullptr;
    TemplateOptions options;
    const OJ* parameters = nullptr;
    const OJ* mappings = nullptr;
    const OJ* conditions = nullptr;
    const OJ* resources = nullptr;
    std::unordered_map<std::string, Val> parameterValues;
    mutable std::unordered_map<std::string, std::pair<std::optional<bool>, std::string>>
        conditionCache;
    mutable std::set<std::string> conditionsInProgress;
    mutable std::unordered_map<std::string, Val> attributeCache;
    mutable std::set<std::string> attributesInProgress;
    mutable std::size_t steps = 0;
    mutable int depth = 0;

    static const OJ* section(const OJ* document, const char* name) {
        if (!document || !document->is_object()) {
            return nullptr;
        }
        const auto it = document->find(name);
        return it != document->end() && it->is_object() ? &*it : nullptr;
    }

    void readParameters();
    Val eval(const OJ& e) const;
    Val evalFunction(const std::string& name, const OJ& arg, const OJ& whole) const;
    Val ref(const std::string& name) const;
    Val pseudo(const std::string& name) const;
    Val getAZs(const OJ& arg) const;
    Val select(const OJ& arg) const;
    Val join(const OJ& arg) const;
    Val split(const OJ& arg) const;
    Val sub(const OJ& arg) const;
    Val ifFunction(const OJ& arg) const;
    Val findInMap(const OJ& arg) const;
    Val cidr(const OJ& arg) const;
    Val getAtt(const OJ& arg) const;
    Val attribute(const std::string& logicalId, const std::string& name) const;
    std::pair<std::optional<bool>, std::string> conditionValue(const OJ& e) const;
    std::pair<std::optional<bool>, std::string> namedCondition(const std::string& name) const;
};

}  // namespace skydraft
