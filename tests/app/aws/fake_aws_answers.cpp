// The fake AWS endpoint's answers: EC2 and Query XML (<item>, <member> and named lists), S3 XML,
// JSON of Lambda, EFS and DynamoDB; paged with each API's own token fields.
#include "fake_aws_answers.h"

#include <QUrlQuery>
#include <QXmlStreamWriter>
#include <map>

namespace skydraft::test {

using nlohmann::json;

namespace {

/// How one listing action pages: where its items go and which fields carry the token.
struct ListSpec {
    const char* listKey;
    const char* tokenIn;  ///< "" when the action does not page
    const char* tokenOut;
    const char* keyParameter;  ///< "" for an account-wide list
};

const std::map<QString, ListSpec>& listSpecs() {
    static const std::map<QString, ListSpec> specs = {
        {"DescribeRegions", {"regionInfo", "", "", ""}},
        {"DescribeVpcs", {"vpcSet", "NextToken", "nextToken", ""}},
        {"DescribeSubnets", {"subnetSet", "NextToken", "nextToken", ""}},
        {"DescribeRouteTables", {"routeTableSet", "NextToken", "nextToken", ""}},
        {"DescribeInternetGateways", {"internetGatewaySet", "NextToken", "nextToken", ""}},
        {"DescribeEgressOnlyInternetGateways",
         {"egressOnlyInternetGatewaySet", "NextToken", "nextToken", ""}},
        {"DescribeNatGateways", {"natGatewaySet", "NextToken", "nextToken", ""}},
        {"DescribeVpcPeeringConnections",
         {"vpcPeeringConnectionSet", "NextToken", "nextToken", ""}},
        {"DescribeTransitGateways", {"transitGatewaySet", "NextToken", "nextToken", ""}},
        {"DescribeTransitGatewayAttachments",
         {"transitGatewayAttachments", "NextToken", "nextToken", ""}},
        {"DescribeTransitGatewayVpcAttachments",
         {"transitGatewayVpcAttachments", "NextToken", "nextToken", ""}},
        {"DescribeTransitGatewayRouteTables",
         {"transitGatewayRouteTables", "NextToken", "nextToken", ""}},
        {"GetTransitGatewayRouteTableAssociations",
         {"associations", "NextToken", "nextToken", "TransitGatewayRouteTableId"}},
        {"GetTransitGatewayRouteTablePropagations",
         {"transitGatewayRouteTablePropagations", "NextToken", "nextToken",
          "TransitGatewayRouteTableId"}},
        {"SearchTransitGatewayRoutes",
         {"routeSet", "NextToken", "nextToken", "TransitGatewayRouteTableId"}},
        {"DescribeVpnGateways", {"vpnGatewaySet", "", "", ""}},
        {"DescribeCustomerGateways", {"customerGatewaySet", "", "", ""}},
        {"DescribeVpnConnections", {"vpnConnectionSet", "", "", ""}},
        {"DescribeVpcEndpoints", {"vpcEndpointSet", "NextToken", "nextToken", ""}},
        {"DescribeSecurityGroups", {"securityGroupInfo", "NextToken", "nextToken", ""}},
        {"DescribeNetworkAcls", {"networkAclSet", "NextToken", "nextToken", ""}},
        {"DescribeAddresses", {"addressesSet", "", "", ""}},
        {"DescribeInstances", {"reservationSet", "NextToken", "nextToken", ""}},
        {"DescribeNetworkInterfaces", {"networkInterfaceSet", "NextToken", "nextToken", ""}},
        {"DescribeLaunchTemplateVersions",
         {"launchTemplateVersionSet", "NextToken", "nextToken", "LaunchTemplateId"}},
        {"DescribeLoadBalancers", {"LoadBalancers", "Marker", "NextMarker", ""}},
        {"DescribeListeners", {"Listeners", "Marker", "NextMarker", "LoadBalancerArn"}},
        {"DescribeTargetGroups", {"TargetGroups", "Marker", "NextMarker", "LoadBalancerArn"}},
        {"DescribeTargetHealth", {"TargetHealthDescriptions", "", "", "TargetGroupArn"}},
        {"DescribeAutoScalingGroups", {"AutoScalingGroups", "NextToken", "NextToken", ""}},
        {"DescribeLaunchConfigurations", {"LaunchConfigurations", "NextToken", "NextToken", ""}},
        {"DescribeDBInstances", {"DBInstances", "Marker", "Marker", ""}},
        {"DescribeCacheClusters", {"CacheClusters", "Marker", "Marker", ""}},
        {"DescribeCacheSubnetGroups", {"CacheSubnetGroups", "Marker", "Marker", ""}},
        {"ListFunctions", {"Functions", "Marker", "NextMarker", ""}},
        {"DescribeFileSystems", {"FileSystems", "Marker", "NextMarker", ""}},
        {"DescribeMountTargets", {"MountTargets", "Marker", "NextMarker", "FileSystemId"}},
        {"DescribeMountTargetSecurityGroups", {"SecurityGroups", "", "", "MountTargetId"}},
        {"ListTables", {"TableNames", "ExclusiveStartTableName", "LastEvaluatedTableName", ""}},
    };
    return specs;
}

/// The element name of a list's members in Query and S3 XML.
QString memberName(const QString& protocol, const QString& list) {
    if (protocol == QStringLiteral("ec2")) {
        return QStringLiteral("item");
    }
    static const std::map<QString, QString> named = {
        {"DBInstances", "DBInstance"},
        {"VpcSecurityGroups", "VpcSecurityGroupMembership"},
        {"Subnets", "Subnet"},
        {"TagList", "Tag"},
        {"CacheClusters", "CacheCluster"},
        {"CacheSubnetGroups", "CacheSubnetGroup"},
        {"Buckets", "Bucket"},
        {"TagSet", "Tag"}};
    const auto it = named.find(list);
    return it == named.end() ? QStringLiteral("member") : it->second;
}

void writeValue(QXmlStreamWriter& xml, const QString& protocol, const QString& name,
                const json& value) {
    if (value.is_object()) {
        xml.writeStartElement(name);
        for (const auto& [key, inner] : value.items()) {
            writeValue(xml, protocol, QString::fromStdString(key), inner);
        }
        xml.writeEndElement();
    } else if (value.is_array()) {
        xml.writeStartElement(name);
        for (const auto& inner : value) {
            writeValue(xml, protocol, memberName(protocol, name), inner);
        }
        xml.writeEndElement();
    } else if (value.is_string()) {
        xml.writeTextElement(name, QString::fromStdString(value.get<std::string>()));
    } else if (!value.is_null()) {
        xml.writeTextElement(name, QString::fromStdString(value.dump()));
    }
}

/// <ActionResponse>[<ActionResult>]fields...</...>, with the request id where each API has it.
QByteArray xmlAnswer(const QString& protocol, const QString& action, const json& fields) {
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.writeStartDocument();
    xml.writeStartElement(action + QStringLiteral("Response"));
    if (protocol == QStringLiteral("ec2")) {
        xml.writeDefaultNamespace(QStringLiteral("http://ec2.amazonaws.com/doc/2016-11-15/"));
        xml.writeTextElement(QStringLiteral("requestId"), QStringLiteral("fake-request"));
        for (const auto& [key, value] : fields.items()) {
            writeValue(xml, protocol, QString::fromStdString(key), value);
        }
    } else {
        writeValue(xml, protocol, action + QStringLiteral("Result"), fields);
        xml.writeStartElement(QStringLiteral("ResponseMetadata"));
        xml.writeTextElement(QStringLiteral("RequestId"), QStringLiteral("fake-request"));
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

/// object[key] without copying (the big benchmark account is read on every request); null
/// when there is none.
const json& field(const json& object, const std::string& key) {
    static const json none;
    if (!object.is_object()) {
        return none;
    }
    const auto it = object.find(key);
    return it == object.end() ? none : *it;
}

QString textOf(const json& value) {
    return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
}

FakeAnswer jsonAnswer(const json& body) {
    FakeAnswer answer;
    answer.contentType = "application/json";
    answer.body = QByteArray::fromStdString(body.dump());
    return answer;
}

FakeAnswer s3Answer(const FakeAccount& account, const FakeRequest& request) {
    const QString bucket = request.parameters.value(QStringLiteral("Bucket"));
    const json& all = account.contains("buckets") ? account["buckets"] : json::array();
    const json* found = nullptr;
    for (const auto& b : all) {
        if (textOf(b.value("Name", json())) == bucket) {
            found = &b;
        }
    }
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.writeStartDocument();
    if (request.action == QStringLiteral("ListBuckets")) {
        json buckets = json::array();
        for (const auto& b : all) {
            buckets.push_back({{"Name", b["Name"]}, {"CreationDate", "2024-01-02T03:04:05.000Z"}});
        }
        xml.writeStartElement(QStringLiteral("ListAllMyBucketsResult"));
        xml.writeDefaultNamespace(QStringLiteral("http://s3.amazonaws.com/doc/2006-03-01/"));
        writeValue(xml, QStringLiteral("rest-xml"), QStringLiteral("Owner"),
                   {{"ID", "fake-owner"}, {"DisplayName", "fake"}});
        writeValue(xml, QStringLiteral("rest-xml"), QStringLiteral("Buckets"), buckets);
        xml.writeEndElement();
    } else if (found == nullptr) {
        return errorAnswer(request, 404, QStringLiteral("NoSuchBucket"),
                           QStringLiteral("The specified bucket does not exist"));
    } else if (request.action == QStringLiteral("GetBucketLocation")) {
        const QString region = textOf(found->value("Region", json()));
        xml.writeTextElement(QStringLiteral("LocationConstraint"),
                             region == QStringLiteral("us-east-1") ? QString() : region);
    } else if (request.action == QStringLiteral("GetBucketVersioning")) {
        xml.writeStartElement(QStringLiteral("VersioningConfiguration"));
        if (!textOf(found->value("Versioning", json())).isEmpty()) {
            xml.writeTextElement(QStringLiteral("Status"), textOf((*found)["Versioning"]));
        }
        xml.writeEndElement();
    } else {
        const json tags = found->value("Tags", json::array());
        if (tags.empty()) {
            return errorAnswer(request, 404, QStringLiteral("NoSuchTagSet"),
                               QStringLiteral("The TagSet does not exist"));
        }
        xml.writeStartElement(QStringLiteral("Tagging"));
        writeValue(xml, QStringLiteral("rest-xml"), QStringLiteral("TagSet"), tags);
        xml.writeEndElement();
    }
    xml.writeEndDocument();
    FakeAnswer answer;
    answer.contentType = "application/xml";
    answer.body = out;
    return answer;
}

}  // namespace

QString fakeProtocol(const QString& service) {
    if (service == QStringLiteral("ec2")) {
        return QStringLiteral("ec2");
    }
    if (service == QStringLiteral("lambda") || service == QStringLiteral("elasticfilesystem")) {
        return QStringLiteral("rest-json");
    }
    if (service == QStringLiteral("dynamodb")) {
        return QStringLiteral("json");
    }
    if (service == QStringLiteral("s3")) {
        return QStringLiteral("rest-xml");
    }
    return QStringLiteral("query");
}

void identifyAction(FakeRequest& request, const QByteArray& body, const QByteArray& query) {
    const QString protocol = fakeProtocol(request.service);
    auto addFields = [&](const QByteArray& encoded) {
        for (const QByteArray& pair : encoded.split('&')) {
            if (pair.isEmpty()) {
                continue;
            }
            const qsizetype equals = pair.indexOf('=');
            request.parameters.insert(
                QString::fromUtf8(
                    QByteArray::fromPercentEncoding(equals < 0 ? pair : pair.left(equals))),
                equals < 0
                    ? QString()
                    : QString::fromUtf8(QByteArray::fromPercentEncoding(pair.mid(equals + 1))));
        }
    };
    addFields(query);
    if (protocol == QStringLiteral("ec2") || protocol == QStringLiteral("query")) {
        addFields(body);
        request.action = request.parameters.value(QStringLiteral("Action"));
    } else if (protocol == QStringLiteral("json")) {
        request.action = QString::fromLatin1(request.target.mid(request.target.indexOf('.') + 1));
        const json fields = json::parse(body.toStdString(), nullptr, false);
        if (fields.is_object()) {
            for (const auto& [key, value] : fields.items()) {
                request.parameters.insert(QString::fromStdString(key), textOf(value));
            }
        }
    } else if (protocol == QStringLiteral("rest-json")) {
        const QString path = QString::fromUtf8(QByteArray::fromPercentEncoding(request.path));
        const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        if (parts.value(1) == QStringLiteral("functions")) {
            request.action = QStringLiteral("ListFunctions");
        } else if (parts.value(1) == QStringLiteral("tags")) {
            request.action = QStringLiteral("ListTags");
            request.parameters.insert(QStringLiteral("Resource"), parts.mid(2).join('/'));
        } else if (parts.value(1) == QStringLiteral("file-systems")) {
            request.action = QStringLiteral("DescribeFileSystems");
        } else if (parts.value(1) == QStringLiteral("mount-targets") && parts.size() == 4) {
            request.action = QStringLiteral("DescribeMountTargetSecurityGroups");
            request.parameters.insert(QStringLiteral("MountTargetId"), parts[2]);
        } else if (parts.value(1) == QStringLiteral("mount-targets")) {
            request.action = QStringLiteral("DescribeMountTargets");
        }
    } else {
        const QString bucket = QString::fromUtf8(request.path.mid(1));
        if (bucket.isEmpty()) {
            request.action = QStringLiteral("ListBuckets");
        } else {
            request.parameters.insert(QStringLiteral("Bucket"), bucket);
            request.action = query == "location"     ? QStringLiteral("GetBucketLocation")
                             : query == "versioning" ? QStringLiteral("GetBucketVersioning")
                             : query == "tagging"    ? QStringLiteral("GetBucketTagging")
                                                     : QStringLiteral("(unknown S3 call)");
        }
    }
}

FakeAnswer errorAnswer(const FakeRequest& request, int status, const QString& code,
                       const QString& message) {
    const QString protocol = fakeProtocol(request.service);
    FakeAnswer answer;
    answer.status = status;
    if (protocol == QStringLiteral("json")) {
        answer = jsonAnswer({{"__type", "com.amazonaws.dynamodb.v20120810#" + code.toStdString()},
                             {"message", message.toStdString()}});
    } else if (protocol == QStringLiteral("rest-json")) {
        answer = jsonAnswer({{"Message", message.toStdString()}});
        answer.headers.append({"x-amzn-ErrorType", code.toUtf8() + ":http://internal.amazon.com/"});
    } else {
        QByteArray out;
        QXmlStreamWriter xml(&out);
        xml.writeStartDocument();
        if (protocol == QStringLiteral("ec2")) {
            xml.writeStartElement(QStringLiteral("Response"));
            xml.writeStartElement(QStringLiteral("Errors"));
            xml.writeStartElement(QStringLiteral("Error"));
            xml.writeTextElement(QStringLiteral("Code"), code);
            xml.writeTextElement(QStringLiteral("Message"), message);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeTextElement(QStringLiteral("RequestID"), QStringLiteral("fake-request"));
            xml.writeEndElement();
        } else if (protocol == QStringLiteral("query")) {
            xml.writeStartElement(QStringLiteral("ErrorResponse"));
            xml.writeStartElement(QStringLiteral("Error"));
            xml.writeTextElement(QStringLiteral("Type"), QStringLiteral("Sender"));
            xml.writeTextElement(QStringLiteral("Code"), code);
            xml.writeTextElement(QStringLiteral("Message"), message);
            xml.writeEndElement();
            xml.writeTextElement(QStringLiteral("RequestId"), QStringLiteral("fake-request"));
            xml.writeEndElement();
        } else {
            xml.writeStartElement(QStringLiteral("Error"));
            xml.writeTextElement(QStringLiteral("Code"), code);
            xml.writeTextElement(QStringLiteral("Message"), message);
            xml.writeEndElement();
        }
        xml.writeEndDocument();
        answer.body = out;
    }
    answer.status = status;
    return answer;
}

FakeAnswer answerCall(const FakeAccount& account, const FakeRequest& request, int pageSize) {
    const QString protocol = fakeProtocol(request.service);
    const auto& p = request.parameters;
    if (protocol == QStringLiteral("rest-xml")) {
        return s3Answer(account, request);
    }
    if (request.action == QStringLiteral("GetCallerIdentity")) {
        const std::string id = account.value("account", std::string("123456789012"));
        return FakeAnswer{200,
                          "text/xml",
                          xmlAnswer(protocol, request.action,
                                    {{"Account", id},
                                     {"Arn", "arn:aws:iam::" + id + ":user/scan"},
                                     {"UserId", "AIDAFAKE"}}),
                          {}};
    }
    const json& data = field(field(account, "regions"), request.region.toStdString());
    if (request.action == QStringLiteral("DescribeVpcAttribute")) {
        const std::string vpc = p.value(QStringLiteral("VpcId")).toStdString();
        const std::string attribute = p.value(QStringLiteral("Attribute")).toStdString();
        const json& stored = field(field(field(data, "DescribeVpcAttribute"), vpc), attribute);
        const json value = stored.is_null() ? json(false) : stored;
        return FakeAnswer{
            200,
            "text/xml",
            xmlAnswer(protocol, request.action, {{"vpcId", vpc}, {attribute, {{"value", value}}}}),
            {}};
    }
    if (request.action == QStringLiteral("DescribeTable")) {
        const std::string name = p.value(QStringLiteral("TableName")).toStdString();
        const json& table = field(field(data, "DescribeTable"), name);
        if (table.is_null()) {
            return errorAnswer(request, 400, QStringLiteral("ResourceNotFoundException"),
                               QStringLiteral("Requested resource not found"));
        }
        return jsonAnswer({{"Table", table}});
    }
    if (request.action == QStringLiteral("ListTags")) {
        const json& tags =
            field(field(data, "ListTags"), p.value(QStringLiteral("Resource")).toStdString());
        return jsonAnswer({{"Tags", tags.is_null() ? json::object() : tags}});
    }
    if (request.action == QStringLiteral("DescribeTags")) {
        json descriptions = json::array();
        for (int n = 1; p.contains(QStringLiteral("ResourceArns.member.%1").arg(n)); ++n) {
            const std::string arn =
                p.value(QStringLiteral("ResourceArns.member.%1").arg(n)).toStdString();
            descriptions.push_back({{"ResourceArn", arn},
                                    {"Tags", field(field(data, "DescribeTags"), arn).is_null()
                                                 ? json::array()
                                                 : field(field(data, "DescribeTags"), arn)}});
        }
        return FakeAnswer{200,
                          "text/xml",
                          xmlAnswer(protocol, request.action, {{"TagDescriptions", descriptions}}),
                          {}};
    }
    const auto spec = listSpecs().find(request.action);
    if (spec == listSpecs().end()) {
        return errorAnswer(request, 400, QStringLiteral("InvalidAction"),
                           QStringLiteral("The fake does not know ") + request.action);
    }
    const ListSpec& s = spec->second;
    const json* listed = &field(data, request.action.toStdString());
    if (*s.keyParameter != '\0') {
        std::string key = p.value(QString::fromLatin1(s.keyParameter)).toStdString();
        if (request.action == QStringLiteral("DescribeLaunchTemplateVersions")) {
            key += ":" + p.value(QStringLiteral("LaunchTemplateVersion.1")).toStdString();
        }
        listed = &field(*listed, key);
    }
    static const json noItems = json::array();
    json filtered;
    const json* all = listed->is_array() ? listed : &noItems;
    if (request.action == QStringLiteral("SearchTransitGatewayRoutes") &&
        p.value(QStringLiteral("Filter.1.Name")) == QStringLiteral("type")) {
        filtered = json::array();
        for (const auto& route : *all) {
            if (textOf(route.value("type", json())) ==
                p.value(QStringLiteral("Filter.1.Value.1"))) {
                filtered.push_back(route);
            }
        }
        all = &filtered;
    }
    std::size_t start = 0;
    const QString token = p.value(QString::fromLatin1(s.tokenIn));
    if (*s.tokenIn != '\0' && !token.isEmpty()) {
        if (!token.startsWith(QStringLiteral("page-"))) {
            return errorAnswer(request, 400, QStringLiteral("InvalidPaginationToken"),
                               QStringLiteral("bad token ") + token);
        }
        start = token.mid(5).toULong();
    }
    const std::size_t size = *s.tokenIn == '\0' ? all->size() : static_cast<std::size_t>(pageSize);
    json page = json::array();
    for (std::size_t i = start; i < all->size() && i < start + size; ++i) {
        page.push_back((*all)[i]);
    }
    json fields = {{s.listKey, page}};
    if (*s.tokenIn != '\0' && start + size < all->size()) {
        fields[s.tokenOut] = "page-" + std::to_string(start + size);
    }
    if (protocol == QStringLiteral("json") || protocol == QStringLiteral("rest-json")) {
        return jsonAnswer(fields);
    }
    return FakeAnswer{200, "text/xml", xmlAnswer(protocol, request.action, fields), {}};
}

}  // namespace skydraft::test
