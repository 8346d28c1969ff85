#pragma once

#include <QByteArray>
#include <QJsonObject>

// A tiny, independent JWS toolkit for tests (OpenSSL HMAC, not the server's jose module),
// so the server's verifier is checked against tokens it did not make: alg none, HS512,
// edited payloads, expired or refresh tokens, foreign issuers.
namespace JwtForge {

QByteArray base64Url(const QByteArray& data);
QByteArray fromBase64Url(const QByteArray& text);
QByteArray hmac(const char* digest, const QByteArray& key, const QByteArray& data); // "SHA256", "SHA512"

// header.payload.signature with the header's "alg": HS256, HS384, HS512 sign with `key`;
// "none" (any case) gets an empty signature.
QByteArray sign(const QJsonObject& header, const QJsonObject& payload, const QByteArray& key);
QByteArray signHs256(const QJsonObject& payload, const QByteArray& key); // {"alg":"HS256","typ":"JWT"}

QJsonObject header(const QByteArray& token);
QJsonObject payload(const QByteArray& token);
QByteArray signaturePart(const QByteArray& token); // the third segment, still base64url
bool verifyHs256(const QByteArray& token, const QByteArray& key);

// The same token with its JSON payload replaced but the original signature kept.
QByteArray withPayload(const QByteArray& token, const QJsonObject& payload);
// The same token with one bit of the decoded signature flipped (re-encoded canonically,
// so it is not just a change in base64 padding bits).
QByteArray withFlippedSignatureBit(const QByteArray& token);

} // namespace JwtForge
