#include "core/authservice.h"

#include "core/accountstore.h"
#include "core/apitokenstore.h"
#include "core/auditlog.h"
#include "core/clock.h"
#include "core/logging.h"
#include "core/ratelimiter.h"
#include "core/sessionstore.h"
#include "crypto/apitokenformat.h"
#include "crypto/hashpool.h"
#include "crypto/jose.h"
#include "crypto/passwordhasher.h"
#include "crypto/passwordpolicy.h"
#include "storage/database.h"
#include "storage/sessionrepository.h"

namespace {

AuthError error(AuthError::Code code, const QString& message, int retryAfter = 0)
{
    return AuthError{code, message, retryAfter};
}

AuthError busy()
{
    return error(AuthError::Code::Busy, QStringLiteral("Server busy, try again shortly"), 1);
}

AuthError invalidCredentials()
{
    return error(AuthError::Code::InvalidCredentials, QStringLiteral("Invalid credentials"));
}

AuthError unauthorized()
{
    return error(AuthError::Code::Unauthorized, QStringLiteral("Unauthorized"));
}

// The password matched the hash it was checked against, but that hash is no longer the stored
// one: another change came first. No guess, so not counted; a login reads it as a wrong
// password (the one given is no longer valid), a password change as a lost race.
AuthError passwordChangedMeanwhile()
{
    return error(AuthError::Code::Conflict, QStringLiteral("The password was changed meanwhile: nothing changed"));
}

AuthError rateLimited(int retryAfterSecs)
{
    return error(AuthError::Code::RateLimited, QStringLiteral("Too many login attempts. Please try again later."),
                 retryAfterSecs);
}

} // namespace

AuthService::AuthService(Parts parts, bool requireAuth, QObject* parent)
    : QObject(parent), m_parts(parts), m_requireAuth(requireAuth), m_basicCache(parts.credentialHash, parts.clock)
{
}

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

AuthResult AuthService::authenticateBearer(QByteArrayView token) const
{
    const qint64 now = m_parts.clock.nowSecs();
    std::optional<JwtClaims> claims = m_verifiedTokens.find(token, now);
    if (!claims) {
        const JwtVerification verified = m_parts.jwt.verify(token, now, u"access");
        if (!verified.ok())
            return unauthorized();
        m_verifiedTokens.remember(token, verified.claims, now);
        claims = verified.claims;
    }
    const SessionRecord* session = m_parts.sessions.find(claims->sessionId);
    if (!session || QString::number(session->accountId) != claims->subject)
        return unauthorized();
    const AccountRecord* account = m_parts.accounts.byId(session->accountId);
    if (!account || account->disabled)
        return unauthorized();
    m_parts.sessions.markSeen(session->id);
    Principal principal = principalFor(*account, Principal::Method::Bearer);
    principal.sessionId = session->id;
    principal.sessionCreatedMs = session->createdAtMs;
    principal.sessionExpiresMs = session->expiresAtMs;
    return principal;
}

AuthResult AuthService::authenticateApiToken(QByteArrayView token, const ClientInfo& client)
{
    if (!ApiTokenFormat::isWellFormed(token))
        return unauthorized();
    const ApiTokenRecord* record = m_parts.apiTokens.find(token);
    if (!record) {
        // Someone presents a token that looks real but was never issued: a guess, counted
        // like a wrong password (API.md), and like one answered only once it is committed.
        if (!m_parts.limiter.recordFailure(client.ip, client.dialect, {}, QStringLiteral("unknown API token")))
            return AuthError::storageUnavailable();
        return unauthorized();
    }
    if (!record->liveAt(m_parts.clock.nowMs()))
        return unauthorized();
    const AccountRecord* creator = m_parts.accounts.byId(record->createdBy);
    if (!creator || creator->disabled)
        return unauthorized();
    Principal principal = principalFor(*creator, Principal::Method::ApiToken);
    principal.apiTokenId = record->id;
    principal.tokenPermissions = record->permissions;
    m_parts.apiTokens.markUsed(record->id, client.ip);
    return principal;
}

