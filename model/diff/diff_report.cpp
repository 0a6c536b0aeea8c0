// Diagram comparisons as JSON for scripts and as text for people.
#include "diff/diff_report.h"

#include "catalogue/resource_catalogue.h"

namespace skydraft {

using nlohmann::json;

namespace {

std::string kindLabel(const ItemChange& item) {
    const auto& catalogue = ResourceCatalogue::instance();
    if (item.connection) {
        const ConnectionKindDef* def = catalogue.connectionKind(item.kind);
        return def ? def->displayName : item.kind;
    }
    const KindDef* def = catalogue.kind(item.kind);
    return def ? def->displayName : item.kind;
}

std::string ids(const ItemChange& item) {
    if (item.idA.empty()) {
        return item.idB;
    }
    if (item.idB.empty() || item.idB == item.idA) {
        return item.idA;
    }
    return item.idA + " = " + item.idB;
}

}  // namespace

std::string_view changeTypeKey(ChangeType type) {
    switch (type) {
        case ChangeType::Added:
            return "added";
        case ChangeType::Removed:
            return "removed";
        case ChangeType::Changed:
            return "changed";
    }
    return "changed";
}

json diffToJson(const DiagramDiff& diff) {
    json changes = json::array();
    for (const auto& item : diff.items) {
        json entry = {{"change", changeTypeKey(item.type)},
                      {"kind", item.kind},
                      {"connection", item.connection},
                      {"name", item.name},
                      {"a", item.idA.empty() ? json() : json(item.idA)},
                      {"b", item.idB.empty() ? json() : json(item.idB)}};
        if (item.type == ChangeType::Changed) {
            entry["matched_by"] = item.matchedBy;
            json properties = json::array();
            for (const auto& change : item.changes) {
                properties.push_back({{"property", change.key},
                                      {"before", change.before},
                                      {"after", change.after},
                                      {"details", change.details}});
            }
            entry["properties"] = properties;
        }
        changes.push_back(std::move(entry));
    }
    return {{"equal", diff.equal()},
            {"summary",
             {{"added", diff.added},
              {"removed", diff.removed},
              {"changed", diff.changed},
              {"unchanged", diff.unchanged}}},
            {"changes", changes}};
}

std::string diffToText(const DiagramDiff& diff) {
    std::string text;
    for (const auto& item : diff.items) {
        const char sign = item.type == ChangeType::Added     ? '+'
                          : item.type == ChangeType::Removed ? '-'
                                                             : '~';
        text += std::string(1, sign) + " " + kindLabel(item) + " \"" + item.name + "\" (" +
                ids(item) + ")\n";
        for (const auto& change : item.changes) {
            for (const auto& detail : change.details) {
                text += "    " + change.key + ": " + detail + "\n";
            }
        }
    }
    if (diff.equal()) {
        text += "no differences (" + std::to_string(diff.unchanged) + " items match)\n";
    } else {
        text += std::to_string(diff.changed) + " changed, " + std::to_string(diff.added) +
                " added, " + std::to_string(diff.removed) + " removed, " +
                std::to_string(diff.unchanged) + " unchanged\n";
    }
    return text;
}

}  // namespace skydraft
