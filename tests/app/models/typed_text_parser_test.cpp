// TypedTextParser: every editor's text, exact values and exact errors.
#include <gtest/gtest.h>

#include "catalogue/resource_catalogue.h"
#include "models/typed_text_parser.h"

namespace skydraft {
namespace {

using nlohmann::json;
using E = PropertyEditor;

TypedValue parse(PropertyEditor editor, std::string_view text,
                 CidrFamily family = CidrFamily::Any) {
    return TypedTextParser::parse(editor, text, family);
}

TEST(TypedTextParserTest, CidrsAreTrimmedCheckedByFamilyAndEmptyMeansNone) {
    EXPECT_EQ(parse(E::Cidr, " 10.0.1.0/24 ").value, "10.0.1.0/24");
    EXPECT_EQ(parse(E::Cidr, " 10.0.1.0/24 ").error, "");
    EXPECT_EQ(parse(E::Cidr, "  ").value, nullptr);
    EXPECT_TRUE(parse(E::Cidr, "").ok());
    EXPECT_EQ(parse(E::Cidr, "10.0.300.0/24").error,
              "\"10.0.300.0/24\": octet 3 is 300, more than 255 (at character 6)");
    EXPECT_EQ(parse(E::Cidr, "10.0.0.0/33").error,
              "\"10.0.0.0/33\": the prefix length 33 is out of range (0 to 32) (at character 10)");
    // The text is kept even when it does not parse, so the editor can show it.
    EXPECT_EQ(parse(E::Cidr, "10.0.300.0/24").value, "10.0.300.0/24");
    EXPECT_TRUE(parse(E::Cidr, "2600:1f18::/56", CidrFamily::V6).ok());
    EXPECT_FALSE(parse(E::Cidr, "2600:1f18::/56", CidrFamily::V4).ok());
    EXPECT_FALSE(parse(E::Cidr, "10.0.0.0/16", CidrFamily::V6).ok());
    EXPECT_TRUE(parse(E::Cidr, "2600:1f18::/56", CidrFamily::Any).ok());
}

TEST(TypedTextParserTest, AddressesWholeNumbersAndSwitches) {
    EXPECT_EQ(parse(E::IpAddress, "10.0.1.7").value, "10.0.1.7");
    EXPECT_TRUE(parse(E::IpAddress, "10.0.1.7").ok());
    EXPECT_EQ(parse(E::IpAddress, "10.0.1").error.substr(0, 10), "\"10.0.1\": ");
    EXPECT_EQ(parse(E::IpAddress, "").value, nullptr);

    EXPECT_EQ(parse(E::Integer, " 443 ").value, 443);
    EXPECT_TRUE(parse(E::Integer, "443").value.is_number_integer());
    EXPECT_EQ(parse(E::Integer, "-1").value, -1);
    EXPECT_EQ(parse(E::Integer, "+22").value, 22);
    EXPECT_EQ(parse(E::Integer, "").value, nullptr);
    EXPECT_TRUE(parse(E::Integer, "").ok());
    for (const char* bad : {"4.5", "12abc", "abc", "+", "-", "++1", "99999999999999999999"}) {
        EXPECT_EQ(parse(E::Integer, bad).error,
                  "\"" + std::string(bad) + "\" is not a whole number")
            << bad;
    }

    EXPECT_EQ(parse(E::Bool, "true").value, true);
    EXPECT_EQ(parse(E::Bool, " false ").value, false);
    EXPECT_EQ(parse(E::Bool, "yes").error, "\"yes\": write true or false");
}

TEST(TypedTextParserTest, ListsSplitOnCommasSemicolonsAndLines) {
    EXPECT_EQ(parse(E::StringList, "a, b;c\n\n d ,").value, json::parse(R"(["a","b","c","d"])"));
    EXPECT_EQ(parse(E::StringList, "").value, json::array());
    EXPECT_EQ(parse(E::ReferenceList, "subnet-1,subnet-2").value,
              json::parse(R"(["subnet-1","subnet-2"])"));
    const TypedValue cidrs = parse(E::CidrList, "10.1.0.0/16, 10.2.0/16, 10.3.0.0/99");
    EXPECT_EQ(cidrs.value, json::parse(R"(["10.1.0.0/16","10.2.0/16","10.3.0.0/99"])"));
    // The first bad item is the one reported.
    EXPECT_EQ(cidrs.error.substr(0, 13), "\"10.2.0/16\": ");
    EXPECT_FALSE(parse(E::CidrList, "10.1.0.0/16", CidrFamily::V6).ok());
    EXPECT_EQ(TypedTextParser::splitList(" ,;\n"), std::vector<std::string>{});
}

TEST(TypedTextParserTest, TagsAreKeyValueLines) {
    const TypedValue tags = TypedTextParser::parseTags("team = network\n\n env=prod \nurl=a=b");
    ASSERT_TRUE(tags.ok());
    EXPECT_EQ(tags.value, json::parse(R"({"env":"prod","team":"network","url":"a=b"})"));
    EXPECT_EQ(TypedTextParser::parseTags("").value, json::object());
    EXPECT_EQ(TypedTextParser::parseTags("ok=1\n no equals sign ").error,
              "\"no equals sign\": write a tag as key=value");
    EXPECT_EQ(TypedTextParser::parseTags("=value").error, "\"=value\": write a tag as key=value");
}

TEST(TypedTextParserTest, JsonAndListsOfObjectsAreParsedWithANestingLimit) {
    EXPECT_EQ(parse(E::Json, R"( {"a": [1, 2]} )").value, json::parse(R"({"a":[1,2]})"));
    EXPECT_EQ(parse(E::Json, "").value, nullptr);
    EXPECT_EQ(parse(E::Json, "{").error, "not valid JSON");
    EXPECT_EQ(parse(E::Routes, R"([{"destination":"0.0.0.0/0","target":"igw-1"}])").value,
              json::parse(R"([{"destination":"0.0.0.0/0","target":"igw-1"}])"));
    const std::string deep = std::string(200, '[') + std::string(200, ']');
    EXPECT_EQ(parse(E::Json, deep).error, "nested deeper than 100 levels (at character 101)");
}

TEST(TypedTextParserTest, FreeTextAndChoicesAreKeptAsTyped) {
    EXPECT_EQ(parse(E::Text, "  web tier ").value, "  web tier ");
    EXPECT_EQ(parse(E::Choice, "dedicated").value, "dedicated");
    EXPECT_EQ(parse(E::Zone, "us-east-1c").value, "us-east-1c");
    EXPECT_EQ(parse(E::Reference, "").value, "");
}

TEST(TypedTextParserTest, FamiliesComeFromTheCatalogue) {
    const auto& catalogue = ResourceCatalogue::instance();
    const KindDef* vpc = catalogue.kind("vpc");
    const KindDef* subnet = catalogue.kind("subnet");
    ASSERT_NE(vpc, nullptr);
    ASSERT_NE(subnet, nullptr);
    EXPECT_EQ(TypedTextParser::familyOf(*vpc->property("cidr")), CidrFamily::V4);
    EXPECT_EQ(TypedTextParser::familyOf(*subnet->property("ipv6_cidr")), CidrFamily::V6);
    EXPECT_EQ(TypedTextParser::familyOf(*vpc->property("ipv6_cidrs")), CidrFamily::V6);
    EXPECT_EQ(TypedTextParser::familyOf(*vpc->property("secondary_cidrs")), CidrFamily::Any);
}

}  // namespace
}  // namespace skydraft
