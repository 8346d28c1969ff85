#pragma once

#include "oidc/jwk.h"

#include <QByteArrayView>
#include <QString>
#include <QStringList>

// The checks OpenID Connect Core §3.1.3.7 asks of a relying party for the ID token of the
// authorization code flow: a compact JWS signed with one of the provider's JWKS keys
// (RS256, ES256 or EdDSA; never `none` or an HMAC), issued by the expected issuer for this
// client, in date, and carrying the nonce of this login.

struct IdTokenExpectations
{
    QString issuer;   // must equal `iss` exactly
    QString clientId; // must be in `aud` (string or array); with several audiences `azp` must equal it
    QString nonce;    // must equal `nonce` exactly (constant-time compare)
    qint64 nowSecs = 0;
    int leewaySecs = 60;    // for exp, iat, nbf
    QStringList algorithms; // allowed `alg`s (the provider's announced ones ∩ {RS256, ES256, EdDSA})
};

struct IdTokenClaims
{
    QString issuer, subject, email, preferredUsername, name;
    bool emailVerified = false; // true only for JSON true (a string "true" is not true: account take-over guard)
    qint64 issuedAt = 0, expiresAt = 0;
};

enum class IdTokenError {
    None,
    Malformed,
    UnsupportedAlgorithm,
    UnknownKey,
    BadSignature,
    WrongIssuer,
    WrongAudience,
    Expired,
    IssuedInFuture,
    NotYetValid,
    WrongNonce,
    MissingClaim
};

struct IdTokenVerdict
{
    IdTokenError error = IdTokenError::Malformed;
    IdTokenClaims claims; // meaningful only when ok()
    QString keyId;        // the header's kid (for the caller's one JWKS refetch on UnknownKey)
    bool ok() const { return error == IdTokenError::None; }
};

IdTokenVerdict validateIdToken(QByteArrayView token, const JwkSet& keys, const IdTokenExpectations& expected);
QString describe(IdTokenError error); // short English reason for logs, never token content
