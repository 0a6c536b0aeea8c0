// Static evaluation of CloudFormation intrinsic functions: the functions and the conditions.
#include <algorithm>

#include "catalogue/regions.h"
#include "template/evaluation_state.h"

namespace skydraft {

using namespace evaluation;

Val IntrinsicEvaluator::State::getAZs(const OJ& arg) const {
    const bool stackRegion =
        (arg.is_string() && arg.get<std::string>().empty()) || arg == OJ{{"Ref", "AWS::Region"}};
    std::string region;
    if (stackRegion) {
        if (options.region.empty()) {
            return Val::zoneList();
        }
        region = options.region;
    } else {
        const Val v = eval(arg);
        if (!v.known()) {
            return v.failed() ? v : Val::unknown(reasonOf(v));
        }
        if (!v.value.is_string()) {
            return Val::invalid("Fn::GetAZs needs a region name");
        }
        region = v.value.get<std::string>();
    }
    const RegionInfo* info = findRegion(region);
    if (!info) {
        return Val::unknown("Skydraft has no zone list of the region " + region);
    }
    OJ zones = OJ::array();
    for (const auto& z : info->zones) {
        zones.push_back(std::string(z));
    }
    return Val::known(std::move(zones));
}

Val IntrinsicEvaluator::State::select(const OJ& arg) const {
    if (!arg.is_array() || arg.size() != 2) {
        return Val::invalid("Fn::Select needs [index, list]");
    }
    const Val index = eval(arg[0]);
    if (!index.known()) {
        return index.failed() ? index : Val::unknown(reasonOf(index));
    }
    const auto i = wholeNumber(index.value);
    if (!i || *i < 0) {
        return Val::invalid("Fn::Select: the index " + index.value.dump() +
                            " is not a whole number from 0");
    }
    Val list = eval(arg[1]);
    const auto outOfRange = [&](std::size_t size) {
        return Val::invalid("Fn::Select: index " + std::to_string(*i) +
                            " is out of range: the list has " + std::to_string(size) +
                            (size == 1 ? " value" : " values"));
    };
    switch (list.k) {
        case Val::K::Known:
            if (!list.value.is_array()) {
                return Val::invalid("Fn::Select needs a list");
            }
            if (static_cast<std::size_t>(*i) >= list.value.size()) {
                return outOfRange(list.value.size());
            }
            return Val::known(std::move(list.value[static_cast<std::size_t>(*i)]));
        case Val::K::List:
            if (static_cast<std::size_t>(*i) >= list.items.size()) {
                return outOfRange(list.items.size());
            }
            return std::move(list.items[static_cast<std::size_t>(*i)]);
        case Val::K::ZoneList:
            if (*i >= 1 << 20) {
                return Val::invalid("Fn::Select: no region has " + std::to_string(*i + 1) +
                                    " zones");
            }
            return Val::zone(static_cast<int>(*i));
        case Val::K::ZoneIndex:
        case Val::K::Resource:
        case Val::K::Absent:
            return Val::invalid("Fn::Select needs a list");
        default:
            return list;
    }
}

Val IntrinsicEvaluator::State::join(const OJ& arg) const {
    if (!arg.is_array() || arg.size() != 2) {
        return Val::invalid("Fn::Join needs [delimiter, list]");
    }
    const Val delimiter = eval(arg[0]);
    if (!delimiter.known()) {
        return delimiter.failed() ? delimiter : Val::unknown(reasonOf(delimiter));
    }
    if (!delimiter.value.is_string()) {
        return Val::invalid("Fn::Join: the delimiter must be a string");
    }
    const std::string& d = delimiter.value.get_ref<const std::string&>();
    const Val list = eval(arg[1]);
    if (!list.known()) {
        if (list.is(Val::K::List)) {
            for (const Val& item : list.items) {
                if (item.known() && !scalarString(item.value)) {
                    return Val::invalid("Fn::Join joins strings, not " + item.value.dump());
                }
            }
        }
        return list.failed() ? list : Val::unknown(reasonOf(list));
    }
    if (!list.value.is_array()) {
        return Val::invalid("Fn::Join needs a list");
    }
    std::string out;
    bool first = true;
    for (const OJ& item : list.value) {
        const auto s = scalarString(item);
        if (!s) {
            return Val::invalid("Fn::Join joins strings, not " + item.dump());
        }
        out += (first ? "" : d) + *s;
        first = false;
        if (out.size() > kMaxValueSize) {
            return Val::unknown("the joined string is too long to evaluate");
        }
    }
    return Val::known(std::move(out));
}

Val IntrinsicEvaluator::State::split(const OJ& arg) const {
    if (!arg.is_array() || arg.size() != 2) {
        return Val::invalid("Fn::Split needs [delimiter, string]");
    }
    const Val delimiter = eval(arg[0]);
    const Val text = eval(arg[1]);
    for (const Val* v : {&delimiter, &text}) {
        if (!v->known()) {
            return v->failed() ? *v : Val::unknown(reasonOf(*v));
        }
        if (!v->value.is_string()) {
            return Val::invalid("Fn::Split splits a string by a string");
        }
    }
    const std::string& d = delimiter.value.get_ref<const std::string&>();
    const std::string& s = text.value.get_ref<const std::string&>();
    if (d.empty()) {
        return Val::invalid("Fn::Split: the delimiter is empty");
    }
    OJ parts = OJ::array();
    std::size_t start = 0;
    while (true) {
        const std::size_t at = s.find(d, start);
        parts.push_back(s.substr(start, at - start));
        if (at == std::string::npos) {
            break;
        }
        start = at + d.size();
    }
    return Val::known(std::move(parts));
}

Val IntrinsicEvaluator::State::sub(const OJ& arg) const {
    const OJ* text = &arg;
    const OJ* variables = nullptr;
    if (arg.is_array()) {
        if (arg.size() != 2 || !arg[1].is_object()) {
            return Val::invalid("Fn::Sub needs a string, or [string, {variables}]");
        }
        text = &arg[0];
        variables = &arg[1];
    }
    if (!text->is_string()) {
        return Val::invalid("Fn::Sub needs a string");
    }
    const std::string& s = text->get_ref<const std::string&>();
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t open = s.find("${", i);
        if (open == std::string::npos) {
            out.append(s, i, std::string::npos);
            break;
        }
        const std::size_t close = s.find('}', open + 2);
        if (close == std::string::npos) {
            out.append(s, i, std::string::npos);
            break;
        }
        out.append(s, i, open - i);
        const std::string name = s.substr(open + 2, close - open - 2);
        i = close + 1;
        if (!name.empty() && name[0] == '!') {
            out += "${" + name.substr(1) + "}";
            continue;
        }
        Val v;
        if (variables && variables->contains(name)) {
            v = eval((*variables)[name]);
        } else if (const auto dot = name.find('.');
                   dot != std::string::npos && name.rfind("AWS::", 0) != 0) {
            v = attribute(name.substr(0, dot), name.substr(dot + 1));
        } else {
            v = ref(name);
        }
        if (!v.known()) {
            return v.failed() ? v : Val::unknown(reasonOf(v));
        }
        const auto piece = scalarString(v.value);
        if (!piece) {
            return Val::invalid("Fn::Sub: ${" + name + "} is not a string");
        }
        out += *piece;
        if (out.size() > kMaxValueSize) {
            return Val::unknown("the substituted string is too long to evaluate");
        }
    }
    return Val::known(std::move(out));
}

