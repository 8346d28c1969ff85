#pragma once

#include "core/autherror.h"
#include "core/principal.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>
#include <variant>

class AccountStore;
class AuditLog;
class HashPool;
class RateLimiter;

// A password checked against an account, behind the rate limiter: for a login, HTTP Basic
// and a password change alike. The attempt takes its place in the IP's window before its
// hash runs (refused without hashing when none is left); the argon2id verification runs on
// the hash pool; a wrong password is recorded as a failure (committed, or the answer is
// Unavailable). A matching password whose hash is outdated (bcrypt, weaker parameters) is
// re-hashed in the background.
class PasswordVerifier : public QObject
{
    Q_OBJECT

public:
    struct Parts
    {
        AccountStore& accounts;
        RateLimiter& limiter;
        AuditLog& audit;
        HashPool& hashPool;
    };

    // The matching account's id, or why not (RateLimited, Busy, InvalidCredentials,
    // Unavailable; Conflict when the password matched a hash replaced meanwhile).
    using Verdict = std::variant<qint64, AuthError>;

    explicit PasswordVerifier(Parts parts, QObject* parent = nullptr);

    void check(const QString& username, const QString& password, const ClientInfo& client,
               std::function<void(Verdict)> done);
    // A password attempt from a locked IP: logged and refused (429) without hashing.
    std::optional<AuthError> refuseIfLocked(const QString& username, const ClientInfo& client);

private:
    void hashAndCheck(const QString& username, const QString& password, const ClientInfo& client,
                      const std::function<void(Verdict)>& done); // once admitted
    void finishCheck(const QString& username, const QString& password, const ClientInfo& client, qint64 accountId,
                     const QByteArray& verifiedHash, bool matched, const std::function<void(Verdict)>& done);
    void rehashInBackground(qint64 accountId, const QByteArray& oldHash, const QString& password);

    Parts m_parts;
};