void AuthService::login(const LoginRequest& request, std::function<void(LoginResult)> done)
{
    checkPassword(request.username, request.password, request.client, [this, request, done](PasswordVerdict verdict) {
        if (auto* failure = std::get_if<AuthError>(&verdict)) {
            done(failure->code == AuthError::Code::Conflict ? invalidCredentials() : std::move(*failure));
            return;
        }
        done(m_parts.tokens.openSession(*m_parts.accounts.byId(std::get<qint64>(verdict)), request));
    });
}

std::optional<AuthResult> AuthService::authenticateBasicNow(const QString& username, const QString& password,
                                                            const ClientInfo& client)
{
    if (auto locked = refuseIfLocked(username, client))
        return std::move(*locked);
    const AccountRecord* account = m_parts.accounts.byUsername(username);
    if (account && !account->disabled
        && m_basicCache.matches(m_basicCache.keyFor(username, PasswordPolicy::normalize(password)), *account))
        return principalFor(*account, Principal::Method::Basic);
    return std::nullopt;
}

void AuthService::verifyBasic(const QString& username, const QString& password, const ClientInfo& client,
                              std::function<void(AuthResult)> done)
{
    checkPassword(username, password, client, [this, username, password, done](PasswordVerdict verdict) {
        if (auto* failure = std::get_if<AuthError>(&verdict)) {
            if (failure->code == AuthError::Code::InvalidCredentials || failure->code == AuthError::Code::Conflict)
                *failure = unauthorized();
            done(std::move(*failure));
            return;
        }
        const AccountRecord& account = *m_parts.accounts.byId(std::get<qint64>(verdict));
        m_basicCache.remember(m_basicCache.keyFor(username, PasswordPolicy::normalize(password)), account);
        done(principalFor(account, Principal::Method::Basic));
    });
}

std::optional<AuthError> AuthService::refuseIfLocked(const QString& username, const ClientInfo& client)
{
    const auto retryAfter = m_parts.limiter.lockedFor(client.ip);
    if (!retryAfter)
        return std::nullopt;
    m_parts.limiter.recordLockedAttempt(client.ip, client.dialect, username);
    return rateLimited(*retryAfter);
}

void AuthService::checkPassword(const QString& username, const QString& password, const ClientInfo& client,
                                std::function<void(PasswordVerdict)> done)
{
    // The attempt takes its place in the window before its hash runs, so a concurrent burst
    // gets no more checks than the limit allows; the correct password behind it is refused.
    m_parts.limiter.admitAttempt(client.ip, client.dialect, username,
                                 [this, username, password, client, done](std::optional<int> refusedFor) {
                                     if (refusedFor)
                                         done(rateLimited(*refusedFor));
                                     else
                                         hashAndCheck(username, password, client, done);
                                 });
}

void AuthService::hashAndCheck(const QString& username, const QString& password, const ClientInfo& client,
                               const std::function<void(PasswordVerdict)>& done)
{
    const AccountRecord* account = m_parts.accounts.byUsername(username);
    const QByteArray normalized = PasswordPolicy::normalize(password);
    const bool tooLong = normalized.size() > PasswordPolicy::MaxBytes;
    // An unknown user, a disabled account or an account without a password costs the
    // same argon2id verification as a wrong password, so timing does not tell an
    // attacker which accounts exist. Over-long input is refused without hashing it.
    const bool verifiable = account && !account->disabled && !account->passwordHash.isEmpty() && !tooLong;
    const qint64 accountId = verifiable ? account->id : 0;
    const QByteArray storedHash = verifiable ? account->passwordHash : QByteArray();
    const bool queued = m_parts.hashPool.submit<bool>(
        this,
        [normalized, storedHash, verifiable, tooLong]() {
            if (!verifiable) {
                if (!tooLong)
                    PasswordHasher::burnVerifyTime(normalized);
                return false;
            }
            return PasswordHasher::verify(normalized, storedHash) == PasswordHasher::Verdict::Match;
        },
        [this, username, password, client, accountId, storedHash, done](bool matched) {
            finishCheck(username, password, client, accountId, storedHash, matched, done);
        });
    if (!queued) {
        m_parts.limiter.finishAttempt(client.ip);
        done(busy());
    }
}

