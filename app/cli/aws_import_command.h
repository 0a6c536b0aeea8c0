// `skydraft import --from-aws`: a read-only scan of an AWS account written as a diagram.
#pragma once

#include <QStringList>

namespace skydraft::cli {

/// Scans the account (through the AWS module, which alone loads Qt Network) and writes the
/// diagram. Exit code 0 for a complete scan, 1 when it was written but some calls were denied
/// or failed (the warnings say which and what the diagram lacks), 2 when nothing was written.
int runAwsImportCommand(const QStringList& arguments);

}  // namespace skydraft::cli
