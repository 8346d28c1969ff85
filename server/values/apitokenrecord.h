#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// An API token as stored: never the secret, only its keyed hash (HMAC-SHA256 with the
// key store's pepper) and a short hint (prefix and last characters) that lets a person
// recognise it in a list.
struct ApiTokenRecord
{
    qint64 id = 0;
    QString name;
    QByteArray tokenHash;
    QString hint;            // e.g. "gatehouse_…x7Qa9Z"
    QStringList permissions; // "resource:action", sorted
    qint64 createdBy = 0;    // account id of the creator; the token dies with that account
    qint64 createdAtMs = 0;
    qint64 expiresAtMs = 0;  // 0 = never
    qint64 lastUsedAtMs = 0; // 0 = never used
    QString lastUsedIp;
    qint64 revokedAtMs = 0; // 0 = not revoked

    bool liveAt(qint64 nowMs) const { return revokedAtMs == 0 && (expiresAtMs == 0 || nowMs < expiresAtMs); }
};
