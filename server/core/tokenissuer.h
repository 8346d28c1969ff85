#pragma once

#include "core/autherror.h"
#include "core/principal.h"
#include "storage/accountrepository.h"

#include <QByteArray>
#include <QString>

#include <variant>

class AccountStore;
class AuditLog;
class Clock;
class HmacSha256;
class JwtHs256;
class SessionStore;

struct LoginRequest
{
    QString username;
    QString password;
    qint64 accessLifetimeSecs = 0;
    qint64 refreshLifetimeSecs = 0; // 0 = no refresh token: the session ends with the access token
    ClientInfo client;
};

struct IssuedSession
{
    QString sessionId;
    qint64 sessionCreatedMs = 0;
    QByteArray accessToken;
    qint64 accessExpiresAt = 0; // Unix seconds, equals the access JWT's exp
    QByteArray refreshToken;    // empty without refresh
    qint64 refreshExpiresAt = 0;
    AccountRecord account; // a copy without the password hash
};

using LoginResult = std::variant<IssuedSession, AuthError>;

// Opens sessions and signs their tokens; rotates refresh tokens. A session remembers only
// a keyed hash of its current refresh token's jti. Presenting any other (older) refresh
// token of the session means a copy exists somewhere — the legitimate client or a thief
// holds a spent token — so the whole session ends (refresh-token reuse detection).
class TokenIssuer
{
public:
    TokenIssuer(SessionStore& sessions, const AccountStore& accounts, AuditLog& audit, const JwtHs256& jwt,
                const HmacSha256& keyedHash, const Clock& clock);

    LoginResult openSession(const AccountRecord& account, const LoginRequest& request);
    LoginResult refresh(QByteArrayView refreshToken, qint64 accessLifetimeSecs, qint64 refreshLifetimeSecs,
                        const ClientInfo& client);

private:
    QByteArray sign(const QString& type, qint64 accountId, const QString& sessionId, const QString& tokenId,
                    qint64 expiresAt) const;
    IssuedSession tokensFor(const AccountRecord& account, const QString& sessionId, qint64 createdMs,
                            qint64 accessLifetimeSecs, qint64 sessionEndMs, const QString& refreshId) const;

    SessionStore& m_sessions;
    const AccountStore& m_accounts;
    AuditLog& m_audit;
    const JwtHs256& m_jwt;
    const HmacSha256& m_keyedHash;
    const Clock& m_clock;
};
