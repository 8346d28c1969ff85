#include "core/wstokens.h"

#include "core/clock.h"
#include "crypto/hmacsha256.h"
#include "crypto/random.h"

#include <algorithm>

namespace {
constexpr int TokenBytes = 32;
constexpr qsizetype TokenLength = 43; // unpadded base64url of 32 bytes
} // namespace

WsTokens::WsTokens(const HmacSha256& keyedHash, const Clock& clock) : m_keyedHash(keyedHash), m_clock(clock)
{}

QString WsTokens::issue(const GrantedPrincipal& owner)
{
    if (m_entries.size() >= MaxTokens)
        makeRoom();
    const QString token = Random::urlToken(TokenBytes);
    m_entries.insert(keyFor(token), Entry{owner, m_clock.nowMs() + LifetimeMs, false});
    return token;
}

std::optional<GrantedPrincipal> WsTokens::consume(QStringView token)
{
    const auto it = find(token, false);
    if (it == m_entries.end())
        return std::nullopt;
    it->spent = true; // single use: the next upgrade with it is refused
    it->expiresAtMs = m_clock.nowMs() + HandshakeMs;
    return it->owner;
}

std::optional<GrantedPrincipal> WsTokens::redeem(QStringView token)
{
    const auto it = find(token, true);
    if (it == m_entries.end())
        return std::nullopt;
    GrantedPrincipal owner = std::move(it->owner);
    m_entries.erase(it);
    return owner;
}

QHash<QByteArray, WsTokens::Entry>::iterator WsTokens::find(QStringView token, bool spent)
{
    if (token.size() != TokenLength)
        return m_entries.end();
    const auto it = m_entries.find(keyFor(token));
    if (it == m_entries.end() || it->spent != spent)
        return m_entries.end();
    if (it->expiresAtMs <= m_clock.nowMs()) {
        m_entries.erase(it);
        sweep();
        return m_entries.end();
    }
    return it;
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
    const auto oldest = std::min_element(m_entries.cbegin(), m_entries.cend(),
                                         [](const Entry& a, const Entry& b) { return a.expiresAtMs < b.expiresAtMs; });
    m_entries.erase(oldest);
}
