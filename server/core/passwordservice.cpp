#include "core/passwordservice.h"

#include "core/accountstore.h"
#include "core/auditlog.h"
#include "core/clock.h"
#include "core/passwordverifier.h"
#include "core/sessionstore.h"
#include "crypto/hashpool.h"
#include "crypto/passwordhasher.h"
#include "crypto/passwordpolicy.h"
#include "storage/accountrepository.h"
#include "storage/database.h"
#include "storage/sessionrepository.h"

PasswordService::PasswordService(Parts parts, QObject* parent) : QObject(parent), m_parts(parts)
{}

PasswordService::HashResult PasswordService::hashPasswordNow(const QString& password)
{
    const PasswordCheck check = PasswordPolicy::check(password);
    if (!check.acceptable)
        return AuthError{AuthError::Code::PolicyRejected, check.reason, 0};
    return PasswordHasher::hash(check.normalized);
}

void PasswordService::hashPassword(const QString& password, std::function<void(HashResult)> done)
{
    const PasswordCheck quick = PasswordPolicy::checkLength(password);
    if (!quick.acceptable) {
        done(AuthError{AuthError::Code::PolicyRejected, quick.reason, 0});
        return;
    }
    if (!m_parts.hashPool.submit<HashResult>(
            this, [password]() { return hashPasswordNow(password); }, done))
        done(AuthError::busy());
}

void PasswordService::setPassword(qint64 accountId, const QString& password, const Principal& actor,
                                  const ClientInfo& client, Completion done)
{
    replacePassword(accountId, password, std::nullopt, actor, client, std::move(done));
}

void PasswordService::replacePassword(qint64 accountId, const QString& password,
                                      const std::optional<QByteArray>& expected, const Principal& actor,
                                      const ClientInfo& client, Completion done)
{
    hashPassword(password, [this, accountId, expected, actor, client, done](const HashResult& result) {
        if (const auto* failure = std::get_if<AuthError>(&result))
            done(*failure);
        else
            done(commitPassword(accountId, std::get<QByteArray>(result), expected, actor, client));
    });
}

std::optional<AuthError> PasswordService::setPasswordNow(qint64 accountId, const QString& password,
                                                         const Principal& actor, const ClientInfo& client)
{
    const HashResult result = hashPasswordNow(password);
    if (const auto* failure = std::get_if<AuthError>(&result))
        return *failure;
    return commitPassword(accountId, std::get<QByteArray>(result), std::nullopt, actor, client);
}

void PasswordService::changePassword(const Principal& principal, const QString& currentPassword,
                                     const QString& newPassword, const ClientInfo& client, Completion done)
{
    m_parts.verifier.check(principal.username, currentPassword, client,
                           [this, principal, newPassword, client, done](PasswordVerifier::Verdict verdict) {
                               if (const auto* failure = std::get_if<AuthError>(&verdict)) {
                                   done(*failure);
                                   return;
                               }
                               // finishCheck() compared it just now: the hash the current password matched.
                               const QByteArray verified =
                                   m_parts.accounts.byId(std::get<qint64>(verdict))->passwordHash;
                               replacePassword(principal.accountId, newPassword, verified, principal, client, done);
                           });
}

std::optional<AuthError> PasswordService::commitPassword(qint64 accountId, const QByteArray& hash,
                                                         const std::optional<QByteArray>& expected,
                                                         const Principal& actor, const ClientInfo& client)
{
    const AccountRecord* account = m_parts.accounts.byId(accountId);
    if (!account)
        return AuthError{AuthError::Code::NotFound, QStringLiteral("No such account"), 0};
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
        return AuthError::passwordChangedMeanwhile();
    if (!committed)
        return AuthError::storageUnavailable();
    m_parts.accounts.cachePasswordHash(accountId, hash);
    m_parts.sessions.forget(ended);
    m_parts.audit.record(
        QStringLiteral("password.set"), actor.username, client.ip,
        {{QStringLiteral("account"), account->username}, {QStringLiteral("sessions_ended"), qint64(ended.size())}});
    return std::nullopt;
}

std::optional<AuthError> PasswordService::removeAdminPassword(const Principal& actor, const ClientInfo& client)
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
