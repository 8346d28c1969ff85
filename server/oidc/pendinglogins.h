#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

class Clock;

// The logins begun with GET /auth/openid and not yet completed: each `state` (a 256-bit
// random value) is bound server-side to its `nonce` and PKCE verifier, valid 10 minutes and
// spent by its first use, so a state cannot be replayed, forged or swapped between users
// (login CSRF). Kept in memory: a restart costs the logins in flight, nothing else.
class PendingLogins
{
public:
    static constexpr qint64 LifetimeMs = 10 * 60 * 1000;
    // A flood of GET /auth/openid cannot grow memory without bound: beyond this many the
    // oldest pending login is dropped (its user starts again).
    static constexpr int MaxPending = 10'000;

    struct Login
    {
        QString state;
        QString nonce;
        QByteArray codeVerifier; // PKCE (RFC 7636): 43 base64url characters
        QString codeChallenge;   // base64url(SHA-256(verifier)), method S256
        qint64 createdAtMs = 0;
    };

    explicit PendingLogins(const Clock& clock);

    Login begin();
    // The login `state` began, removed so it can be used once; nullopt when it is unknown,
    // spent or older than LifetimeMs.
    std::optional<Login> take(const QString& state);
    int size() const { return int(m_logins.size()); }

private:
    void dropExpired(qint64 nowMs);

    const Clock& m_clock;
    QHash<QString, Login> m_logins;
};
