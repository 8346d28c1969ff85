#include "core/authservice.h"

#include "core/accountstore.h"
#include "core/apitokenstore.h"
#include "core/auditlog.h"
#include "core/changefollower.h"
#include "core/clock.h"
#include "core/metrics.h"
#include "core/passwordverifier.h"
#include "core/ratelimiter.h"
#include "core/sessionstore.h"
#include "crypto/apitokenformat.h"
#include "crypto/jose.h"
#include "crypto/passwordpolicy.h"
#include "storage/database.h"

AuthService::AuthService(Parts parts, bool requireAuth, QObject* parent)
    : QObject(parent), m_parts(parts), m_requireAuth(requireAuth), m_basicCache(parts.credentialHash, parts.clock)
{}

bool AuthService::authEnabled() const
{
    return m_parts.accounts.authEnabled();
}

bool AuthService::setupRequired() const
{
    return m_requireAuth && !authEnabled();
}

Principal AuthService::anonymousAdmin() const
{
    return principalFor(m_parts.accounts.admin(), Principal::Method::Anonymous);
}

Principal AuthService::principalFor(const AccountRecord& account, Principal::Method method) const
{
    Principal principal;
    principal.accountId = account.id;
    principal.username = account.username;
    principal.role = account.role;
    principal.method = method;
    return principal;
}

qint64 AuthService::adminAccountId() const
{
    return m_parts.accounts.admin().id;
}

std::optional<AuthError> AuthService::refuseUntrusted() const
{
    if (m_parts.follower.cachesTrusted())
        return std::nullopt;
    return AuthError::storageUnavailable();
}

namespace {

Metrics::Outcome outcomeOf(const AuthError* error)
{
    if (!error)
        return Metrics::Outcome::Success;
    switch (error->code) {
    case AuthError::Code::RateLimited:
    case AuthError::Code::Busy:
        return Metrics::Outcome::Refused;
    case AuthError::Code::Unavailable:
    case AuthError::Code::SetupRequired:
        return Metrics::Outcome::Unavailable;
    default:
        return Metrics::Outcome::Failure;
    }
}

// Passes `result` on, counted under `method`.
template <typename Result>
Result counted(Metrics& metrics, Metrics::Method method, Result result)
{
    metrics.authentication(method, outcomeOf(std::get_if<AuthError>(&result)));
    return result;
}

} // namespace

AuthResult AuthService::authenticateBearer(QByteArrayView token) const
{
    return counted(m_parts.metrics, Metrics::Method::Bearer, checkBearer(token));
}

AuthResult AuthService::authenticateApiToken(QByteArrayView token, const ClientInfo& client)
{
    return counted(m_parts.metrics, Metrics::Method::ApiToken, checkApiToken(token, client));
}

AuthResult AuthService::checkBearer(QByteArrayView token) const
{
    if (auto refused = refuseUntrusted())
        return std::move(*refused);
    const qint64 now = m_parts.clock.nowSecs();
    std::optional<JwtClaims> claims = m_verifiedTokens.find(token, now);
    if (!claims) {
        const JwtVerification verified = m_parts.jwt.verify(token, now, u"access");
        if (!verified.ok())
            return AuthError::unauthorized();
        m_verifiedTokens.remember(token, verified.claims, now);
        claims = verified.claims;
    }
    const SessionRecord* session = m_parts.sessions.find(claims->sessionId);
    if (!session || QString::number(session->accountId) != claims->subject)
        return AuthError::unauthorized();
    const AccountRecord* account = m_parts.accounts.byId(session->accountId);
    if (!account || account->disabled)
        return AuthError::unauthorized();
    m_parts.sessions.markSeen(session->id);
    Principal principal = principalFor(*account, Principal::Method::Bearer);
    principal.sessionId = session->id;
    principal.sessionCreatedMs = session->createdAtMs;
    principal.sessionExpiresMs = session->expiresAtMs;
    return principal;
}

