// Signature Version 4 against AWS's published test suite (tests/fixtures/aws/sigv4).
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <algorithm>

#include "aws/sigv4.h"

namespace skydraft::aws {
namespace {

QByteArray fixture(const QString& name) {
    QFile file(QStringLiteral(SKYDRAFT_SOURCE_DIR "/tests/fixtures/aws/sigv4/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(missing)");
}

SigningScope exampleScope() {
    return {"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "us-east-1", "service",
            QDateTime(QDate(2015, 8, 30), QTime(12, 36), Qt::UTC)};
}

/// Reads a .req file: request line, headers (a folded line is one more value of the header
/// above it), a blank line, the body.
SigningRequest parseRequest(const QByteArray& text) {
    SigningRequest request;
    const qsizetype bodyAt = text.indexOf("\n\n");
    const QByteArray head = bodyAt < 0 ? text : text.left(bodyAt);
    request.payload = bodyAt < 0 ? QByteArray() : text.mid(bodyAt + 2);
    const QList<QByteArray> lines = head.split('\n');
    const QByteArray requestLine = lines.value(0);
    request.method = requestLine.left(requestLine.indexOf(' '));
    QByteArray target = requestLine.mid(request.method.size() + 1);
    target.chop(QByteArray(" HTTP/1.1").size());
    const qsizetype question = target.indexOf('?');
    request.path = question < 0 ? target : target.left(question);
    if (question >= 0) {
        for (const QByteArray& pair : target.mid(question + 1).split('&')) {
            const qsizetype equals = pair.indexOf('=');
            request.query.append(equals < 0 ? qMakePair(pair, QByteArray())
                                            : qMakePair(pair.left(equals), pair.mid(equals + 1)));
        }
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray& line = lines[i];
        if (!line.isEmpty() && (line[0] == ' ' || line[0] == '\t')) {
            request.headers.append({request.headers.last().first, line.trimmed()});
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        request.headers.append({line.left(colon), line.mid(colon + 1)});
    }
    return request;
}

class SignatureTestSuite : public ::testing::TestWithParam<const char*> {};

QByteArray signatureOf(const QByteArray& authorization) {
    return authorization.mid(authorization.indexOf("Signature=") + 10);
}

TEST_P(SignatureTestSuite, CanonicalRequestStringToSignAndAuthorization) {
    const QString name = QString::fromLatin1(GetParam());
    SigningRequest request = parseRequest(fixture(name + QStringLiteral(".req")));
    if (name == QStringLiteral("post-sts-header-after")) {
        // This case adds the session token after signing: it is not among the signed headers.
        request.headers.removeIf([](const auto& h) { return h.first == "X-Amz-Security-Token"; });
    }
    const SigningScope scope = exampleScope();
    EXPECT_EQ(canonicalRequest(request), fixture(name + QStringLiteral(".creq")));
    if (!name.startsWith(QStringLiteral("post-x-www-form-urlencoded"))) {
        EXPECT_EQ(stringToSign(request, scope), fixture(name + QStringLiteral(".sts")));
        EXPECT_EQ(authorization(request, scope), fixture(name + QStringLiteral(".authz")));
        return;
    }
    // Erratum of the published suite: the .sts and .authz of the two form-encoded cases were
    // made from an older request without Content-Length (and, for -parameters, with
    // "charset=utf8"), as their hashes show. Sign that request to check them.
    request.headers.removeIf([](const auto& h) { return h.first == "Content-Length"; });
    if (name.endsWith(QStringLiteral("-parameters"))) {
        request.headers.removeIf([](const auto& h) { return h.first == "Content-Type"; });
        request.headers.append(
            {"Content-Type", QByteArray("application/x-www-form-urlencoded; charset=utf8")});
    }
    EXPECT_EQ(stringToSign(request, scope), fixture(name + QStringLiteral(".sts")));
    EXPECT_EQ(signatureOf(authorization(request, scope)),
              signatureOf(fixture(name + QStringLiteral(".authz"))));
}

INSTANTIATE_TEST_SUITE_P(
    Aws, SignatureTestSuite,
    ::testing::Values("get-header-key-duplicate", "get-header-value-multiline",
                      "get-header-value-order", "get-header-value-trim", "get-unreserved",
                      "get-utf8", "get-vanilla", "get-vanilla-empty-query-key", "get-vanilla-query",
                      "get-vanilla-query-order-key", "get-vanilla-query-order-key-case",
                      "get-vanilla-query-order-value", "get-vanilla-query-unreserved",
                      "get-vanilla-utf8-query", "post-header-key-case", "post-header-key-sort",
                      "post-header-value-case", "post-sts-header-after", "post-sts-header-before",
                      "post-vanilla", "post-vanilla-empty-query-value", "post-vanilla-query",
                      "post-x-www-form-urlencoded", "post-x-www-form-urlencoded-parameters",
                      "get-relative", "get-relative-relative", "get-slash", "get-slash-dot-slash",
                      "get-slash-pointless-dot", "get-slashes", "get-space"),
    [](const auto& info) {
        std::string name = info.param;
        std::replace(name.begin(), name.end(), '-', '_');
        return name;
    });

TEST(SignatureVersion4, EveryVectorOfTheSuiteIsTested) {
    const QStringList files = QDir(QStringLiteral(SKYDRAFT_SOURCE_DIR "/tests/fixtures/aws/sigv4"))
                                  .entryList({QStringLiteral("*.req")});
    EXPECT_EQ(files.size(), 31);
}

TEST(SignatureVersion4, S3KeepsThePathAsItIs) {
    SigningRequest request;
    request.method = "GET";
    request.path = "/my-object//example//photo.user";
    request.headers = {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}};
    request.normalizePath = false;
    EXPECT_TRUE(canonicalRequest(request).startsWith("GET\n/my-object//example//photo.user\n"));
    request.normalizePath = true;
    EXPECT_TRUE(canonicalRequest(request).startsWith("GET\n/my-object/example/photo.user\n"));
}

TEST(SignatureVersion4, SignRequestAddsTheDateTokenAndForS3ThePayloadHash) {
    SigningScope scope = exampleScope();
    SigningRequest request;
    request.method = "POST";
    request.path = "/";
    request.headers = {{"Host", "example.amazonaws.com"}};
    request.payload = "Action=DescribeVpcs&Version=2016-11-15";
    const QByteArray header = signRequest(request, scope, "TOKEN");
    EXPECT_EQ(request.headers, (ByteArrayPairs{{"Host", "example.amazonaws.com"},
                                               {"X-Amz-Date", "20150830T123600Z"},
                                               {"X-Amz-Security-Token", "TOKEN"}}));
    EXPECT_TRUE(header.contains("SignedHeaders=host;x-amz-date;x-amz-security-token,"));
    EXPECT_EQ(header, authorization(request, scope));

    scope.service = "s3";
    SigningRequest s3;
    s3.method = "GET";
    s3.path = "/";
    s3.headers = {{"Host", "s3.amazonaws.com"}};
    signRequest(s3, scope, {});
    EXPECT_EQ(
        s3.headers.value(2),
        qMakePair(QByteArray("X-Amz-Content-SHA256"),
                  QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")));
}

TEST(SignatureVersion4, ASecretChangesTheSignatureButNeverAppearsInTheHeader) {
    SigningScope scope = exampleScope();
    SigningRequest request = parseRequest(fixture(QStringLiteral("get-vanilla.req")));
    const QByteArray first = authorization(request, scope);
    scope.secretAccessKey = "another-secret";
    const QByteArray second = authorization(request, scope);
    EXPECT_NE(first, second);
    EXPECT_FALSE(second.contains("another-secret"));
    EXPECT_FALSE(first.contains("wJalrXUtnFEMI"));
}

TEST(SignatureVersion4, UriEncodingLeavesOnlyUnreservedCharacters) {
    EXPECT_EQ(uriEncode("a b/c~d=é"), "a%20b%2Fc~d%3D%C3%A9");
    EXPECT_EQ(uriEncode("a b/c", true), "a%20b/c");
}

}  // namespace
}  // namespace skydraft::aws
