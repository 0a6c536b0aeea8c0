// The AWS client: signed requests with retries, backoff, timeouts and a per-region limit.
#include "aws/aws_client.h"

#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <algorithm>
#include <cmath>

namespace skydraft::aws {

namespace {

constexpr qint64 kMaxAnswerBytes = 64 * 1024 * 1024;

bool oneOf(const QString& code, std::initializer_list<const char*> codes) {
    return std::any_of(codes.begin(), codes.end(),
                       [&](const char* c) { return code == QLatin1String(c); });
}

}  // namespace

AwsClient::AwsClient(ClientSettings settings, Credentials credentials, QObject* parent)
    : QObject(parent),
      m_settings(std::move(settings)),
      m_credentials(std::move(credentials)),
      m_random(std::random_device{}()) {
    m_network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

AwsClient::~AwsClient() {
    // Nobody waits for the outcomes any more: abort quietly.
    m_cancelled = true;
    const auto replies = m_replies;
    for (const auto& reply : replies) {
        if (reply) {
            reply->disconnect(this);
            reply->abort();
        }
    }
}

bool AwsClient::isThrottling(const QString& code) {
    return oneOf(
        code, {"Throttling", "ThrottlingException", "ThrottledException",
               "RequestThrottledException", "TooManyRequestsException",
               "ProvisionedThroughputExceededException", "TransactionInProgressException",
               "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException",
               "RequestThrottled", "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException"});
}

bool AwsClient::isDenied(const QString& code) {
    return oneOf(code, {"AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
                        "UnauthorizedAccess", "AuthorizationError", "Forbidden", "OptInRequired"});
}

bool AwsClient::isAuthFailure(const QString& code) {
    return oneOf(code, {"AuthFailure", "SignatureDoesNotMatch", "InvalidSignatureException",
                        "InvalidClientTokenId", "UnrecognizedClientException", "InvalidAccessKeyId",
                        "ExpiredToken", "ExpiredTokenException", "RequestExpired",
                        "TokenRefreshRequired", "IncompleteSignature", "MissingAuthenticationToken",
                        "InvalidToken", "RequestTimeTooSkewed", "RequestInTheFuture"});
}

QString AwsClient::redact(QString text) const {
    // An AWS signature error quotes the canonical request, which holds the session token.
    const qsizetype canonical = text.indexOf(QStringLiteral("The Canonical String"));
    if (canonical >= 0) {
        text.truncate(canonical);
        text = text.trimmed();
    }
    for (const QByteArray& secret :
         {m_credentials.secretAccessKey, m_credentials.sessionToken, m_credentials.accessKeyId}) {
        if (secret.size() >= 4) {
            text.replace(QString::fromUtf8(secret), QStringLiteral("(redacted)"));
        }
    }
    return text;
}

void AwsClient::send(const ApiCall& call, const QString& region, const CallArguments& arguments,
                     std::function<void(const CallResult&)> done) {
    auto pending = std::make_shared<Pending>(Pending{&call, region, arguments, std::move(done), 0});
    if (m_cancelled) {
        CallResult result;
        result.failure = CallFailure::Cancelled;
        pending->done(result);
        return;
    }
    m_queues[region].push_back(std::move(pending));
    pump(region);
}

void AwsClient::cancelAll() {
    m_cancelled = true;
    for (auto it = m_queues.begin(); it != m_queues.end(); ++it) {
        auto queue = std::move(it.value());
        for (const auto& pending : queue) {
            CallResult result;
            result.failure = CallFailure::Cancelled;
            pending->done(result);
        }
    }
    m_queues.clear();
    const auto replies = m_replies;
    for (const auto& reply : replies) {
        if (reply) {
            reply->abort();
        }
    }
}

void AwsClient::pump(const QString& region) {
    auto& queue = m_queues[region];
    while (!queue.empty() && m_active.value(region) < std::max(1, m_settings.maxParallel)) {
        auto pending = std::move(queue.front());
        queue.pop_front();
        ++m_active[region];
        start(std::move(pending));
    }
}

int AwsClient::backoffMs(int attempts) {
    const double ceiling = std::min<double>(
        m_settings.maxDelayMs, m_settings.baseDelayMs * std::pow(2.0, std::max(0, attempts - 1)));
    std::uniform_real_distribution<double> jitter(0.0, ceiling);
    return static_cast<int>(jitter(m_random));
}

void AwsClient::start(std::shared_ptr<Pending> pending) {
    if (m_cancelled) {
        CallResult result;
        result.failure = CallFailure::Cancelled;
        complete(pending, result);
        return;
    }
    HttpRequest http;
    QString error;
    if (!buildRequest(*pending->call, pending->region, pending->arguments, m_settings.endpoints,
                      &http, &error)) {
        CallResult result;
        result.failure = CallFailure::Service;
        result.error.message = error.toStdString();
        complete(pending, result);
        return;
    }
    SigningScope scope{m_credentials.accessKeyId, m_credentials.secretAccessKey, http.region,
                       http.service,
                       m_settings.clock ? m_settings.clock() : QDateTime::currentDateTimeUtc()};
    const QByteArray authorizationHeader =
        signRequest(http.signing, scope, m_credentials.sessionToken);
    QNetworkRequest request(http.url);
    for (const auto& [name, value] : http.signing.headers) {
        request.setRawHeader(name, value);
    }
    request.setRawHeader("Authorization", authorizationHeader);
    request.setRawHeader("User-Agent", "skydraft/0.1.0");
    request.setTransferTimeout(m_settings.timeoutMs);
    ++pending->attempts;
    ++m_sent;
    QNetworkReply* reply = http.method == "GET" ? m_network.get(request)
                                                : m_network.post(request, http.signing.payload);
    m_replies.append(reply);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxAnswerBytes) {
            reply->setProperty("skydraftTooLarge", true);
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, pending] { finished(reply, pending); });
}

