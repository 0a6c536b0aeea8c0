// `skydraft validate FILE`: runs every rule and reports findings as text, JSON or SARIF.
#pragma once

#include <QStringList>

namespace skydraft::cli {

/// Validates a diagram. Exit 0 without errors, 1 with errors, 2 for unusable input.
/// `--list-rules` prints the rule reference instead (text, json or markdown).
int runValidateCommand(const QStringList& arguments);

}  // namespace skydraft::cli
