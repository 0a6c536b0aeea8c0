// The Skydraft version: project(VERSION) in the top-level CMakeLists.txt, the one place it is
// written.
#pragma once

#include <string_view>

namespace skydraft {

/// The version of this build ("MAJOR.MINOR.PATCH"): `skydraft --version`, the About dialog,
/// SARIF's tool.driver.version and exported templates' metadata all print this string.
std::string_view skydraftVersion();

}  // namespace skydraft