void AwsClient::finished(QNetworkReply* reply, std::shared_ptr<Pending> pending) {
    reply->deleteLater();
    m_replies.removeAll(QPointer<QNetworkReply>(reply));
    CallResult result;
    result.attempts = pending->attempts;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_cancelled) {
        result.failure = CallFailure::Cancelled;
        complete(pending, result);
        return;
    }
    bool retry = false;
    if (result.status == 0) {
        result.failure = CallFailure::Transport;
        if (reply->property("skydraftTooLarge").toBool()) {
            result.transportError = QStringLiteral("the answer is larger than 64 MB");
        } else if (reply->error() == QNetworkReply::TimeoutError ||
                   reply->error() == QNetworkReply::OperationCanceledError) {
            result.transportError =
                QStringLiteral("no answer within %1 s").arg(m_settings.timeoutMs / 1000.0);
            retry = true;
        } else {
            result.transportError = redact(reply->errorString());
            retry = reply->error() != QNetworkReply::HostNotFoundError;
        }
    } else {
        result.body = reply->readAll();
        if (result.status >= 200 && result.status < 300) {
            complete(pending, result);
            return;
        }
        result.error = parseError(result.body, reply->rawHeader("x-amzn-ErrorType"));
        result.error.message = redact(QString::fromStdString(result.error.message)).toStdString();
        const QString code = QString::fromStdString(result.error.code);
        if (isThrottling(code) || result.status == 429) {
            result.failure = CallFailure::Throttled;
            retry = true;
        } else if (isAuthFailure(code)) {
            result.failure = CallFailure::Auth;
        } else if (isDenied(code) || (result.status == 403 && code.isEmpty())) {
            result.failure = CallFailure::Denied;
        } else {
            result.failure = CallFailure::Service;
            retry = result.status >= 500 || oneOf(code, {"InternalError", "InternalFailure",
                                                         "ServiceUnavailable", "RequestTimeout"});
        }
    }
    if (retry && pending->attempts < m_settings.maxAttempts) {
        QTimer::singleShot(backoffMs(pending->attempts), this, [this, pending] { start(pending); });
        return;
    }
    complete(pending, result);
}

void AwsClient::complete(const std::shared_ptr<Pending>& pending, CallResult result) {
    const QString region = pending->region;
    --m_active[region];
    auto done = std::move(pending->done);
    done(result);
    pump(region);
}

}  // namespace skydraft::aws
