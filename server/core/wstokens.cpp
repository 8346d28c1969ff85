#include "core/wstokens.h"

#include "core/clock.h"
#include "core/principal.h"
#include "crypto/hmacsha256.h"
#include "crypto/random.h"

#include <algorithm>

namespace {
constexpr int TokenBytes = 32;
constexpr qsizetype TokenLength = 43; // unpadded base64url of 32 bytes
} // namespace

WsTokens::WsTokens(const HmacSha256& keyedHash, const Clock& clock)
    : m_keyedHash(keyedHash), m_clock(clock)
{
}

QString WsTokens::issue(const Principal& principal)
{
    if (m_entries.size() >= MaxTokens)
        makeRoom();
    const QString token = Random::urlToken(TokenBytes);
    m_entries.insert(keyFor(token), Entry{{principal.accountId, principal.username}, m_clock.nowMs() + LifetimeMs});
    return token;
}

std::optional<WsTokenOwner> WsTokens::consume(QStringView token)
{
    if (token.size() != TokenLength)
        return std::nullopt;
    const auto it = m_entries.find(keyFor(token));
    if (it == m_entries.end())
        return std::nullopt;
    const Entry entry = it.value();
    m_entries.erase(it); // single use: spent even when it turns out expired
    if (entry.expiresAtMs <= m_clock.nowMs()) {
        sweep();
        return std::nullopt;
    }
    return entry.owner;
}

QByteArray WsTokens::keyFor(QStringView token) const
{
    // A domain prefix keeps these hashes apart from other tokens hashed with the same pepper.
    return m_keyedHash.mac({QByteArrayView("ws-token\0", 9), token.toUtf8()});
}

void WsTokens::sweep()
{
    const qint64 now = m_clock.nowMs();
    m_entries.removeIf([now](const auto& entry) { return entry.value().expiresAtMs <= now; });
}

// At the bound: drop the expired tokens, then (all still fresh) the one closest to expiry,
// so issuing keeps working and the oldest unclaimed token is the one lost.
void WsTokens::makeRoom()
{
    sweep();
    if (m_entries.size() < MaxTokens)
        return;
    const auto oldest = std::min_element(m_entries.cbegin(), m_entries.cend(), [](const Entry& a, const Entry& b) {
        return a.expiresAtMs < b.expiresAtMs;
    });
    m_entries.erase(oldest);
}
