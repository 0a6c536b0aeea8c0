// `skydraft diff A B`: what changed between two diagrams, templates or scans.
#pragma once

#include <QStringList>

namespace skydraft::cli {

/// Compares A with B (each a .skydraft file, a CloudFormation template or a saved scan) and
/// prints the differences as text or JSON. Exit code 0 when they are equal, 1 when they
/// differ, 2 when an input cannot be used.
int runDiffCommand(const QStringList& arguments);

}  // namespace skydraft::cli
