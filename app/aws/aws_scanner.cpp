// The scan's calls: identity first, then every region's lists and per-resource calls, then S3.
#include "aws/aws_scanner.h"

#include <QDateTime>
#include <set>

#include "aws/scan_messages.h"

namespace skydraft::aws {

using nlohmann::json;

namespace {

/// No list is longer than this many pages (a token that never ends would scan forever).
constexpr int kMaxPages = 10000;

QString q(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QByteArray b(const std::string& text) {
    return QByteArray::fromStdString(text);
}

}  // namespace

struct AwsScanner::Listing {
    QString region;
    const ApiCall* call = nullptr;
    CallArguments arguments;
    Deliver deliver;
    QStringList quietCodes;
    Items items;
    int pages = 0;
};

AwsScanner::AwsScanner(AwsClient& client, QStringList regions, bool allRegions, QString homeRegion,
                       QString credentialSource, QObject* parent)
    : QObject(parent),
      m_client(client),
      m_regions(std::move(regions)),
      m_allRegions(allRegions),
      m_home(std::move(homeRegion)),
      m_source(std::move(credentialSource)) {}

QString AwsScanner::serviceLabel(std::string_view service) {
    static const std::map<std::string_view, const char*> labels = {
        {"ec2", "EC2"},
        {"elasticloadbalancing", "Load balancing"},
        {"autoscaling", "Auto Scaling"},
        {"rds", "RDS"},
        {"elasticache", "ElastiCache"},
        {"lambda", "Lambda"},
        {"elasticfilesystem", "EFS"},
        {"dynamodb", "DynamoDB"},
        {"s3", "S3"},
        {"sts", "STS"}};
    const auto it = labels.find(service);
    return it == labels.end() ? q(service) : QString::fromLatin1(it->second);
}

json& AwsScanner::regionData(const QString& region) {
    return m_inventory["regions"][region.toStdString()];
}

json& AwsScanner::detail(const QString& region, const char* action, const std::string& key) {
    return regionData(region)[action][key];
}

void AwsScanner::start() {
    m_inventory["scanned_at"] = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
    m_inventory["regions"] = json::object();
    ++m_pending;  // held until the identity is known, so that the scan cannot settle early
    list(m_home, "sts", "GetCallerIdentity", {}, [this](Items items) {
        if (!items.empty()) {
            m_inventory["account"] = textAt(items.front(), "Account");
        }
        if (m_allRegions) {
            list(m_home, "ec2", "DescribeRegions", {}, [this](Items regions) {
                m_regions.clear();
                for (const auto& region : regions) {
                    if (textAt(region, "optInStatus") != "not-opted-in") {
                        m_regions.append(QString::fromStdString(textAt(region, "regionName")));
                    }
                }
                m_regions.sort();
                for (const auto& region : m_regions) {
                    scanRegion(region);
                }
                scanBuckets();
            });
        } else {
            for (const auto& region : m_regions) {
                scanRegion(region);
            }
            scanBuckets();
        }
    });
    --m_pending;
    settle();
}

void AwsScanner::cancel() {
    if (m_stopped) {
        return;
    }
    m_cancelled = true;
    m_stopped = true;
    m_client.cancelAll();
}

void AwsScanner::stop(const QString& message) {
    if (m_stopped) {
        return;
    }
    m_fatal = message;
    m_stopped = true;
    m_client.cancelAll();
}

void AwsScanner::settle() {
    if (m_pending == 0) {
        emit finished();
    }
}

void AwsScanner::list(const QString& region, std::string_view service, std::string_view action,
                      CallArguments arguments, Deliver deliver, QStringList quietCodes) {
    if (m_stopped) {
        return;
    }
    auto listing = std::make_shared<Listing>();
    listing->region = region;
    listing->call = findCall(service, action);
    listing->arguments = std::move(arguments);
    listing->deliver = std::move(deliver);
    listing->quietCodes = std::move(quietCodes);
    auto& count = m_counts[{region, serviceLabel(service)}];
    ++count.second;
    emit progress(region, serviceLabel(service), count.first, count.second);
    ++m_pending;
    nextPage(std::move(listing));
}

void AwsScanner::nextPage(std::shared_ptr<Listing> listing) {
    m_client.send(
        *listing->call, listing->region, listing->arguments,
        [this, listing](const CallResult& result) {
            auto finish = [&] {
                auto& count = m_counts[{listing->region, serviceLabel(listing->call->service)}];
                ++count.first;
                emit progress(listing->region, serviceLabel(listing->call->service), count.first,
                              count.second);
                --m_pending;
                settle();
            };
            if (m_stopped) {
                finish();
                return;
            }
            const QString code = QString::fromStdString(result.error.code);
            if (!result.ok() && listing->quietCodes.contains(code)) {
                listing->deliver({});
                finish();
                return;
            }
            if (!result.ok()) {
                fail(*listing, result);
                finish();
                return;
            }
            std::string error;
            auto page = parsePage(*listing->call, result.body, &error);
            if (!page) {
                const QString text = unreadableAnswer(*listing->call, listing->region,
                                                      QString::fromStdString(error));
                m_warnings.append(text);
                emit warning(text);
                finish();
                return;
            }
            for (auto& item : page->items) {
                listing->items.push_back(std::move(item));
            }
            const QByteArray token = b(page->nextToken);
            if (!token.isEmpty() && token != listing->arguments.pageToken &&
                ++listing->pages < kMaxPages) {
                listing->arguments.pageToken = token;
                nextPage(listing);
                return;
            }
            listing->deliver(std::move(listing->items));
            finish();
        });
}

void AwsScanner::fail(const Listing& listing, const CallResult& result) {
    if (result.failure == CallFailure::Cancelled) {
        return;
    }
    if (result.failure == CallFailure::Auth) {
        stop(authFailureMessage(*listing.call, listing.region, result, m_source));
        return;
    }
    if (listing.call->action == "GetCallerIdentity") {
        // Without an identity nothing else will work either: a wrong endpoint, no network.
        stop(unreachableMessage(listing.region, result));
        return;
    }
    const QString text = callFailureMessage(*listing.call, listing.region, result);
    m_warnings.append(text);
    emit warning(text);
}

void AwsScanner::scanRegion(const QString& region) {
    regionData(region) = json::object();
    scanNetwork(region);
    scanServices(region);
}

void AwsScanner::scanNetwork(const QString& region) {
    auto keep = [this, region](const char* action) {
        return [this, region, action](Items items) { regionData(region)[action] = items; };
    };
    for (const char* action :
         {"DescribeSubnets", "DescribeRouteTables", "DescribeInternetGateways",
          "DescribeEgressOnlyInternetGateways", "DescribeNatGateways",
          "DescribeVpcPeeringConnections", "DescribeTransitGateways",
          "DescribeTransitGatewayAttachments", "DescribeTransitGatewayVpcAttachments",
          "DescribeVpnGateways", "DescribeCustomerGateways", "DescribeVpnConnections",
          "DescribeVpcEndpoints", "DescribeSecurityGroups", "DescribeNetworkAcls",
          "DescribeAddresses", "DescribeInstances", "DescribeNetworkInterfaces"}) {
        list(region, "ec2", action, {}, keep(action));
    }
    list(region, "ec2", "DescribeVpcs", {}, [this, region](Items vpcs) {
        for (const auto& vpc : vpcs) {
            const std::string id = textAt(vpc, "vpcId");
            for (const char* attribute : {"enableDnsSupport", "enableDnsHostnames"}) {
                list(region, "ec2", "DescribeVpcAttribute",
                     {{{"Attribute", attribute}, {"VpcId", b(id)}}, {}, {}},
                     [this, region, id](Items items) {
                         for (const auto& item : items) {
                             detail(region, "DescribeVpcAttribute", id).update(item);
                         }
                     });
            }
        }
        regionData(region)["DescribeVpcs"] = std::move(vpcs);
    });
    list(region, "ec2", "DescribeTransitGatewayRouteTables", {}, [this, region](Items tables) {
        for (const auto& table : tables) {
            const std::string id = textAt(table, "transitGatewayRouteTableId");
            const CallArguments byTable{{{"TransitGatewayRouteTableId", b(id)}}, {}, {}};
            for (const char* action : {"GetTransitGatewayRouteTableAssociations",
                                       "GetTransitGatewayRouteTablePropagations"}) {
                list(region, "ec2", action, byTable, [this, region, id, action](Items items) {
                    detail(region, action, id) = items;
                });
            }
            CallArguments search = byTable;
            search.parameters.append({"Filter.1.Name", QByteArray("type")});
            search.parameters.append({"Filter.1.Value.1", QByteArray("static")});
            list(region, "ec2", "SearchTransitGatewayRoutes", search,
                 [this, region, id](Items items) {
                     detail(region, "SearchTransitGatewayRoutes", id) = items;
                 });
        }
        regionData(region)["DescribeTransitGatewayRouteTables"] = std::move(tables);
    });
}

void AwsScanner::scanServices(const QString& region) {
    list(region, "elasticloadbalancing", "DescribeLoadBalancers", {}, [this, region](Items lbs) {
        CallArguments tags;
        auto flushTags = [&] {
            if (tags.parameters.isEmpty()) {
                return;
            }
            list(region, "elasticloadbalancing", "DescribeTags", tags, [this, region](Items items) {
                for (const auto& item : items) {
                    detail(region, "DescribeTags", textAt(item, "ResourceArn")) = item;
                }
            });
            tags.parameters.clear();
        };
        for (const auto& lb : lbs) {
            const std::string arn = textAt(lb, "LoadBalancerArn");
            const CallArguments byLb{{{"LoadBalancerArn", b(arn)}}, {}, {}};
            list(region, "elasticloadbalancing", "DescribeListeners", byLb,
                 [this, region, arn](Items items) {
                     detail(region, "DescribeListeners", arn) = items;
                 });
            list(region, "elasticloadbalancing", "DescribeTargetGroups", byLb,
                 [this, region, arn](Items groups) {
                     for (const auto& group : groups) {
                         const std::string groupArn = textAt(group, "TargetGroupArn");
                         list(region, "elasticloadbalancing", "DescribeTargetHealth",
                              {{{"TargetGroupArn", b(groupArn)}}, {}, {}},
                              [this, region, groupArn](Items health) {
                                  detail(region, "DescribeTargetHealth", groupArn) = health;
                              });
                     }
                     detail(region, "DescribeTargetGroups", arn) = groups;
                 });
            tags.parameters.append(
                {"ResourceArns.member." + QByteArray::number(tags.parameters.size() + 1), b(arn)});
            if (tags.parameters.size() == 20) {
                flushTags();
            }
        }
        flushTags();
        regionData(region)["DescribeLoadBalancers"] = std::move(lbs);
    });
    list(region, "autoscaling", "DescribeAutoScalingGroups", {}, [this, region](Items groups) {
        std::set<std::string> templates;
        for (const auto& group : groups) {
            std::string id = textAt(group, "LaunchTemplate/LaunchTemplateId");
            std::string version = textAt(group, "LaunchTemplate/Version");
            if (id.empty()) {
                const std::string spec =
                    "MixedInstancesPolicy/LaunchTemplate/LaunchTemplateSpecification/";
                id = textAt(group, spec + "LaunchTemplateId");
                version = textAt(group, spec + "Version");
            }
            if (!id.empty()) {
                templates.insert(id + ":" + (version.empty() ? "$Default" : version));
            }
        }
        for (const auto& key : templates) {
            const std::size_t colon = key.find(':');
            list(region, "ec2", "DescribeLaunchTemplateVersions",
                 {{{"LaunchTemplateId", b(key.substr(0, colon))},
                   {"LaunchTemplateVersion.1", b(key.substr(colon + 1))}},
                  {},
                  {}},
                 [this, region, key](Items items) {
                     detail(region, "DescribeLaunchTemplateVersions", key) = items;
                 });
        }
        regionData(region)["DescribeAutoScalingGroups"] = std::move(groups);
    });
    auto keep = [this, region](const char* action) {
        return [this, region, action](Items items) { regionData(region)[action] = items; };
    };
    list(region, "autoscaling", "DescribeLaunchConfigurations", {},
         keep("DescribeLaunchConfigurations"));
    list(region, "rds", "DescribeDBInstances", {}, keep("DescribeDBInstances"));
    list(region, "elasticache", "DescribeCacheClusters", {}, keep("DescribeCacheClusters"));
    list(region, "elasticache", "DescribeCacheSubnetGroups", {}, keep("DescribeCacheSubnetGroups"));
    list(region, "lambda", "ListFunctions", {}, [this, region](Items functions) {
        for (const auto& function : functions) {
            const std::string arn = textAt(function, "FunctionArn");
            list(region, "lambda", "ListTags", {{}, b(arn), {}}, [this, region, arn](Items items) {
                if (!items.empty()) {
                    detail(region, "ListTags", arn) = items.front();
                }
            });
        }
        regionData(region)["ListFunctions"] = std::move(functions);
    });
    list(region, "elasticfilesystem", "DescribeFileSystems", {}, [this, region](Items systems) {
        for (const auto& fs : systems) {
            const std::string id = textAt(fs, "FileSystemId");
            list(region, "elasticfilesystem", "DescribeMountTargets",
                 {{{"FileSystemId", b(id)}}, {}, {}}, [this, region, id](Items targets) {
                     for (const auto& target : targets) {
                         const std::string mt = textAt(target, "MountTargetId");
                         list(region, "elasticfilesystem", "DescribeMountTargetSecurityGroups",
                              {{}, b(mt), {}}, [this, region, mt](Items groups) {
                                  detail(region, "DescribeMountTargetSecurityGroups", mt) = groups;
                              });
                     }
                     detail(region, "DescribeMountTargets", id) = targets;
                 });
        }
        regionData(region)["DescribeFileSystems"] = std::move(systems);
    });
    list(region, "dynamodb", "ListTables", {}, [this, region](Items tables) {
        for (const auto& table : tables) {
            const std::string name = textAt(table, "");
            list(region, "dynamodb", "DescribeTable", {{{"TableName", b(name)}}, {}, {}},
                 [this, region, name](Items items) {
                     if (!items.empty()) {
                         detail(region, "DescribeTable", name) = items.front();
                     }
                 },
                 {QStringLiteral("ResourceNotFoundException")});
        }
        regionData(region)["ListTables"] = std::move(tables);
    });
}

void AwsScanner::scanBuckets() {
    m_inventory["buckets"] = json::array();
    std::set<QString> scanned(m_regions.begin(), m_regions.end());
    const QString home =
        m_regions.contains(m_home) || m_regions.isEmpty() ? m_home : m_regions.front();
    list(home, "s3", "ListBuckets", {}, [this, home, scanned](Items buckets) {
        for (const auto& bucket : buckets) {
            const std::string name = textAt(bucket, "Name");
            // Kept in the order of ListBuckets; the region comes with GetBucketLocation.
            const std::size_t index = m_inventory["buckets"].size();
            m_inventory["buckets"].push_back(
                {{"Name", name}, {"Region", ""}, {"Tags", json::array()}});
            auto withRegion = [this, name, index, scanned](const QString& region) {
                m_inventory["buckets"][index]["Region"] = region.toStdString();
                if (!scanned.count(region)) {
                    return;
                }
                const QStringList gone = {QStringLiteral("NoSuchBucket")};
                list(
                    region, "s3", "GetBucketVersioning", {{}, b(name), {}},
                    [this, index](Items items) {
                        if (!items.empty()) {
                            m_inventory["buckets"][index]["Versioning"] =
                                textAt(items.front(), "Status");
                        }
                    },
                    gone);
                list(
                    region, "s3", "GetBucketTagging", {{}, b(name), {}},
                    [this, index](Items items) {
                        if (!items.empty()) {
                            json tags = json::array();
                            for (const json* tag : listOf(at(items.front(), "TagSet"))) {
                                tags.push_back(*tag);
                            }
                            m_inventory["buckets"][index]["Tags"] = tags;
                        }
                    },
                    gone + QStringList{QStringLiteral("NoSuchTagSet")});
            };
            const std::string listed = textAt(bucket, "BucketRegion");
            if (!listed.empty()) {
                withRegion(QString::fromStdString(listed));
                continue;
            }
            list(home, "s3", "GetBucketLocation", {{}, b(name), {}},
                 [withRegion](Items items) {
                     // A bucket of us-east-1 has no location constraint; "EU" is eu-west-1.
                     std::string location = items.empty() ? "" : textAt(items.front(), "");
                     if (location.empty()) {
                         location = "us-east-1";
                     } else if (location == "EU") {
                         location = "eu-west-1";
                     }
                     withRegion(QString::fromStdString(location));
                 },
                 {QStringLiteral("NoSuchBucket")});
        }
    });
}

}  // namespace skydraft::aws
