// Reading AWS answers: XML to JSON, pages and tokens of each protocol, error codes, limits.
#include <gtest/gtest.h>

#include "aws/aws_response.h"

namespace skydraft::aws {
namespace {

using nlohmann::json;

TEST(AwsAnswers, XmlBecomesJsonWithRepeatedNamesAsArrays) {
    std::string error;
    const auto doc = xmlToJson(
        "<?xml version=\"1.0\"?><R xmlns=\"urn:x\"><a>1</a><set><item><k>x</k></item>"
        "<item><k>y</k></item></set><one><item><k>z</k></item></one><empty/></R>",
        &error);
    ASSERT_TRUE(doc) << error;
    EXPECT_EQ(*doc, json::parse(R"({"R": {"a": "1", "set": {"item": [{"k": "x"}, {"k": "y"}]},
                                         "one": {"item": {"k": "z"}}, "empty": ""}})"));
    EXPECT_EQ(listOf(at(doc->at("R"), "set")).size(), 2u);
    EXPECT_EQ(listOf(at(doc->at("R"), "one")).size(), 1u);
    EXPECT_TRUE(listOf(at(doc->at("R"), "empty")).empty());
    EXPECT_TRUE(listOf(at(doc->at("R"), "missing")).empty());
}

TEST(AwsAnswers, MalformedOrTooDeepXmlIsRefused) {
    std::string error;
    EXPECT_FALSE(xmlToJson("<a><b></a>", &error));
    EXPECT_EQ(error.rfind("malformed XML at line 1", 0), 0u) << error;
    std::string deep;
    for (int i = 0; i < 101; ++i) {
        deep += "<x>";
    }
    EXPECT_FALSE(xmlToJson(QByteArray::fromStdString(deep), &error));
    EXPECT_EQ(error, "the answer nests deeper than 100 levels");
    EXPECT_FALSE(xmlToJson("", &error));
    EXPECT_FALSE(xmlToJson("<a/><b/>", &error));
}

TEST(AwsAnswers, Ec2PagesHaveItemsAndANextToken) {
    std::string error;
    const auto page =
        parsePage(*findCall("ec2", "DescribeVpcs"),
                  "<DescribeVpcsResponse><requestId>r</requestId><vpcSet><item><vpcId>vpc-1</vpcId>"
                  "</item><item><vpcId>vpc-2</vpcId></item></vpcSet><nextToken>t2</nextToken>"
                  "</DescribeVpcsResponse>",
                  &error);
    ASSERT_TRUE(page) << error;
    ASSERT_EQ(page->items.size(), 2u);
    EXPECT_EQ(textAt(page->items[1], "vpcId"), "vpc-2");
    EXPECT_EQ(page->nextToken, "t2");
}

TEST(AwsAnswers, QueryPagesLookInsideTheResultElement) {
    std::string error;
    const auto page = parsePage(
        *findCall("rds", "DescribeDBInstances"),
        "<DescribeDBInstancesResponse><DescribeDBInstancesResult><DBInstances><DBInstance>"
        "<DBInstanceIdentifier>db1</DBInstanceIdentifier></DBInstance></DBInstances>"
        "<Marker>m</Marker></DescribeDBInstancesResult></DescribeDBInstancesResponse>",
        &error);
    ASSERT_TRUE(page);
    ASSERT_EQ(page->items.size(), 1u);
    EXPECT_EQ(textAt(page->items[0], "DBInstanceIdentifier"), "db1");
    EXPECT_EQ(page->nextToken, "m");
}

TEST(AwsAnswers, JsonPagesAndSingleAnswers) {
    std::string error;
    auto page = parsePage(*findCall("lambda", "ListFunctions"),
                          R"({"Functions": [{"FunctionName": "f"}], "NextMarker": "n"})", &error);
    ASSERT_TRUE(page);
    EXPECT_EQ(page->items.size(), 1u);
    EXPECT_EQ(page->nextToken, "n");
    page = parsePage(*findCall("s3", "GetBucketLocation"),
                     "<LocationConstraint xmlns=\"x\">eu-west-1</LocationConstraint>", &error);
    ASSERT_TRUE(page);
    EXPECT_EQ(textAt(page->items.at(0), ""), "eu-west-1");
    EXPECT_FALSE(parsePage(*findCall("lambda", "ListFunctions"), "[1]", &error));
    EXPECT_EQ(error, "the answer is not a JSON object");
}

TEST(AwsAnswers, ErrorsOfEveryShape) {
    auto e = parseError(
        "<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>No"
        "</Message></Error></Errors><RequestID>r</RequestID></Response>",
        {});
    EXPECT_EQ(e.code, "UnauthorizedOperation");
    EXPECT_EQ(e.message, "No");
    e = parseError(
        "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate"
        "</Message></Error></ErrorResponse>",
        {});
    EXPECT_EQ(e.code, "Throttling");
    e = parseError("<Error><Code>NoSuchTagSet</Code><Message>none</Message></Error>", {});
    EXPECT_EQ(e.code, "NoSuchTagSet");
    e = parseError(R"({"__type": "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException",
                       "message": "gone"})",
                   {});
    EXPECT_EQ(e.code, "ResourceNotFoundException");
    EXPECT_EQ(e.message, "gone");
    e = parseError(R"({"Message": "slow down"})", "TooManyRequestsException:http://internal/");
    EXPECT_EQ(e.code, "TooManyRequestsException");
    EXPECT_EQ(e.message, "slow down");
    e = parseError("<html>bad gateway</html>", {});
    EXPECT_EQ(e.code, "");
}

TEST(AwsAnswers, FieldsReadAlikeFromXmlTextAndJsonValues) {
    const json item = json::parse(R"({"a": {"b": "42"}, "n": 7, "t": "true", "f": false})");
    EXPECT_EQ(numberAt(item, "a/b"), 42);
    EXPECT_EQ(numberAt(item, "n"), 7);
    EXPECT_FALSE(numberAt(item, "t").has_value());
    EXPECT_TRUE(flagAt(item, "t"));
    EXPECT_FALSE(flagAt(item, "f"));
    EXPECT_EQ(textAt(item, "n"), "7");
    EXPECT_EQ(textAt(item, "a/missing"), "");
}

}  // namespace
}  // namespace skydraft::aws