void AuthService::finishCheck(const QString& username, const QString& password, const ClientInfo& client,
                              qint64 accountId, const QByteArray& verifiedHash, bool matched,
                              const std::function<void(PasswordVerdict)>& done)
{
    const AccountRecord* account = matched ? m_parts.accounts.byId(accountId) : nullptr;
    PasswordVerdict verdict = accountId;
    if (!account || account->disabled) {
        const bool recorded = m_parts.limiter.recordFailure(client.ip, client.dialect, username,
                                                            QStringLiteral("wrong password or unknown account"));
        m_parts.audit.record(QStringLiteral("login.failed"), username, client.ip,
                             {{QStringLiteral("dialect"), client.dialect}});
        verdict = recorded ? invalidCredentials() : AuthError::storageUnavailable();
    } else if (account->passwordHash != verifiedHash) {
        verdict = passwordChangedMeanwhile(); // only the hash that was verified counts
    } else if (PasswordHasher::needsRehash(verifiedHash)) {
        rehashInBackground(accountId, verifiedHash, password);
    }
    // After the failure is counted: the attempts waiting for this place must see it.
    m_parts.limiter.finishAttempt(client.ip);
    done(std::move(verdict));
}

void AuthService::rehashInBackground(qint64 accountId, const QByteArray& oldHash, const QString& password)
{
    const QByteArray normalized = PasswordPolicy::normalize(password);
    m_parts.hashPool.submit<QByteArray>(
        this, [normalized]() { return PasswordHasher::hash(normalized); },
        [this, accountId, oldHash](const QByteArray& newHash) {
            const AccountRecord* account = m_parts.accounts.byId(accountId);
            if (!account || account->passwordHash != oldHash)
                return; // changed meanwhile: the newer hash wins
            if (m_parts.accounts.replacePasswordHash(accountId, oldHash, newHash))
                qCInfo(lcAuth).noquote() << "re-hashed the password of" << account->username << "with argon2id";
        });
}

AuthService::HashResult AuthService::hashPasswordNow(const QString& password)
{
    const PasswordCheck check = PasswordPolicy::check(password);
    if (!check.acceptable)
        return error(AuthError::Code::PolicyRejected, check.reason);
    return PasswordHasher::hash(check.normalized);
}

void AuthService::hashPassword(const QString& password, std::function<void(HashResult)> done)
{
    const PasswordCheck quick = PasswordPolicy::checkLength(password);
    if (!quick.acceptable) {
        done(error(AuthError::Code::PolicyRejected, quick.reason));
        return;
    }
    if (!m_parts.hashPool.submit<HashResult>(this, [password]() { return hashPasswordNow(password); }, done))
        done(busy());
}

void AuthService::setPassword(qint64 accountId, const QString& password, const Principal& actor,
                              const ClientInfo& client, Completion done)
{
    replacePassword(accountId, password, std::nullopt, actor, client, std::move(done));
}

void AuthService::replacePassword(qint64 accountId, const QString& password, const std::optional<QByteArray>& expected,
                                  const Principal& actor, const ClientInfo& client, Completion done)
{
    hashPassword(password, [this, accountId, expected, actor, client, done](const HashResult& result) {
        if (const auto* failure = std::get_if<AuthError>(&result))
            done(*failure);
        else
            done(commitPassword(accountId, std::get<QByteArray>(result), expected, actor, client));
    });
}

std::optional<AuthError> AuthService::setPasswordNow(qint64 accountId, const QString& password,
                                                     const Principal& actor, const ClientInfo& client)
{
    const HashResult result = hashPasswordNow(password);
    if (const auto* failure = std::get_if<AuthError>(&result))
        return *failure;
    return commitPassword(accountId, std::get<QByteArray>(result), std::nullopt, actor, client);
}

