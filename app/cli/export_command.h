// `skydraft export --to FORMAT FILE [-o OUT]`: a diagram to another format.
#pragma once

#include <QStringList>

namespace skydraft::cli {

/// Exports a diagram (or a template) to the format named by --to; writes OUT atomically, or
/// stdout without -o.
int runExportCommand(const QStringList& arguments);

}  // namespace skydraft::cli
