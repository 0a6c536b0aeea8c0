// The allow-list of AWS calls and their wire format (as the AWS CLI sends them).
#include "aws/aws_api.h"

#include <nlohmann/json.hpp>

namespace skydraft::aws {

namespace {

constexpr std::string_view kEc2Version = "2016-11-15";

ApiCall ec2(std::string_view action, std::string_view listPath, bool paginated) {
    return {"ec2",
            action,
            Protocol::Ec2Query,
            kEc2Version,
            listPath,
            paginated ? "NextToken" : "",
            paginated ? "nextToken" : "",
            {}};
}

ApiCall query(std::string_view service, std::string_view version, std::string_view action,
              std::string_view listPath, std::string_view tokenIn, std::string_view tokenOut) {
    return {service, action, Protocol::Query, version, listPath, tokenIn, tokenOut, {}};
}

std::vector<ApiCall> makeCalls() {
    std::vector<ApiCall> calls = {
        ec2("DescribeRegions", "regionInfo", false),
        ec2("DescribeVpcs", "vpcSet", true),
        ec2("DescribeVpcAttribute", "", false),
        ec2("DescribeSubnets", "subnetSet", true),
        ec2("DescribeRouteTables", "routeTableSet", true),
        ec2("DescribeInternetGateways", "internetGatewaySet", true),
        ec2("DescribeEgressOnlyInternetGateways", "egressOnlyInternetGatewaySet", true),
        ec2("DescribeNatGateways", "natGatewaySet", true),
        ec2("DescribeVpcPeeringConnections", "vpcPeeringConnectionSet", true),
        ec2("DescribeTransitGateways", "transitGatewaySet", true),
        ec2("DescribeTransitGatewayAttachments", "transitGatewayAttachments", true),
        ec2("DescribeTransitGatewayVpcAttachments", "transitGatewayVpcAttachments", true),
        ec2("DescribeTransitGatewayRouteTables", "transitGatewayRouteTables", true),
        ec2("GetTransitGatewayRouteTableAssociations", "associations", true),
        ec2("GetTransitGatewayRouteTablePropagations", "transitGatewayRouteTablePropagations",
            true),
        ec2("SearchTransitGatewayRoutes", "routeSet", true),
        ec2("DescribeVpnGateways", "vpnGatewaySet", false),
        ec2("DescribeCustomerGateways", "customerGatewaySet", false),
        ec2("DescribeVpnConnections", "vpnConnectionSet", false),
        ec2("DescribeVpcEndpoints", "vpcEndpointSet", true),
        ec2("DescribeSecurityGroups", "securityGroupInfo", true),
        ec2("DescribeNetworkAcls", "networkAclSet", true),
        ec2("DescribeAddresses", "addressesSet", false),
        ec2("DescribeInstances", "reservationSet", true),
        ec2("DescribeNetworkInterfaces", "networkInterfaceSet", true),
        ec2("DescribeLaunchTemplateVersions", "launchTemplateVersionSet", true),
        query("elasticloadbalancing", "2015-12-01", "DescribeLoadBalancers", "LoadBalancers",
              "Marker", "NextMarker"),
        query("elasticloadbalancing", "2015-12-01", "DescribeListeners", "Listeners", "Marker",
              "NextMarker"),
        query("elasticloadbalancing", "2015-12-01", "DescribeTargetGroups", "TargetGroups",
              "Marker", "NextMarker"),
        query("elasticloadbalancing", "2015-12-01", "DescribeTargetHealth",
              "TargetHealthDescriptions", "", ""),
        query("elasticloadbalancing", "2015-12-01", "DescribeTags", "TagDescriptions", "", ""),
        query("autoscaling", "2011-01-01", "DescribeAutoScalingGroups", "AutoScalingGroups",
              "NextToken", "NextToken"),
        query("autoscaling", "2011-01-01", "DescribeLaunchConfigurations", "LaunchConfigurations",
              "NextToken", "NextToken"),
        query("rds", "2014-10-31", "DescribeDBInstances", "DBInstances", "Marker", "Marker"),
        query("elasticache", "2015-02-02", "DescribeCacheClusters", "CacheClusters", "Marker",
              "Marker"),
        query("elasticache", "2015-02-02", "DescribeCacheSubnetGroups", "CacheSubnetGroups",
              "Marker", "Marker"),
        {"lambda",
         "ListFunctions",
         Protocol::RestJson,
         "/2015-03-31/functions",
         "Functions",
         "Marker",
         "NextMarker",
         {}},
        {"lambda", "ListTags", Protocol::RestJson, "/2017-03-31/tags/{}", "", "", "", {}},
        {"elasticfilesystem",
         "DescribeFileSystems",
         Protocol::RestJson,
         "/2015-02-01/file-systems",
         "FileSystems",
         "Marker",
         "NextMarker",
         {}},
        {"elasticfilesystem",
         "DescribeMountTargets",
         Protocol::RestJson,
         "/2015-02-01/mount-targets",
         "MountTargets",
         "Marker",
         "NextMarker",
         {}},
        {"elasticfilesystem",
         "DescribeMountTargetSecurityGroups",
         Protocol::RestJson,
         "/2015-02-01/mount-targets/{}/security-groups",
         "SecurityGroups",
         "",
         "",
         {}},
        {"dynamodb",
         "ListTables",
         Protocol::Json10,
         "DynamoDB_20120810",
         "TableNames",
         "ExclusiveStartTableName",
         "LastEvaluatedTableName",
         {}},
        {"dynamodb", "DescribeTable", Protocol::Json10, "DynamoDB_20120810", "", "", "", {}},
        {"s3", "ListBuckets", Protocol::RestXml, "/", "Buckets", "continuation-token",
         "ContinuationToken", "s3:ListAllMyBuckets"},
        {"s3", "GetBucketLocation", Protocol::RestXml, "/{}?location", "", "", "", {}},
        {"s3", "GetBucketVersioning", Protocol::RestXml, "/{}?versioning", "", "", "", {}},
        {"s3", "GetBucketTagging", Protocol::RestXml, "/{}?tagging", "", "", "", {}},
        query("sts", "2011-06-15", "GetCallerIdentity", "", "", ""),
        query("sts", "2011-06-15", "AssumeRole", "", "", ""),
    };
    // The IAM permission is the service prefix and the action, but for the exceptions set above
    // and GetCallerIdentity, which every identity may call.
    for (auto& call : calls) {
        if (call.iamAction.empty() && call.action != "GetCallerIdentity") {
            call.iamAction = std::string(call.service) + ":" + std::string(call.action);
        }
    }
    return calls;
}

/// Bucket names that can be a host name label (no dots, lower case): virtual-hosted style.
bool virtualHostable(const QByteArray& bucket) {
    if (bucket.size() < 3 || bucket.size() > 63) {
        return false;
    }
    for (const char c : bucket) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
            return false;
        }
    }
    return bucket.front() != '-' && bucket.back() != '-';
}