Val IntrinsicEvaluator::State::ifFunction(const OJ& arg) const {
    if (!arg.is_array() || arg.size() != 3 || !arg[0].is_string()) {
        return Val::invalid("Fn::If needs [condition name, value if true, value if false]");
    }
    const auto [decided, why] = namedCondition(arg[0].get<std::string>());
    if (decided) {
        return eval(arg[*decided ? 1 : 2]);
    }
    Val a = eval(arg[1]);
    const Val b = eval(arg[2]);
    const bool same =
        a.k == b.k &&
        ((a.known() && a.value == b.value) || (a.is(Val::K::ZoneIndex) && a.index == b.index) ||
         (a.is(Val::K::Resource) && a.name == b.name) || a.is(Val::K::Absent));
    if (same) {
        return a;
    }
    return Val::unknown("depends on the condition " + arg[0].get<std::string>() + ": " + why);
}

Val IntrinsicEvaluator::State::findInMap(const OJ& arg) const {
    if (!arg.is_array() || arg.size() < 3 || arg.size() > 4) {
        return Val::invalid("Fn::FindInMap needs [map, top-level key, second-level key]");
    }
    const Val mapName = eval(arg[0]);
    if (!mapName.known()) {
        return mapName.failed() ? mapName : Val::unknown(reasonOf(mapName));
    }
    const auto mapText = scalarString(mapName.value);
    if (!mapText) {
        return Val::invalid("Fn::FindInMap: the map name must be a string");
    }
    if (!mappings || !mappings->contains(*mapText) || !(*mappings)[*mapText].is_object()) {
        if (!document) {
            return Val::unknown("the mapping " + *mapText + " is in the template");
        }
        return Val::invalid("Fn::FindInMap: the template has no mapping " + *mapText);
    }
    const OJ& map = (*mappings)[*mapText];
    std::optional<OJ> fallback;
    if (arg.size() == 4) {
        if (!arg[3].is_object() || !arg[3].contains("DefaultValue")) {
            return Val::invalid("Fn::FindInMap: the fourth argument is {DefaultValue: value}");
        }
        const Val d = eval(arg[3]["DefaultValue"]);
        if (!d.known()) {
            return d.failed() ? d : Val::unknown(reasonOf(d));
        }
        fallback = d.value;
    }
    const Val top = eval(arg[1]);
    const Val second = eval(arg[2]);
    for (const Val* key : {&top, &second}) {
        if (key->failed()) {
            return *key;
        }
        if (key->known() && !scalarString(key->value)) {
            return Val::invalid("Fn::FindInMap: keys are strings");
        }
    }
    // Look up every entry the unknown keys allow; one common answer is the answer.
    std::optional<OJ> answer;
    bool several = false;
    const auto consider = [&](const OJ& value) {
        if (answer && *answer != value) {
            several = true;
        }
        answer = value;
    };
    const auto lookupSecond = [&](const OJ& entry) -> bool {
        if (!entry.is_object()) {
            return false;
        }
        if (second.known()) {
            const std::string k = *scalarString(second.value);
            if (!entry.contains(k)) {
                return false;
            }
            consider(entry[k]);
            return true;
        }
        for (const auto& [k, v] : entry.items()) {
            consider(v);
        }
        return true;
    };
    if (top.known()) {
        const std::string k = *scalarString(top.value);
        if (!map.contains(k) || !lookupSecond(map[k])) {
            if (fallback) {
                return Val::known(*fallback);
            }
            if (second.known()) {
                return Val::invalid("Fn::FindInMap: the mapping " + *mapText + " has no " + k +
                                    "." + *scalarString(second.value));
            }
            return Val::invalid("Fn::FindInMap: the mapping " + *mapText + " has no key " + k);
        }
    } else {
        for (const auto& [k, entry] : map.items()) {
            lookupSecond(entry);
        }
        if (fallback) {
            consider(*fallback);
        }
    }
    if (!answer || several) {
        const Val& unsure = top.known() ? second : top;
        return Val::unknown("depends on " + reasonOf(unsure));
    }
    return Val::known(*answer);
}

