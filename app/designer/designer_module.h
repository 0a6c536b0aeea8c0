// Loading the designer: the Qt Quick part of skydraft lives in a module loaded on demand, so
// that a subcommand starts with Qt Core only.
#pragma once

namespace skydraft {

/// The name of the designer's entry point in the module.
inline constexpr const char* kDesignerEntryPoint = "skydraft_run_designer";

/// Loads the designer module that sits next to the executable and runs the designer with
/// the program's arguments; prints why and returns 2 when the module cannot be loaded.
int runDesignerModule(int argc, char* argv[]);

}  // namespace skydraft
