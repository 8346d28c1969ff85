#pragma once

#include "core/autherror.h"
#include "core/basiccredentialcache.h"
#include "core/tokenissuer.h"
#include "core/verifiedtokencache.h"
#include "core/principal.h"
#include "storage/accountrepository.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>
#include <variant>

class AccountStore;
class ApiTokenStore;
class AuditLog;
class Clock;
class Database;
class HashPool;
class HmacSha256;
class JwtHs256;
class RateLimiter;
class SessionStore;

using AuthResult = std::variant<Principal, AuthError>;
using Completion = std::function<void(std::optional<AuthError>)>;

// The facade every dialect calls: credentials in, principals and sessions out, errors as
// AuthError. Knows no HTTP and no SQL. Slow work (password hashing, the dictionary check)
// goes to the HashPool and completes through a callback on the server thread; the bearer
// path is synchronous and touches no database.
class AuthService : public QObject
{
    Q_OBJECT

public:
    struct Parts
    {
        Database& database;
        AccountStore& accounts;
        SessionStore& sessions;
        ApiTokenStore& apiTokens;
        RateLimiter& limiter;
        AuditLog& audit;
        HashPool& hashPool;
        TokenIssuer& tokens;
        const JwtHs256& jwt;
        const HmacSha256& credentialHash; // keyed with the pepper: cache keys, token hashes
        const Clock& clock;
    };

    AuthService(Parts parts, bool requireAuth, QObject* parent = nullptr);

    bool authEnabled() const;
    // require_auth is set and no admin password exists yet: protected endpoints answer 503.
    bool setupRequired() const;
    Principal anonymousAdmin() const;
    qint64 adminAccountId() const;

    // Hot path: verify an access JWT and find its live session.
    AuthResult authenticateBearer(QByteArrayView token) const;
    // Hot path too: `Bearer gatehouse_...`. A keyed hash and a cache look-up; the use is
    // recorded in memory and written in batches. A well-formed token nobody issued counts
    // as a failure for the limiter; a malformed one (a typo) is refused without a look-up.
    AuthResult authenticateApiToken(QByteArrayView token, const ClientInfo& client);

    // HTTP Basic, honoured everywhere. Answers at once when it can (a locked IP, a
    // credential verified before); nullopt means the password must be hashed: then call
    // verifyBasic(), which answers through `done`.
    std::optional<AuthResult> authenticateBasicNow(const QString& username, const QString& password,
                                                   const ClientInfo& client);
    void verifyBasic(const QString& username, const QString& password, const ClientInfo& client,
                     std::function<void(AuthResult)> done);

    void login(const LoginRequest& request, std::function<void(LoginResult)> done);
    LoginResult refresh(QByteArrayView refreshToken, qint64 accessLifetimeSecs, qint64 refreshLifetimeSecs,
                        const ClientInfo& client);
    // Checks `currentPassword` like a login (a wrong one counts as a failure), then sets
    // `newPassword` as setPassword() does — if the hash the current password matched is still
    // the stored one when the new one commits; if another change came first, Conflict.
    void changePassword(const Principal& principal, const QString& currentPassword, const QString& newPassword,
                        const ClientInfo& client, Completion done);

    // A new password checked against the policy and hashed (for new accounts), on the pool
    // or, for the command line, on the calling thread.
    using HashResult = std::variant<QByteArray, AuthError>;
    void hashPassword(const QString& password, std::function<void(HashResult)> done);
    static HashResult hashPasswordNow(const QString& password);
    // Sets an account's password (policy + hash on the pool). Ends the account's other
    // sessions; the actor's own session (if any) survives.
    void setPassword(qint64 accountId, const QString& password, const Principal& actor, const ClientInfo& client,
                     Completion done);
    // Removes the admin password: authentication is disabled and every session ends.
    // The same, blocking the calling thread for the hash: for start-up seeding and the
    // command line, never for a request.
    std::optional<AuthError> setPasswordNow(qint64 accountId, const QString& password, const Principal& actor,
                                            const ClientInfo& client);
    std::optional<AuthError> removeAdminPassword(const Principal& actor, const ClientInfo& client);
    std::optional<AuthError> logout(const Principal& principal, const ClientInfo& client);

    bool storageReachable() const;
    RateLimiter& limiter() { return m_parts.limiter; }

private:
    using PasswordVerdict = std::variant<qint64, AuthError>; // the account id, or why not

    // Checks `password` for `username` on the hash pool with the limiter in front: the attempt
    // takes a place in the IP's window first (refused without hashing when none is left), a
    // wrong password is recorded as a failure — committed, or the answer is Unavailable.
    void checkPassword(const QString& username, const QString& password, const ClientInfo& client,
                       std::function<void(PasswordVerdict)> done);
    void hashAndCheck(const QString& username, const QString& password, const ClientInfo& client,
                      const std::function<void(PasswordVerdict)>& done); // once admitted
    void finishCheck(const QString& username, const QString& password, const ClientInfo& client, qint64 accountId,
                     const QByteArray& verifiedHash, bool matched, const std::function<void(PasswordVerdict)>& done);
    // A password attempt from a locked IP: logged and refused (429) without hashing.
    std::optional<AuthError> refuseIfLocked(const QString& username, const ClientInfo& client);
    Principal principalFor(const AccountRecord& account, Principal::Method method) const;
    void rehashInBackground(qint64 accountId, const QByteArray& oldHash, const QString& password);
    // Hashes `password` on the pool, then commits it; with `expected`, only while the stored
    // hash is still that one (compare-and-set), else Conflict.
    void replacePassword(qint64 accountId, const QString& password, const std::optional<QByteArray>& expected,
                         const Principal& actor, const ClientInfo& client, Completion done);
    std::optional<AuthError> commitPassword(qint64 accountId, const QByteArray& hash,
                                            const std::optional<QByteArray>& expected, const Principal& actor,
                                            const ClientInfo& client);

    Parts m_parts;
    bool m_requireAuth = false;
    BasicCredentialCache m_basicCache;
    mutable VerifiedTokenCache m_verifiedTokens;
};