Val IntrinsicEvaluator::State::cidr(const OJ& arg) const {
    if (!arg.is_array() || arg.size() != 3) {
        return Val::invalid("Fn::Cidr needs [ipBlock, count, cidrBits]");
    }
    std::vector<Val> parts;
    for (const OJ& a : arg) {
        Val v = eval(a);
        if (!v.known()) {
            return v.failed() ? v : Val::unknown(reasonOf(v));
        }
        parts.push_back(std::move(v));
    }
    if (!parts[0].value.is_string()) {
        return Val::invalid("Fn::Cidr: the ipBlock must be a CIDR string");
    }
    const auto count = wholeNumber(parts[1].value);
    const auto bits = wholeNumber(parts[2].value);
    if (!count || !bits) {
        return Val::invalid("Fn::Cidr: count and cidrBits are whole numbers");
    }
    SymbolicValue result = cidrFunction(parts[0].value.get<std::string>(), *count, *bits);
    if (!result.isKnown()) {
        return Val::invalid(result.reason);
    }
    return Val::known(OJ(result.value));
}

Val IntrinsicEvaluator::State::getAtt(const OJ& arg) const {
    std::string logicalId;
    std::string name;
    if (arg.is_string()) {
        const std::string s = arg.get<std::string>();
        const auto dot = s.find('.');
        if (dot == std::string::npos) {
            return Val::invalid("Fn::GetAtt needs Resource.Attribute");
        }
        logicalId = s.substr(0, dot);
        name = s.substr(dot + 1);
    } else if (arg.is_array() && arg.size() == 2 && arg[0].is_string()) {
        logicalId = arg[0].get<std::string>();
        const Val a = eval(arg[1]);
        if (!a.known()) {
            return a.failed() ? a : Val::unknown(reasonOf(a));
        }
        if (!a.value.is_string()) {
            return Val::invalid("Fn::GetAtt: the attribute name must be a string");
        }
        name = a.value.get<std::string>();
    } else {
        return Val::invalid("Fn::GetAtt needs [resource, attribute]");
    }
    return attribute(logicalId, name);
}

