// `skydraft generate`: writes a synthetic but valid diagram of a chosen size.
#pragma once

#include <QStringList>

namespace skydraft::cli {

/// Writes a generated diagram (VPCs, subnets, peerings, transit gateways, instances) to
/// --output or stdout. Exit 0, or 2 for bad arguments or an unwritable output.
int runGenerateCommand(const QStringList& arguments);

}  // namespace skydraft::cli