AuthResult AuthService::checkApiToken(QByteArrayView token, const ClientInfo& client)
{
    if (!ApiTokenFormat::isWellFormed(token))
        return AuthError::unauthorized();
    if (auto refused = refuseUntrusted())
        return std::move(*refused);
    const ApiTokenRecord* record = m_parts.apiTokens.find(token);
    if (!record) {
        // Someone presents a token that looks real but was never issued: a guess, counted
        // like a wrong password (API.md), and like one answered only once it is committed.
        if (!m_parts.limiter.recordFailure(client.ip, client.dialect, {}, QStringLiteral("unknown API token")))
            return AuthError::storageUnavailable();
        return AuthError::unauthorized();
    }
    if (!record->liveAt(m_parts.clock.nowMs()))
        return AuthError::unauthorized();
    const AccountRecord* creator = m_parts.accounts.byId(record->createdBy);
    if (!creator || creator->disabled)
        return AuthError::unauthorized();
    Principal principal = principalFor(*creator, Principal::Method::ApiToken);
    principal.apiTokenId = record->id;
    principal.tokenPermissions = record->permissions;
    m_parts.apiTokens.markUsed(record->id, client.ip);
    return principal;
}

void AuthService::login(const LoginRequest& request, std::function<void(LoginResult)> done)
{
    if (auto refused = refuseUntrusted()) {
        done(counted<LoginResult>(m_parts.metrics, Metrics::Method::Password, std::move(*refused)));
        return;
    }
    m_parts.verifier.check(
        request.username, request.password, request.client, [this, request, done](PasswordVerifier::Verdict verdict) {
            if (auto* failure = std::get_if<AuthError>(&verdict)) {
                done(counted<LoginResult>(m_parts.metrics, Metrics::Method::Password,
                                          failure->code == AuthError::Code::Conflict ? AuthError::invalidCredentials()
                                                                                     : std::move(*failure)));
                return;
            }
            done(counted(m_parts.metrics, Metrics::Method::Password,
                         m_parts.tokens.openSession(*m_parts.accounts.byId(std::get<qint64>(verdict)), request)));
        });
}

std::optional<AuthResult> AuthService::authenticateBasicNow(const QString& username, const QString& password,
                                                            const ClientInfo& client)
{
    // Before the hash runs too: a password changed on another instance may not be known here.
    if (auto refused = refuseUntrusted())
        return counted<AuthResult>(m_parts.metrics, Metrics::Method::Basic, std::move(*refused));
    if (auto locked = m_parts.verifier.refuseIfLocked(username, client))
        return counted<AuthResult>(m_parts.metrics, Metrics::Method::Basic, std::move(*locked));
    const AccountRecord* account = m_parts.accounts.byUsername(username);
    if (account && !account->disabled
        && m_basicCache.matches(m_basicCache.keyFor(username, PasswordPolicy::normalize(password)), *account))
        return counted<AuthResult>(m_parts.metrics, Metrics::Method::Basic,
                                   principalFor(*account, Principal::Method::Basic));
    return std::nullopt;
}

void AuthService::verifyBasic(const QString& username, const QString& password, const ClientInfo& client,
                              std::function<void(AuthResult)> done)
{
    m_parts.verifier.check(
        username, password, client, [this, username, password, done](PasswordVerifier::Verdict verdict) {
            if (auto* failure = std::get_if<AuthError>(&verdict)) {
                if (failure->code == AuthError::Code::InvalidCredentials || failure->code == AuthError::Code::Conflict)
                    *failure = AuthError::unauthorized();
                done(counted<AuthResult>(m_parts.metrics, Metrics::Method::Basic, std::move(*failure)));
                return;
            }
            const AccountRecord& account = *m_parts.accounts.byId(std::get<qint64>(verdict));
            m_basicCache.remember(m_basicCache.keyFor(username, PasswordPolicy::normalize(password)), account);
            done(counted<AuthResult>(m_parts.metrics, Metrics::Method::Basic,
                                     principalFor(account, Principal::Method::Basic)));
        });
}

LoginResult AuthService::refresh(QByteArrayView refreshToken, qint64 accessLifetimeSecs, qint64 refreshLifetimeSecs,
                                 const ClientInfo& client)
{
    return m_parts.tokens.refresh(refreshToken, accessLifetimeSecs, refreshLifetimeSecs, client);
}

std::optional<AuthError> AuthService::logout(const Principal& principal, const ClientInfo& client)
{
    if (principal.sessionId.isEmpty())
        return std::nullopt; // nothing to end (anonymous or Basic)
    if (!m_parts.sessions.revoke(principal.sessionId))
        return AuthError::storageUnavailable();
    m_parts.audit.record(QStringLiteral("logout"), principal.username, client.ip,
                         {{QStringLiteral("session"), principal.sessionId}});
    return std::nullopt;
}

bool AuthService::storageReachable() const
{
    return m_parts.follower.storageReachable();
}
