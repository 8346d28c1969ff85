#pragma once

#include <QProcess>

// How the tests end an external process they started (nginx, the OpenID provider): SIGTERM
// for a clean exit, then SIGKILL if it does not come within `timeoutMs`. True when it exited
// on its own (or was not running).
inline bool stopChildProcess(QProcess& process, int timeoutMs)
{
    if (process.state() == QProcess::NotRunning)
        return true;
    process.terminate();
    if (process.waitForFinished(timeoutMs))
        return true;
    process.kill();
    process.waitForFinished(timeoutMs);
    return false;
}
