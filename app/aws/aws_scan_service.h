// Running a whole scan: settings and credentials as the AWS CLI finds them, the calls, the diagram.
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <optional>

#include "aws/aws_api.h"
#include "aws/aws_config.h"
#include "aws/aws_credentials.h"
#include "aws/aws_scan_api.h"

namespace skydraft::aws {

/// Runs the scan the request describes, in the calling thread (which it blocks, running its
/// own event loop), and fills outcome. Needs a QCoreApplication.
void runScan(const ScanRequest& request, ScanObserver& observer, ScanOutcome& outcome);

/// The module's table (also for tests that link the scan directly).
const AwsModuleApi* awsModuleApi();

/// Where requests go: --endpoint-url, else AWS_ENDPOINT_URL_<SERVICE> and AWS_ENDPOINT_URL,
/// else the profile's endpoint_url (unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true), else
/// AWS. nullopt with *error for a URL that is not http(s)://host[:port][/path].
std::optional<Endpoints> resolveEndpoints(const QString& explicitUrl, const AwsConfig& config,
                                          const QString& profile,
                                          const QProcessEnvironment& environment, QString* error);

/// STS AssumeRole, sent with the source credentials (blocks in a local event loop).
std::optional<Credentials> assumeRoleWithSts(const Endpoints& endpoints, const Credentials& source,
                                             const QString& roleArn, const QString& sessionName,
                                             const QString& externalId, int durationSeconds,
                                             const QString& region, QString* error);

}  // namespace skydraft::aws
