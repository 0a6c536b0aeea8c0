// `skydraft reach FILE --from A --to B`: can A reach B, and if not, why; `--exposure` too.
#pragma once

#include <QStringList>

namespace skydraft::cli {

/// Answers a reachability query (exit 0 reachable, 1 not reachable, 2 unusable input) or, with
/// --exposure, lists what the internet reaches (exit 0).
int runReachCommand(const QStringList& arguments);

}  // namespace skydraft::cli
