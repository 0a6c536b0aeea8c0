// Tests of the native file format (model/diagram_file): round trips and every load error.
#include "diagram_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace skydraft {
namespace {

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

Diagram sample() {
    Diagram d;
    d.setName("Sample \"quoted\" name");
    Element vpc{
        "vpc-1",           "vpc",     "prod", "", {10, 20, 800, 600}, {{"cidr", "10.0.0.0/16"}},
        {{"env", "prod"}}, {"VPC007"}};
    Element subnet{
        "subnet-1",
        "subnet",
        "app-a",
        "vpc-1",
        {40, 60, 300, 200.5},
        {{"cidr", "10.0.1.0/24"}, {"availability_zone", "us-east-1a"}, {"x_unknown", {1, 2}}},
        {},
        {}};
    Element vpc2{"vpc-2", "vpc", "shared", "", {900, 20, 400, 300}, {{"cidr", "10.1.0.0/16"}},
                 {},      {}};
    EXPECT_TRUE(d.addElement(vpc));
    EXPECT_TRUE(d.addElement(subnet));
    EXPECT_TRUE(d.addElement(vpc2));
    EXPECT_TRUE(d.addConnection({"pcx-1", "vpc_peering", "prod-shared", "vpc-1", "vpc-2", {}, {}}));
    return d;
}

TEST(DiagramFile, RoundTripsExactly) {
    const Diagram d = sample();
    const std::string text = saveDiagram(d);
    const LoadResult loaded = loadDiagram(text);
    ASSERT_TRUE(loaded) << loaded.error->toString();
    EXPECT_EQ(*loaded.diagram, d);
    EXPECT_EQ(saveDiagram(*loaded.diagram), text);
}

TEST(DiagramFile, MovingOneElementChangesOneLine) {
    Diagram d = sample();
    const std::string before = saveDiagram(d);
    ASSERT_TRUE(d.setGeometry("subnet-1", {41, 61, 300, 200.5}));
    const std::string after = saveDiagram(d);
    std::istringstream a(before), b(after);
    std::string la, lb;
    int differences = 0;
    while (std::getline(a, la) && std::getline(b, lb)) {
        differences += la != lb;
    }
    EXPECT_EQ(differences, 1);
}

TEST(DiagramFile, WritesAStableReadableLayout) {
    Diagram d;
    d.setName("tiny");
    ASSERT_TRUE(
        d.addElement({"vpc-1", "vpc", "v", "", {1, 2, 3, 4}, {{"cidr", "10.0.0.0/16"}}, {}, {}}));
    EXPECT_EQ(saveDiagram(d), R"({
  "format": "skydraft",
  "version": 1,
  "name": "tiny",
  "elements": [
    {
      "id": "vpc-1",
      "kind": "vpc",
      "name": "v",
      "parent": "",
      "geometry": {"height":4,"width":3,"x":1,"y":2},
      "properties": {
        "cidr": "10.0.0.0/16"
      }
    }
  ],
  "connections": []
}
)");
}

struct BadFile {
    const char* name;
    const char* text;
    const char* expected;
};

class DiagramFileErrors : public ::testing::TestWithParam<BadFile> {};

TEST_P(DiagramFileErrors, SayWhereAndWhat) {
    const LoadResult result = loadDiagram(GetParam().text);
    ASSERT_FALSE(result);
    ASSERT_TRUE(result.error.has_value());
    EXPECT_EQ(result.error->toString(), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Files, DiagramFileErrors,
    ::testing::Values(
        BadFile{"Truncated", "{\n  \"format\": \"skydraft\",\n  \"version\": 1,\n  \"elements\": [",
                "line 4, column 16: not valid JSON: error while parsing value - unexpected "
                "end of input; expected '[', '{', or a literal"},
        BadFile{"NotAnObject", "[1, 2]",
                "line 1, column 1: expected a Skydraft document (a JSON object), found an array"},
        BadFile{"WrongFormat", "{\"format\": \"drawio\", \"version\": 1}",
                "line 1, column 12 (/format): not a Skydraft file (\"format\" must be "
                "\"skydraft\")"},
        BadFile{"NewerVersion", "{\"format\": \"skydraft\", \"version\": 9}",
                "line 1, column 35 (/version): the file was written by a newer Skydraft "
                "(format version 9; this version reads up to 1)"},
        BadFile{"UnknownKind",
                "{\"format\": \"skydraft\", \"version\": 1, \"elements\": [\n"
                "  {\"id\": \"a\", \"kind\": \"vpcc\"}]}",
                "line 2, column 23 (/elements/0/kind): unknown kind \"vpcc\""},
        BadFile{"WrongType",
                "{\"format\": \"skydraft\", \"version\": 1, \"elements\": [\n"
                "  {\"id\": \"a\", \"kind\": \"vpc\", \"geometry\": {\"x\": \"left\"}}]}",
                "line 2, column 48 (/elements/0/geometry/x): expected a number, found a string"},
        BadFile{"MissingId",
                "{\"format\": \"skydraft\", \"version\": 1, \"elements\": [{\"kind\": \"vpc\"}]}",
                "line 1, column 51 (/elements/0): missing field \"id\""},
        BadFile{"BadProperty",
                "{\"format\": \"skydraft\", \"version\": 1, \"elements\": [\n"
                "  {\"id\": \"a\", \"kind\": \"vpc\", \"properties\": {\"cidr\": 10}}]}",
                "line 2, column 44 (/elements/0/properties): \"a\": property \"cidr\": expected "
                "a string"},
        BadFile{"BadParent",
                "{\"format\": \"skydraft\", \"version\": 1, \"elements\": [\n"
                "  {\"id\": \"s\", \"kind\": \"subnet\", \"parent\": \"\"}]}",
                "line 2, column 43 (/elements/0/parent): \"s\": a Subnet cannot be placed at "
                "the top level"},
        BadFile{"DanglingConnection",
                "{\"format\": \"skydraft\", \"version\": 1, \"connections\": [\n"
                "  {\"id\": \"p\", \"kind\": \"vpc_peering\", \"from\": \"x\", \"to\": \"y\"}]}",
                "line 2, column 46 (/connections/0/from): \"p\": endpoint \"x\" does not exist"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(DiagramFile, LocatesJsonPointers) {
    const std::string text = "{\n  \"a\": [1, {\"b~/c\": true}],\n  \"d\": 2\n}";
    EXPECT_EQ(locateJsonPointer(text, "/d"), std::make_pair(std::size_t{3}, std::size_t{8}));
    EXPECT_EQ(locateJsonPointer(text, "/a/1/b~0~1c"),
              std::make_pair(std::size_t{2}, std::size_t{21}));
    EXPECT_EQ(locateJsonPointer(text, "/missing"), std::make_pair(std::size_t{0}, std::size_t{0}));
}

TEST(DiagramFile, EveryExampleRoundTrips) {
    const auto dir = std::filesystem::path(SKYDRAFT_SOURCE_DIR) / "examples";
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".skydraft") {
            continue;
        }
        ++count;
        const std::string text = readFile(entry.path());
        const LoadResult loaded = loadDiagram(text);
        ASSERT_TRUE(loaded) << entry.path() << ": " << loaded.error->toString();
        EXPECT_EQ(*loadDiagram(saveDiagram(*loaded.diagram)).diagram, *loaded.diagram);
        EXPECT_EQ(saveDiagram(*loaded.diagram), text)
            << entry.path() << " is not in canonical form";
    }
    EXPECT_GE(count, 3);
}

}  // namespace
}  // namespace skydraft
