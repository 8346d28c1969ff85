#include "core/basiccredentialcache.h"

#include "core/clock.h"
#include "crypto/hmacsha256.h"
#include "storage/accountrepository.h"

namespace {
constexpr qint64 EntryLifetimeMs = 15 * 60 * 1000;
constexpr int MaxEntries = 10'000;
} // namespace

BasicCredentialCache::BasicCredentialCache(const HmacSha256& keyedHash, const Clock& clock)
    : m_keyedHash(keyedHash), m_clock(clock)
{}

QByteArray BasicCredentialCache::keyFor(const QString& username, const QByteArray& password) const
{
    // The NUL separator keeps ("ab", "c") and ("a", "bc") apart.
    return m_keyedHash.mac({username.toUtf8(), QByteArrayView("\0", 1), password});
}

bool BasicCredentialCache::matches(const QByteArray& key, const AccountRecord& account) const
{
    const auto it = m_entries.constFind(key);
    return it != m_entries.cend() && it->accountId == account.id && it->verifiedHash == account.passwordHash
        && it->expiresAtMs > m_clock.nowMs();
}

void BasicCredentialCache::remember(const QByteArray& key, const AccountRecord& account)
{
    if (m_entries.size() >= MaxEntries)
        makeRoom();
    m_entries.insert(key, Entry{account.id, account.passwordHash, m_clock.nowMs() + EntryLifetimeMs});
}

void BasicCredentialCache::makeRoom()
{
    const qint64 now = m_clock.nowMs();
    m_entries.removeIf([now](const auto& entry) { return entry.value().expiresAtMs <= now; });
    if (m_entries.size() >= MaxEntries)
        m_entries.clear(); // all fresh: start over rather than track recency on the hot path
}
