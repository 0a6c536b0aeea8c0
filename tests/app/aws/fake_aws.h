// A fake AWS endpoint for tests: an HTTP server on 127.0.0.1 in its own thread that checks
// every request's Signature Version 4, answers in the documented XML/JSON shapes of each API
// with several pages, and throttles or denies the calls a test asks it to.
#pragma once

#include <QByteArray>
#include <QMap>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QString>
#include <QThread>
#include <QUrl>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

namespace skydraft::test {

/// One request the fake received.
struct FakeRequest {
    QByteArray method;
    QByteArray path;  ///< as on the wire
    QString service;  ///< from the credential scope
    QString region;
    QString action;
    QMap<QString, QString> parameters;  ///< form, query or JSON fields
    QByteArray contentType;
    QByteArray target;  ///< X-Amz-Target
    QString accessKeyId;
    QString outcome;  ///< "ok", or the error code the fake answered with
};

/// The account a fake serves: {"account", "regions": {REGION: {ACTION: [items] or
/// {KEY: answer}}}, "buckets": [{"Name", "Region", "Versioning", "Tags"}]} with items in each
/// API's own field names (see fake_aws_answers.cpp).
using FakeAccount = nlohmann::json;

class FakeAwsWorker;

/// The server. Starts listening on construction and stops in its destructor.
class FakeAws {
public:
    struct Options {
        int pageSize = 2;   ///< items per page of every list
        int latencyMs = 0;  ///< added before every answer
    };
    explicit FakeAws(FakeAccount account, Options options);
    explicit FakeAws(FakeAccount account) : FakeAws(std::move(account), Options{}) {}
    ~FakeAws();

    /// http://127.0.0.1:PORT
    QUrl url() const;
    /// Accepts these credentials (a session token, if given, must come along; an expired
    /// token is answered with ExpiredToken).
    void addCredentials(const QString& accessKeyId, const QString& secret,
                        const QString& sessionToken = {}, bool expired = false);
    /// AssumeRole of roleArn hands out these credentials.
    void addRole(const QString& roleArn, const QString& accessKeyId, const QString& secret,
                 const QString& sessionToken);
    /// The next `times` calls of action get a throttling error.
    void throttle(const QString& action, int times);
    /// Every call of action is denied.
    void deny(const QString& action);
    /// Every request received so far.
    std::vector<FakeRequest> requests() const;
    /// The highest number of requests the fake was answering at once.
    int maxConcurrent() const;

private:
    QThread m_thread;
    FakeAwsWorker* m_worker = nullptr;
    QUrl m_url;
};

}  // namespace skydraft::test
