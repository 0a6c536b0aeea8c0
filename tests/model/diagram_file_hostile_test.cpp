// Hostile and broken native files: each gets an exact error, never a crash or a partial load.
#include <gtest/gtest.h>

#include "diagram_file.h"
#include "json_text.h"

namespace skydraft {
namespace {

std::string document(const std::string& elements, const std::string& connections = "[]") {
    return R"({"format": "skydraft", "version": 1, "name": "x", "elements": )" + elements +
           R"(, "connections": )" + connections + "}";
}

std::string errorOf(const std::string& text) {
    const LoadResult result = loadDiagram(text);
    EXPECT_FALSE(result);
    return result.error ? result.error->toString() : std::string("(loaded)");
}

struct WrongType {
    const char* name;
    const char* element;
    const char* expected;
};

class WrongTypes : public ::testing::TestWithParam<WrongType> {};

TEST_P(WrongTypes, NameTheFieldAndTheTypes) {
    EXPECT_EQ(errorOf(document(std::string("[") + GetParam().element + "]")), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    EveryElementField, WrongTypes,
    ::testing::Values(
        WrongType{"Id", R"({"id": 7, "kind": "vpc"})",
                  "line 1, column 71 (/elements/0/id): expected a string, found a number"},
        WrongType{"Kind", R"({"id": "v", "kind": null})",
                  "line 1, column 84 (/elements/0/kind): expected a string, found null"},
        WrongType{"Name", R"({"id": "v", "kind": "vpc", "name": []})",
                  "line 1, column 99 (/elements/0/name): expected a string, found an array"},
        WrongType{"Parent", R"({"id": "v", "kind": "vpc", "parent": {}})",
                  "line 1, column 101 (/elements/0/parent): expected a string, found an object"},
        WrongType{"Geometry", R"({"id": "v", "kind": "vpc", "geometry": [1, 2]})",
                  "line 1, column 103 (/elements/0/geometry): expected an object, found an array"},
        WrongType{"GeometryWidth", R"({"id": "v", "kind": "vpc", "geometry": {"width": true}})",
                  "line 1, column 113 (/elements/0/geometry/width): expected a number, found a "
                  "boolean"},
        WrongType{"GeometryHuge", R"({"id": "v", "kind": "vpc", "geometry": {"x": 1e300}})",
                  "line 1, column 109 (/elements/0/geometry/x): the coordinate is out of range"},
        WrongType{"GeometryNegative", R"({"id": "v", "kind": "vpc", "geometry": {"width": -5}})",
                  "line 1, column 103 (/elements/0/geometry): width and height cannot be negative"},
        WrongType{"Properties", R"({"id": "v", "kind": "vpc", "properties": "cidr"})",
                  "line 1, column 105 (/elements/0/properties): expected an object, found a "
                  "string"},
        WrongType{"PropertyValue",
                  R"({"id": "v", "kind": "vpc", "properties": {"secondary_cidrs": "10.1.0.0/16"}})",
                  "line 1, column 105 (/elements/0/properties): \"v\": property "
                  "\"secondary_cidrs\": expected an array of strings"},
        WrongType{"Tags", R"({"id": "v", "kind": "vpc", "tags": ["a"]})",
                  "line 1, column 99 (/elements/0/tags): expected an object, found an array"},
        WrongType{"TagValue", R"({"id": "v", "kind": "vpc", "tags": {"a/b": 1}})",
                  "line 1, column 107 (/elements/0/tags/a~1b): expected a string, found a number"},
        WrongType{"Suppress", R"({"id": "v", "kind": "vpc", "suppress": "VPC007"})",
                  "line 1, column 103 (/elements/0/suppress): expected an array, found a string"},
        WrongType{"SuppressItem", R"({"id": "v", "kind": "vpc", "suppress": [1]})",
                  "line 1, column 104 (/elements/0/suppress/0): expected a string, found a number"},
        WrongType{"ElementNotObject", R"(42)",
                  "line 1, column 64 (/elements/0): expected an object, found a number"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(HostileFiles, TopLevelFieldsOfTheWrongType) {
    EXPECT_EQ(errorOf(R"({"format": "skydraft", "version": "1"})"),
              "line 1, column 35 (/version): \"version\" must be a whole number");
    EXPECT_EQ(errorOf(R"({"format": "skydraft", "version": 1, "elements": {}})"),
              "line 1, column 50 (/elements): expected an array, found an object");
    EXPECT_EQ(errorOf(R"({"format": "skydraft", "version": 1, "name": 3})"),
              "line 1, column 46 (/name): expected a string, found a number");
    EXPECT_EQ(errorOf(R"({"format": "skydraft", "version": 1, "metadata": []})"),
              "line 1, column 50 (/metadata): expected an object, found an array");
    EXPECT_EQ(errorOf(R"({"format": "skydraft", "version": 0})"),
              "line 1, column 35 (/version): unknown format version 0");
}

TEST(HostileFiles, ConnectionFieldsOfTheWrongType) {
    const std::string vpcs = R"([{"id": "a", "kind": "vpc"}, {"id": "b", "kind": "vpc"}])";
    EXPECT_EQ(
        errorOf(document(vpcs, R"([{"id": "p", "kind": "vpc_peering", "from": "a", "to": 5}])")),
        "line 1, column 191 (/connections/0/to): expected a string, found a number");
    EXPECT_EQ(
        errorOf(document(vpcs, R"([{"id": "a", "kind": "vpc_peering", "from": "a", "to": "b"}])")),
        "line 1, column 144 (/connections/0/id): the id \"a\" is already used");
}

TEST(HostileFiles, DeepNestingIsRefusedWithoutRecursion) {
    const std::string deep = R"({"format": "skydraft", "version": 1, "metadata": {"x": )" +
                             std::string(1000000, '[') + std::string(1000000, ']') + "}}";
    EXPECT_EQ(errorOf(deep),
              "line 1, column 154: arrays and objects are nested more than 100 levels deep");
    // Brackets inside strings do not count.
    const std::string quoted = document("[]");
    std::string withBrackets =
        R"({"format": "skydraft", "version": 1, "name": ")" + std::string(500, '[') + R"("})";
    EXPECT_TRUE(loadDiagram(withBrackets));
    EXPECT_TRUE(loadDiagram(quoted));
}

TEST(HostileFiles, OversizedDocumentIsRefusedUpFront) {
    const std::string huge(kMaxDocumentBytes + 1, ' ');
    EXPECT_EQ(errorOf(huge), "the document is 65 MB; Skydraft opens documents up to 64 MB");
}

TEST(HostileFiles, NulBytes) {
    std::string raw = R"({"format": "skydraft", "version": 1, "name": "a)";
    raw += '\0';
    raw += R"(b"})";
    EXPECT_EQ(
        errorOf(raw),
        "line 1, column 48: not valid JSON: error while parsing value - invalid string: "
        "control character U+0000 (NUL) must be escaped to \\u0000; last read: '\"a<U+0000>'");
    // An escaped NUL is a legal character of a name and survives a round trip.
    const LoadResult escaped =
        loadDiagram(document(R"([{"id": "v", "kind": "vpc", "name": "a\u0000b"}])"));
    ASSERT_TRUE(escaped);
    EXPECT_EQ(escaped.diagram->element("v")->name, std::string("a\0b", 3));
    EXPECT_EQ(*loadDiagram(saveDiagram(*escaped.diagram)).diagram, *escaped.diagram);
}

TEST(HostileFiles, HugeStringsAndLongListsLoadAndRoundTrip) {
    const std::string name(5 * 1024 * 1024, 'n');
    std::string cidrs = "[";
    for (int i = 0; i < 100000; ++i) {
        cidrs += (i ? ",\"10." : "\"10.") + std::to_string(i / 256 % 256) + "." +
                 std::to_string(i % 256) + ".0/24\"";
    }
    cidrs += "]";
    const LoadResult result =
        loadDiagram(document(R"([{"id": "v", "kind": "vpc", "name": ")" + name +
                             R"(", "properties": {"secondary_cidrs": )" + cidrs + "}}]"));
    ASSERT_TRUE(result) << result.error->toString();
    EXPECT_EQ(result.diagram->element("v")->name.size(), name.size());
    EXPECT_EQ(result.diagram->element("v")->stringListProperty("secondary_cidrs").size(), 100000u);
    EXPECT_EQ(*loadDiagram(saveDiagram(*result.diagram)).diagram, *result.diagram);
}

// Found by native_file_fuzz: nlohmann reports a number overflow as out_of_range, not as a
// parse error, and the loader let it escape.
TEST(HostileFiles, NumberTooLargeForADouble) {
    EXPECT_EQ(errorOf(R"({"format": "skydraft", "version": 1, "name": 1e999})"),
              "not valid JSON: number overflow parsing '1e999'");
}

TEST(HostileFiles, CollidingIdsAndInvalidIds) {
    EXPECT_EQ(errorOf(document(R"([{"id": "v", "kind": "vpc"}, {"id": "v", "kind": "vpc"}])")),
              "line 1, column 99 (/elements/1/id): the id \"v\" is used twice");
    EXPECT_EQ(errorOf(document(R"([{"id": "../../etc", "kind": "vpc"}])")),
              "line 1, column 71 (/elements/0/id): invalid id \"../../etc\" (use letters, "
              "digits, '-', '_', '.' or ':')");
}

TEST(HostileFiles, ContainmentCyclesAreRefused) {
    // No kind may sit inside its own kind, so a parent chain cannot close on itself.
    EXPECT_EQ(errorOf(document(R"([{"id": "a", "kind": "vpc", "parent": "a"}])")),
              "line 1, column 101 (/elements/0/parent): \"a\": a VPC cannot be placed in a VPC");
    EXPECT_EQ(
        errorOf(document(
            R"([{"id": "a", "kind": "generic", "parent": "b"}, {"id": "b", "kind": "generic", "parent": "a"}])")),
        "line 1, column 105 (/elements/0/parent): \"a\": a Other resource cannot be placed "
        "in a Other resource");
    EXPECT_EQ(
        errorOf(document(
            R"([{"id": "v", "kind": "vpc", "parent": "s"}, {"id": "s", "kind": "subnet", "parent": "v"}])")),
        "line 1, column 101 (/elements/0/parent): \"v\": a VPC cannot be placed in a Subnet");
    Diagram diagram;
    Element vpc;
    vpc.id = "v";
    vpc.kind = "vpc";
    vpc.name = "web";
    ASSERT_TRUE(diagram.addElement(vpc));
    Element subnet;
    subnet.id = "s";
    subnet.kind = "subnet";
    subnet.name = "app";
    subnet.parent = "v";
    ASSERT_TRUE(diagram.addElement(subnet));
    EXPECT_EQ(diagram.setParent("v", "s").error, "cannot place \"web\" inside itself");
    EXPECT_EQ(diagram.setParent("s", "s").error, "cannot place \"app\" inside itself");
}

TEST(HostileFiles, TruncatedFiles) {
    const std::string whole = document(R"([{"id": "v", "kind": "vpc", "name": "web"}])");
    EXPECT_EQ(errorOf(whole.substr(0, whole.size() / 2)),
              "line 1, column 63: not valid JSON: error while parsing value - unexpected end of "
              "input; expected '[', '{', or a literal");
    EXPECT_EQ(errorOf(whole.substr(0, whole.size() - 1)),
              "line 1, column 125: not valid JSON: error while parsing object - unexpected end of "
              "input; expected '}'");
    EXPECT_EQ(errorOf(""),
              "line 1, column 1: not valid JSON: error while parsing value - unexpected end of "
              "input; expected '[', '{', or a literal");
}

TEST(JsonText, PositionsAndNesting) {
    EXPECT_EQ(positionAt("ab\ncd", 4).line, 2u);
    EXPECT_EQ(positionAt("ab\ncd", 4).column, 2u);
    EXPECT_EQ(positionAt("ab", 99).column, 3u);
    EXPECT_EQ(findExcessiveNesting("[[[]]]", 3), std::nullopt);
    EXPECT_EQ(findExcessiveNesting("[[[[]]]]", 3), std::optional<std::size_t>(3));
    EXPECT_EQ(findExcessiveNesting(R"(["\"[[[[["])", 1), std::nullopt);
    EXPECT_EQ(findInvalidUtf8("plain \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x9A\x80"), std::nullopt);
    EXPECT_EQ(findInvalidUtf8("ab\xB1"), std::optional<std::size_t>(2));
    EXPECT_EQ(findInvalidUtf8("\xC0\x80"), std::optional<std::size_t>(0));       // overlong NUL
    EXPECT_EQ(findInvalidUtf8("x\xED\xA0\x80"), std::optional<std::size_t>(1));  // surrogate
    EXPECT_EQ(findInvalidUtf8("\xE2\x82"), std::optional<std::size_t>(0));       // truncated
}

}  // namespace
}  // namespace skydraft
