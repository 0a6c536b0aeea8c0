// What the fake AWS endpoint answers: each API's documented XML or JSON shape, page by page.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include "fake_aws.h"

namespace skydraft::test {

/// An HTTP answer.
struct FakeAnswer {
    int status = 200;
    QByteArray contentType = "text/xml;charset=UTF-8";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
};

/// The wire protocol of a service, as the fake sees it: "ec2", "query", "rest-json",
/// "json" or "rest-xml".
QString fakeProtocol(const QString& service);

/// Works out request.action from the body, X-Amz-Target or path (and fills its parameters).
void identifyAction(FakeRequest& request, const QByteArray& body, const QByteArray& query);

/// The answer to a well-signed request: the page of items its token asks for.
FakeAnswer answerCall(const FakeAccount& account, const FakeRequest& request, int pageSize);

/// An error answer in the service's own shape.
FakeAnswer errorAnswer(const FakeRequest& request, int status, const QString& code,
                       const QString& message);

}  // namespace skydraft::test