QByteArray hostHeader(const QUrl& url) {
    const int defaultPort = url.scheme() == QStringLiteral("https") ? 443 : 80;
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (url.port(defaultPort) != defaultPort) {
        host += ':' + QByteArray::number(url.port());
    }
    return host;
}

QByteArray formBody(const ByteArrayPairs& fields) {
    QByteArray body;
    for (const auto& [name, value] : fields) {
        if (!body.isEmpty()) {
            body += '&';
        }
        body += uriEncode(name) + '=' + uriEncode(value);
    }
    return body;
}

}  // namespace

const std::vector<ApiCall>& allowedCalls() {
    static const std::vector<ApiCall> calls = makeCalls();
    return calls;
}

const ApiCall* findCall(std::string_view service, std::string_view action) {
    for (const auto& call : allowedCalls()) {
        if (call.service == service && call.action == action) {
            return &call;
        }
    }
    return nullptr;
}

QString endpointVariable(std::string_view service) {
    static const std::map<std::string_view, const char*> ids = {
        {"ec2", "EC2"},
        {"elasticloadbalancing", "ELASTIC_LOAD_BALANCING_V2"},
        {"autoscaling", "AUTO_SCALING"},
        {"rds", "RDS"},
        {"elasticache", "ELASTICACHE"},
        {"lambda", "LAMBDA"},
        {"elasticfilesystem", "EFS"},
        {"dynamodb", "DYNAMODB"},
        {"s3", "S3"},
        {"sts", "STS"}};
    const auto it = ids.find(service);
    return QStringLiteral("AWS_ENDPOINT_URL_") +
           QString::fromLatin1(it == ids.end() ? "" : it->second);
}

QUrl Endpoints::url(std::string_view service, const QString& region) const {
    if (const auto it = services.find(service); it != services.end() && !it->second.isEmpty()) {
        return it->second;
    }
    if (!custom.isEmpty()) {
        return custom;
    }
    const QString suffix = region.startsWith(QStringLiteral("cn-"))
                               ? QStringLiteral(".amazonaws.com.cn")
                               : QStringLiteral(".amazonaws.com");
    const QString name =
        QString::fromLatin1(service.data(), static_cast<qsizetype>(service.size()));
    if (service == "s3" && region == QStringLiteral("us-east-1")) {
        return QUrl(QStringLiteral("https://s3.amazonaws.com"));
    }
    if (region.isEmpty()) {
        return QUrl(QStringLiteral("https://") + name + suffix);
    }
    return QUrl(QStringLiteral("https://") + name + QLatin1Char('.') + region + suffix);
}