Val IntrinsicEvaluator::State::attribute(const std::string& logicalId,
                                         const std::string& name) const {
    const std::string text = "!GetAtt " + logicalId + "." + name;
    if (!resources || !resources->contains(logicalId)) {
        if (!document) {
            return Val::unknown(text + " names a resource of the template");
        }
        return Val::invalid(text + " names no resource");
    }
    const std::string key = logicalId + "." + name;
    if (const auto it = attributeCache.find(key); it != attributeCache.end()) {
        return it->second;
    }
    if (!attributesInProgress.insert(key).second) {
        return Val::invalid("circular reference through " + text);
    }
    const OJ& res = (*resources)[logicalId];
    const std::string type = res.is_object() && res.contains("Type") && res["Type"].is_string()
                                 ? res["Type"].get<std::string>()
                                 : "";
    const OJ* props = res.is_object() && res.contains("Properties") && res["Properties"].is_object()
                          ? &res["Properties"]
                          : nullptr;
    Val out;
    const char* property = modelledAttribute(type, name);
    if (!property) {
        out = Val::unknown(text + " is known only after deployment");
    } else if (std::string_view(property).empty()) {
        out = Val::resource(logicalId);
    } else if (props && props->contains(property)) {
        out = eval((*props)[property]);
    } else if (type == "AWS::EC2::Instance" && name == "AvailabilityZone" && props &&
               props->contains("SubnetId")) {
        const Val subnet = eval((*props)["SubnetId"]);
        out = subnet.is(Val::K::Resource)
                  ? attribute(subnet.name, "AvailabilityZone")
                  : Val::unknown(text + " follows its subnet, " + reasonOf(subnet));
    } else {
        out = Val::unknown(text + " is chosen by AWS at deployment");
    }
    attributesInProgress.erase(key);
    attributeCache[key] = out;
    return out;
}

std::pair<std::optional<bool>, std::string> IntrinsicEvaluator::State::namedCondition(
    const std::string& name) const {
    if (const auto it = conditionCache.find(name); it != conditionCache.end()) {
        return it->second;
    }
    if (!conditions || !conditions->contains(name)) {
        return {std::nullopt, document ? "the template has no condition " + name
                                       : "the condition " + name + " is in the template"};
    }
    if (!conditionsInProgress.insert(name).second) {
        return {std::nullopt, "the condition " + name + " refers to itself"};
    }
    auto result = conditionValue((*conditions)[name]);
    if (!result.first) {
        result.second = "the condition " + name + " " +
                        (result.second.rfind("depends", 0) == 0 ? "" : "depends on ") +
                        result.second;
    }
    conditionsInProgress.erase(name);
    conditionCache[name] = result;
    return result;
}

std::pair<std::optional<bool>, std::string> IntrinsicEvaluator::State::conditionValue(
    const OJ& e) const {
    if (++steps > kStepBudget) {
        return {std::nullopt, "the condition is too large to evaluate"};
    }
    if (e.is_object() && e.size() == 1) {
        const std::string& name = e.begin().key();
        const OJ& arg = e.begin().value();
        if (name == "Condition" && arg.is_string()) {
            return namedCondition(arg.get<std::string>());
        }
        if (name == "Fn::Equals") {
            if (!arg.is_array() || arg.size() != 2) {
                return {std::nullopt, "Fn::Equals needs two values"};
            }
            const Val a = eval(arg[0]);
            const Val b = eval(arg[1]);
            if (a.known() && b.known()) {
                const auto sa = scalarString(a.value);
                const auto sb = scalarString(b.value);
                return {sa && sb ? *sa == *sb : a.value == b.value, {}};
            }
            if (a.is(Val::K::ZoneIndex) && b.is(Val::K::ZoneIndex)) {
                return {a.index == b.index, {}};
            }
            return {std::nullopt, reasonOf(a.known() ? b : a)};
        }
        if (name == "Fn::Not") {
            if (!arg.is_array() || arg.size() != 1) {
                return {std::nullopt, "Fn::Not needs one condition"};
            }
            auto [v, why] = conditionValue(arg[0]);
            return {v ? std::optional<bool>(!*v) : std::nullopt, why};
        }
        if (name == "Fn::And" || name == "Fn::Or") {
            if (!arg.is_array() || arg.empty()) {
                return {std::nullopt, name + " needs a list of conditions"};
            }
            const bool decisive = name == "Fn::Or";  // true decides Or, false decides And
            std::string undecided;
            for (const OJ& c : arg) {
                auto [v, why] = conditionValue(c);
                if (v && *v == decisive) {
                    return {decisive, {}};
                }
                if (!v && undecided.empty()) {
                    undecided = why;
                }
            }
            if (!undecided.empty()) {
                return {std::nullopt, undecided};
            }
            return {!decisive, {}};
        }
    }
    const Val v = eval(e);
    if (v.known() && v.value.is_boolean()) {
        return {v.value.get<bool>(), {}};
    }
    if (v.known() && (v.value == "true" || v.value == "false")) {
        return {v.value == "true", {}};
    }
    return {std::nullopt, v.known() ? "a value that is not a condition" : reasonOf(v)};
}

}  // namespace skydraft
