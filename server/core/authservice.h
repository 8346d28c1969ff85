#pragma once

#include "core/autherror.h"
#include "core/basiccredentialcache.h"
#include "core/principal.h"
#include "core/tokenissuer.h"
#include "core/verifiedtokencache.h"
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
class ChangeFollower;
class Metrics;
class Clock;
class Database;
class HmacSha256;
class JwtHs256;
class RateLimiter;
class PasswordVerifier;
class SessionStore;

using AuthResult = std::variant<Principal, AuthError>;

// The facade every dialect calls: credentials in, principals and sessions out, errors as
// AuthError. Knows no HTTP and no SQL. A password is checked by the PasswordVerifier (on the
// hash pool, completing through a callback on the server thread); setting and changing one
// is the PasswordService's. The bearer path is synchronous and touches no database.
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
        PasswordVerifier& verifier;
        TokenIssuer& tokens;
        const JwtHs256& jwt;
        const HmacSha256& credentialHash; // keyed with the pepper: cache keys, token hashes
        const Clock& clock;
        const ChangeFollower& follower; // whether the caches may be trusted (several instances)
        Metrics& metrics;               // every check's method and outcome, for GET /metrics
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
    std::optional<AuthError> logout(const Principal& principal, const ClientInfo& client);

    bool storageReachable() const;
    RateLimiter& limiter() { return m_parts.limiter; }

private:
    Principal principalFor(const AccountRecord& account, Principal::Method method) const;
    AuthResult checkBearer(QByteArrayView token) const;
    AuthResult checkApiToken(QByteArrayView token, const ClientInfo& client);
    // 503 while the caches may have missed a change of another instance (ChangeFollower).
    std::optional<AuthError> refuseUntrusted() const;

    Parts m_parts;
    bool m_requireAuth = false;
    BasicCredentialCache m_basicCache;
    mutable VerifiedTokenCache m_verifiedTokens;
};