bool buildRequest(const ApiCall& call, const QString& region, const CallArguments& arguments,
                  const Endpoints& endpoints, HttpRequest* request, QString* error) {
    const ApiCall* listed = findCall(call.service, call.action);
    if (listed == nullptr || listed->protocol != call.protocol || listed->target != call.target) {
        *error = QStringLiteral("%1 of %2 is not on Skydraft's list of read-only calls")
                     .arg(QString::fromLatin1(call.action.data(),
                                              static_cast<qsizetype>(call.action.size())),
                          QString::fromLatin1(call.service.data(),
                                              static_cast<qsizetype>(call.service.size())));
        return false;
    }
    QUrl url = endpoints.url(call.service, region);
    const QString basePath =
        url.path().endsWith(QLatin1Char('/')) ? url.path().chopped(1) : url.path();
    const bool custom = !endpoints.custom.isEmpty() || endpoints.services.count(call.service) > 0;
    request->region = region.isEmpty() ? QByteArray("us-east-1") : region.toLatin1();
    request->service = QByteArray(call.service.data(), static_cast<qsizetype>(call.service.size()));
    SigningRequest& s = request->signing;
    s = SigningRequest{};
    ByteArrayPairs parameters = arguments.parameters;
    const QByteArray target(call.target.data(), static_cast<qsizetype>(call.target.size()));
    const QByteArray action(call.action.data(), static_cast<qsizetype>(call.action.size()));
    const QByteArray tokenName(call.tokenIn.data(), static_cast<qsizetype>(call.tokenIn.size()));
    QByteArray path = "/";
    ByteArrayPairs queryFields;
    switch (call.protocol) {
        case Protocol::Ec2Query:
        case Protocol::Query: {
            ByteArrayPairs fields = {{"Action", action}, {"Version", target}};
            fields += parameters;
            if (!arguments.pageToken.isEmpty()) {
                fields.append({tokenName, arguments.pageToken});
            }
            s.method = "POST";
            s.payload = formBody(fields);
            s.headers.append(
                {"Content-Type", QByteArray("application/x-www-form-urlencoded; charset=utf-8")});
            break;
        }
        case Protocol::Json10: {
            nlohmann::json body = nlohmann::json::object();
            for (const auto& [name, value] : parameters) {
                body[name.toStdString()] = value.toStdString();
            }
            if (!arguments.pageToken.isEmpty()) {
                body[tokenName.toStdString()] = arguments.pageToken.toStdString();
            }
            s.method = "POST";
            s.payload = QByteArray::fromStdString(body.dump());
            s.headers.append({"Content-Type", QByteArray("application/x-amz-json-1.0")});
            s.headers.append({"X-Amz-Target", target + '.' + action});
            break;
        }
        case Protocol::RestJson:
        case Protocol::RestXml: {
            s.method = "GET";
            QByteArray templ = target;
            const qsizetype question = templ.indexOf('?');
            if (question >= 0) {
                queryFields.append({templ.mid(question + 1), QByteArray()});
                templ.truncate(question);
            }
            if (templ.contains("{}")) {
                if (arguments.pathArgument.isEmpty()) {
                    *error =
                        QStringLiteral("%1 needs an argument").arg(QString::fromLatin1(action));
                    return false;
                }
                if (call.service == "s3" && !custom && virtualHostable(arguments.pathArgument)) {
                    url.setHost(QString::fromLatin1(arguments.pathArgument) + QLatin1Char('.') +
                                url.host());
                    templ.replace("{}", "");
                    templ.replace("//", "/");
                } else {
                    templ.replace("{}", uriEncode(arguments.pathArgument));
                }
            }
            path = templ.isEmpty() ? QByteArray("/") : templ;
            queryFields += parameters;
            if (!arguments.pageToken.isEmpty()) {
                queryFields.append({tokenName, arguments.pageToken});
            }
            break;
        }
    }
    s.path = basePath.toUtf8() + path;
    s.query = queryFields;
    s.normalizePath = call.service != "s3";
    s.headers.prepend({"Host", hostHeader(url)});
    QByteArray encodedQuery;
    for (const auto& [name, value] : queryFields) {
        if (!encodedQuery.isEmpty()) {
            encodedQuery += '&';
        }
        encodedQuery += uriEncode(name);
        if (!value.isEmpty()) {
            encodedQuery += '=' + uriEncode(value);
        }
    }
    url.setPath(QString::fromLatin1(s.path), QUrl::StrictMode);
    url.setQuery(encodedQuery.isEmpty() ? QString() : QString::fromLatin1(encodedQuery),
                 QUrl::StrictMode);
    request->method = s.method;
    request->url = url;
    return true;
}

}  // namespace skydraft::aws
