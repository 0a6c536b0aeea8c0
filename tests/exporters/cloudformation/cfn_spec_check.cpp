// Conformance of templates to the resource specification, as the CloudFormation service checks.
#include "cfn_spec_check.h"

#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace skydraft::test {

using nlohmann::json;
using OJ = nlohmann::ordered_json;

const json& resourceSpecification() {
    static const json spec = [] {
        std::ifstream in(std::string(SKYDRAFT_SOURCE_DIR) +
                         "/tests/fixtures/cloudformation/spec/specification_subset.json");
        return json::parse(in);
    }();
    return spec;
}

namespace {

bool isIntrinsic(const OJ& v) {
    if (!v.is_object() || v.size() != 1)
        return false;
    const std::string& k = v.begin().key();
    return k == "Ref" || k.rfind("Fn::", 0) == 0;
}

class Checker {
public:
    explicit Checker(const OJ& t) : m_t(t), m_spec(resourceSpecification()) {}

    std::vector<std::string> run() {
        if (!m_t.contains("Resources") || !m_t["Resources"].is_object()) {
            return {"Resources: missing"};
        }
        const OJ parameters = m_t.value("Parameters", OJ::object());
        for (const auto& [name, p] : parameters.items()) {
            m_names.insert(name);
        }
        for (const auto& [name, r] : m_t["Resources"].items()) {
            // An ordered_json object can hold a key twice; a template written from it would
            // name two resources alike, which JSON readers collapse and cfn-lint refuses.
            if (!m_names.insert(name).second)
                problem("Resources." + name + ": logical id used twice");
        }
        for (const auto& [name, r] : m_t["Resources"].items())
            checkResource(name, r);
        const OJ outputs = m_t.value("Outputs", OJ::object());
        for (const auto& [name, o] : outputs.items()) {
            collect(o, "Outputs." + name, nullptr);
        }
        checkCycles();
        return m_problems;
    }

private:
    void problem(std::string text) { m_problems.push_back(std::move(text)); }

    const json* propertyType(const std::string& resourceType, const std::string& name) const {
        const json& types = m_spec["PropertyTypes"];
        const std::string qualified = resourceType + "." + name;
        if (types.contains(qualified))
            return &types[qualified];
        if (types.contains(name))
            return &types[name];
        return nullptr;
    }

    void checkValue(const OJ& v, const json& def, const std::string& resourceType,
                    const std::string& where) {
        if (isIntrinsic(v))
            return;
        if (def.contains("PrimitiveType")) {
            checkPrimitive(v, def["PrimitiveType"].get<std::string>(), where);
            return;
        }
        const std::string type = def.value("Type", "");
        if (type == "List") {
            if (!v.is_array())
                return problem(where + ": expected a list");
            for (std::size_t i = 0; i < v.size(); ++i) {
                const std::string at = where + "[" + std::to_string(i) + "]";
                if (def.contains("PrimitiveItemType")) {
                    if (!isIntrinsic(v[i]))
                        checkPrimitive(v[i], def["PrimitiveItemType"].get<std::string>(), at);
                } else if (def.contains("ItemType")) {
                    checkObject(v[i], def["ItemType"].get<std::string>(), resourceType, at);
                }
            }
        } else if (type == "Map") {
            if (!v.is_object())
                problem(where + ": expected a map");
        } else if (!type.empty()) {
            checkObject(v, type, resourceType, where);
        }
    }

    void checkObject(const OJ& v, const std::string& typeName, const std::string& resourceType,
                     const std::string& where) {
        if (isIntrinsic(v))
            return;
        const json* pt = propertyType(resourceType, typeName);
        if (!pt)
            return problem(where + ": property type " + typeName + " is not in the specification");
        if (!v.is_object())
            return problem(where + ": expected an object of type " + typeName);
        checkProperties(v, (*pt)["Properties"], resourceType, where);
    }

    void checkProperties(const OJ& v, const json& defs, const std::string& resourceType,
                         const std::string& where) {
        for (const auto& [k, value] : v.items()) {
            if (!defs.contains(k)) {
                problem(where + "." + k + ": no such property");
                continue;
            }
            checkValue(value, defs[k], resourceType, where + "." + k);
        }
        for (const auto& [k, def] : defs.items()) {
            if (def.value("Required", false) && !v.contains(k)) {
                problem(where + "." + k + ": required property missing");
            }
        }
    }

    void checkPrimitive(const OJ& v, const std::string& type, const std::string& where) {
        static const std::regex number(R"(-?[0-9]+(\.[0-9]+)?)");
        if (type == "String" || type == "Timestamp") {
            if (!v.is_string())
                problem(where + ": expected a string, got " + v.dump());
        } else if (type == "Integer" || type == "Long") {
            if (!v.is_number_integer() &&
                !(v.is_string() &&
                  std::regex_match(v.get<std::string>(), std::regex("-?[0-9]+")))) {
                problem(where + ": expected an integer, got " + v.dump());
            }
        } else if (type == "Double") {
            if (!v.is_number() &&
                !(v.is_string() && std::regex_match(v.get<std::string>(), number))) {
                problem(where + ": expected a number, got " + v.dump());
            }
        } else if (type == "Boolean") {
            if (!v.is_boolean() && v != "true" && v != "false") {
                problem(where + ": expected a boolean, got " + v.dump());
            }
        } else if (type == "Json") {
            if (!v.is_object() && !v.is_string())
                problem(where + ": expected JSON, got " + v.dump());
        }
    }

