#pragma once

#include <QString>

// The rate-limit log: failed authentications, lockouts, attempts while locked, throttling and
// unblocks. Kept 30 days. Never holds a password or token: `username` is the name a client
// tried, `detail` a fixed description (with a count, "<n> times: ...", for tallied entries).
struct RateLimitEventRecord
{
    qint64 id = 0;
    qint64 atMs = 0;
    QString clientIp;
    QString kind;     // "failure" | "lockout" | "locked" | "throttled" | "unblock"
    QString dialect;  // "flex" | "rest" | "manager" | "" (global)
    QString username; // attempted account name, may be empty
    QString detail;
};
