// What the designer does on a fatal signal: says where the work is, and dies as it would have.
#pragma once

namespace skydraft {

/// Installs handlers for SIGSEGV, SIGBUS, SIGFPE, SIGILL and SIGABRT that write one fixed line
/// to standard error (write(2) only: nothing else is safe in a handler, and the edit journal
/// already holds every completed edit), then restore the default action and raise the signal
/// again, so that the exit status and any core dump are the signal's.
void installCrashHandler();

}  // namespace skydraft
