// Loading the AWS scan module on demand, so that only a scan loads Qt Network.
#pragma once

#include <QString>

#include "aws/aws_scan_api.h"

namespace skydraft::aws {

/// The scan module's entry points: libskydraft_aws.so from beside the executable (or the path
/// in SKYDRAFT_AWS_MODULE), loaded on the first call and kept. nullptr with *error saying why
/// when it cannot be loaded.
const AwsModuleApi* loadAwsModule(QString* error);

/// Makes loadAwsModule return api without loading anything (tests that link the scan).
void useAwsModuleApi(const AwsModuleApi* api);

}  // namespace skydraft::aws