void AuthService::changePassword(const Principal& principal, const QString& currentPassword,
                                 const QString& newPassword, const ClientInfo& client, Completion done)
{
    checkPassword(principal.username, currentPassword, client,
                  [this, principal, newPassword, client, done](PasswordVerdict verdict) {
                      if (const auto* failure = std::get_if<AuthError>(&verdict)) {
                          done(*failure);
                          return;
                      }
                      // finishCheck() compared it just now: the hash the current password matched.
                      const QByteArray verified = m_parts.accounts.byId(std::get<qint64>(verdict))->passwordHash;
                      replacePassword(principal.accountId, newPassword, verified, principal, client, done);
                  });
}

LoginResult AuthService::refresh(QByteArrayView refreshToken, qint64 accessLifetimeSecs, qint64 refreshLifetimeSecs,
                                 const ClientInfo& client)
{
    return m_parts.tokens.refresh(refreshToken, accessLifetimeSecs, refreshLifetimeSecs, client);
}

std::optional<AuthError> AuthService::commitPassword(qint64 accountId, const QByteArray& hash,
                                                     const std::optional<QByteArray>& expected, const Principal& actor,
                                                     const ClientInfo& client)
{
    const AccountRecord* account = m_parts.accounts.byId(accountId);
    if (!account)
        return error(AuthError::Code::NotFound, QStringLiteral("No such account"));
    const qint64 now = m_parts.clock.nowMs();
    std::vector<QString> ended;
    bool stale = false;
    // The new hash and the end of the other sessions commit together, or not at all.
    const bool committed = m_parts.database.transaction([&](QSqlDatabase& db) {
        if (expected) {
            const std::optional<bool> replaced =
                AccountRepository::replacePasswordHash(db, accountId, *expected, hash, now);
            stale = replaced == false;
            if (!replaced.value_or(false))
                return false;
        } else if (!AccountRepository::setPasswordHash(db, accountId, hash, now)) {
            return false;
        }
        auto revoked = SessionRepository::revokeAllOf(db, accountId, now, actor.sessionId);
        if (revoked)
            ended = std::move(*revoked);
        return revoked.has_value();
    });
    // Checked against a hash another change replaced meanwhile: of concurrent changes one
    // wins and the others change nothing, rather than each being told it set the password.
    if (stale)
        return passwordChangedMeanwhile();
    if (!committed)
        return AuthError::storageUnavailable();
    m_parts.accounts.cachePasswordHash(accountId, hash);
    m_parts.sessions.forget(ended);
    m_parts.audit.record(QStringLiteral("password.set"), actor.username, client.ip,
                         {{QStringLiteral("account"), account->username},
                          {QStringLiteral("sessions_ended"), qint64(ended.size())}});
    return std::nullopt;
}

std::optional<AuthError> AuthService::removeAdminPassword(const Principal& actor, const ClientInfo& client)
{
    const qint64 adminId = m_parts.accounts.admin().id;
    const qint64 now = m_parts.clock.nowMs();
    std::vector<QString> ended;
    const bool committed = m_parts.database.transaction([&](QSqlDatabase& db) {
        auto revoked = AccountRepository::setPasswordHash(db, adminId, QByteArray(), now)
            ? SessionRepository::revokeAll(db, now)
            : std::nullopt;
        if (revoked)
            ended = std::move(*revoked);
        return revoked.has_value();
    });
    if (!committed)
        return AuthError::storageUnavailable();
    m_parts.accounts.cachePasswordHash(adminId, QByteArray());
    m_parts.sessions.forget(ended);
    m_parts.audit.record(QStringLiteral("password.removed"), actor.username, client.ip,
                         {{QStringLiteral("sessions_ended"), qint64(ended.size())}});
    return std::nullopt;
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
    return m_parts.database.isReachable();
}
