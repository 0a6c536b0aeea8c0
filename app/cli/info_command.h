// `skydraft info FILE`: what a diagram contains.
#pragma once

#include <QStringList>

namespace skydraft::cli {

/// Prints the diagram's name and a count of elements per kind and connections per kind.
int runInfoCommand(const QStringList& arguments);

}  // namespace skydraft::cli
