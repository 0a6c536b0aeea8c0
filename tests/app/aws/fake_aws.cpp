// The fake AWS endpoint's HTTP side: connections, request parsing, signature checks, throttling
// and denials. The answers themselves come from fake_aws_answers.cpp.
#include "fake_aws.h"

#include <QDateTime>
#include <QHash>
#include <QMutexLocker>
#include <QPointer>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include "aws/sigv4.h"
#include "fake_aws_answers.h"

namespace skydraft::test {

namespace {

struct Key {
    QString secret;
    QString token;
    bool expired = false;
};

QByteArray reasonPhrase(int status) {
    switch (status) {
        case 200:
            return "OK";
        case 400:
            return "Bad Request";
        case 401:
            return "Unauthorized";
        case 403:
            return "Forbidden";
        case 404:
            return "Not Found";
        case 429:
            return "Too Many Requests";
        case 503:
            return "Service Unavailable";
        default:
            return "Error";
    }
}

}  // namespace

/// Lives in the fake's thread: accepts connections and answers requests.
class FakeAwsWorker : public QObject {
public:
    FakeAwsWorker(FakeAccount account, FakeAws::Options options)
        : m_account(std::move(account)), m_options(options) {}

    quint16 listen() {
        m_server = new QTcpServer(this);
        if (!m_server->listen(QHostAddress::LocalHost, 0)) {
            return 0;
        }
        connect(m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server->nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        return m_server->serverPort();
    }
    void stop() {
        if (m_server) {
            m_server->close();
        }
        const auto sockets = findChildren<QTcpSocket*>();
        for (QTcpSocket* socket : sockets) {
            socket->abort();
        }
    }

    mutable QMutex mutex;
    QMap<QString, Key> keys;
    QMap<QString, Key> roles;  ///< role ARN -> (key id in secret's place is kept in token)
    QMap<QString, QString> roleKeyIds;
    QMap<QString, int> throttles;
    QSet<QString> denials;
    std::vector<FakeRequest> received;
    int concurrent = 0;
    int maxConcurrent = 0;

private:
    void read(QTcpSocket* socket) {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0) {
                return;
            }
            const QList<QByteArray> lines = buffer.left(end).split('\n');
            QList<QPair<QByteArray, QByteArray>> headers;
            qsizetype length = 0;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines[i].trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                headers.append(
                    {line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
                if (headers.last().first == "content-length") {
                    length = headers.last().second.toLongLong();
                }
            }
            if (buffer.size() < end + 4 + length) {
                return;
            }
            const QByteArray body = buffer.mid(end + 4, length);
            const QList<QByteArray> requestLine = lines[0].trimmed().split(' ');
            buffer.remove(0, end + 4 + length);
            handle(socket, requestLine.value(0), requestLine.value(1), headers, body);
        }
    }

    static QByteArray header(const QList<QPair<QByteArray, QByteArray>>& headers,
                             const QByteArray& name) {
        for (const auto& [n, v] : headers) {
            if (n == name) {
                return v;
            }
        }
        return {};
    }

