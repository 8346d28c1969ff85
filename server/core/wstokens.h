#pragma once

#include "core/credentialcheck.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

class Clock;
class HmacSha256;

// Short-lived, single-use tokens for opening a WebSocket (GET /api/ws-token, then
// /api/ws/logs?token=T): browsers cannot set an Authorization header on a WebSocket, so
// the credential travels in the URL, where it may end up in logs; hence single use and
// 120 s. Only keyed hashes (HMAC with the pepper) are kept, so a dump of the store holds
// no usable token. The store is bounded: a flood of issued tokens cannot grow memory.
// A token is spent in two steps: consume() when the connection guard accepts the upgrade,
// then redeem() when the WebSocket that upgrade became arrives, so the stream knows whose
// rights it must keep following.
class WsTokens
{
public:
    static constexpr qint64 LifetimeMs = 120 * 1000;
    static constexpr qint64 HandshakeMs = 30 * 1000; // from consume() to redeem()
    static constexpr int MaxTokens = 4096;

    WsTokens(const HmacSha256& keyedHash, const Clock& clock);

    // 43 URL-safe characters (32 random bytes), for the principal as it is now.
    QString issue(const GrantedPrincipal& owner);
    // The owner of a valid token, which is spent by this call; nullopt for an unknown,
    // expired or already spent token.
    std::optional<GrantedPrincipal> consume(QStringView token);
    // The owner of a token consume() spent within HandshakeMs, once.
    std::optional<GrantedPrincipal> redeem(QStringView token);
    int size() const { return int(m_entries.size()); }

private:
    struct Entry
    {
        GrantedPrincipal owner;
        qint64 expiresAtMs = 0;
        bool spent = false;
    };

    QByteArray keyFor(QStringView token) const;
    // The live entry for a token in the given state, or end().
    QHash<QByteArray, Entry>::iterator find(QStringView token, bool spent);
    void sweep();
    void makeRoom();

    const HmacSha256& m_keyedHash;
    const Clock& m_clock;
    QHash<QByteArray, Entry> m_entries;
};
