// Tests of the region and zone table (model/catalogue/regions).
#include "catalogue/regions.h"

#include <gtest/gtest.h>

#include <set>

namespace skydraft {
namespace {

TEST(Regions, EveryZoneBelongsToItsRegion) {
    std::set<std::string_view> names;
    for (const RegionInfo& r : regions()) {
        EXPECT_TRUE(names.insert(r.name).second) << r.name;
        EXPECT_FALSE(r.displayName.empty()) << r.name;
        ASSERT_GE(r.zones.size(), 2u) << r.name;
        for (std::size_t i = 0; i < r.zones.size(); ++i) {
            const std::string_view z = r.zones[i];
            EXPECT_EQ(z.substr(0, r.name.size()), r.name);
            EXPECT_EQ(z.size(), r.name.size() + 1) << z;
            if (i > 0) {
                EXPECT_LT(r.zones[i - 1], z) << "Fn::GetAZs lists zones in alphabetical order";
            }
        }
    }
    EXPECT_GE(regions().size(), 30u);
}

TEST(Regions, LookUps) {
    ASSERT_NE(findRegion("eu-west-1"), nullptr);
    EXPECT_EQ(findRegion("eu-west-1")->displayName, "Europe (Ireland)");
    EXPECT_EQ(findRegion("us-gov-west-1"), nullptr);
    EXPECT_EQ(zoneAt("us-east-1", 5), "us-east-1f");
    EXPECT_EQ(zoneAt("us-east-1", 6), "");
    EXPECT_EQ(zoneAt("ap-northeast-1", 1), "ap-northeast-1c");
    EXPECT_EQ(zoneAt("nowhere-1", 0), "");
    EXPECT_EQ(zoneIndexOf("ca-central-1", "ca-central-1d"), 2);
    EXPECT_EQ(zoneIndexOf("ca-central-1", "ca-central-1c"), -1);
    EXPECT_EQ(partitionOf("cn-northwest-1"), "aws-cn");
    EXPECT_EQ(partitionOf("us-gov-east-1"), "aws-us-gov");
    EXPECT_EQ(partitionOf("eu-west-1"), "aws");
    EXPECT_EQ(urlSuffixOf("cn-north-1"), "amazonaws.com.cn");
    EXPECT_EQ(urlSuffixOf("us-east-1"), "amazonaws.com");
}

}  // namespace
}  // namespace skydraft
