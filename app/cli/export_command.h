// `skydraft export --to FORMAT FILE [-o OUT]`: a diagram as CloudFormation, DOT, PNG, SVG or PDF.
#pragma once

#include <QStringList>

namespace skydraft::cli {

/// Loads FILE and writes it in the format given by --to (to OUT, or stdout).
int runExportCommand(const QStringList& arguments);

}  // namespace skydraft::cli
