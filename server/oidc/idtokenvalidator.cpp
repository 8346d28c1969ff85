#include "oidc/idtokenvalidator.h"

#include "crypto/base64url.h"
#include "crypto/compactjws.h"
#include "crypto/constanttime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace {

// ID tokens are a few KiB; refusing anything larger before decoding bounds what one
// callback can cost.
constexpr qsizetype MaxTokenBytes = 16 * 1024;
// A NumericDate past this (the year 33658) is no time but an attempt at overflow.
constexpr double MaxNumericDate = 1e12;

struct Header
{
    QString alg;
    QString kid;
};

// `none` and the HMAC family are never verified here, whatever the provider announces or
// the caller passes: an HS256 token "signed" with the provider's public key as the secret
// is the classic algorithm-confusion forgery. Only asymmetric signatures prove the provider.
bool algorithmAllowed(const QString& alg, const QStringList& allowed)
{
    static const QStringList supported{QStringLiteral("RS256"), QStringLiteral("ES256"), QStringLiteral("EdDSA")};
    return supported.contains(alg) && allowed.contains(alg);
}

IdTokenError readHeader(const QJsonObject& header, const IdTokenExpectations& expected, Header* out)
{
    const QJsonValue alg = header.value(QLatin1String("alg"));
    const QJsonValue kid = header.value(QLatin1String("kid"));
    if (!alg.isString() || (!kid.isUndefined() && !kid.isString()))
        return IdTokenError::Malformed;
    out->alg = alg.toString();
    out->kid = kid.toString();
    if (!algorithmAllowed(out->alg, expected.algorithms))
        return IdTokenError::UnsupportedAlgorithm;
    // `crit` names extensions the signer requires us to understand; we implement none, so
    // RFC 7515 §4.1.11 says refuse the token.
    if (header.contains(QLatin1String("crit")))
        return IdTokenError::Malformed;
    // `jku`, `x5u`, `jwk` and `x5c` are never read: they let the token name its own key or
    // where to fetch it, so the forger would choose the key that "verifies" the forgery (and
    // make us fetch URLs of their choosing). Keys come only from the provider's JWKS.
    return IdTokenError::None;
}

IdTokenError checkSignature(const CompactJws::Parts& parts, const Header& header, const JwkSet& keys)
{
    const QList<PublicJwk> candidates = keys.candidates(header.kid, header.alg);
    if (candidates.isEmpty())
        return IdTokenError::UnknownKey;
    QByteArray signature;
    if (!Base64Url::decode(parts.signature, &signature))
        return IdTokenError::Malformed;
    const QByteArray alg = header.alg.toLatin1();
    for (const PublicJwk& key : candidates) {
        if (key.verify(alg, parts.signingInput, signature))
            return IdTokenError::None;
    }
    return IdTokenError::BadSignature;
}

// Required claims: absent -> MissingClaim, present with the wrong JSON type -> Malformed.
IdTokenError readString(const QJsonObject& payload, QLatin1String name, QString* out)
{
    const QJsonValue value = payload.value(name);
    if (value.isUndefined())
        return IdTokenError::MissingClaim;
    if (!value.isString())
        return IdTokenError::Malformed;
    *out = value.toString();
    return IdTokenError::None;
}

// A NumericDate (RFC 7519 §2): seconds as a JSON number, possibly with a fraction (dropped).
IdTokenError readTime(const QJsonObject& payload, QLatin1String name, qint64* out)
{
    const QJsonValue value = payload.value(name);
    if (value.isUndefined())
        return IdTokenError::MissingClaim;
    const double seconds = value.toDouble(-1);
    if (!value.isDouble() || !(seconds >= 0 && seconds <= MaxNumericDate))
        return IdTokenError::Malformed;
    *out = static_cast<qint64>(seconds);
    return IdTokenError::None;
}

IdTokenError readAudiences(const QJsonObject& payload, QStringList* out)
{
    const QJsonValue aud = payload.value(QLatin1String("aud"));
    if (aud.isUndefined())
        return IdTokenError::MissingClaim;
    if (aud.isString()) {
        out->append(aud.toString());
        return IdTokenError::None;
    }
    if (!aud.isArray())
        return IdTokenError::Malformed;
    for (const QJsonValue& entry : aud.toArray()) {
        if (!entry.isString())
            return IdTokenError::Malformed;
        out->append(entry.toString());
    }
    return IdTokenError::None;
}

// OpenID Connect Core §3.1.3.7, items 3-5: this client must be an audience; a token for
// several audiences must name this client as its authorized party, or a token that another
// client obtained (with us as an extra audience) would log in here; an `azp` present must be us.
IdTokenError checkAudience(const QJsonObject& payload, const QString& clientId)
{
    QStringList audiences;
    const IdTokenError error = readAudiences(payload, &audiences);
    if (error != IdTokenError::None)
        return error;
    const QJsonValue azp = payload.value(QLatin1String("azp"));
    if (!azp.isUndefined() && !azp.isString())
        return IdTokenError::Malformed;
    if (clientId.isEmpty() || !audiences.contains(clientId))
        return IdTokenError::WrongAudience;
    if ((audiences.size() > 1 || azp.isString()) && azp.toString() != clientId)
        return IdTokenError::WrongAudience;
    return IdTokenError::None;
}

