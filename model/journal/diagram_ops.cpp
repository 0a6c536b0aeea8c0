// Applying recorded Diagram operations: each one checked for shape before the Diagram checks it.
#include "journal/diagram_ops.h"

#include <cmath>
#include <map>
#include <vector>

#include "diagram_file.h"

namespace skydraft {

using nlohmann::json;

namespace {

bool isString(const json& op, std::size_t i) {
    return op.size() > i && op[i].is_string();
}

bool isIndex(const json& op, std::size_t i) {
    return op.size() > i && op[i].is_number_integer() && op[i].get<std::int64_t>() >= 0;
}

bool isCoordinate(const json& op, std::size_t i) {
    return op.size() > i && op[i].is_number() && std::isfinite(op[i].get<double>()) &&
           std::fabs(op[i].get<double>()) <= 1e9;
}

bool isStringList(const json& value) {
    if (!value.is_array()) {
        return false;
    }
    for (const json& item : value) {
        if (!item.is_string()) {
            return false;
        }
    }
    return true;
}

Status malformed(const std::string& name, const char* expected) {
    return Status::failure("a \"" + name + "\" operation needs " + expected);
}

}  // namespace

Status applyOperation(Diagram& diagram, const json& op) {
    if (!op.is_array() || op.empty() || !op[0].is_string()) {
        return Status::failure("an operation must be an array starting with its name");
    }
    const std::string name = op[0].get<std::string>();
    if (name == "insert" || name == "insertConnection") {
        if (op.size() != 3 || !isIndex(op, 1)) {
            return malformed(name, "an index and an object");
        }
        const auto index = static_cast<std::size_t>(op[1].get<std::int64_t>());
        std::string error;
        if (name == "insert") {
            std::optional<Element> element = elementFromJson(op[2], &error);
            return element ? diagram.insertElement(index, std::move(*element))
                           : Status::failure("element " + error);
        }
        std::optional<Connection> connection = connectionFromJson(op[2], &error);
        return connection ? diagram.insertConnection(index, std::move(*connection))
                          : Status::failure("connection " + error);
    }
    if (name == "remove" || name == "removeConnection") {
        if (op.size() != 2 || !isString(op, 1)) {
            return malformed(name, "an id");
        }
        return name == "remove" ? diagram.removeElement(op[1].get<std::string>())
                                : diagram.removeConnection(op[1].get<std::string>());
    }
    if (name == "name" || name == "parent") {
        if (op.size() != 3 || !isString(op, 1) || !isString(op, 2)) {
            return malformed(name, "an id and a string");
        }
        return name == "name"
                   ? diagram.setName(op[1].get<std::string>(), op[2].get<std::string>())
                   : diagram.setParent(op[1].get<std::string>(), op[2].get<std::string>());
    }
    if (name == "geometry") {
        if (op.size() != 6 || !isString(op, 1) || !isCoordinate(op, 2) || !isCoordinate(op, 3) ||
            !isCoordinate(op, 4) || !isCoordinate(op, 5) || op[4].get<double>() < 0 ||
            op[5].get<double>() < 0) {
            return malformed(name, "an id, x, y and a width and height of at least 0");
        }
        return diagram.setGeometry(
            op[1].get<std::string>(),
            {op[2].get<double>(), op[3].get<double>(), op[4].get<double>(), op[5].get<double>()});
    }
    if (name == "property" || name == "connectionProperty") {
        if (op.size() != 4 || !isString(op, 1) || !isString(op, 2)) {
            return malformed(name, "an id, a key and a value");
        }
        return name == "property"
                   ? diagram.setProperty(op[1].get<std::string>(), op[2].get<std::string>(), op[3])
                   : diagram.setConnectionProperty(op[1].get<std::string>(),
                                                   op[2].get<std::string>(), op[3]);
    }
    if (name == "tags") {
        if (op.size() != 3 || !isString(op, 1) || !op[2].is_object()) {
            return malformed(name, "an id and an object of strings");
        }
        std::map<std::string, std::string> tags;
        for (const auto& [key, value] : op[2].items()) {
            if (!value.is_string()) {
                return malformed(name, "an id and an object of strings");
            }
            tags[key] = value.get<std::string>();
        }
        return diagram.setTags(op[1].get<std::string>(), std::move(tags));
    }
    if (name == "suppress") {
        if (op.size() != 3 || !isString(op, 1) || !isStringList(op[2])) {
            return malformed(name, "an id and a list of rule ids");
        }
        return diagram.setSuppressions(op[1].get<std::string>(),
                                       op[2].get<std::vector<std::string>>());
    }
    if (name == "documentName") {
        if (op.size() != 2 || !isString(op, 1)) {
            return malformed(name, "a string");
        }
        diagram.setName(op[1].get<std::string>());
        return Status::success();
    }
    if (name == "metadata") {
        if (op.size() != 2 || !op[1].is_object()) {
            return malformed(name, "an object");
        }
        diagram.setMetadata(op[1]);
        return Status::success();
    }
    if (name == "assign") {
        if (op.size() != 3 || !op[1].is_array() || !op[2].is_array()) {
            return malformed(name, "a list of elements and a list of connections");
        }
        std::vector<Element> elements;
        std::vector<Connection> connections;
        std::string error;
        for (const json& value : op[1]) {
            std::optional<Element> element = elementFromJson(value, &error);
            if (!element) {
                return Status::failure("element " + error);
            }
            elements.push_back(std::move(*element));
        }
        for (const json& value : op[2]) {
            std::optional<Connection> connection = connectionFromJson(value, &error);
            if (!connection) {
                return Status::failure("connection " + error);
            }
            connections.push_back(std::move(*connection));
        }
        return diagram.assign(std::move(elements), std::move(connections));
    }
    return Status::failure("unknown operation \"" + name + "\"");
}

}  // namespace skydraft
