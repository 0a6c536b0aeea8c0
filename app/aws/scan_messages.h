// What a user reads when a call of the scan fails: the cause and what to do about it.
#pragma once

#include <QString>

#include "aws/aws_api.h"
#include "aws/aws_client.h"

namespace skydraft::aws {

/// What the diagram lacks when call fails ("VPCs", "the listeners of load balancers").
QString whatCallProvides(const ApiCall& call);

/// The scan stops: the credentials or the signature were refused (SignatureDoesNotMatch,
/// InvalidClientTokenId, ExpiredToken, ...). Names the credentials' source, never a secret.
QString authFailureMessage(const ApiCall& call, const QString& region, const CallResult& result,
                           const QString& credentialSource);

/// The scan stops: the first call got no usable answer (no network, a wrong endpoint).
QString unreachableMessage(const QString& region, const CallResult& result);

/// A warning: a call was denied (naming the missing IAM action), throttled to the end, or
/// failed otherwise; the scan goes on without what it would have given.
QString callFailureMessage(const ApiCall& call, const QString& region, const CallResult& result);

/// A warning: an answer could not be read.
QString unreadableAnswer(const ApiCall& call, const QString& region, const QString& why);

}  // namespace skydraft::aws