IdTokenError checkTimes(const QJsonObject& payload, const IdTokenExpectations& expected, IdTokenClaims* claims)
{
    IdTokenError error = readTime(payload, QLatin1String("exp"), &claims->expiresAt);
    if (error == IdTokenError::None)
        error = readTime(payload, QLatin1String("iat"), &claims->issuedAt);
    qint64 notBefore = 0;
    if (error == IdTokenError::None && payload.contains(QLatin1String("nbf")))
        error = readTime(payload, QLatin1String("nbf"), &notBefore);
    if (error != IdTokenError::None)
        return error;
    if (claims->expiresAt < expected.nowSecs - expected.leewaySecs)
        return IdTokenError::Expired;
    if (claims->issuedAt > expected.nowSecs + expected.leewaySecs)
        return IdTokenError::IssuedInFuture;
    if (notBefore > expected.nowSecs + expected.leewaySecs)
        return IdTokenError::NotYetValid;
    return IdTokenError::None;
}

// The nonce binds the token to this login's state; a token replayed from another login (or
// injected by an attacker into ours) carries another nonce. An empty expectation never
// matches, so a caller that lost its nonce fails closed.
IdTokenError checkNonce(const QJsonObject& payload, const QString& expectedNonce)
{
    QString nonce;
    const IdTokenError error = readString(payload, QLatin1String("nonce"), &nonce);
    if (error != IdTokenError::None)
        return error;
    if (expectedNonce.isEmpty() || !constantTimeEquals(nonce.toUtf8(), expectedNonce.toUtf8()))
        return IdTokenError::WrongNonce;
    return IdTokenError::None;
}

QString optionalString(const QJsonObject& payload, QLatin1String name)
{
    const QJsonValue value = payload.value(name);
    return value.isString() ? value.toString() : QString();
}

IdTokenError checkClaims(const QJsonObject& payload, const IdTokenExpectations& expected, IdTokenClaims* claims)
{
    IdTokenError error = readString(payload, QLatin1String("iss"), &claims->issuer);
    if (error == IdTokenError::None)
        error = readString(payload, QLatin1String("sub"), &claims->subject);
    if (error == IdTokenError::None && claims->subject.isEmpty())
        error = IdTokenError::MissingClaim;
    if (error != IdTokenError::None)
        return error;
    if (expected.issuer.isEmpty() || claims->issuer != expected.issuer)
        return IdTokenError::WrongIssuer;
    error = checkAudience(payload, expected.clientId);
    if (error == IdTokenError::None)
        error = checkTimes(payload, expected, claims);
    if (error == IdTokenError::None)
        error = checkNonce(payload, expected.nonce);
    if (error != IdTokenError::None)
        return error;
    claims->email = optionalString(payload, QLatin1String("email"));
    claims->preferredUsername = optionalString(payload, QLatin1String("preferred_username"));
    claims->name = optionalString(payload, QLatin1String("name"));
    // Only a JSON true: a provider (or a forger of its profile data) writing "true" as a
    // string must not get an email trusted for linking accounts.
    claims->emailVerified = payload.value(QLatin1String("email_verified")) == QJsonValue(true);
    return IdTokenError::None;
}

} // namespace

IdTokenVerdict validateIdToken(QByteArrayView token, const JwkSet& keys, const IdTokenExpectations& expected)
{
    IdTokenVerdict verdict;
    const std::optional<CompactJws::Parts> parts = CompactJws::split(token, MaxTokenBytes);
    const std::optional<QJsonObject> headerObject = parts ? CompactJws::decodeObject(parts->header) : std::nullopt;
    if (!headerObject)
        return verdict;
    Header header;
    verdict.error = readHeader(*headerObject, expected, &header);
    verdict.keyId = header.kid;
    // The signature first: no claim of an unverified token is looked at.
    if (verdict.error == IdTokenError::None)
        verdict.error = checkSignature(*parts, header, keys);
    if (verdict.error != IdTokenError::None)
        return verdict;
    const std::optional<QJsonObject> payload = CompactJws::decodeObject(parts->payload);
    IdTokenClaims claims;
    verdict.error = payload ? checkClaims(*payload, expected, &claims) : IdTokenError::Malformed;
    if (verdict.ok())
        verdict.claims = claims;
    return verdict;
}

QString describe(IdTokenError error)
{
    switch (error) {
    case IdTokenError::None:
        return QStringLiteral("valid");
    case IdTokenError::Malformed:
        return QStringLiteral("malformed ID token");
    case IdTokenError::UnsupportedAlgorithm:
        return QStringLiteral("signature algorithm not allowed");
    case IdTokenError::UnknownKey:
        return QStringLiteral("no provider key for the token's key id");
    case IdTokenError::BadSignature:
        return QStringLiteral("signature does not verify");
    case IdTokenError::WrongIssuer:
        return QStringLiteral("issued by another issuer");
    case IdTokenError::WrongAudience:
        return QStringLiteral("not issued for this client");
    case IdTokenError::Expired:
        return QStringLiteral("expired");
    case IdTokenError::IssuedInFuture:
        return QStringLiteral("issued in the future");
    case IdTokenError::NotYetValid:
        return QStringLiteral("not yet valid");
    case IdTokenError::WrongNonce:
        return QStringLiteral("nonce does not match this login");
    case IdTokenError::MissingClaim:
        return QStringLiteral("required claim missing");
    }
    return QStringLiteral("unknown error");
}
