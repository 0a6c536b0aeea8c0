// The allow-list of AWS calls, and each protocol's request as the AWS CLI sends it.
#include <gtest/gtest.h>

#include <set>

#include "aws/aws_api.h"

namespace skydraft::aws {
namespace {

std::string text(std::string_view view) {
    return std::string(view);
}

TEST(AwsAllowList, OnlyReadOnlyCallsAreListed) {
    std::set<std::string> listed;
    for (const auto& call : allowedCalls()) {
        const std::string action = text(call.action);
        listed.insert(text(call.service) + ":" + action);
        const bool read = action.rfind("Describe", 0) == 0 || action.rfind("List", 0) == 0 ||
                          action.rfind("Get", 0) == 0;
        // The two exceptions: the only read-only way to list a transit gateway route table's
        // static routes, and the credential chain's role assumption (not a change to the
        // account).
        const bool exception = action == "SearchTransitGatewayRoutes" || action == "AssumeRole";
        EXPECT_TRUE(read || exception) << action;
    }
    EXPECT_EQ(listed, (std::set<std::string>{
                          "ec2:DescribeRegions",
                          "ec2:DescribeVpcs",
                          "ec2:DescribeVpcAttribute",
                          "ec2:DescribeSubnets",
                          "ec2:DescribeRouteTables",
                          "ec2:DescribeInternetGateways",
                          "ec2:DescribeEgressOnlyInternetGateways",
                          "ec2:DescribeNatGateways",
                          "ec2:DescribeVpcPeeringConnections",
                          "ec2:DescribeTransitGateways",
                          "ec2:DescribeTransitGatewayAttachments",
                          "ec2:DescribeTransitGatewayVpcAttachments",
                          "ec2:DescribeTransitGatewayRouteTables",
                          "ec2:GetTransitGatewayRouteTableAssociations",
                          "ec2:GetTransitGatewayRouteTablePropagations",
                          "ec2:SearchTransitGatewayRoutes",
                          "ec2:DescribeVpnGateways",
                          "ec2:DescribeCustomerGateways",
                          "ec2:DescribeVpnConnections",
                          "ec2:DescribeVpcEndpoints",
                          "ec2:DescribeSecurityGroups",
                          "ec2:DescribeNetworkAcls",
                          "ec2:DescribeAddresses",
                          "ec2:DescribeInstances",
                          "ec2:DescribeNetworkInterfaces",
                          "ec2:DescribeLaunchTemplateVersions",
                          "elasticloadbalancing:DescribeLoadBalancers",
                          "elasticloadbalancing:DescribeListeners",
                          "elasticloadbalancing:DescribeTargetGroups",
                          "elasticloadbalancing:DescribeTargetHealth",
                          "elasticloadbalancing:DescribeTags",
                          "autoscaling:DescribeAutoScalingGroups",
                          "autoscaling:DescribeLaunchConfigurations",
                          "rds:DescribeDBInstances",
                          "elasticache:DescribeCacheClusters",
                          "elasticache:DescribeCacheSubnetGroups",
                          "lambda:ListFunctions",
                          "lambda:ListTags",
                          "elasticfilesystem:DescribeFileSystems",
                          "elasticfilesystem:DescribeMountTargets",
                          "elasticfilesystem:DescribeMountTargetSecurityGroups",
                          "dynamodb:ListTables",
                          "dynamodb:DescribeTable",
                          "s3:ListBuckets",
                          "s3:GetBucketLocation",
                          "s3:GetBucketVersioning",
                          "s3:GetBucketTagging",
                          "sts:GetCallerIdentity",
                          "sts:AssumeRole",
                      }));
}

TEST(AwsAllowList, IamActionsAreTheServicePrefixAndTheAction) {
    EXPECT_EQ(findCall("ec2", "DescribeVpcs")->iamAction, "ec2:DescribeVpcs");
    EXPECT_EQ(findCall("s3", "ListBuckets")->iamAction, "s3:ListAllMyBuckets");
    EXPECT_EQ(findCall("elasticfilesystem", "DescribeMountTargets")->iamAction,
              "elasticfilesystem:DescribeMountTargets");
    EXPECT_EQ(findCall("sts", "GetCallerIdentity")->iamAction, "");
}

TEST(AwsAllowList, ACallOffTheListIsNeverBuilt) {
    ApiCall write{"ec2", "RunInstances", Protocol::Ec2Query, "2016-11-15", "", "", "", {}};
    HttpRequest request;
    QString error;
    EXPECT_FALSE(buildRequest(write, "us-east-1", {}, {}, &request, &error));
    EXPECT_EQ(error, "RunInstances of ec2 is not on Skydraft's list of read-only calls");
    ApiCall disguised = *findCall("ec2", "DescribeVpcs");
    disguised.target = "2099-01-01";
    EXPECT_FALSE(buildRequest(disguised, "us-east-1", {}, {}, &request, &error));
}

HttpRequest build(std::string_view service, std::string_view action, CallArguments arguments,
                  const QString& region = "eu-west-1", Endpoints endpoints = {}) {
    HttpRequest request;
    QString error;
    EXPECT_TRUE(
        buildRequest(*findCall(service, action), region, arguments, endpoints, &request, &error))
        << error.toStdString();
    return request;
}

TEST(AwsWireFormat, Ec2QueryIsAFormPostWithVersionAndNextToken) {
    const HttpRequest r = build("ec2", "DescribeSubnets", {{}, {}, "tok/en+1"});
    EXPECT_EQ(r.method, "POST");
    EXPECT_EQ(r.url, QUrl("https://ec2.eu-west-1.amazonaws.com/"));
    EXPECT_EQ(r.signing.payload,
              "Action=DescribeSubnets&Version=2016-11-15&NextToken=tok%2Fen%2B1");
    EXPECT_EQ(
        r.signing.headers,
        (ByteArrayPairs{{"Host", "ec2.eu-west-1.amazonaws.com"},
                        {"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}}));
    EXPECT_EQ(r.service, "ec2");
    EXPECT_EQ(r.region, "eu-west-1");
}

TEST(AwsWireFormat, QueryServicesUseTheirVersionAndMarker) {
    const HttpRequest r = build("elasticloadbalancing", "DescribeListeners",
                                {{{"LoadBalancerArn", "arn:aws:x"}}, {}, "m1"});
    EXPECT_EQ(r.url, QUrl("https://elasticloadbalancing.eu-west-1.amazonaws.com/"));
    EXPECT_EQ(
        r.signing.payload,
        "Action=DescribeListeners&Version=2015-12-01&LoadBalancerArn=arn%3Aaws%3Ax&Marker=m1");
    EXPECT_EQ(build("rds", "DescribeDBInstances", {}).signing.payload,
              "Action=DescribeDBInstances&Version=2014-10-31");
    EXPECT_EQ(build("autoscaling", "DescribeAutoScalingGroups", {}).signing.payload,
              "Action=DescribeAutoScalingGroups&Version=2011-01-01");
    EXPECT_EQ(build("elasticache", "DescribeCacheClusters", {}).signing.payload,
              "Action=DescribeCacheClusters&Version=2015-02-02");
    EXPECT_EQ(build("sts", "GetCallerIdentity", {}).signing.payload,
              "Action=GetCallerIdentity&Version=2011-06-15");
}

TEST(AwsWireFormat, RestJsonIsAGetWithQueryAndPathArguments) {
    HttpRequest r = build("lambda", "ListFunctions", {{}, {}, "next page"});
    EXPECT_EQ(r.method, "GET");
    EXPECT_EQ(r.url.toString(QUrl::FullyEncoded),
              "https://lambda.eu-west-1.amazonaws.com/2015-03-31/functions?Marker=next%20page");
    EXPECT_EQ(r.signing.query, (ByteArrayPairs{{"Marker", "next page"}}));
    r = build("elasticfilesystem", "DescribeMountTargetSecurityGroups", {{}, "fsmt-1", {}});
    EXPECT_EQ(r.url.path(), "/2015-02-01/mount-targets/fsmt-1/security-groups");
    r = build("lambda", "ListTags", {{}, "arn:aws:lambda:eu-west-1:1:function:f", {}});
    EXPECT_EQ(r.signing.path, "/2017-03-31/tags/arn%3Aaws%3Alambda%3Aeu-west-1%3A1%3Afunction%3Af");
    EXPECT_EQ(r.url.toString(QUrl::FullyEncoded),
              "https://lambda.eu-west-1.amazonaws.com/2017-03-31/tags/"
              "arn%3Aaws%3Alambda%3Aeu-west-1%3A1%3Afunction%3Af");
}

TEST(AwsWireFormat, DynamoDbIsJsonWithATargetHeader) {
    const HttpRequest r = build("dynamodb", "ListTables", {{}, {}, "orders"});
    EXPECT_EQ(r.method, "POST");
    EXPECT_EQ(r.signing.payload, R"({"ExclusiveStartTableName":"orders"})");
    EXPECT_EQ(r.signing.headers,
              (ByteArrayPairs{{"Host", "dynamodb.eu-west-1.amazonaws.com"},
                              {"Content-Type", "application/x-amz-json-1.0"},
                              {"X-Amz-Target", "DynamoDB_20120810.ListTables"}}));
    EXPECT_EQ(build("dynamodb", "DescribeTable", {{{"TableName", "t"}}, {}, {}}).signing.payload,
              R"({"TableName":"t"})");
}

TEST(AwsWireFormat, S3UsesVirtualHostsOnAwsAndPathsOnAnEmulator) {
    HttpRequest r = build("s3", "GetBucketLocation", {{}, "my-bucket", {}}, "us-east-1");
    EXPECT_EQ(r.url.toString(), "https://my-bucket.s3.amazonaws.com/?location");
    EXPECT_EQ(r.signing.query, (ByteArrayPairs{{"location", ""}}));
    EXPECT_FALSE(r.signing.normalizePath);
    r = build("s3", "GetBucketVersioning", {{}, "dotted.bucket.name", {}}, "eu-west-1");
    EXPECT_EQ(r.url.toString(), "https://s3.eu-west-1.amazonaws.com/dotted.bucket.name?versioning");
    Endpoints local;
    local.custom = QUrl("http://127.0.0.1:5000");
    r = build("s3", "GetBucketTagging", {{}, "my-bucket", {}}, "eu-west-1", local);
    EXPECT_EQ(r.url.toString(), "http://127.0.0.1:5000/my-bucket?tagging");
    EXPECT_EQ(r.signing.headers.front(),
              qMakePair(QByteArray("Host"), QByteArray("127.0.0.1:5000")));
    EXPECT_EQ(build("s3", "ListBuckets", {}, "us-east-1").url.toString(),
              "https://s3.amazonaws.com/");
}

TEST(AwsWireFormat, EndpointsForRegionsAndEnvironmentVariables) {
    Endpoints aws;
    EXPECT_EQ(aws.url("ec2", "cn-north-1"), QUrl("https://ec2.cn-north-1.amazonaws.com.cn"));
    EXPECT_EQ(aws.url("sts", ""), QUrl("https://sts.amazonaws.com"));
    EXPECT_EQ(endpointVariable("elasticloadbalancing"),
              "AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2");
    EXPECT_EQ(endpointVariable("elasticfilesystem"), "AWS_ENDPOINT_URL_EFS");
}

}  // namespace
}  // namespace skydraft::aws
