#pragma once

#include <QByteArray>
#include <QString>

// A login session. Tokens themselves are never stored: access and refresh JWTs name the
// session by `id` (the `sid` claim); the current refresh token is kept only as a keyed
// hash of its jti, so rotation and reuse detection work without a readable secret.
struct SessionRecord
{
    QString id; // random, URL-safe
    qint64 accountId = 0;
    QString dialect; // "flex" | "rest" | "manager"
    QString clientIp;
    QString userAgent;
    qint64 createdAtMs = 0;
    qint64 expiresAtMs = 0; // the session's end (the longest token it may issue)
    qint64 lastSeenAtMs = 0;
    qint64 revokedAtMs = 0; // 0 = live
    QByteArray refreshHash; // keyed hash of the current refresh token's jti; empty = none
};