    void handle(QTcpSocket* socket, const QByteArray& method, const QByteArray& target,
                const QList<QPair<QByteArray, QByteArray>>& headers, const QByteArray& body) {
        FakeRequest request;
        request.method = method;
        const qsizetype question = target.indexOf('?');
        request.path = question < 0 ? target : target.left(question);
        const QByteArray query = question < 0 ? QByteArray() : target.mid(question + 1);
        request.contentType = header(headers, "content-type");
        request.target = header(headers, "x-amz-target");
        const QByteArray authorization = header(headers, "authorization");
        // AWS4-HMAC-SHA256 Credential=KEY/DATE/REGION/SERVICE/aws4_request, SignedHeaders=a;b,
        // Signature=hex
        const qsizetype credentialAt = authorization.indexOf("Credential=");
        const QList<QByteArray> scope =
            authorization
                .mid(credentialAt + 11,
                     authorization.indexOf(',', credentialAt) - credentialAt - 11)
                .split('/');
        request.accessKeyId = QString::fromLatin1(scope.value(0));
        request.region = QString::fromLatin1(scope.value(2));
        request.service = QString::fromLatin1(scope.value(3));
        identifyAction(request, body, query);

        FakeAnswer answer;
        {
            QMutexLocker lock(&mutex);
            answer = check(request, method, query, headers, body, authorization, scope);
            if (answer.status == 200) {
                if (throttles.value(request.action) > 0) {
                    throttles[request.action] -= 1;
                    const QString protocol = fakeProtocol(request.service);
                    answer =
                        protocol == QStringLiteral("ec2")
                            ? errorAnswer(request, 503, QStringLiteral("RequestLimitExceeded"),
                                          QStringLiteral("Request limit exceeded."))
                        : protocol == QStringLiteral("rest-json")
                            ? errorAnswer(request, 429, QStringLiteral("TooManyRequestsException"),
                                          QStringLiteral("Rate exceeded"))
                            : errorAnswer(request, 400, QStringLiteral("Throttling"),
                                          QStringLiteral("Rate exceeded"));
                } else if (denials.contains(request.action)) {
                    answer =
                        fakeProtocol(request.service) == QStringLiteral("ec2")
                            ? errorAnswer(request, 403, QStringLiteral("UnauthorizedOperation"),
                                          QStringLiteral("You are not authorized to "
                                                         "perform this operation."))
                            : errorAnswer(
                                  request, 403, QStringLiteral("AccessDenied"),
                                  QStringLiteral("User: arn:aws:iam::123456789012:user/scan "
                                                 "is not authorized to perform: %1:%2")
                                      .arg(request.service, request.action));
                } else if (request.action == QStringLiteral("AssumeRole")) {
                    answer = assumeRole(request);
                } else {
                    answer = answerCall(m_account, request, m_options.pageSize);
                }
            }
            request.outcome = answer.status == 200 ? QStringLiteral("ok")
                                                   : QString::fromLatin1(answer.body.left(200));
            received.push_back(request);
            maxConcurrent = std::max(maxConcurrent, ++concurrent);
        }
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(m_options.latencyMs, this, [this, guard, answer] {
            {
                QMutexLocker lock(&mutex);
                --concurrent;
            }
            if (!guard) {
                return;
            }
            QByteArray out = "HTTP/1.1 " + QByteArray::number(answer.status) + ' ' +
                             reasonPhrase(answer.status) +
                             "\r\nContent-Type: " + answer.contentType +
                             "\r\nContent-Length: " + QByteArray::number(answer.body.size()) +
                             "\r\nConnection: keep-alive\r\n";
            for (const auto& [name, value] : answer.headers) {
                out += name + ": " + value + "\r\n";
            }
            guard->write(out + "\r\n" + answer.body);
        });
    }

