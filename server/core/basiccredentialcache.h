#pragma once

#include <QByteArray>
#include <QHash>

class Clock;
class HmacSha256;
struct AccountRecord;

// Remembers HTTP Basic credentials that verified, so Basic costs about what Bearer costs
// instead of one argon2id hash per request. Keys are keyed hashes (HMAC with the pepper
// from the key store) of user and password: the cache never holds a password, and a dump
// of it cannot be tested offline without the pepper. An entry only counts while the
// account still has the password hash it was verified against, so a password change (or
// removal) drops it at once; entries also expire, and the cache is bounded.
class BasicCredentialCache
{
public:
    BasicCredentialCache(const HmacSha256& keyedHash, const Clock& clock);

    QByteArray keyFor(const QString& username, const QByteArray& password) const;
    // Whether the credential verified for `account` and is still valid for it.
    bool matches(const QByteArray& key, const AccountRecord& account) const;
    void remember(const QByteArray& key, const AccountRecord& account);

private:
    struct Entry
    {
        qint64 accountId = 0;
        QByteArray verifiedHash;
        qint64 expiresAtMs = 0;
    };

    void makeRoom();

    const HmacSha256& m_keyedHash;
    const Clock& m_clock;
    QHash<QByteArray, Entry> m_entries;
};
