// The registry of the kind families' CloudFormation mappings: an explicit list, in order.
#include <unordered_map>

#include "catalogue/resource_catalogue.h"
#include "cfn_kind_mapping.h"
#include "kinds/families.h"

namespace skydraft::cfn {

const std::vector<FamilyMapping>& mappingFamilies() {
    static const std::vector<FamilyMapping> registry = {
        families::network(), families::routing(), families::security(),    families::hybrid(),
        families::compute(), families::data(),    families::connections(), families::other(),
    };
    return registry;
}

namespace {

struct TypeEntry {
    const KindMapping* mapping = nullptr;
    bool connection = false;
};

/// Lookups by kind and by resource type, built once; the first registration of a key wins
/// (the registry test checks that there is only one).
struct Index {
    std::unordered_map<std::string_view, const KindMapping*> kinds;
    std::unordered_map<std::string_view, TypeEntry> types;
    std::unordered_map<std::string_view, const Fold*> folds;
    std::unordered_map<std::string_view, const Claim*> claims;

    Index() {
        const auto& catalogue = ResourceCatalogue::instance();
        for (const auto& family : mappingFamilies()) {
            for (const auto& mapping : family.kinds) {
                kinds.emplace(mapping.kind, &mapping);
                const KindDef* element = catalogue.kind(mapping.kind);
                const ConnectionKindDef* connection = catalogue.connectionKind(mapping.kind);
                const std::string* type = element      ? &element->cfnType
                                          : connection ? &connection->cfnType
                                                       : nullptr;
                const TypeEntry entry{&mapping, connection != nullptr};
                if (type && !type->empty()) {
                    types.emplace(*type, entry);
                }
                for (const auto alias : mapping.alsoImports) {
                    types.emplace(alias, entry);
                }
            }
            for (const auto& fold : family.folds) {
                folds.emplace(fold.type, &fold);
            }
            for (const auto& claim : family.claims) {
                claims.emplace(claim.type, &claim);
            }
        }
    }
};

const Index& index() {
    static const Index instance;
    return instance;
}

template <typename Map>
auto find(const Map& map, std::string_view key) -> typename Map::mapped_type {
    const auto it = map.find(key);
    return it == map.end() ? typename Map::mapped_type{} : it->second;
}

}  // namespace

const KindMapping* kindMapping(std::string_view kind) {
    return find(index().kinds, kind);
}

const KindMapping* mappingForType(std::string_view type, bool* connection) {
    const TypeEntry entry = find(index().types, type);
    if (connection) {
        *connection = entry.connection;
    }
    return entry.mapping;
}

const Fold* foldFor(std::string_view type) {
    return find(index().folds, type);
}

const Claim* claimFor(std::string_view type) {
    return find(index().claims, type);
}

}  // namespace skydraft::cfn
