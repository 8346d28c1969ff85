#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

struct evp_pkey_st; // OpenSSL's EVP_PKEY: OpenSSL stays out of the callers' headers

// One public signing key of an OpenID provider's JWKS (RFC 7517): RSA (2048 bits or more),
// EC P-256 or Ed25519. Private members of a JWK (d, p, q, ...) are never read, so a
// provider that publishes its private key by mistake does not make Gatehouse keep it.
class PublicJwk
{
public:
    enum class Type {
        Rsa,
        EcP256,
        Ed25519,
    };

    // nullopt with *why set when the key is not one Gatehouse verifies with: `use` other
    // than `sig`, another kty or curve, a short modulus, a point off the curve, ...
    static std::optional<PublicJwk> fromJson(const QJsonObject& jwk, QString* why);

    const QString& kid() const { return m_kid; }
    Type type() const { return m_type; }
    QString kty() const;
    const QString& algorithm() const { return m_algorithm; } // the JWK's `alg`; empty when it names none

    // Whether a token header's `alg` may be verified with this key at all (see verify()).
    bool fits(QStringView alg) const;
    // RS256, ES256 (64-byte JOSE r||s signature) or EdDSA; false for anything else.
    bool verify(QByteArrayView alg, QByteArrayView signingInput, QByteArrayView signature) const;

private:
    PublicJwk(std::shared_ptr<evp_pkey_st> key, Type type, QString kid, QString algorithm);

    std::shared_ptr<evp_pkey_st> m_key;
    Type m_type;
    QString m_kid;
    QString m_algorithm;
};

// The provider's key set (the document at its `jwks_uri`).
class JwkSet
{
public:
    // Keys Gatehouse cannot use are skipped and counted; a document without a single usable
    // key is refused (*error says why), so a broken JWKS shows at once, not as failed logins.
    static std::optional<JwkSet> fromJson(QByteArrayView json, QString* error);

    // The keys to try for a token: with a kid, the keys with that kid; without one, every key
    // that fits the token's alg.
    QList<PublicJwk> candidates(QStringView kid, QStringView alg) const;
    int size() const { return int(m_keys.size()); }
    int skipped() const { return m_skipped; }

private:
    QList<PublicJwk> m_keys;
    int m_skipped = 0;
};
