// The AWS API calls Skydraft may send (the allow-list), and how each is put on the wire.
#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "aws/sigv4.h"

namespace skydraft::aws {

/// How a service takes requests and answers.
enum class Protocol {
    Ec2Query,  ///< POST form Action=...&Version=..., XML answer (EC2)
    Query,     ///< the same with a <ActionResult> element (ELBv2, RDS, Auto Scaling, ...)
    RestJson,  ///< GET on a path, JSON answer (Lambda, EFS)
    Json10,    ///< POST JSON with X-Amz-Target, JSON answer (DynamoDB)
    RestXml,   ///< GET on a path, XML answer (S3)
};

/// One API operation on the allow-list.
struct ApiCall {
    std::string_view service;  ///< signing name and endpoint prefix: "ec2", "elasticloadbalancing"
    std::string_view action;   ///< "DescribeVpcs"
    Protocol protocol = Protocol::Ec2Query;
    /// Query: the form's Version; Json10: the X-Amz-Target prefix; REST: the path, where
    /// "{}" stands for the call's path argument.
    std::string_view target;
    /// Where the items are in the answer, '/'-separated below the result element; "" when the
    /// answer is one object.
    std::string_view listPath;
    std::string_view tokenIn;   ///< request parameter of the page token; "" when not paginated
    std::string_view tokenOut;  ///< answer field of the next page's token
    std::string iamAction;      ///< the IAM permission it needs ("" when it needs none)
};

/// Every call Skydraft sends: the scan's Describe/List/Get operations (and
/// SearchTransitGatewayRoutes, the only read-only way to list a transit gateway route table's
/// static routes), plus STS GetCallerIdentity and AssumeRole for the credential chain.
const std::vector<ApiCall>& allowedCalls();
/// The call of that service and action, or nullptr when it is not on the allow-list.
const ApiCall* findCall(std::string_view service, std::string_view action);

/// The parameters of one request.
struct CallArguments {
    ByteArrayPairs parameters;  ///< form fields, REST query fields or JSON string members
    QByteArray pathArgument;    ///< fills "{}" of a REST path (a bucket, a mount target id)
    QByteArray pageToken;       ///< the token of the page wanted ("" for the first)
};

/// Where requests go: AWS's endpoints, or one URL for everything (a local emulator).
struct Endpoints {
    QUrl custom;  ///< one URL for every service; empty for AWS
    std::map<std::string, QUrl, std::less<>> services;  ///< a service's own URL (before custom)
    /// The URL of a service in a region ("https://ec2.eu-west-1.amazonaws.com").
    QUrl url(std::string_view service, const QString& region) const;
};

/// An HTTP request ready to be signed and sent.
struct HttpRequest {
    QByteArray method;
    QUrl url;
    SigningRequest signing;  ///< path, query, headers (Host included) and payload as signed
    QByteArray region;       ///< the signing region
    QByteArray service;      ///< the signing name
};

/// Builds the request of call exactly as the AWS CLI sends it. Refuses (returns false with
/// *error) a call that is not on the allow-list.
bool buildRequest(const ApiCall& call, const QString& region, const CallArguments& arguments,
                  const Endpoints& endpoints, HttpRequest* request, QString* error);

/// The environment variable naming a service's own endpoint ("AWS_ENDPOINT_URL_EC2").
QString endpointVariable(std::string_view service);

}  // namespace skydraft::aws
