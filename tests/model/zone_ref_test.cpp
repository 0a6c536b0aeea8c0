// Tests of evaluated availability zones and their display (model/zone_ref,
// template/symbolic_value).
#include "zone_ref.h"

#include <gtest/gtest.h>

#include "template/symbolic_value.h"

namespace skydraft {
namespace {

using nlohmann::json;

Element subnet(const std::string& id, json zone, json cfn = nullptr) {
    Element e;
    e.id = id;
    e.kind = "subnet";
    e.parent = "vpc";
    e.properties = {{"cidr", "10.0.0.0/24"}};
    if (!zone.is_null()) {
        e.properties["availability_zone"] = std::move(zone);
    }
    if (!cfn.is_null()) {
        e.properties["cloudformation"] = std::move(cfn);
    }
    return e;
}

const json kSelect1 = json::parse(R"({"Fn::Select": [1, {"Fn::GetAZs": ""}]})");

TEST(SymbolicValue, StoredFormRoundTrips) {
    for (const SymbolicValue& v :
         {SymbolicValue::zone(2), SymbolicValue::unknown("comes from import X"),
          SymbolicValue::invalid("index 3 is out of range"), SymbolicValue::absent()}) {
        const auto back = SymbolicValue::fromJson(v.toJson());
        ASSERT_TRUE(back) << v.toJson().dump();
        EXPECT_EQ(*back, v);
    }
    EXPECT_TRUE(SymbolicValue::known("a").toJson().is_null());
    EXPECT_FALSE(SymbolicValue::fromJson(json{{"zone_index", -1}}));
    EXPECT_FALSE(SymbolicValue::fromJson(json{{"zone_index", 1}, {"unknown", "x"}}));
    EXPECT_FALSE(SymbolicValue::fromJson("zone"));
}

TEST(SymbolicValue, IntrinsicText) {
    EXPECT_EQ(intrinsicText(kSelect1), "!Select [1, !GetAZs '']");
    EXPECT_EQ(intrinsicText(json::parse(R"({"Fn::GetAtt": ["Vpc", "CidrBlock"]})")),
              "!GetAtt Vpc.CidrBlock");
    EXPECT_EQ(intrinsicText(json::parse(R"({"Fn::ImportValue": "Shared"})")),
              "!ImportValue Shared");
}

TEST(ZoneRef, EvaluatedZonesAndTheirLabels) {
    // As the importer stores a CDK subnet whose region is not known.
    const Element second = subnet("s2", "!Select [1, !GetAZs '']",
                                  {{"symbolic", {{"availability_zone", kSelect1}}},
                                   {"evaluated", {{"availability_zone", {{"zone_index", 1}}}}}});
    ZoneRef z = zoneOf(second, "");
    EXPECT_EQ(z.kind, ZoneRef::Kind::Index);
    EXPECT_EQ(z.label(), "zone 2 of the region");
    EXPECT_EQ(z.key(), "#2");
    EXPECT_EQ(z.expression, "!Select [1, !GetAZs '']");
    z = zoneOf(second, "eu-west-1");
    EXPECT_EQ(z.kind, ZoneRef::Kind::Name);
    EXPECT_EQ(z.label(), "eu-west-1b");
    EXPECT_EQ(z.index, 1);
    z = zoneOf(second, "us-west-1");  // two zones: index 1 is us-west-1c
    EXPECT_EQ(z.label(), "us-west-1c");

    // Imported before evaluated forms were stored: the expression is evaluated again.
    const Element old = subnet(
        "s0", "!Select [0, !GetAZs '']",
        {{"symbolic",
          {{"availability_zone", json::parse(R"({"Fn::Select": [0, {"Fn::GetAZs": ""}]})")}}}});
    EXPECT_EQ(zoneOf(old, "").label(), "zone 1 of the region");
    EXPECT_EQ(zoneOf(old, "").index, 0);

    // A known value read through a parameter: the property holds it.
    const Element named =
        subnet("s3", "us-east-1c", {{"symbolic", {{"availability_zone", {{"Ref", "Zone"}}}}}});
    EXPECT_EQ(zoneOf(named, "").kind, ZoneRef::Kind::Name);
    EXPECT_EQ(zoneOf(named, "").label(), "us-east-1c");

    const Element imported = subnet(
        "s4", "!ImportValue SharedZone",
        {{"symbolic", {{"availability_zone", {{"Fn::ImportValue", "SharedZone"}}}}},
         {"evaluated", {{"availability_zone", {{"unknown", "comes from import SharedZone"}}}}}});
    z = zoneOf(imported, "us-east-1");
    EXPECT_EQ(z.kind, ZoneRef::Kind::Unknown);
    EXPECT_EQ(z.reason, "comes from import SharedZone");
    EXPECT_EQ(z.label(), "!ImportValue SharedZone");
    EXPECT_EQ(z.key(), "");

    EXPECT_TRUE(zoneOf(subnet("s5", nullptr), "").isNone());
    const Element tooFar = subnet("s6", "!Select [5, !GetAZs '']",
                                  {{"evaluated", {{"availability_zone", {{"zone_index", 5}}}}}});
    EXPECT_EQ(zoneOf(tooFar, "eu-west-1").kind, ZoneRef::Kind::Invalid);
    EXPECT_EQ(zoneOf(tooFar, "eu-west-1").reason,
              "the region eu-west-1 has 3 zones, so it has no zone 6");
}

TEST(ZoneRef, SameZoneOnlyWhenComparable) {
    ZoneRef a{ZoneRef::Kind::Index, "", 0, "", ""};
    ZoneRef b{ZoneRef::Kind::Index, "", 0, "", ""};
    ZoneRef c{ZoneRef::Kind::Index, "", 1, "", ""};
    ZoneRef n{ZoneRef::Kind::Name, "us-east-1a", 0, "", ""};
    ZoneRef u{ZoneRef::Kind::Unknown, "", -1, "comes from import X", ""};
    EXPECT_TRUE(a.sameZone(b));
    EXPECT_FALSE(a.sameZone(c));
    EXPECT_TRUE(a.comparable(c));
    EXPECT_FALSE(a.comparable(n));
    EXPECT_FALSE(a.sameZone(n));
    EXPECT_FALSE(u.comparable(u));
}

TEST(ZoneRef, DisplayTextUsesTheVpcRegion) {
    Diagram d;
    Element vpc;
    vpc.id = "vpc";
    vpc.kind = "vpc";
    vpc.properties = {{"cidr", "10.0.0.0/16"}};
    ASSERT_TRUE(d.addElement(vpc));
    ASSERT_TRUE(
        d.addElement(subnet("s2", "!Select [1, !GetAZs '']",
                            {{"symbolic", {{"availability_zone", kSelect1}}},
                             {"evaluated", {{"availability_zone", {{"zone_index", 1}}}}}})));
    const Element& s = *d.element("s2");
    EXPECT_EQ(propertyDisplayText(d, s, "availability_zone"), "zone 2 of the region");
    EXPECT_EQ(propertyDisplayText(d, s, "cidr"), "10.0.0.0/24");
    EXPECT_EQ(propertyExpressionText(s, "availability_zone"), "!Select [1, !GetAZs '']");
    EXPECT_EQ(propertyExpressionText(s, "cidr"), "");
    ASSERT_TRUE(d.setProperty("vpc", "region", "ap-southeast-2"));
    EXPECT_EQ(propertyDisplayText(d, *d.element("s2"), "availability_zone"), "ap-southeast-2b");
}

}  // namespace
}  // namespace skydraft
