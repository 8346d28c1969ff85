#include "core/passwordverifier.h"

#include "core/accountstore.h"
#include "core/auditlog.h"
#include "core/logging.h"
#include "core/ratelimiter.h"
#include "crypto/hashpool.h"
#include "crypto/passwordhasher.h"
#include "crypto/passwordpolicy.h"

PasswordVerifier::PasswordVerifier(Parts parts, QObject* parent) : QObject(parent), m_parts(parts)
{}

std::optional<AuthError> PasswordVerifier::refuseIfLocked(const QString& username, const ClientInfo& client)
{
    const auto retryAfter = m_parts.limiter.lockedFor(client.ip);
    if (!retryAfter)
        return std::nullopt;
    m_parts.limiter.recordLockedAttempt(client.ip, client.dialect, username);
    return AuthError::loginRateLimited(*retryAfter);
}

void PasswordVerifier::check(const QString& username, const QString& password, const ClientInfo& client,
                             std::function<void(Verdict)> done)
{
    // The attempt takes its place in the window before its hash runs, so a concurrent burst
    // gets no more checks than the limit allows; the correct password behind it is refused.
    m_parts.limiter.admitAttempt(client.ip, client.dialect, username,
                                 [this, username, password, client, done](std::optional<int> refusedFor) {
                                     if (refusedFor)
                                         done(AuthError::loginRateLimited(*refusedFor));
                                     else
                                         hashAndCheck(username, password, client, done);
                                 });
}

void PasswordVerifier::hashAndCheck(const QString& username, const QString& password, const ClientInfo& client,
                                    const std::function<void(Verdict)>& done)
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
        done(AuthError::busy());
    }
}

void PasswordVerifier::finishCheck(const QString& username, const QString& password, const ClientInfo& client,
                                   qint64 accountId, const QByteArray& verifiedHash, bool matched,
                                   const std::function<void(Verdict)>& done)
{
    const AccountRecord* account = matched ? m_parts.accounts.byId(accountId) : nullptr;
    Verdict verdict = accountId;
    if (!account || account->disabled) {
        const bool recorded = m_parts.limiter.recordFailure(client.ip, client.dialect, username,
                                                            QStringLiteral("wrong password or unknown account"));
        m_parts.audit.record(QStringLiteral("login.failed"), username, client.ip,
                             {{QStringLiteral("dialect"), client.dialect}});
        verdict = recorded ? AuthError::invalidCredentials() : AuthError::storageUnavailable();
    } else if (account->passwordHash != verifiedHash) {
        verdict = AuthError::passwordChangedMeanwhile(); // only the hash that was verified counts
    } else if (PasswordHasher::needsRehash(verifiedHash)) {
        rehashInBackground(accountId, verifiedHash, password);
    }
    // After the failure is counted: the attempts waiting for this place must see it.
    m_parts.limiter.finishAttempt(client.ip);
    done(std::move(verdict));
}

void PasswordVerifier::rehashInBackground(qint64 accountId, const QByteArray& oldHash, const QString& password)
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
