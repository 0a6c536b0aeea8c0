// The AWS scan module's one exported symbol, called by loadAwsModule in the executable.
#include "aws/aws_scan_service.h"

extern "C" __attribute__((visibility("default"))) const skydraft::aws::AwsModuleApi*
skydraft_aws_module() {
    return skydraft::aws::awsModuleApi();
}
