// Static evaluation of CloudFormation intrinsic functions: values, references, the public API.
#include "template/intrinsic_evaluator.h"

#include <algorithm>
#include <map>
#include <regex>

#include "catalogue/regions.h"
#include "cidr.h"
#include "template/evaluation_state.h"
#include "template/intrinsic_functions.h"

namespace skydraft {

namespace evaluation {

std::string reasonOf(const Val& v) {
    switch (v.k) {
        case Val::K::ZoneIndex:
            return "zone " + std::to_string(v.index + 1) +
                   " of the region: its name depends on the region, which is not known";
        case Val::K::ZoneList:
            return "the zones of the stack's region, which is not known";
        case Val::K::Resource:
            return "the id of resource " + v.name + " is assigned at deployment";
        case Val::K::List:
            for (const Val& item : v.items) {
                if (!item.known()) {
                    return reasonOf(item);
                }
            }
            return "a list";
        case Val::K::Absent:
            return "AWS::NoValue leaves the value out";
        default:
            return v.reason;
    }
}

/// A known scalar as CloudFormation turns it into a string (Join, Sub, Equals).
std::optional<std::string> scalarString(const OJ& v) {
    if (v.is_string()) {
        return v.get<std::string>();
    }
    if (v.is_boolean()) {
        return std::string(v.get<bool>() ? "true" : "false");
    }
    if (v.is_number()) {
        return v.dump();
    }
    return std::nullopt;
}

/// A known whole number, written as a number or as digits in a string.
std::optional<long long> wholeNumber(const OJ& v) {
    if (v.is_number_integer()) {
        return v.get<long long>();
    }
    if (v.is_number_float()) {
        const double d = v.get<double>();
        if (d == static_cast<double>(static_cast<long long>(d)) && d > -1e15 && d < 1e15) {
            return static_cast<long long>(d);
        }
        return std::nullopt;
    }
    if (v.is_string()) {
        const std::string& s = v.get_ref<const std::string&>();
        if (s.empty() || s.size() > 15) {
            return std::nullopt;
        }
        std::size_t i = s[0] == '-' ? 1 : 0;
        if (i == s.size()) {
            return std::nullopt;
        }
        for (std::size_t j = i; j < s.size(); ++j) {
            if (s[j] < '0' || s[j] > '9') {
                return std::nullopt;
            }
        }
        return std::stoll(s);
    }
    return std::nullopt;
}

std::string base64(const std::string& in) {
    static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((in.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        const auto n = (static_cast<unsigned char>(in[i]) << 16) |
                       (static_cast<unsigned char>(in[i + 1]) << 8) |
                       static_cast<unsigned char>(in[i + 2]);
        out += {table[(n >> 18) & 63], table[(n >> 12) & 63], table[(n >> 6) & 63], table[n & 63]};
    }
    if (i + 1 == in.size()) {
        const auto n = static_cast<unsigned char>(in[i]) << 16;
        out += {table[(n >> 18) & 63], table[(n >> 12) & 63], '=', '='};
    } else if (i + 2 == in.size()) {
        const auto n = (static_cast<unsigned char>(in[i]) << 16) |
                       (static_cast<unsigned char>(in[i + 1]) << 8);
        out += {table[(n >> 18) & 63], table[(n >> 12) & 63], table[(n >> 6) & 63], '='};
    }
    return out;
}

std::string shortText(const OJ& expression) {
    std::string text = intrinsicText(json(expression));
    if (text.size() > 120) {
        text = text.substr(0, 117) + "...";
    }
    return text;
}

/// Attributes of resources that the template itself determines: the property holding them.
const char* modelledAttribute(std::string_view type, std::string_view attribute) {
    static const std::map<std::pair<std::string_view, std::string_view>, const char*> table = {
        {{"AWS::EC2::VPC", "CidrBlock"}, "CidrBlock"},
        {{"AWS::EC2::Subnet", "AvailabilityZone"}, "AvailabilityZone"},
        {{"AWS::EC2::Subnet", "CidrBlock"}, "CidrBlock"},
        {{"AWS::EC2::Subnet", "VpcId"}, "VpcId"},
        {{"AWS::EC2::SecurityGroup", "VpcId"}, "VpcId"},
        {{"AWS::EC2::Instance", "AvailabilityZone"}, "AvailabilityZone"},
        {{"AWS::EC2::Instance", "PrivateIp"}, "PrivateIpAddress"},
        {{"AWS::EC2::NetworkInterface", "PrimaryPrivateIpAddress"}, "PrivateIpAddress"},
        {{"AWS::EC2::TransitGateway", "Id"}, ""},
        {{"AWS::EC2::SecurityGroup", "GroupId"}, ""},
    };
    const auto it = table.find({type, attribute});
    return it == table.end() ? nullptr : it->second;
}

}  // namespace evaluation

using namespace evaluation;

void IntrinsicEvaluator::State::readParameters() {
    if (!parameters) {
        return;
    }
    for (const auto& [name, def] : parameters->items()) {
        if (!def.is_object()) {
            continue;
        }
        const std::string type = def.contains("Type") && def["Type"].is_string()
                                     ? def["Type"].get<std::string>()
                                     : std::string("String");
        const auto given = options.parameters.find(name);
        OJ value;
        if (given != options.parameters.end()) {
            value = given->second;
        } else if (def.contains("Default")) {
            value = def["Default"];
        } else {
            parameterValues[name] =
                Val::unknown("parameter " + name + " has no default (give it with --parameter " +
                             name + "=VALUE)");
            continue;
        }
        if (type.rfind("AWS::SSM::Parameter::Value<", 0) == 0) {
            const auto text = scalarString(value);
            parameterValues[name] =
                Val::unknown("parameter " + name + " is read from the SSM parameter " +
                             (text ? *text : value.dump()) + " at deployment");
            continue;
        }
        if (type == "CommaDelimitedList" || type.rfind("List<", 0) == 0) {
            if (value.is_array()) {
                parameterValues[name] = Val::known(value);
                continue;
            }
            const auto text = scalarString(value);
            OJ list = OJ::array();
            if (text) {
                std::size_t start = 0;
                while (true) {
                    const std::size_t comma = text->find(',', start);
                    list.push_back(text->substr(start, comma - start));
                    if (comma == std::string::npos) {
                        break;
                    }
                    start = comma + 1;
                }
            }
            parameterValues[name] = Val::known(std::move(list));
            continue;
        }
        parameterValues[name] = Val::known(std::move(value));
    }
}

Val IntrinsicEvaluator::State::eval(const OJ& e) const {
    if (++steps > kStepBudget) {
        return Val::unknown("the expression is too large to evaluate");
    }
    if (depth > 200) {
        return Val::unknown("the expression is nested too deeply to evaluate");
    }
    struct Deeper {
        int& d;
        explicit Deeper(int& depthRef) : d(depthRef) { ++d; }
        ~Deeper() { --d; }
    } deeper(depth);
    if (e.is_object()) {
        if (isIntrinsicObject(e)) {
            return evalFunction(e.begin().key(), e.begin().value(), e);
        }
        OJ out = OJ::object();
        for (const auto& [k, v] : e.items()) {
            Val member = eval(v);
            if (member.is(Val::K::Absent)) {
                continue;
            }
            if (!member.known()) {
                return member.failed() ? member : Val::unknown(reasonOf(member));
            }
            out[k] = std::move(member.value);
        }
        return Val::known(std::move(out));
    }
    if (e.is_array()) {
        std::vector<Val> items;
        bool allKnown = true;
        for (const auto& item : e) {
            Val v = eval(item);
            if (v.failed()) {
                return v;
            }
            if (v.is(Val::K::Absent)) {
                continue;
            }
            allKnown = allKnown && v.known();
            items.push_back(std::move(v));
        }
        if (!allKnown) {
            Val list;
            list.k = Val::K::List;
            list.items = std::move(items);
            return list;
        }
        OJ out = OJ::array();
        for (Val& v : items) {
            out.push_back(std::move(v.value));
        }
        return Val::known(std::move(out));
    }
    return Val::known(e);
}

Val IntrinsicEvaluator::State::evalFunction(const std::string& name, const OJ& arg,
                                            const OJ& whole) const {
    if (name == "Ref") {
        if (!arg.is_string()) {
            return Val::invalid("Ref needs the name of a parameter or resource");
        }
        return ref(arg.get<std::string>());
    }
    if (name == "Condition") {
        if (!arg.is_string()) {
            return Val::invalid("Condition needs the name of a condition");
        }
        const auto [value, why] = namedCondition(arg.get<std::string>());
        return value ? Val::known(*value) : Val::unknown(why);
    }
    if (name == "Fn::GetAZs") {
        return getAZs(arg);
    }
    if (name == "Fn::Select") {
        return select(arg);
    }
    if (name == "Fn::Join") {
        return join(arg);
    }
    if (name == "Fn::Split") {
        return split(arg);
    }
    if (name == "Fn::Sub") {
        return sub(arg);
    }
    if (name == "Fn::If") {
        return ifFunction(arg);
    }
    if (name == "Fn::Equals" || name == "Fn::And" || name == "Fn::Or" || name == "Fn::Not") {
        const auto [value, why] = conditionValue(whole);
        return value ? Val::known(*value) : Val::unknown(why);
    }
    if (name == "Fn::FindInMap") {
        return findInMap(arg);
    }
    if (name == "Fn::Cidr") {
        return cidr(arg);
    }
    if (name == "Fn::GetAtt") {
        return getAtt(arg);
    }
    if (name == "Fn::ImportValue") {
        const Val exported = eval(arg);
        if (exported.known() && exported.value.is_string()) {
            return Val::unknown("comes from import " + exported.value.get<std::string>());
        }
        return Val::unknown("comes from import " + shortText(arg));
    }
    if (name == "Fn::Base64") {
        const Val text = eval(arg);
        if (!text.known()) {
            return text.failed() ? text : Val::unknown(reasonOf(text));
        }
        const auto s = scalarString(text.value);
        if (!s) {
            return Val::invalid("Fn::Base64 needs a string");
        }
        return Val::known(base64(*s));
    }
    if (name == "Fn::Length") {
        const Val list = eval(arg);
        if (list.known() && list.value.is_array()) {
            return Val::known(list.value.size());
        }
        if (list.is(Val::K::List)) {
            return Val::known(list.items.size());
        }
        if (list.known()) {
            return Val::invalid("Fn::Length needs a list");
        }
        return list.failed() ? list : Val::unknown(reasonOf(list));
    }
    if (!isCloudFormationFunction(name)) {
        return Val::invalid("CloudFormation has no function " + name);
    }
    return Val::unknown(name + " is evaluated only by CloudFormation");
}

Val IntrinsicEvaluator::State::pseudo(const std::string& name) const {
    const std::string& region = options.region;
    if (name == "AWS::Region") {
        return region.empty()
                   ? Val::unknown("the stack's region is not known (give it with --region)")
                   : Val::known(region);
    }
    if (name == "AWS::Partition") {
        return region.empty()
                   ? Val::unknown("the partition follows the stack's region, which is not known")
                   : Val::known(std::string(partitionOf(region)));
    }
    if (name == "AWS::URLSuffix") {
        return region.empty()
                   ? Val::unknown("the URL suffix follows the stack's region, which is not known")
                   : Val::known(std::string(urlSuffixOf(region)));
    }
    if (name == "AWS::NoValue") {
        return Val::absent();
    }
    if (name == "AWS::AccountId") {
        return Val::unknown("the account id is known only at deployment");
    }
    if (name == "AWS::StackName" || name == "AWS::StackId") {
        return Val::unknown(name + " is known only at deployment");
    }
    if (name == "AWS::NotificationARNs") {
        return Val::unknown("the stack's notification ARNs are known only at deployment");
    }
    return Val::invalid("CloudFormation has no pseudo parameter " + name);
}

Val IntrinsicEvaluator::State::ref(const std::string& name) const {
    if (name.rfind("AWS::", 0) == 0) {
        return pseudo(name);
    }
    if (const auto it = parameterValues.find(name); it != parameterValues.end()) {
        return it->second;
    }
    if (parameters && parameters->contains(name)) {
        return Val::invalid("parameter " + name + " is not an object");
    }
    if (resources && resources->contains(name)) {
        return Val::resource(name);
    }
    if (!document) {
        return Val::unknown("!Ref " + name + " names something of the template");
    }
    return Val::invalid("!Ref " + name + " names no parameter or resource");
}

namespace {

SymbolicValue toSymbolic(Val v) {
    switch (v.k) {
        case Val::K::Known:
            return SymbolicValue::known(json(v.value));
        case Val::K::ZoneIndex:
            return SymbolicValue::zone(v.index);
        case Val::K::Absent:
            return SymbolicValue::absent();
        case Val::K::Invalid:
            return SymbolicValue::invalid(v.reason);
        default:
            return SymbolicValue::unknown(reasonOf(v));
    }
}

}  // namespace

IntrinsicEvaluator::IntrinsicEvaluator() : m_state(std::make_unique<State>()) {}

IntrinsicEvaluator::IntrinsicEvaluator(const OJ& document, TemplateOptions options)
    : m_state(std::make_unique<State>()) {
    m_state->document = &document;
    m_state->options = std::move(options);
    m_state->parameters = State::section(&document, "Parameters");
    m_state->mappings = State::section(&document, "Mappings");
    m_state->conditions = State::section(&document, "Conditions");
    m_state->resources = State::section(&document, "Resources");
    m_state->readParameters();
}

IntrinsicEvaluator::~IntrinsicEvaluator() = default;

SymbolicValue IntrinsicEvaluator::evaluate(const OJ& expression) const {
    m_state->steps = 0;
    m_state->depth = 0;
    return toSymbolic(m_state->eval(expression));
}

SymbolicValue IntrinsicEvaluator::evaluate(const json& expression) const {
    return evaluate(OJ(expression));
}

std::optional<bool> IntrinsicEvaluator::condition(std::string_view name,
                                                  std::string* reason) const {
    m_state->steps = 0;
    m_state->depth = 0;
    auto [value, why] = m_state->namedCondition(std::string(name));
    if (!value && reason) {
        *reason = why;
    }
    return value;
}

const std::string& IntrinsicEvaluator::region() const {
    return m_state->options.region;
}

std::vector<std::string> IntrinsicEvaluator::optionErrors() const {
    std::vector<std::string> errors;
    const OJ* parameters = m_state->parameters;
    for (const auto& given : m_state->options.parameters) {
        const std::string& name = given.first;  // named: lambdas capture them
        const std::string& value = given.second;
        if (!parameters || !parameters->contains(name) || !(*parameters)[name].is_object()) {
            errors.push_back("--parameter " + name + ": the template has no parameter " + name);
            continue;
        }
        const OJ& def = (*parameters)[name];
        const std::string type = def.value("Type", std::string("String"));
        const auto fail = [&](const std::string& why) {
            errors.push_back("--parameter " + name + "=" + value + ": " + why);
        };
        if (def.contains("AllowedValues") && def["AllowedValues"].is_array()) {
            const bool allowed =
                std::any_of(def["AllowedValues"].begin(), def["AllowedValues"].end(),
                            [&](const OJ& a) { return scalarString(a) == value; });
            if (!allowed) {
                fail("not one of the parameter's AllowedValues " + def["AllowedValues"].dump());
                continue;
            }
        }
        if (def.contains("AllowedPattern") && def["AllowedPattern"].is_string()) {
            try {
                if (!std::regex_match(value,
                                      std::regex(def["AllowedPattern"].get<std::string>()))) {
                    fail("does not match the parameter's AllowedPattern " +
                         def["AllowedPattern"].get<std::string>());
                    continue;
                }
            } catch (const std::regex_error&) {
                // A pattern std::regex cannot read (Java syntax): CloudFormation checks it.
            }
        }
        if (type == "Number") {
            char* end = nullptr;
            const double n = std::strtod(value.c_str(), &end);
            if (value.empty() || *end != '\0') {
                fail("not a number");
                continue;
            }
            if (def.contains("MinValue") && wholeNumber(def["MinValue"]) &&
                n < static_cast<double>(*wholeNumber(def["MinValue"]))) {
                fail("below the parameter's MinValue " + def["MinValue"].dump());
            } else if (def.contains("MaxValue") && wholeNumber(def["MaxValue"]) &&
                       n > static_cast<double>(*wholeNumber(def["MaxValue"]))) {
                fail("above the parameter's MaxValue " + def["MaxValue"].dump());
            }
        }
        if (def.contains("MinLength") && wholeNumber(def["MinLength"]) &&
            static_cast<long long>(value.size()) < *wholeNumber(def["MinLength"])) {
            fail("shorter than the parameter's MinLength " + def["MinLength"].dump());
        } else if (def.contains("MaxLength") && wholeNumber(def["MaxLength"]) &&
                   static_cast<long long>(value.size()) > *wholeNumber(def["MaxLength"])) {
            fail("longer than the parameter's MaxLength " + def["MaxLength"].dump());
        }
    }
    return errors;
}

SymbolicValue cidrFunction(std::string_view ipBlock, long long count, long long cidrBits) {
    const CidrParseResult parsed = parseCidr(ipBlock);
    if (!parsed) {
        return SymbolicValue::invalid("Fn::Cidr: \"" + std::string(ipBlock) + "\" is not a CIDR (" +
                                      parsed.error + ")");
    }
    if (count < 1 || count > 256) {
        return SymbolicValue::invalid("Fn::Cidr: count " + std::to_string(count) +
                                      " is not from 1 to 256");
    }
    const Cidr block = parsed.cidr->canonical();
    const int width = block.bits();
    if (cidrBits < 0 || cidrBits > width - block.prefix()) {
        return SymbolicValue::invalid("Fn::Cidr: " + std::to_string(cidrBits) +
                                      " host bits do not fit in " + block.toString());
    }
    const int prefix = width - static_cast<int>(cidrBits);
    const int spare = prefix - block.prefix();
    if (spare < 9 && count > (1LL << spare)) {
        return SymbolicValue::invalid("Fn::Cidr: " + block.toString() + " holds " +
                                      std::to_string(1LL << spare) + " blocks of /" +
                                      std::to_string(prefix) + ", not " + std::to_string(count));
    }
    json out = json::array();
    for (long long i = 0; i < count; ++i) {
        const Uint128 offset = i == 0 ? Uint128(0) : Uint128(i) << cidrBits;
        const Uint128 address = block.first() + offset;
        const Cidr c = block.isV4() ? Cidr::v4(static_cast<std::uint32_t>(address), prefix)
                                    : Cidr::v6(address, prefix);
        out.push_back(c.toString());
    }
    return SymbolicValue::known(std::move(out));
}

}  // namespace skydraft