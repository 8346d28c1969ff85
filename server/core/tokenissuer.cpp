#include "core/tokenissuer.h"

#include "core/accountstore.h"
#include "core/auditlog.h"
#include "core/clock.h"
#include "core/sessionstore.h"
#include "crypto/constanttime.h"
#include "crypto/hmacsha256.h"
#include "crypto/jose.h"
#include "crypto/random.h"

#include <algorithm>

namespace {

constexpr int TokenIdBytes = 12;

AuthError invalidRefresh(const QString& message = QStringLiteral("Invalid or expired refresh token"))
{
    return AuthError{AuthError::Code::Unauthorized, message, 0};
}

} // namespace

TokenIssuer::TokenIssuer(SessionStore& sessions, const AccountStore& accounts, AuditLog& audit, const JwtHs256& jwt,
                         const HmacSha256& keyedHash, const Clock& clock)
    : m_sessions(sessions), m_accounts(accounts), m_audit(audit), m_jwt(jwt), m_keyedHash(keyedHash), m_clock(clock)
{}

LoginResult TokenIssuer::openSession(const AccountRecord& account, const LoginRequest& request)
{
    const bool withRefresh = request.refreshLifetimeSecs > 0;
    const QString refreshId = withRefresh ? Random::urlToken(TokenIdBytes) : QString();
    const qint64 lifetime = withRefresh ? request.refreshLifetimeSecs : request.accessLifetimeSecs;
    const QByteArray refreshHash = withRefresh ? m_keyedHash.mac(refreshId.toLatin1()) : QByteArray();
    const SessionRecord* session = m_sessions.create(account.id, request.client.dialect, request.client.ip,
                                                     request.client.userAgent, lifetime, refreshHash);
    if (!session)
        return AuthError::storageUnavailable();
    m_audit.record(QStringLiteral("login"), account.username, request.client.ip,
                   {{QStringLiteral("dialect"), request.client.dialect}, {QStringLiteral("session"), session->id}});
    return tokensFor(account, session->id, session->createdAtMs, request.accessLifetimeSecs, session->expiresAtMs,
                     refreshId);
}

LoginResult TokenIssuer::refresh(QByteArrayView refreshToken, qint64 accessLifetimeSecs, qint64 refreshLifetimeSecs,
                                 const ClientInfo& client)
{
    const JwtVerification verified = m_jwt.verify(refreshToken, m_clock.nowSecs(), u"refresh");
    if (!verified.ok())
        return invalidRefresh();
    const SessionRecord* session = m_sessions.find(verified.claims.sessionId);
    if (!session || QString::number(session->accountId) != verified.claims.subject)
        return invalidRefresh();
    if (!constantTimeEquals(m_keyedHash.mac(verified.claims.tokenId.toLatin1()), session->refreshHash)) {
        const QString sessionId = session->id;
        const qint64 accountId = session->accountId;
        if (!m_sessions.revoke(sessionId))
            return AuthError::storageUnavailable();
        const AccountRecord* owner = m_accounts.byId(accountId);
        m_audit.record(QStringLiteral("refresh.reused"), owner ? owner->username : QString(), client.ip,
                       {{QStringLiteral("session"), sessionId}});
        return invalidRefresh(QStringLiteral("Refresh token already used: the session has ended"));
    }
    const AccountRecord* account = m_accounts.byId(session->accountId);
    if (!account || account->disabled)
        return invalidRefresh();
    const QString refreshId = Random::urlToken(TokenIdBytes);
    const qint64 sessionEndMs = m_clock.nowMs() + refreshLifetimeSecs * 1000;
    const QString sessionId = session->id;
    const qint64 createdMs = session->createdAtMs;
    if (!m_sessions.setRefresh(sessionId, m_keyedHash.mac(refreshId.toLatin1()), sessionEndMs))
        return AuthError::storageUnavailable();
    return tokensFor(*account, sessionId, createdMs, accessLifetimeSecs, sessionEndMs, refreshId);
}

IssuedSession TokenIssuer::tokensFor(const AccountRecord& account, const QString& sessionId, qint64 createdMs,
                                     qint64 accessLifetimeSecs, qint64 sessionEndMs, const QString& refreshId) const
{
    const qint64 now = m_clock.nowSecs();
    IssuedSession issued;
    issued.sessionId = sessionId;
    issued.sessionCreatedMs = createdMs;
    issued.accessExpiresAt = std::min(now + accessLifetimeSecs, sessionEndMs / 1000);
    issued.accessToken =
        sign(QStringLiteral("access"), account.id, sessionId, Random::urlToken(TokenIdBytes), issued.accessExpiresAt);
    if (!refreshId.isEmpty()) {
        issued.refreshExpiresAt = sessionEndMs / 1000;
        issued.refreshToken =
            sign(QStringLiteral("refresh"), account.id, sessionId, refreshId, issued.refreshExpiresAt);
    }
    issued.account = account;
    issued.account.passwordHash.clear();
    return issued;
}

QByteArray TokenIssuer::sign(const QString& type, qint64 accountId, const QString& sessionId, const QString& tokenId,
                             qint64 expiresAt) const
{
    JwtClaims claims;
    claims.issuer = m_jwt.issuer();
    claims.subject = QString::number(accountId);
    claims.sessionId = sessionId;
    claims.tokenId = tokenId;
    claims.type = type;
    claims.issuedAt = m_clock.nowSecs();
    claims.expiresAt = expiresAt;
    return m_jwt.sign(claims);
}
