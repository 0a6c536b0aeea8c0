// Whether a process that left a recovery file or a lock is still running.
#pragma once

#include <QtGlobal>
#include <cerrno>
#ifdef Q_OS_UNIX
#include <signal.h>
#endif

namespace skydraft {

/// True when a process with that id exists on this machine (one we may not signal counts).
inline bool processAlive(qint64 pid) {
#ifdef Q_OS_UNIX
    return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
#else
    Q_UNUSED(pid);
    return false;
#endif
}

}  // namespace skydraft
