// `skydraft format FILE [-o OUT]`: rewrites a diagram in the canonical, diff-friendly layout.
#pragma once

#include <QStringList>

namespace skydraft::cli {

/// Loads FILE and writes it back (to OUT, or over FILE with --in-place) in canonical form.
int runFormatCommand(const QStringList& arguments);

}  // namespace skydraft::cli
