// Reading, writing and checking the access intents of a diagram.
#include "analysis/reachability/access_intent.h"

#include "analysis/reachability/reachability.h"

namespace skydraft::reach {

using nlohmann::json;

std::vector<AccessIntent> readIntents(const Diagram& diagram, std::vector<std::string>* problems) {
    std::vector<AccessIntent> out;
    const json& metadata = diagram.metadata();
    const auto list = metadata.find(kIntentsKey);
    if (list == metadata.end()) {
        return out;
    }
    auto problem = [&](std::size_t i, const std::string& what) {
        if (problems) {
            problems->push_back("access intent " + std::to_string(i + 1) + ": " + what);
        }
    };
    if (!list->is_array()) {
        problem(0, "the metadata's \"access_intents\" is not a list");
        return out;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        if (!item.is_object()) {
            problem(i, "not an object");
            continue;
        }
        AccessIntent intent;
        const auto text = [&](const char* key) {
            const auto it = item.find(key);
            return it != item.end() && it->is_string() ? it->get<std::string>() : std::string();
        };
        intent.id = text("id");
        intent.from = text("from");
        intent.to = text("to");
        intent.description = text("description");
        if (intent.id.empty()) {
            intent.id = "intent-" + std::to_string(i + 1);
        }
        if (intent.from.empty() || intent.to.empty()) {
            problem(i, "needs \"from\" and \"to\"");
            continue;
        }
        const std::string expect = text("expect");
        if (expect != "reachable" && expect != "unreachable") {
            problem(i, "\"expect\" is \"reachable\" or \"unreachable\"");
            continue;
        }
        intent.reachable = expect == "reachable";
        const std::string protocol = text("protocol");
        if (!protocol.empty()) {
            const auto p = parseProtocol(protocol);
            if (!p) {
                problem(i, "unknown protocol \"" + protocol + "\"");
                continue;
            }
            intent.flow.protocol = *p;
        }
        if (const auto port = item.find("port"); port != item.end() && !port->is_null()) {
            if (!port->is_number_integer() || port->get<int>() < 0 || port->get<int>() > 65535) {
                problem(i, "\"port\" is a number from 0 to 65535");
                continue;
            }
            if (protocol.empty()) {
                intent.flow.protocol = Protocol::Tcp;
            }
            if (!intent.flow.hasPorts()) {
                problem(i, "\"port\" applies to tcp and udp");
                continue;
            }
            intent.flow.port = port->get<int>();
        }
        out.push_back(std::move(intent));
    }
    return out;
}

json intentJson(const AccessIntent& intent) {
    json out = {{"id", intent.id},
                {"from", intent.from},
                {"to", intent.to},
                {"expect", intent.reachable ? "reachable" : "unreachable"},
                {"protocol", std::string(protocolKey(intent.flow.protocol))}};
    if (intent.flow.hasPorts() && intent.flow.port >= 0) {
        out["port"] = intent.flow.port;
    }
    if (!intent.description.empty()) {
        out["description"] = intent.description;
    }
    return out;
}

void writeIntents(Diagram& diagram, const std::vector<AccessIntent>& intents) {
    json metadata = diagram.metadata();
    if (!metadata.is_object()) {
        metadata = json::object();
    }
    if (intents.empty()) {
        metadata.erase(std::string(kIntentsKey));
    } else {
        json list = json::array();
        for (const AccessIntent& i : intents) {
            list.push_back(intentJson(i));
        }
        metadata[std::string(kIntentsKey)] = std::move(list);
    }
    diagram.setMetadata(std::move(metadata));
}

std::string intentText(const AccessIntent& intent) {
    return intent.from + (intent.reachable ? " must reach " : " must not reach ") + intent.to +
           " (" + intent.flow.text() + ")";
}

std::vector<IntentCheck> checkIntents(const Reachability& reachability,
                                      const std::vector<AccessIntent>& intents) {
    std::vector<IntentCheck> out;
    for (const AccessIntent& intent : intents) {
        IntentCheck check{intent, false, std::nullopt, {}};
        const auto from = resolveEndpoint(reachability.index(), intent.from);
        const auto to = resolveEndpoint(reachability.index(), intent.to);
        if (!from.endpoint || !to.endpoint) {
            check.error = !from.endpoint ? "from: " + from.error : "to: " + to.error;
            out.push_back(std::move(check));
            continue;
        }
        std::string error;
        check.result = reachability.query(*from.endpoint, *to.endpoint, intent.flow, &error);
        if (!check.result) {
            check.error = error;
        } else {
            check.holds = check.result->reachable == intent.reachable;
        }
        out.push_back(std::move(check));
    }
    return out;
}

}  // namespace skydraft::reach
