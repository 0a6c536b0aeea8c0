// Messages for failed calls of a scan.
#include "aws/scan_messages.h"

#include <map>

namespace skydraft::aws {

namespace {

QString q(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QString serverSays(const CallResult& result) {
    QString text = QString::fromStdString(result.error.code);
    if (!result.error.message.empty()) {
        text += (text.isEmpty() ? QString() : QStringLiteral(": ")) +
                QString::fromStdString(result.error.message);
    }
    return text.isEmpty() ? QStringLiteral("HTTP %1").arg(result.status) : text;
}

}  // namespace

QString whatCallProvides(const ApiCall& call) {
    static const std::map<std::string_view, const char*> what = {
        {"DescribeRegions", "the list of regions"},
        {"DescribeVpcs", "VPCs"},
        {"DescribeVpcAttribute", "the DNS settings of VPCs"},
        {"DescribeSubnets", "subnets"},
        {"DescribeRouteTables", "route tables and routes"},
        {"DescribeInternetGateways", "internet gateways"},
        {"DescribeEgressOnlyInternetGateways", "egress-only internet gateways"},
        {"DescribeNatGateways", "NAT gateways"},
        {"DescribeVpcPeeringConnections", "VPC peerings"},
        {"DescribeTransitGateways", "transit gateways"},
        {"DescribeTransitGatewayAttachments", "transit gateway VPN attachments"},
        {"DescribeTransitGatewayVpcAttachments", "transit gateway VPC attachments"},
        {"DescribeTransitGatewayRouteTables", "transit gateway route tables"},
        {"GetTransitGatewayRouteTableAssociations", "transit gateway route table associations"},
        {"GetTransitGatewayRouteTablePropagations", "transit gateway route table propagations"},
        {"SearchTransitGatewayRoutes", "transit gateway static routes"},
        {"DescribeVpnGateways", "virtual private gateways"},
        {"DescribeCustomerGateways", "customer gateways"},
        {"DescribeVpnConnections", "VPN connections"},
        {"DescribeVpcEndpoints", "VPC endpoints"},
        {"DescribeSecurityGroups", "security groups and their rules"},
        {"DescribeNetworkAcls", "network ACLs"},
        {"DescribeAddresses", "Elastic IPs"},
        {"DescribeInstances", "EC2 instances"},
        {"DescribeNetworkInterfaces", "routes to network interfaces"},
        {"DescribeLaunchTemplateVersions", "instance types of Auto Scaling groups"},
        {"DescribeLoadBalancers", "load balancers"},
        {"DescribeListeners", "listener ports of load balancers"},
        {"DescribeTargetGroups", "target ports of load balancers"},
        {"DescribeTargetHealth", "targets of load balancers"},
        {"DescribeTags", "names and tags of load balancers"},
        {"DescribeAutoScalingGroups", "Auto Scaling groups"},
        {"DescribeLaunchConfigurations", "instance types of Auto Scaling groups"},
        {"DescribeDBInstances", "RDS databases"},
        {"DescribeCacheClusters", "ElastiCache clusters"},
        {"DescribeCacheSubnetGroups", "the subnets of ElastiCache clusters"},
        {"ListFunctions", "Lambda functions"},
        {"ListTags", "names and tags of Lambda functions"},
        {"DescribeFileSystems", "EFS file systems"},
        {"DescribeMountTargets", "the subnets of EFS file systems"},
        {"DescribeMountTargetSecurityGroups", "the security groups of EFS file systems"},
        {"ListTables", "DynamoDB tables"},
        {"DescribeTable", "the keys of DynamoDB tables"},
        {"ListBuckets", "S3 buckets"},
        {"GetBucketLocation", "S3 buckets (their regions)"},
        {"GetBucketVersioning", "the versioning of S3 buckets"},
        {"GetBucketTagging", "names and tags of S3 buckets"},
        {"GetCallerIdentity", "the account id"},
    };
    const auto it = what.find(call.action);
    return it == what.end() ? q(call.action) : QString::fromLatin1(it->second);
}

QString authFailureMessage(const ApiCall& call, const QString& region, const CallResult& result,
                           const QString& credentialSource) {
    const QString code = QString::fromStdString(result.error.code);
    const QString where = QStringLiteral("%1 in %2").arg(q(call.action), region);
    QString cause;
    if (code == QStringLiteral("SignatureDoesNotMatch") ||
        code == QStringLiteral("InvalidSignatureException") ||
        code == QStringLiteral("IncompleteSignature")) {
        cause = QStringLiteral(
                    "AWS refused the signature of %1: the secret access key from %2 does not "
                    "belong to its access key id (or the system clock is far off)")
                    .arg(where, credentialSource);
    } else if (code == QStringLiteral("ExpiredToken") ||
               code == QStringLiteral("ExpiredTokenException") ||
               code == QStringLiteral("TokenRefreshRequired") ||
               code == QStringLiteral("InvalidToken")) {
        cause = QStringLiteral(
                    "the session token from %1 has expired or is no longer valid (%2): get new "
                    "temporary credentials (aws sso login, aws sts get-session-token, or renew "
                    "the role session) and scan again")
                    .arg(credentialSource, where);
    } else if (code == QStringLiteral("RequestExpired") ||
               code == QStringLiteral("RequestTimeTooSkewed") ||
               code == QStringLiteral("RequestInTheFuture")) {
        cause = QStringLiteral(
                    "AWS refused %1 because this computer's clock is off: set the "
                    "clock right and scan again")
                    .arg(where);
    } else {
        cause = QStringLiteral(
                    "AWS does not accept the access key from %1 (%2): it may be deleted, "
                    "inactive or from another partition; check the credentials or choose "
                    "another profile")
                    .arg(credentialSource, where);
    }
    return cause + QStringLiteral(" [") + serverSays(result) + QLatin1Char(']');
}

QString unreachableMessage(const QString& region, const CallResult& result) {
    const QString why =
        result.transportError.isEmpty() ? serverSays(result) : result.transportError;
    return QStringLiteral(
               "cannot reach AWS STS in %1 to learn the account (%2 after %3 "
               "attempts): check the network, the region and --endpoint-url")
        .arg(region, why)
        .arg(result.attempts);
}

QString callFailureMessage(const ApiCall& call, const QString& region, const CallResult& result) {
    const QString lacks = whatCallProvides(call);
    switch (result.failure) {
        case CallFailure::Denied:
            return QStringLiteral(
                       "no permission for %1 in %2 (%3): the diagram has no %4 from there; "
                       "allow %1 to scan them")
                .arg(QString::fromStdString(call.iamAction), region, serverSays(result), lacks);
        case CallFailure::Throttled:
            return QStringLiteral(
                       "%1 in %2 was still throttled after %3 attempts (%4): the "
                       "diagram has no %5 from there; scan again later")
                .arg(q(call.action), region)
                .arg(result.attempts)
                .arg(serverSays(result), lacks);
        case CallFailure::Transport:
            return QStringLiteral(
                       "%1 in %2 got no answer after %3 attempts (%4): the diagram "
                       "has no %5 from there")
                .arg(q(call.action), region)
                .arg(result.attempts)
                .arg(result.transportError, lacks);
        default:
            return QStringLiteral("%1 in %2 failed (%3): the diagram has no %4 from there")
                .arg(q(call.action), region, serverSays(result), lacks);
    }
}

QString unreadableAnswer(const ApiCall& call, const QString& region, const QString& why) {
    return QStringLiteral(
               "the answer of %1 in %2 cannot be read (%3): the diagram has no %4 "
               "from there")
        .arg(q(call.action), region, why, whatCallProvides(call));
}

}  // namespace skydraft::aws
