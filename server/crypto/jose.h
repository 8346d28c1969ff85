#pragma once

#include "crypto/hmacsha256.h"

#include <QByteArray>
#include <QString>

#include <optional>

// Gatehouse's own JWS (compact, HS256 only). Not a general JOSE library on purpose:
// the algorithm is pinned to HS256, so `alg: none`, HS512 or RS256 tokens (the classic
// algorithm-confusion attacks) are refused before any MAC is computed; signatures are
// compared in constant time; exp is mandatory and has no leeway.
struct JwtClaims
{
    QString issuer;       // iss
    QString subject;      // sub: account id as a decimal string
    QString sessionId;    // sid
    QString tokenId;      // jti
    QString type;         // "access" | "refresh"
    qint64 issuedAt = 0;  // iat, Unix seconds
    qint64 expiresAt = 0; // exp, Unix seconds (mandatory)
    qint64 notBefore = 0; // nbf, 0 = absent
};

enum class JwtError {
    None,
    Malformed,    // not three base64url parts, bad JSON, missing or mistyped claim
    BadAlgorithm, // header alg is not exactly HS256, or has `crit`
    BadSignature,
    Expired,     // now >= exp
    NotYetValid, // now < nbf
    WrongIssuer,
    WrongType,
};

struct JwtVerification
{
    JwtError error = JwtError::Malformed;
    JwtClaims claims; // meaningful only when error == None
    bool ok() const { return error == JwtError::None; }
};

class JwtHs256
{
public:
    JwtHs256(QByteArrayView key, QString issuer);

    QByteArray sign(const JwtClaims& claims) const;
    // expectedType empty = any type (still checked to be a string).
    JwtVerification verify(QByteArrayView token, qint64 nowSecs, QStringView expectedType) const;

    const QString& issuer() const { return m_issuer; }

    // Only the JWS part: header pinned to HS256 and the signature over it with `key`; no
    // claim is looked at. For the RFC 7515 known-answer self-test.
    static bool verifySignatureOnly(QByteArrayView token, QByteArrayView key);

private:
    HmacSha256 m_hmac;
    QString m_issuer;
};
