// The command line: subcommands (info, validate, export, import, ...) dispatched by name.
#pragma once

#include <QStringList>

namespace skydraft::cli {

/// Exit codes shared by every subcommand.
enum ExitCode : int {
    kSuccess = 0,      ///< done, the input has no errors
    kInputErrors = 1,  ///< done, but the input has errors (validation findings)
    kUnusable = 2,     ///< the input cannot be used (unreadable, malformed, bad arguments)
};

/// One subcommand: its name, a one-line summary and the function that runs it. run receives
/// the arguments after the subcommand name, with the program name first.
struct Subcommand {
    const char* name;
    const char* summary;
    int (*run)(const QStringList& arguments);
};

/// Every subcommand, in the order `skydraft help` lists them.
const std::vector<Subcommand>& subcommands();

/// True when word names a subcommand (or is help/--help/--version).
bool isSubcommand(const char* word);

/// Runs the subcommand named by arguments[1]; arguments[0] is the program.
int runSubcommand(const QStringList& arguments);

}  // namespace skydraft::cli
