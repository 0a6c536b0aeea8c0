// Tests of the registry of kind family mappings: one mapping per kind and per key, and every
// kind with a CloudFormation type exported and imported through its mapping.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "catalogue/resource_catalogue.h"
#include "cfn_kind_mapping.h"
#include "cfn_layout_metadata.h"
#include "cloudformation_exporter.h"
#include "cloudformation_importer.h"
#include "sample_diagrams.h"

namespace skydraft {
namespace {

using OJ = nlohmann::ordered_json;

/// Each key of the registry, and how often it is registered.
struct Keys {
    std::map<std::string, int> families, kinds, types, folds, claims;
};

Keys registryKeys() {
    Keys keys;
    const auto& catalogue = ResourceCatalogue::instance();
    for (const auto& family : cfn::mappingFamilies()) {
        ++keys.families[std::string(family.family)];
        for (const auto& mapping : family.kinds) {
            ++keys.kinds[std::string(mapping.kind)];
            const KindDef* element = catalogue.kind(mapping.kind);
            const ConnectionKindDef* connection = catalogue.connectionKind(mapping.kind);
            const std::string type = element      ? element->cfnType
                                     : connection ? connection->cfnType
                                                  : std::string();
            if (!type.empty()) {
                ++keys.types[type];
            }
            for (const auto alias : mapping.alsoImports) {
                ++keys.types[std::string(alias)];
            }
        }
        for (const auto& fold : family.folds) {
            ++keys.folds[std::string(fold.type)];
        }
        for (const auto& claim : family.claims) {
            ++keys.claims[std::string(claim.type)];
        }
    }
    return keys;
}

void expectUnique(const std::map<std::string, int>& counts, const char* what) {
    for (const auto& [key, count] : counts) {
        EXPECT_EQ(count, 1) << what << " \"" << key << "\" is registered " << count << " times";
    }
}

TEST(CfnMappingRegistry, KeysAreUnique) {
    const Keys keys = registryKeys();
    expectUnique(keys.families, "family");
    expectUnique(keys.kinds, "kind");
    expectUnique(keys.types, "imported resource type");
    expectUnique(keys.folds, "folded resource type");
    expectUnique(keys.claims, "claiming resource type");
}

TEST(CfnMappingRegistry, MappingsNameCatalogueKindsOfTheirShape) {
    const auto& catalogue = ResourceCatalogue::instance();
    for (const auto& family : cfn::mappingFamilies()) {
        for (const auto& mapping : family.kinds) {
            const bool element = catalogue.kind(mapping.kind) != nullptr;
            const bool connection = catalogue.connectionKind(mapping.kind) != nullptr;
            EXPECT_TRUE(element || connection) << mapping.kind << " is not in the catalogue";
            EXPECT_EQ(mapping.exportElement != nullptr, element) << mapping.kind;
            EXPECT_EQ(mapping.exportConnection != nullptr, connection) << mapping.kind;
            EXPECT_EQ(cfn::kindMapping(mapping.kind), &mapping);
        }
    }
}

TEST(CfnMappingRegistry, EveryKindWithACloudFormationTypeHasAMapping) {
    const auto& catalogue = ResourceCatalogue::instance();
    auto check = [](const std::string& kind, const std::string& type, bool isConnection) {
        if (type.empty()) {
            return;
        }
        const cfn::KindMapping* mapping = cfn::kindMapping(kind);
        ASSERT_NE(mapping, nullptr) << kind << " (" << type << ") has no registered mapping";
        EXPECT_TRUE(isConnection ? mapping->exportConnection != nullptr
                                 : mapping->exportElement != nullptr)
            << kind << " has no export";
        bool connection = !isConnection;
        EXPECT_EQ(cfn::mappingForType(type, &connection), mapping)
            << type << " is not read as " << kind;
        EXPECT_EQ(connection, isConnection) << kind;
    };
    for (const auto& def : catalogue.kinds()) {
        check(def.key, def.cfnType, false);
    }
    for (const auto& def : catalogue.connectionKinds()) {
        check(def.key, def.cfnType, true);
    }
}

TEST(CfnMappingRegistry, EveryKindWithACloudFormationTypeIsExportedAndImported) {
    // The sample with every kind: each kind with a type is written as a resource of that type,
    // a template without layout reads that resource back as the kind, and exporting what was
    // read writes the resource again unchanged.
    const Diagram d = test::allKindsDiagram();
    CfnExportOptions withoutLayout;
    withoutLayout.includeLayout = false;
    const OJ t = exportCloudFormation(d);
    const OJ bare = exportCloudFormation(d, withoutLayout);
    std::map<std::string, std::string> logicalIds;  // element or connection id -> logical id
    for (const char* section : {cfn::layout::kElements, cfn::layout::kConnections}) {
        for (const auto& entry : t["Metadata"][cfn::layout::kMetadataKey][section]) {
            if (entry.contains(cfn::layout::kLogicalId)) {
                logicalIds[entry[cfn::layout::kId].get<std::string>()] =
                    entry[cfn::layout::kLogicalId].get<std::string>();
            }
        }
    }
    const CfnImportResult imported = importCloudFormation(bare.dump());
    ASSERT_TRUE(imported) << imported.error->toString();
    // Exported again, each resource comes back as it was: the mapping read all it wrote.
    const OJ again = exportCloudFormation(*imported.diagram, withoutLayout);
    auto check = [&](const std::string& kind, const std::string& type, const std::string& id) {
        SCOPED_TRACE(kind);
        ASSERT_FALSE(id.empty()) << "the all-kinds sample has no " << kind << ": add one";
        ASSERT_TRUE(logicalIds.count(id)) << kind << " " << id << " was not exported";
        const std::string logicalId = logicalIds[id];
        EXPECT_EQ(bare["Resources"][logicalId]["Type"], type);
        const Element* e = imported.diagram->element(logicalId);
        const Connection* c = imported.diagram->connection(logicalId);
        const std::string back = e ? e->kind : c ? c->kind : std::string("nothing");
        EXPECT_EQ(back, kind) << logicalId << " was imported as " << back;
        // Compared as unordered objects: what the import keeps unread is written after the rest.
        EXPECT_EQ(nlohmann::json(again["Resources"].value(logicalId, OJ())),
                  nlohmann::json(bare["Resources"][logicalId]))
            << logicalId << " does not round-trip";
    };
    const auto& catalogue = ResourceCatalogue::instance();
    for (const auto& def : catalogue.kinds()) {
        if (!def.cfnType.empty()) {
            const auto of = d.elementsOfKind(def.key);
            check(def.key, def.cfnType, of.empty() ? std::string() : of.front()->id);
        }
    }
    for (const auto& def : catalogue.connectionKinds()) {
        if (def.cfnType.empty()) {
            continue;
        }
        std::string id;
        for (const auto& c : d.connections()) {
            if (c.kind == def.key && id.empty()) {
                id = c.id;
            }
        }
        check(def.key, def.cfnType, id);
    }
}

}  // namespace
}  // namespace skydraft
