#pragma once

#include "core/principal.h"

#include <QByteArray>
#include <QHash>
#include <QString>

// The body of `GET /flex/auth/session`, kept per session while what it shows (the user, the
// session's start and end) stays the same: the busiest question a client asks is answered
// without building and serialising JSON or formatting two times on every request (about a
// sixth of a protected request's CPU, docs/PERFORMANCE.md). Lives on the server's thread.
class SessionAnswers
{
public:
    // The JSON for `principal`; built once per session and values, then reused.
    QByteArray bodyFor(const Principal& principal);

private:
    struct Entry
    {
        QString username;
        qint64 createdMs = 0;
        qint64 expiresMs = 0;
        QByteArray body;
    };

    static QByteArray build(const Principal& principal);

    // Bounded: a flood of distinct sessions empties it rather than grows it.
    static constexpr qsizetype MaxEntries = 4096;
    QHash<QString, Entry> m_entries;
};
