// Consistency tests of the resource catalogue (model/resource_catalogue).
#include "catalogue/resource_catalogue.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

namespace skydraft {
namespace {

TEST(ResourceCatalogue, KeysAreUniqueAndWellFormed) {
    const auto& catalogue = ResourceCatalogue::instance();
    std::set<std::string> keys;
    for (const auto& kind : catalogue.kinds()) {
        EXPECT_TRUE(keys.insert(kind.key).second) << "duplicate kind " << kind.key;
        EXPECT_FALSE(kind.displayName.empty()) << kind.key;
        EXPECT_FALSE(kind.description.empty()) << kind.key;
        EXPECT_EQ(kind.icon, kind.key);
        for (char c : kind.key) {
            EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') << kind.key;
        }
    }
    for (const auto& kind : catalogue.connectionKinds()) {
        EXPECT_TRUE(keys.insert(kind.key).second) << "duplicate key " << kind.key;
    }
}

TEST(ResourceCatalogue, ContainersAreKnownContainerKinds) {
    const auto& catalogue = ResourceCatalogue::instance();
    for (const auto& kind : catalogue.kinds()) {
        EXPECT_FALSE(kind.containers.empty()) << kind.key << " has nowhere to live";
        for (const auto& container : kind.containers) {
            if (container.empty()) {
                continue;
            }
            const KindDef* parent = catalogue.kind(container);
            ASSERT_NE(parent, nullptr) << kind.key << " lives in unknown " << container;
            EXPECT_TRUE(parent->isContainer) << container << " is not a container";
        }
    }
}

TEST(ResourceCatalogue, PropertiesAreConsistent) {
    const auto& catalogue = ResourceCatalogue::instance();
    for (const auto& kind : catalogue.kinds()) {
        std::set<std::string> seen;
        for (const auto& p : kind.properties) {
            EXPECT_TRUE(seen.insert(p.key).second) << kind.key << "." << p.key;
            EXPECT_FALSE(p.label.empty()) << kind.key << "." << p.key;
            if (!p.defaultValue.is_null()) {
                EXPECT_EQ(ResourceCatalogue::checkValue(p, p.defaultValue), "")
                    << kind.key << "." << p.key << " default has the wrong shape";
            }
            if (p.type == PropertyType::Enum) {
                EXPECT_FALSE(p.enumValues.empty()) << kind.key << "." << p.key;
            }
            for (const auto& ref : p.referenceKinds) {
                EXPECT_TRUE(catalogue.kind(ref) || catalogue.connectionKind(ref))
                    << kind.key << "." << p.key << " refers to unknown " << ref;
            }
        }
    }
}

TEST(ResourceCatalogue, ConnectionEndpointsAreKnownKinds) {
    const auto& catalogue = ResourceCatalogue::instance();
    for (const auto& kind : catalogue.connectionKinds()) {
        for (const auto& rule : kind.endpoints) {
            EXPECT_NE(catalogue.kind(rule.from), nullptr) << kind.key << " from " << rule.from;
            EXPECT_NE(catalogue.kind(rule.to), nullptr) << kind.key << " to " << rule.to;
        }
    }
    EXPECT_TRUE(catalogue.connectionKind("vpc_peering")->canJoin("vpc", "vpc"));
    EXPECT_FALSE(catalogue.connectionKind("vpc_peering")->canJoin("vpc", "subnet"));
    EXPECT_TRUE(catalogue.connectionKind("uses")->canJoin("lambda_function", "s3_bucket"));
}

TEST(ResourceCatalogue, EveryKindHasAnIcon) {
    const std::filesystem::path icons = std::filesystem::path(SKYDRAFT_SOURCE_DIR) / "icons";
    for (const auto& kind : ResourceCatalogue::instance().kinds()) {
        EXPECT_TRUE(std::filesystem::exists(icons / (kind.icon + ".svg"))) << kind.icon;
    }
    for (const auto& kind : ResourceCatalogue::instance().connectionKinds()) {
        EXPECT_TRUE(std::filesystem::exists(icons / (kind.key + ".svg"))) << kind.key;
    }
}

TEST(ResourceCatalogue, LooksUpByCloudFormationType) {
    const auto& catalogue = ResourceCatalogue::instance();
    ASSERT_NE(catalogue.kindForCfnType("AWS::EC2::Subnet"), nullptr);
    EXPECT_EQ(catalogue.kindForCfnType("AWS::EC2::Subnet")->key, "subnet");
    EXPECT_EQ(catalogue.kindForCfnType("AWS::Nothing::Here"), nullptr);
    EXPECT_EQ(catalogue.kindForCfnType(""), nullptr);
}

TEST(ResourceCatalogue, CheckValueDescribesTheExpectedShape) {
    const auto& vpc = *ResourceCatalogue::instance().kind("vpc");
    EXPECT_EQ(ResourceCatalogue::checkValue(*vpc.property("cidr"), 5), "expected a string");
    EXPECT_EQ(ResourceCatalogue::checkValue(*vpc.property("enable_dns_support"), "yes"),
              "expected true or false");
    EXPECT_EQ(ResourceCatalogue::checkValue(*vpc.property("instance_tenancy"), "shared"),
              "expected one of default, dedicated");
    EXPECT_EQ(ResourceCatalogue::checkValue(*vpc.property("secondary_cidrs"),
                                            nlohmann::json::array({"10.1.0.0/16", 3})),
              "expected an array of strings");
    const auto& rt = *ResourceCatalogue::instance().kind("route_table");
    EXPECT_EQ(
        ResourceCatalogue::checkValue(*rt.property("routes"),
                                      nlohmann::json::parse(R"([{"destination":"0.0.0.0/0"}])")),
        "each route needs a string \"destination\" and \"target\"");
}

}  // namespace
}  // namespace skydraft
