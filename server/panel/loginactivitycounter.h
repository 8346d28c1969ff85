#pragma once

#include "panel/panelvalues.h"

#include <QMap>

// Successful and failed logins counted per minute, for the control panel's chart. Keeps
// only the minutes of the last hour, so it stays a few dozen integers however busy the
// server is.
class LoginActivityCounter
{
public:
    void addSuccess(qint64 atMs) { add(atMs, true); }
    void addFailure(qint64 atMs) { add(atMs, false); }
    // The hour ending with the minute of `nowMs`, oldest minute first.
    LoginActivity snapshot(qint64 nowMs) const;
    // Drops minutes older than the hour before `nowMs`.
    void prune(qint64 nowMs);

    static qint64 minuteOf(qint64 ms) { return ms - ms % 60'000; }

private:
    struct Counts
    {
        int successes = 0;
        int failures = 0;
    };

    void add(qint64 atMs, bool success);

    QMap<qint64, Counts> m_minutes; // minute start -> counts
};
