// The fatal-signal handler: async-signal-safe calls only.
#include "designer/crash_handler.h"

#include <unistd.h>

#include <csignal>
#include <initializer_list>

namespace skydraft {

namespace {

constexpr char kMessage[] =
    "skydraft: stopped by a fatal signal; every completed edit is in the recovery journal and "
    "will be offered at the next start\n";

extern "C" void onFatalSignal(int signal) {
    [[maybe_unused]] const ssize_t ignored = ::write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

}  // namespace

void installCrashHandler() {
    for (const int signal : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT}) {
        struct sigaction action = {};
        action.sa_handler = onFatalSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESETHAND;
        sigaction(signal, &action, nullptr);
    }
}

}  // namespace skydraft