    /// Records references from `from` (a resource name, or null) and checks that they exist.
    void collect(const OJ& v, const std::string& where, const std::string* from) {
        if (v.is_object()) {
            if (v.size() == 1 && v.contains("Ref")) {
                const std::string name = v["Ref"].is_string() ? v["Ref"].get<std::string>() : "";
                if (name.rfind("AWS::", 0) == 0)
                    return;
                if (!m_names.count(name))
                    problem(where + ": Ref " + name + " names nothing");
                if (from && m_t["Resources"].contains(name))
                    m_edges[*from].insert(name);
                return;
            }
            if (v.size() == 1 && v.contains("Fn::GetAtt")) {
                const OJ& a = v["Fn::GetAtt"];
                if (!a.is_array() || a.size() != 2 || !a[0].is_string()) {
                    return problem(where + ": malformed Fn::GetAtt");
                }
                const std::string name = a[0].get<std::string>();
                if (!m_t["Resources"].contains(name)) {
                    return problem(where + ": GetAtt " + name + " names no resource");
                }
                const std::string type = m_t["Resources"][name].value("Type", "");
                if (m_spec["ResourceTypes"].contains(type) && a[1].is_string()) {
                    const json& attrs = m_spec["ResourceTypes"][type]["Attributes"];
                    const std::string attr = a[1].get<std::string>();
                    if (std::find(attrs.begin(), attrs.end(), attr) == attrs.end()) {
                        problem(where + ": " + type + " has no attribute " + attr);
                    }
                }
                if (from)
                    m_edges[*from].insert(name);
                return;
            }
            if (v.size() == 1 && v.contains("Fn::Sub")) {
                const OJ& a = v["Fn::Sub"];
                const std::string text = a.is_string() ? a.get<std::string>()
                                         : a.is_array() && !a.empty() && a[0].is_string()
                                             ? a[0].get<std::string>()
                                             : "";
                std::set<std::string> locals;
                if (a.is_array() && a.size() > 1 && a[1].is_object()) {
                    for (const auto& [k, x] : a[1].items())
                        locals.insert(k);
                    collect(a[1], where, from);
                }
                static const std::regex var(R"(\$\{([^!}][^}]*)\})");
                for (std::sregex_iterator it(text.begin(), text.end(), var), end; it != end; ++it) {
                    std::string name = (*it)[1].str();
                    name = name.substr(0, name.find('.'));
                    if (name.rfind("AWS::", 0) == 0 || locals.count(name))
                        continue;
                    if (!m_names.count(name))
                        problem(where + ": Sub ${" + name + "} names nothing");
                    if (from && m_t["Resources"].contains(name))
                        m_edges[*from].insert(name);
                }
                return;
            }
            for (const auto& [k, x] : v.items())
                collect(x, where + "." + k, from);
        } else if (v.is_array()) {
            for (std::size_t i = 0; i < v.size(); ++i)
                collect(v[i], where + "[" + std::to_string(i) + "]", from);
        }
    }

    void checkResource(const std::string& name, const OJ& r) {
        const std::string where = "Resources." + name;
        const std::string type = r.value("Type", "");
        if (!m_spec["ResourceTypes"].contains(type)) {
            problem(where + ": resource type " + type + " is not in the specification");
        } else {
            checkProperties(r.value("Properties", OJ::object()),
                            m_spec["ResourceTypes"][type]["Properties"], type,
                            where + ".Properties");
        }
        collect(r.value("Properties", OJ::object()), where + ".Properties", &name);
        if (r.contains("DependsOn")) {
            const OJ deps =
                r["DependsOn"].is_array() ? r["DependsOn"] : OJ::array({r["DependsOn"]});
            for (const auto& d : deps) {
                if (!d.is_string() || !m_t["Resources"].contains(d.get<std::string>())) {
                    problem(where + ".DependsOn: " + d.dump() + " names no resource");
                } else {
                    m_edges[name].insert(d.get<std::string>());
                }
            }
        }
    }

    void checkCycles() {
        std::map<std::string, int> state;  // 1 visiting, 2 done
        std::function<bool(const std::string&, std::vector<std::string>&)> visit =
            [&](const std::string& n, std::vector<std::string>& stack) {
                state[n] = 1;
                stack.push_back(n);
                for (const auto& m : m_edges[n]) {
                    if (state[m] == 1) {
                        std::string cycle;
                        for (auto it = std::find(stack.begin(), stack.end(), m); it != stack.end();
                             ++it) {
                            cycle += *it + " -> ";
                        }
                        problem("dependency cycle: " + cycle + m);
                        return true;
                    }
                    if (state[m] == 0 && visit(m, stack))
                        return true;
                }
                stack.pop_back();
                state[n] = 2;
                return false;
            };
        for (const auto& [name, r] : m_t["Resources"].items()) {
            std::vector<std::string> stack;
            if (state[name] == 0 && visit(name, stack))
                return;
        }
    }

    const OJ& m_t;
    const json& m_spec;
    std::set<std::string> m_names;
    std::map<std::string, std::set<std::string>> m_edges;
    std::vector<std::string> m_problems;
};

}  // namespace

std::vector<std::string> checkAgainstSpecification(const OJ& document) {
    return Checker(document).run();
}

}  // namespace skydraft::test
