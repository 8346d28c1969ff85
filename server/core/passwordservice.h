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
class Clock;
class Database;
class HashPool;
class PasswordVerifier;
class SessionStore;

// A password's life: checked against the policy and hashed (on the hash pool, or on the
// calling thread for start-up and the command line), set, changed, removed. Setting a
// password commits the new hash and the end of the account's other sessions together, or
// nothing. Knows no HTTP and no SQL beyond the repositories' transactions.
class PasswordService : public QObject
{
    Q_OBJECT

public:
    struct Parts
    {
        Database& database;
        AccountStore& accounts;
        SessionStore& sessions;
        AuditLog& audit;
        HashPool& hashPool;
        PasswordVerifier& verifier;
        const Clock& clock;
    };
    using Completion = std::function<void(std::optional<AuthError>)>;

    explicit PasswordService(Parts parts, QObject* parent = nullptr);

    // A new password checked against the policy and hashed (for new accounts), on the pool
    // or, for the command line, on the calling thread.
    using HashResult = std::variant<QByteArray, AuthError>;
    void hashPassword(const QString& password, std::function<void(HashResult)> done);
    static HashResult hashPasswordNow(const QString& password);
    // Sets an account's password (policy + hash on the pool). Ends the account's other
    // sessions; the actor's own session (if any) survives.
    void setPassword(qint64 accountId, const QString& password, const Principal& actor, const ClientInfo& client,
                     Completion done);
    // The same, blocking the calling thread for the hash: for start-up seeding and the
    // command line, never for a request.
    std::optional<AuthError> setPasswordNow(qint64 accountId, const QString& password, const Principal& actor,
                                            const ClientInfo& client);
    // Checks `currentPassword` like a login (a wrong one counts as a failure), then sets
    // `newPassword` as setPassword() does — if the hash the current password matched is still
    // the stored one when the new one commits; if another change came first, Conflict.
    void changePassword(const Principal& principal, const QString& currentPassword, const QString& newPassword,
                        const ClientInfo& client, Completion done);
    // Removes the admin password: authentication is disabled and every session ends.
    std::optional<AuthError> removeAdminPassword(const Principal& actor, const ClientInfo& client);

private:
    // Hashes `password` on the pool, then commits it; with `expected`, only while the stored
    // hash is still that one (compare-and-set), else Conflict.
    void replacePassword(qint64 accountId, const QString& password, const std::optional<QByteArray>& expected,
                         const Principal& actor, const ClientInfo& client, Completion done);
    std::optional<AuthError> commitPassword(qint64 accountId, const QByteArray& hash,
                                            const std::optional<QByteArray>& expected, const Principal& actor,
                                            const ClientInfo& client);

    Parts m_parts;
};
