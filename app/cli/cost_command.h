// `skydraft cost FILE [--region R] [--format text|json|csv] [--prices TABLE.json]`: what a design
// costs a month.
#pragma once

#include <QStringList>

namespace skydraft::cli {

/// Prints the monthly estimate of a diagram or template: exit 0, or 1 when some line has no
/// price (the others are still printed), 2 when the input cannot be used.
int runCostCommand(const QStringList& arguments);

}  // namespace skydraft::cli
