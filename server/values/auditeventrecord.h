#pragma once

#include <QString>

// The audit log: who did what, from where. `detail` is compact JSON text with no secret.
struct AuditEventRecord
{
    qint64 id = 0;
    qint64 atMs = 0;
    QString kind;  // e.g. "login", "logout", "password.set", "password.removed", "session.revoked"
    QString actor; // username or "anonymous"
    QString clientIp;
    QString detail;
};
