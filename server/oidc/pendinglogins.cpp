#include "oidc/pendinglogins.h"

#include "core/clock.h"
#include "crypto/random.h"

#include <QCryptographicHash>

#include <algorithm>

PendingLogins::PendingLogins(const Clock& clock) : m_clock(clock)
{}

PendingLogins::Login PendingLogins::begin()
{
    const qint64 now = m_clock.nowMs();
    dropExpired(now);
    if (m_logins.size() >= MaxPending) {
        const auto oldest = std::min_element(m_logins.cbegin(), m_logins.cend(), [](const Login& a, const Login& b) {
            return a.createdAtMs < b.createdAtMs;
        });
        m_logins.erase(oldest);
    }
    Login login;
    login.state = Random::urlToken(32);
    login.nonce = Random::urlToken(32);
    login.codeVerifier = Random::urlToken(32).toLatin1(); // 43 characters, the RFC's minimum
    login.codeChallenge =
        QString::fromLatin1(QCryptographicHash::hash(login.codeVerifier, QCryptographicHash::Sha256)
                                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    login.createdAtMs = now;
    m_logins.insert(login.state, login);
    return login;
}

std::optional<PendingLogins::Login> PendingLogins::take(const QString& state)
{
    const auto found = m_logins.constFind(state);
    if (found == m_logins.cend())
        return std::nullopt;
    const Login login = *found;
    m_logins.erase(found);
    if (m_clock.nowMs() - login.createdAtMs >= LifetimeMs)
        return std::nullopt;
    return login;
}

void PendingLogins::dropExpired(qint64 nowMs)
{
    m_logins.removeIf([nowMs](const auto& entry) { return nowMs - entry.value().createdAtMs >= LifetimeMs; });
}
