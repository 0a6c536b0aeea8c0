// AWS Signature Version 4 with HMAC-SHA256 from Qt Core.
#include "aws/sigv4.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <algorithm>
#include <map>

namespace skydraft::aws {

namespace {

bool unreserved(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == '~';
}

/// Collapses runs of spaces into one and trims both ends, as the canonical headers want.
QByteArray trimmedValue(const QByteArray& value) {
    QByteArray out;
    out.reserve(value.size());
    bool space = false;
    for (const char c : value.trimmed()) {
        const bool isSpace = c == ' ' || c == '\t';
        if (isSpace) {
            if (!space) {
                out += ' ';
            }
        } else {
            out += c;
        }
        space = isSpace;
    }
    return out;
}

/// Removes "." and ".." segments and empty segments; keeps a trailing slash.
QByteArray normalizedPath(const QByteArray& path) {
    QList<QByteArray> segments;
    for (const QByteArray& segment : path.split('/')) {
        if (segment.isEmpty() || segment == ".") {
            continue;
        }
        if (segment == "..") {
            if (!segments.isEmpty()) {
                segments.removeLast();
            }
            continue;
        }
        segments.append(segment);
    }
    QByteArray out = "/" + segments.join('/');
    if (!segments.isEmpty() && path.endsWith('/')) {
        out += '/';
    }
    return out;
}

/// Lower-case name -> comma-joined trimmed values, sorted by name.
std::map<QByteArray, QByteArray> canonicalHeaderMap(const ByteArrayPairs& headers) {
    std::map<QByteArray, QByteArray> map;
    for (const auto& [name, value] : headers) {
        QByteArray& joined = map[name.trimmed().toLower()];
        if (!joined.isEmpty()) {
            joined += ',';
        }
        joined += trimmedValue(value);
    }
    return map;
}

QByteArray hmac(const QByteArray& key, const QByteArray& message) {
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

}  // namespace

QByteArray uriEncode(const QByteArray& bytes, bool keepSlash) {
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(bytes.size() * 3);
    for (const char c : bytes) {
        if (unreserved(c) || (keepSlash && c == '/')) {
            out += c;
        } else {
            const auto byte = static_cast<unsigned char>(c);
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 0x0F];
        }
    }
    return out;
}

QByteArray sha256Hex(const QByteArray& bytes) {
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

QByteArray amzDate(const QDateTime& time) {
    return time.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

QByteArray signedHeaders(const SigningRequest& request) {
    QList<QByteArray> names;
    for (const auto& [name, value] : canonicalHeaderMap(request.headers)) {
        names.append(name);
    }
    return names.join(';');
}

QByteArray canonicalRequest(const SigningRequest& request) {
    const QByteArray path = request.path.isEmpty() ? QByteArray("/") : request.path;
    QList<QPair<QByteArray, QByteArray>> query;
    for (const auto& [name, value] : request.query) {
        query.append({uriEncode(name), uriEncode(value)});
    }
    std::sort(query.begin(), query.end());
    QList<QByteArray> queryParts;
    for (const auto& [name, value] : query) {
        queryParts.append(name + '=' + value);
    }
    QByteArray headers;
    for (const auto& [name, value] : canonicalHeaderMap(request.headers)) {
        headers += name + ':' + value + '\n';
    }
    return request.method + '\n' +
           (request.normalizePath ? uriEncode(normalizedPath(path), true) : path) + '\n' +
           queryParts.join('&') + '\n' + headers + '\n' + signedHeaders(request) + '\n' +
           sha256Hex(request.payload);
}

QByteArray credentialScope(const SigningScope& scope) {
    return scope.time.toUTC().toString(QStringLiteral("yyyyMMdd")).toLatin1() + '/' + scope.region +
           '/' + scope.service + "/aws4_request";
}

QByteArray stringToSign(const SigningRequest& request, const SigningScope& scope) {
    return "AWS4-HMAC-SHA256\n" + amzDate(scope.time) + '\n' + credentialScope(scope) + '\n' +
           sha256Hex(canonicalRequest(request));
}

QByteArray signature(const SigningRequest& request, const SigningScope& scope) {
    const QByteArray date = scope.time.toUTC().toString(QStringLiteral("yyyyMMdd")).toLatin1();
    const QByteArray dateKey = hmac("AWS4" + scope.secretAccessKey, date);
    const QByteArray regionKey = hmac(dateKey, scope.region);
    const QByteArray serviceKey = hmac(regionKey, scope.service);
    const QByteArray signingKey = hmac(serviceKey, "aws4_request");
    return hmac(signingKey, stringToSign(request, scope)).toHex();
}

QByteArray authorization(const SigningRequest& request, const SigningScope& scope) {
    return "AWS4-HMAC-SHA256 Credential=" + scope.accessKeyId + '/' + credentialScope(scope) +
           ", SignedHeaders=" + signedHeaders(request) + ", Signature=" + signature(request, scope);
}

QByteArray signRequest(SigningRequest& request, const SigningScope& scope,
                       const QByteArray& sessionToken) {
    request.headers.append({"X-Amz-Date", amzDate(scope.time)});
    if (scope.service == "s3") {
        request.headers.append({"X-Amz-Content-SHA256", sha256Hex(request.payload)});
    }
    if (!sessionToken.isEmpty()) {
        request.headers.append({"X-Amz-Security-Token", sessionToken});
    }
    return authorization(request, scope);
}

}  // namespace skydraft::aws
