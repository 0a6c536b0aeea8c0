// Writing reachability answers and exposure reports as JSON and text.
#include "analysis/reachability/reach_report.h"

#include "validation/validation_context.h"

namespace skydraft::reach {

using nlohmann::json;

namespace {

std::string describeComponent(const NetworkIndex& index, const Id& id) {
    if (const Element* e = index.diagram().element(id)) {
        return describe(*e);
    }
    if (const Connection* c = index.diagram().connection(id)) {
        return describe(*c);
    }
    return id == "internet" ? std::string("the internet") : id;
}

}  // namespace

json componentJson(const NetworkIndex& index, const Id& id) {
    json out = json::object();
    out["id"] = id;
    if (const Element* e = index.diagram().element(id)) {
        out["name"] = e->name;
        out["kind"] = e->kind;
    } else if (const Connection* c = index.diagram().connection(id)) {
        out["name"] = c->name;
        out["kind"] = c->kind;
    } else {
        out["name"] = id;
        out["kind"] = id == "internet" ? "internet" : "address";
    }
    if (const std::string logical = index.logicalId(id); !logical.empty()) {
        out["logical_id"] = logical;
    }
    return out;
}

json reachJson(const NetworkIndex& index, const ReachResult& result) {
    json path = json::array();
    for (const Hop& h : result.path) {
        path.push_back(componentJson(index, h.component));
    }
    json explanations = json::array();
    for (const Explanation& x : result.explanations) {
        explanations.push_back({{"code", std::string(codeKey(x.code))},
                                {"component", componentJson(index, x.component)},
                                {"direction", std::string(directionKey(x.direction))},
                                {"message", x.message},
                                {"fix", x.fixText.empty() ? json() : json(x.fixText)}});
    }
    return {{"reachable", result.reachable},
            {"path", std::move(path)},
            {"explanations", std::move(explanations)}};
}

std::string reachText(const NetworkIndex& index, const ReachResult& result, const std::string& from,
                      const std::string& to, const Flow& flow) {
    std::string out = from + " -> " + to + ", " + flow.text() + "\n";
    int n = 0;
    for (const Hop& h : result.path) {
        std::string line = std::to_string(++n);
        line.insert(0, line.size() < 3 ? 3 - line.size() : 0, ' ');
        line += "  ";
        line += describeComponent(index, h.component);
        if (line.size() < 48) {
            line.resize(48, ' ');
        }
        line += h.blocked ? "BLOCKED" : "ok";
        if (!h.detail.empty()) {
            line += "  ";
            line += h.detail;
        }
        out += line;
        out += '\n';
    }
    if (result.reachable) {
        out += "reachable\n";
        return out;
    }
    const std::size_t count = result.explanations.size();
    out += "not reachable: " + std::to_string(count) + " blocking component" +
           (count == 1 ? "" : "s") + "\n";
    for (const Explanation& x : result.explanations) {
        out += "  " + std::string(codeKey(x.code)) + " (" + std::string(directionKey(x.direction)) +
               ") " + x.message + "\n";
        if (!x.fixText.empty()) {
            out += "    fix: " + x.fixText + "\n";
        }
    }
    return out;
}

json exposureJson(const NetworkIndex& index, const std::vector<Exposure>& exposure) {
    json list = json::array();
    for (const Exposure& e : exposure) {
        json ports = json::array();
        json via = json::array();
        for (const ExposedPort& p : e.ports) {
            ports.push_back(p.text());
            via.push_back(p.via.empty() ? json() : componentJson(index, p.via));
        }
        list.push_back({{"component", componentJson(index, e.element->id)},
                        {"ports", std::move(ports)},
                        {"via", std::move(via)}});
    }
    return {{"exposed", std::move(list)}};
}

std::string exposureText(const NetworkIndex& index, const std::vector<Exposure>& exposure) {
    if (exposure.empty()) {
        return "nothing is reachable from the internet\n";
    }
    std::string out;
    for (const Exposure& e : exposure) {
        std::string ports;
        for (const ExposedPort& p : e.ports) {
            ports += (ports.empty() ? "" : ", ") + p.text() +
                     (p.via.empty() ? "" : " via " + describeComponent(index, p.via));
        }
        out += describe(*e.element) + ": " + ports + "\n";
    }
    return out;
}

}  // namespace skydraft::reach
