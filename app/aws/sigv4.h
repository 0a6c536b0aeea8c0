// AWS Signature Version 4: canonical request, string to sign, signature and Authorization header.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>

namespace skydraft::aws {

using ByteArrayPairs = QList<QPair<QByteArray, QByteArray>>;

/// An HTTP request as it is signed. The signer encodes the query and (but for S3) the path
/// the way AWS specifies.
struct SigningRequest {
    QByteArray method;  ///< "GET", "POST"
    /// The path as it goes on the wire (percent-encoded where it must be), "/" at least. AWS
    /// encodes it once more for every service but S3.
    QByteArray path;
    ByteArrayPairs query;    ///< decoded name/value pairs, in any order
    ByteArrayPairs headers;  ///< name/value pairs (any case); Host must be among them
    QByteArray payload;
    /// Every service but S3 normalizes the path (no "." or ".." segments, no empty segments)
    /// before it is signed.
    bool normalizePath = true;
};

/// Who signs, for what and when.
struct SigningScope {
    QByteArray accessKeyId;
    QByteArray secretAccessKey;
    QByteArray region;   ///< "us-east-1"
    QByteArray service;  ///< the signing name: "ec2", "elasticloadbalancing", "s3", ...
    QDateTime time;      ///< UTC
};

/// RFC 3986 percent-encoding as AWS wants it: unreserved characters (A-Z a-z 0-9 - _ . ~)
/// stay, every other byte becomes %XX in upper case; "/" too unless keepSlash.
QByteArray uriEncode(const QByteArray& bytes, bool keepSlash = false);

/// The canonical request (Task 1 of the signing process).
QByteArray canonicalRequest(const SigningRequest& request);
/// "host;x-amz-date;..." : the lower-case names of the signed headers, sorted.
QByteArray signedHeaders(const SigningRequest& request);
/// "20150830/us-east-1/service/aws4_request".
QByteArray credentialScope(const SigningScope& scope);
/// The string to sign (Task 2).
QByteArray stringToSign(const SigningRequest& request, const SigningScope& scope);
/// The signature in lower-case hex (Tasks 3 and 4).
QByteArray signature(const SigningRequest& request, const SigningScope& scope);
/// "AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...".
QByteArray authorization(const SigningRequest& request, const SigningScope& scope);

/// "20150830T123600Z".
QByteArray amzDate(const QDateTime& time);
/// Lower-case hex SHA-256 of bytes.
QByteArray sha256Hex(const QByteArray& bytes);

/// Adds X-Amz-Date (and X-Amz-Security-Token when sessionToken is set, and
/// X-Amz-Content-SHA256 for S3) to request's headers, then returns the Authorization header
/// value for it; the caller sends those headers and Authorization.
QByteArray signRequest(SigningRequest& request, const SigningScope& scope,
                       const QByteArray& sessionToken);

}  // namespace skydraft::aws
