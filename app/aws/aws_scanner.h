// The read-only scan of an account: which calls, in which order, paginated, into an inventory.
#pragma once

#include <QObject>
#include <QStringList>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

#include "aws/aws_client.h"
#include "aws/scan_builder.h"

namespace skydraft::aws {

/// Runs the calls of a scan through a client and collects their answers. Lists come first,
/// the calls made per resource (VPC attributes, listeners, mount targets, ...) follow as the
/// lists arrive; everything of a region runs in parallel up to the client's limit.
class AwsScanner : public QObject {
    Q_OBJECT
public:
    /// regions: where to scan ("all" lists the account's regions with DescribeRegions first);
    /// homeRegion: where STS and the S3 listing are called; credentialSource names the
    /// credentials in messages.
    AwsScanner(AwsClient& client, QStringList regions, bool allRegions, QString homeRegion,
               QString credentialSource, QObject* parent = nullptr);

    void start();
    void cancel();

    const Inventory& inventory() const { return m_inventory; }
    QStringList warnings() const { return m_warnings; }
    /// Why the scan stopped ("" when it ran to the end).
    QString fatalError() const { return m_fatal; }
    bool cancelled() const { return m_cancelled; }

    /// A display name of a service ("EC2", "Load balancing", ...).
    static QString serviceLabel(std::string_view service);

signals:
    void progress(const QString& region, const QString& service, int done, int total);
    void warning(const QString& text);
    void finished();

private:
    using Items = std::vector<nlohmann::json>;
    using Deliver = std::function<void(Items items)>;
    struct Listing;

    /// Sends action (all its pages) in region and hands every item to deliver; failures become
    /// warnings (or stop the scan) and deliver is not called. quietCodes are errors that mean
    /// "nothing there" (NoSuchTagSet) and deliver an empty list.
    void list(const QString& region, std::string_view service, std::string_view action,
              CallArguments arguments, Deliver deliver, QStringList quietCodes = {});
    void nextPage(std::shared_ptr<Listing> listing);
    void fail(const Listing& listing, const CallResult& result);
    void stop(const QString& message);
    void settle();

    void scanRegion(const QString& region);
    void scanNetwork(const QString& region);
    void scanServices(const QString& region);
    void scanBuckets();
    nlohmann::json& regionData(const QString& region);
    /// detail[action][key] of a region.
    nlohmann::json& detail(const QString& region, const char* action, const std::string& key);

    AwsClient& m_client;
    QStringList m_regions;
    bool m_allRegions;
    QString m_home;
    QString m_source;
    Inventory m_inventory = nlohmann::json::object();
    QStringList m_warnings;
    QString m_fatal;
    bool m_cancelled = false;
    bool m_stopped = false;
    int m_pending = 0;
    std::map<std::pair<QString, QString>, std::pair<int, int>> m_counts;  ///< done, total
};

}  // namespace skydraft::aws
