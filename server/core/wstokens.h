#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

class Clock;
class HmacSha256;
struct Principal;

// Who a WebSocket token was issued to.
struct WsTokenOwner
{
    qint64 accountId = 0;
    QString username;
};

// Short-lived, single-use tokens for opening a WebSocket (GET /api/ws-token, then
// /api/ws/logs?token=T): browsers cannot set an Authorization header on a WebSocket, so
// the credential travels in the URL, where it may end up in logs; hence single use and
// 120 s. Only keyed hashes (HMAC with the pepper) are kept, so a dump of the store holds
// no usable token. The store is bounded: a flood of issued tokens cannot grow memory.
class WsTokens
{
public:
    static constexpr qint64 LifetimeMs = 120 * 1000;
    static constexpr int MaxTokens = 4096;

    WsTokens(const HmacSha256& keyedHash, const Clock& clock);

    // 43 URL-safe characters (32 random bytes).
    QString issue(const Principal& principal);
    // The owner of a valid token, which is spent by this call; nullopt for an unknown,
    // expired or already spent token.
    std::optional<WsTokenOwner> consume(QStringView token);
    int size() const { return int(m_entries.size()); }

private:
    struct Entry
    {
        WsTokenOwner owner;
        qint64 expiresAtMs = 0;
    };

    QByteArray keyFor(QStringView token) const;
    void sweep();
    void makeRoom();

    const HmacSha256& m_keyedHash;
    const Clock& m_clock;
    QHash<QByteArray, Entry> m_entries;
};
