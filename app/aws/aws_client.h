// Sending allow-listed AWS calls over Qt Network: signing, a few in parallel per region,
// retries with exponential backoff and jitter, timeouts.
#pragma once

#include <QDateTime>
#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <deque>
#include <functional>
#include <random>

#include "aws/aws_api.h"
#include "aws/aws_credentials.h"
#include "aws/aws_response.h"

class QNetworkReply;

namespace skydraft::aws {

/// How the client behaves.
struct ClientSettings {
    Endpoints endpoints;
    int maxParallel = 4;               ///< requests in flight per region
    int timeoutMs = 30000;             ///< per attempt, from sending to the last byte
    int maxAttempts = 5;               ///< including the first
    int baseDelayMs = 100;             ///< backoff: a random wait up to base * 2^(attempt - 1)
    int maxDelayMs = 20000;            ///< and never more than this
    std::function<QDateTime()> clock;  ///< the signing time (UTC now when unset)
};

/// How a call ended.
enum class CallFailure {
    None,
    Denied,     ///< AccessDenied, UnauthorizedOperation, ...: a missing IAM permission
    Auth,       ///< the credentials or the signature were refused: nothing will work
    Throttled,  ///< still throttled after every attempt
    Service,    ///< another error of the service
    Transport,  ///< no answer: timeout, connection refused, ...
    Cancelled,
};

/// The outcome of one call (one page).
struct CallResult {
    CallFailure failure = CallFailure::None;
    int status = 0;
    QByteArray body;
    ServiceError error;  ///< the service's code and message (secrets removed)
    QString transportError;
    int attempts = 0;
    bool ok() const { return failure == CallFailure::None; }
};

/// Sends calls with one set of credentials. Lives in the thread that runs its event loop.
class AwsClient : public QObject {
    Q_OBJECT
public:
    AwsClient(ClientSettings settings, Credentials credentials, QObject* parent = nullptr);
    ~AwsClient() override;

    /// Queues call for region; done runs once, in this thread, when it has an outcome.
    void send(const ApiCall& call, const QString& region, const CallArguments& arguments,
              std::function<void(const CallResult&)> done);
    /// Drops the queue and aborts what is in flight (each done sees Cancelled).
    void cancelAll();
    /// Requests sent so far, attempts included.
    int requestsSent() const { return m_sent; }
    /// text with every occurrence of the credentials' key id, secret and token replaced.
    QString redact(QString text) const;

    /// The codes that mean "retry later", "no permission" and "these credentials do not work".
    static bool isThrottling(const QString& code);
    static bool isDenied(const QString& code);
    static bool isAuthFailure(const QString& code);

private:
    struct Pending {
        const ApiCall* call;
        QString region;
        CallArguments arguments;
        std::function<void(const CallResult&)> done;
        int attempts = 0;
    };
    void pump(const QString& region);
    void start(std::shared_ptr<Pending> pending);
    void finished(QNetworkReply* reply, std::shared_ptr<Pending> pending);
    void complete(const std::shared_ptr<Pending>& pending, CallResult result);
    int backoffMs(int attempts);

    ClientSettings m_settings;
    Credentials m_credentials;
    QNetworkAccessManager m_network;
    QHash<QString, std::deque<std::shared_ptr<Pending>>> m_queues;
    QHash<QString, int> m_active;
    QList<QPointer<QNetworkReply>> m_replies;
    std::mt19937 m_random;
    int m_sent = 0;
    bool m_cancelled = false;
};

}  // namespace skydraft::aws
