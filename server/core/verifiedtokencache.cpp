#include "core/verifiedtokencache.h"

#include "crypto/constanttime.h"

namespace {
constexpr int MaxEntries = 20'000;
}

std::optional<JwtClaims> VerifiedTokenCache::find(QByteArrayView token, qint64 nowSecs) const
{
    const auto it = m_entries.constFind(m_hash.of(token));
    if (it == m_entries.cend() || !constantTimeEquals(it->token, token) || nowSecs >= it->claims.expiresAt)
        return std::nullopt;
    return it->claims;
}

void VerifiedTokenCache::remember(QByteArrayView token, const JwtClaims& claims, qint64 nowSecs)
{
    if (m_entries.size() >= MaxEntries) {
        m_entries.removeIf([nowSecs](const auto& entry) { return nowSecs >= entry.value().claims.expiresAt; });
        if (m_entries.size() >= MaxEntries)
            m_entries.clear(); // all still valid: start over rather than track recency
    }
    m_entries.insert(m_hash.of(token), Entry{token.toByteArray(), claims});
}