    FakeAnswer check(const FakeRequest& request, const QByteArray& method, const QByteArray& query,
                     const QList<QPair<QByteArray, QByteArray>>& headers, const QByteArray& body,
                     const QByteArray& authorization, const QList<QByteArray>& scope) {
        if (authorization.isEmpty()) {
            return errorAnswer(request, 403, QStringLiteral("MissingAuthenticationToken"),
                               QStringLiteral("Request is missing Authentication Token"));
        }
        const auto key = keys.constFind(request.accessKeyId);
        if (key == keys.constEnd()) {
            return errorAnswer(request, 403, QStringLiteral("InvalidClientTokenId"),
                               QStringLiteral("The security token included in the request is "
                                              "invalid."));
        }
        const QByteArray token = header(headers, "x-amz-security-token");
        if (QString::fromLatin1(token) != key->token) {
            return errorAnswer(request, 403, QStringLiteral("InvalidClientTokenId"),
                               QStringLiteral("The security token included in the request is "
                                              "invalid."));
        }
        aws::SigningRequest signing;
        signing.method = method;
        signing.path = request.path;
        signing.payload = body;
        signing.normalizePath = request.service != QStringLiteral("s3");
        for (const QByteArray& pair : query.split('&')) {
            if (pair.isEmpty()) {
                continue;
            }
            const qsizetype equals = pair.indexOf('=');
            signing.query.append(
                {QByteArray::fromPercentEncoding(equals < 0 ? pair : pair.left(equals)),
                 equals < 0 ? QByteArray()
                            : QByteArray::fromPercentEncoding(pair.mid(equals + 1))});
        }
        const qsizetype signedAt = authorization.indexOf("SignedHeaders=");
        const QList<QByteArray> names =
            authorization.mid(signedAt + 14, authorization.indexOf(',', signedAt) - signedAt - 14)
                .split(';');
        for (const QByteArray& name : names) {
            for (const auto& [n, v] : headers) {
                if (n == name) {
                    signing.headers.append({n, v});
                }
            }
        }
        const QByteArray date = header(headers, "x-amz-date");
        const QDateTime time = QDateTime::fromString(QString::fromLatin1(date),
                                                     QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
        aws::SigningScope signingScope{scope.value(0), key->secret.toUtf8(), scope.value(2),
                                       scope.value(3),
                                       QDateTime(time.date(), time.time(), Qt::UTC)};
        const QByteArray expected = aws::signature(signing, signingScope);
        if (!names.contains("host") || !authorization.endsWith("Signature=" + expected)) {
            return errorAnswer(
                request, 403, QStringLiteral("SignatureDoesNotMatch"),
                QStringLiteral("The request signature we calculated does not match the signature "
                               "you provided. Check your AWS Secret Access Key and signing method."
                               "\n\nThe Canonical String for this request should have been\n'") +
                    QString::fromUtf8(aws::canonicalRequest(signing)) + QStringLiteral("'"));
        }
        if (std::abs(time.secsTo(QDateTime::currentDateTimeUtc())) > 900) {
            return errorAnswer(request, 403, QStringLiteral("RequestExpired"),
                               QStringLiteral("Request has expired."));
        }
        if (key->expired) {
            return errorAnswer(request, 400, QStringLiteral("ExpiredToken"),
                               QStringLiteral("The security token included in the request is "
                                              "expired"));
        }
        return FakeAnswer{};
    }

    FakeAnswer assumeRole(const FakeRequest& request) {
        const QString arn = request.parameters.value(QStringLiteral("RoleArn"));
        if (!roles.contains(arn)) {
            return errorAnswer(
                request, 403, QStringLiteral("AccessDenied"),
                QStringLiteral("not authorized to perform: sts:AssumeRole on ") + arn);
        }
        const Key& role = roles[arn];
        const QString expiration =
            QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate);
        FakeAnswer answer;
        answer.body = QStringLiteral(
                          "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                          "<AssumeRoleResult><Credentials><AccessKeyId>%1</AccessKeyId>"
                          "<SecretAccessKey>%2</SecretAccessKey><SessionToken>%3</SessionToken>"
                          "<Expiration>%4</Expiration></Credentials><AssumedRoleUser>"
                          "<Arn>%5/%6</Arn><AssumedRoleId>AROA:x</AssumedRoleId>"
                          "</AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>r"
                          "</RequestId></ResponseMetadata></AssumeRoleResponse>")
                          .arg(roleKeyIds[arn], role.secret, role.token, expiration, arn,
                               request.parameters.value(QStringLiteral("RoleSessionName")))
                          .toUtf8();
        return answer;
    }

    FakeAccount m_account;
    FakeAws::Options m_options;
    QTcpServer* m_server = nullptr;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

FakeAws::FakeAws(FakeAccount account, Options options) {
    m_worker = new FakeAwsWorker(std::move(account), options);
    m_worker->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
    quint16 port = 0;
    QMetaObject::invokeMethod(
        m_worker, [this, &port] { port = m_worker->listen(); }, Qt::BlockingQueuedConnection);
    m_url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
}

FakeAws::~FakeAws() {
    QMetaObject::invokeMethod(
        m_worker, [this] { m_worker->stop(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QUrl FakeAws::url() const {
    return m_url;
}

void FakeAws::addCredentials(const QString& accessKeyId, const QString& secret,
                             const QString& sessionToken, bool expired) {
    QMutexLocker lock(&m_worker->mutex);
    m_worker->keys[accessKeyId] = Key{secret, sessionToken, expired};
}

void FakeAws::addRole(const QString& roleArn, const QString& accessKeyId, const QString& secret,
                      const QString& sessionToken) {
    QMutexLocker lock(&m_worker->mutex);
    m_worker->roles[roleArn] = Key{secret, sessionToken, false};
    m_worker->roleKeyIds[roleArn] = accessKeyId;
    m_worker->keys[accessKeyId] = Key{secret, sessionToken, false};
}

void FakeAws::throttle(const QString& action, int times) {
    QMutexLocker lock(&m_worker->mutex);
    m_worker->throttles[action] = times;
}

void FakeAws::deny(const QString& action) {
    QMutexLocker lock(&m_worker->mutex);
    m_worker->denials.insert(action);
}

std::vector<FakeRequest> FakeAws::requests() const {
    QMutexLocker lock(&m_worker->mutex);
    return m_worker->received;
}

int FakeAws::maxConcurrent() const {
    QMutexLocker lock(&m_worker->mutex);
    return m_worker->maxConcurrent;
}

}  // namespace skydraft::test
