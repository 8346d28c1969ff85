#include "crypto/jose.h"

#include "crypto/base64url.h"
#include "crypto/compactjws.h"
#include "crypto/constanttime.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <limits>

namespace {

// Anything longer is not one of our tokens; refusing it early bounds the work per request.
constexpr qsizetype MaxTokenBytes = 8192;
constexpr qint64 NoInteger = std::numeric_limits<qint64>::min();

// The algorithm is pinned: only exactly "HS256" passes, so "none", HS512 with the same
// key or RS256 with our key as a "public key" never reach the MAC. `crit` would ask us to
// honour extensions we do not implement, so RFC 7515 §4.1.11 says refuse.
JwtError checkHeader(QByteArrayView headerB64)
{
    const std::optional<QJsonObject> header = CompactJws::decodeObject(headerB64);
    if (!header)
        return JwtError::Malformed;
    const auto alg = header->constFind(QLatin1String("alg"));
    if (alg == header->constEnd() || alg->toString() != QLatin1String("HS256"))
        return JwtError::BadAlgorithm;
    if (header->contains(QLatin1String("crit")))
        return JwtError::BadAlgorithm;
    const auto typ = header->constFind(QLatin1String("typ"));
    if (typ != header->constEnd() && typ->toString() != QLatin1String("JWT"))
        return JwtError::Malformed;
    return JwtError::None;
}

JwtError checkSignature(const CompactJws::Parts& parts, const HmacSha256& hmac)
{
    const JwtError headerError = checkHeader(parts.header);
    if (headerError != JwtError::None)
        return headerError;
    QByteArray signature;
    if (!Base64Url::decode(parts.signature, &signature))
        return JwtError::Malformed;
    // Signatures are compared in constant time so a forger learns nothing from timing.
    if (!constantTimeEquals(hmac.mac(parts.signingInput), signature))
        return JwtError::BadSignature;
    return JwtError::None;
}

bool readString(const QJsonObject& object, QLatin1String key, QString* out)
{
    const auto it = object.constFind(key);
    if (it == object.constEnd())
        return true;
    if (!it->isString())
        return false;
    *out = it->toString();
    return true;
}

// Absent -> true with *out untouched; present but not a whole number -> false.
bool readInteger(const QJsonObject& object, QLatin1String key, qint64* out)
{
    const auto it = object.constFind(key);
    if (it == object.constEnd())
        return true;
    const qint64 value = it->isDouble() ? it->toInteger(NoInteger) : NoInteger;
    if (value == NoInteger)
        return false;
    *out = value;
    return true;
}

JwtError parseClaims(QByteArrayView payloadB64, JwtClaims* claims)
{
    const std::optional<QJsonObject> payload = CompactJws::decodeObject(payloadB64);
    if (!payload)
        return JwtError::Malformed;
    qint64 expiresAt = NoInteger;
    const bool ok = readString(*payload, QLatin1String("iss"), &claims->issuer)
        && readString(*payload, QLatin1String("sub"), &claims->subject)
        && readString(*payload, QLatin1String("sid"), &claims->sessionId)
        && readString(*payload, QLatin1String("jti"), &claims->tokenId)
        && readString(*payload, QLatin1String("type"), &claims->type)
        && readInteger(*payload, QLatin1String("iat"), &claims->issuedAt)
        && readInteger(*payload, QLatin1String("nbf"), &claims->notBefore)
        && readInteger(*payload, QLatin1String("exp"), &expiresAt);
    // A token without exp would live forever: it is not a token we accept.
    if (!ok || expiresAt == NoInteger)
        return JwtError::Malformed;
    claims->expiresAt = expiresAt;
    return JwtError::None;
}

} // namespace

JwtHs256::JwtHs256(QByteArrayView key, QString issuer) : m_hmac(key), m_issuer(std::move(issuer))
{}

QByteArray JwtHs256::sign(const JwtClaims& claims) const
{
    QJsonObject payload;
    const auto putString = [&payload](QLatin1String key, const QString& value) {
        if (!value.isEmpty())
            payload.insert(key, value);
    };
    putString(QLatin1String("iss"), claims.issuer.isEmpty() ? m_issuer : claims.issuer);
    putString(QLatin1String("sub"), claims.subject);
    putString(QLatin1String("sid"), claims.sessionId);
    putString(QLatin1String("jti"), claims.tokenId);
    putString(QLatin1String("type"), claims.type);
    payload.insert(QLatin1String("iat"), claims.issuedAt);
    payload.insert(QLatin1String("exp"), claims.expiresAt);
    if (claims.notBefore != 0)
        payload.insert(QLatin1String("nbf"), claims.notBefore);

    // base64url of {"alg":"HS256","typ":"JWT"}
    QByteArray token = QByteArrayLiteral("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.");
    token += Base64Url::encode(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    const QByteArray signature = m_hmac.mac(token);
    token += '.';
    token += Base64Url::encode(signature);
    return token;
}

JwtVerification JwtHs256::verify(QByteArrayView token, qint64 nowSecs, QStringView expectedType) const
{
    JwtVerification result;
    const std::optional<CompactJws::Parts> parts = CompactJws::split(token, MaxTokenBytes);
    if (!parts)
        return result;
    result.error = checkSignature(*parts, m_hmac);
    if (result.error != JwtError::None)
        return result;
    result.error = parseClaims(parts->payload, &result.claims);
    if (result.error != JwtError::None)
        return result;
    const JwtClaims& claims = result.claims;
    if (nowSecs >= claims.expiresAt)
        result.error = JwtError::Expired;
    else if (claims.notBefore != 0 && nowSecs < claims.notBefore)
        result.error = JwtError::NotYetValid;
    else if (claims.issuer != m_issuer)
        result.error = JwtError::WrongIssuer;
    else if (!expectedType.isEmpty() && claims.type != expectedType)
        result.error = JwtError::WrongType;
    if (result.error != JwtError::None)
        result.claims = JwtClaims();
    return result;
}

bool JwtHs256::verifySignatureOnly(QByteArrayView token, QByteArrayView key)
{
    const std::optional<CompactJws::Parts> parts = CompactJws::split(token, MaxTokenBytes);
    return parts && checkSignature(*parts, HmacSha256(key)) == JwtError::None;
}
