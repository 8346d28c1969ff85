#include "oidc/jwk.h"

#include "crypto/base64url.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include <array>

namespace {

// Below 2048 bits RSA is factorable by a determined attacker (NIST SP 800-131A): a
// signature under such a key proves nothing. Above 8192 bits no provider publishes keys,
// and each verification would get needlessly expensive.
constexpr int MinRsaBits = 2048;
constexpr int MaxRsaBits = 8192;
constexpr int MaxRsaExponentBits = 64;
// A JWKS holds a handful of keys; anything this large is not one, and parsing it is bounded.
constexpr qsizetype MaxJwksBytes = 256 * 1024;
constexpr qsizetype P256CoordinateBytes = 32;
constexpr qsizetype Ed25519KeyBytes = 32;
constexpr qsizetype JoseEcSignatureBytes = 64; // r || s, 32 bytes each (RFC 7518 §3.4)

using BignumPtr = std::unique_ptr<BIGNUM, decltype(&BN_free)>;
using ParamBuilderPtr = std::unique_ptr<OSSL_PARAM_BLD, decltype(&OSSL_PARAM_BLD_free)>;
using ParamsPtr = std::unique_ptr<OSSL_PARAM, decltype(&OSSL_PARAM_free)>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;
using EcdsaSigPtr = std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)>;

const unsigned char* bytes(QByteArrayView data)
{
    return reinterpret_cast<const unsigned char*>(data.data());
}

void setReason(QString* out, const QString& reason)
{
    if (out)
        *out = reason;
}

// A base64url member of the JWK decoded, or false when it is absent, not a string or not
// strict base64url.
bool readBytes(const QJsonObject& jwk, QLatin1String name, QByteArray* out)
{
    const QJsonValue value = jwk.value(name);
    return value.isString() && Base64Url::decode(value.toString().toLatin1(), out) && !out->isEmpty();
}

BignumPtr toBignum(QByteArrayView bigEndian)
{
    return BignumPtr(BN_bin2bn(bytes(bigEndian), int(bigEndian.size()), nullptr), &BN_free);
}

std::shared_ptr<evp_pkey_st> keyFromParameters(const char* keyType, OSSL_PARAM_BLD* builder)
{
    const ParamsPtr params(OSSL_PARAM_BLD_to_param(builder), &OSSL_PARAM_free);
    const PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, keyType, nullptr), &EVP_PKEY_CTX_free);
    EVP_PKEY* key = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1
        || EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
        ERR_clear_error();
        return {};
    }
    return std::shared_ptr<evp_pkey_st>(key, &EVP_PKEY_free);
}

std::shared_ptr<evp_pkey_st> rsaKey(const QJsonObject& jwk, QString* why)
{
    QByteArray modulus;
    QByteArray exponent;
    if (!readBytes(jwk, QLatin1String("n"), &modulus) || !readBytes(jwk, QLatin1String("e"), &exponent)) {
        setReason(why, QStringLiteral("RSA key without a base64url n and e"));
        return {};
    }
    const BignumPtr n = toBignum(modulus);
    const BignumPtr e = toBignum(exponent);
    if (!n || !e)
        return {};
    const int bits = BN_num_bits(n.get());
    if (bits < MinRsaBits || bits > MaxRsaBits || !BN_is_odd(n.get())) {
        setReason(
            why,
            QStringLiteral("RSA modulus of %1 bits (%2 to %3 required)").arg(bits).arg(MinRsaBits).arg(MaxRsaBits));
        return {};
    }
    // An even or tiny exponent is no RSA public key; a huge one only makes verifying slow.
    if (!BN_is_odd(e.get()) || BN_num_bits(e.get()) < 2 || BN_num_bits(e.get()) > MaxRsaExponentBits) {
        setReason(why, QStringLiteral("RSA public exponent out of range"));
        return {};
    }
    const ParamBuilderPtr builder(OSSL_PARAM_BLD_new(), &OSSL_PARAM_BLD_free);
    if (!builder || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, n.get()) != 1
        || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, e.get()) != 1)
        return {};
    return keyFromParameters("RSA", builder.get());
}

std::shared_ptr<evp_pkey_st> ecP256Key(const QJsonObject& jwk, QString* why)
{
    QByteArray x;
    QByteArray y;
    if (jwk.value(QLatin1String("crv")).toString() != QLatin1String("P-256")) {
        setReason(why, QStringLiteral("EC key on a curve other than P-256"));
        return {};
    }
    // RFC 7518 §6.2.1.2: coordinates are the full 32 bytes, never shortened.
    if (!readBytes(jwk, QLatin1String("x"), &x) || !readBytes(jwk, QLatin1String("y"), &y)
        || x.size() != P256CoordinateBytes || y.size() != P256CoordinateBytes) {
        setReason(why, QStringLiteral("EC key without 32-byte x and y"));
        return {};
    }
    const QByteArray point = '\x04' + x + y; // SEC 1 uncompressed point
    const ParamBuilderPtr builder(OSSL_PARAM_BLD_new(), &OSSL_PARAM_BLD_free);
    if (!builder || OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0) != 1
        || OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(),
                                            size_t(point.size()))
            != 1)
        return {};
    std::shared_ptr<evp_pkey_st> key = keyFromParameters("EC", builder.get());
    // A point off the curve (or the point at infinity) is what invalid-curve attacks feed
    // in; the public-key check makes sure the key is a real point of P-256's group.
    const PkeyCtxPtr check(key ? EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr) : nullptr, &EVP_PKEY_CTX_free);
    if (!check || EVP_PKEY_public_check(check.get()) != 1) {
        ERR_clear_error();
        setReason(why, QStringLiteral("EC key is not a point on P-256"));
        return {};
    }
    return key;
}

std::shared_ptr<evp_pkey_st> ed25519Key(const QJsonObject& jwk, QString* why)
{
    QByteArray x;
    if (jwk.value(QLatin1String("crv")).toString() != QLatin1String("Ed25519")) {
        setReason(why, QStringLiteral("OKP key on a curve other than Ed25519"));
        return {};
    }
    if (!readBytes(jwk, QLatin1String("x"), &x) || x.size() != Ed25519KeyBytes) {
        setReason(why, QStringLiteral("Ed25519 key without a 32-byte x"));
        return {};
    }
    const ParamBuilderPtr builder(OSSL_PARAM_BLD_new(), &OSSL_PARAM_BLD_free);
    if (!builder
        || OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, x.constData(), size_t(x.size()))
            != 1)
        return {};
    return keyFromParameters("ED25519", builder.get());
}

// The one JWS algorithm each key type is used with here.
QLatin1String algorithmOf(PublicJwk::Type type)
{
    switch (type) {
    case PublicJwk::Type::Rsa:
        return QLatin1String("RS256");
    case PublicJwk::Type::EcP256:
        return QLatin1String("ES256");
    case PublicJwk::Type::Ed25519:
        return QLatin1String("EdDSA");
    }
    return QLatin1String();
}

bool digestVerify(EVP_PKEY* key, const EVP_MD* digest, QByteArrayView input, QByteArrayView signature)
{
    const MdCtxPtr ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    const bool ok = ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, digest, nullptr, key) == 1
        && EVP_DigestVerify(ctx.get(), bytes(signature), size_t(signature.size()), bytes(input), size_t(input.size()))
            == 1;
    ERR_clear_error(); // a refused signature leaves entries in this thread's error queue
    return ok;
}

// JOSE carries ECDSA signatures as fixed-size r || s; OpenSSL verifies DER. Any other length
// is refused rather than guessed at, so a DER signature in a token does not pass either.
QByteArray joseToDer(QByteArrayView signature)
{
    if (signature.size() != JoseEcSignatureBytes)
        return {};
    const qsizetype half = JoseEcSignatureBytes / 2;
    BignumPtr r = toBignum(signature.first(half));
    BignumPtr s = toBignum(signature.sliced(half));
    const EcdsaSigPtr sig(ECDSA_SIG_new(), &ECDSA_SIG_free);
    if (!r || !s || !sig || ECDSA_SIG_set0(sig.get(), r.get(), s.get()) != 1)
        return {};
    r.release(); // owned by sig from here on
    s.release();
    const int length = i2d_ECDSA_SIG(sig.get(), nullptr);
    if (length <= 0)
        return {};
    QByteArray der(length, Qt::Uninitialized);
    unsigned char* out = reinterpret_cast<unsigned char*>(der.data());
    return i2d_ECDSA_SIG(sig.get(), &out) == length ? der : QByteArray();
}

} // namespace

PublicJwk::PublicJwk(std::shared_ptr<evp_pkey_st> key, Type type, QString kid, QString algorithm)
    : m_key(std::move(key)), m_type(type), m_kid(std::move(kid)), m_algorithm(std::move(algorithm))
{}

std::optional<PublicJwk> PublicJwk::fromJson(const QJsonObject& jwk, QString* why)
{
    const QJsonValue use = jwk.value(QLatin1String("use"));
    if (!use.isUndefined() && use.toString() != QLatin1String("sig")) {
        setReason(why, QStringLiteral("key not for signatures (use is not sig)"));
        return std::nullopt;
    }
    const QJsonValue kid = jwk.value(QLatin1String("kid"));
    const QJsonValue alg = jwk.value(QLatin1String("alg"));
    if ((!kid.isUndefined() && !kid.isString()) || (!alg.isUndefined() && !alg.isString())) {
        setReason(why, QStringLiteral("kid or alg not a string"));
        return std::nullopt;
    }
    // Only the public members are read; `d`, `p`, `q`, ... are never looked at. A symmetric
    // key (kty oct) is never a verification key here: accepting one is how HS256 tokens
    // "signed" with a published key get through other libraries.
    const QString kty = jwk.value(QLatin1String("kty")).toString();
    setReason(why, QStringLiteral("unusable %1 key").arg(kty)); // the readers below say more where they can
    std::shared_ptr<evp_pkey_st> key;
    Type type = Type::Rsa;
    if (kty == QLatin1String("RSA")) {
        key = rsaKey(jwk, why);
    } else if (kty == QLatin1String("EC")) {
        type = Type::EcP256;
        key = ecP256Key(jwk, why);
    } else if (kty == QLatin1String("OKP")) {
        type = Type::Ed25519;
        key = ed25519Key(jwk, why);
    } else {
        setReason(why, QStringLiteral("unsupported key type"));
        return std::nullopt;
    }
    if (!key)
        return std::nullopt;
    return PublicJwk(std::move(key), type, kid.toString(), alg.toString());
}

QString PublicJwk::kty() const
{
    switch (m_type) {
    case Type::Rsa:
        return QStringLiteral("RSA");
    case Type::EcP256:
        return QStringLiteral("EC");
    case Type::Ed25519:
        return QStringLiteral("OKP");
    }
    return {};
}

// The algorithm-confusion defence: the token header names the algorithm, but an attacker
// writes the header. So the key decides: an RSA key verifies only RS256, a P-256 key only
// ES256, an Ed25519 key only EdDSA, and a JWK that names its `alg` only that one. A token
// can therefore never make a public key serve as an HMAC secret (HS256 "signed" with the
// provider's public key) or be checked under a weaker or different scheme than the key's.
bool PublicJwk::fits(QStringView alg) const
{
    return alg == algorithmOf(m_type) && (m_algorithm.isEmpty() || m_algorithm == alg);
}

bool PublicJwk::verify(QByteArrayView alg, QByteArrayView signingInput, QByteArrayView signature) const
{
    if (!fits(QString::fromLatin1(alg)))
        return false;
    switch (m_type) {
    case Type::Rsa:
        // RSASSA-PKCS1-v1_5 signatures are exactly as long as the modulus.
        return signature.size() == EVP_PKEY_get_size(m_key.get())
            && digestVerify(m_key.get(), EVP_sha256(), signingInput, signature);
    case Type::EcP256: {
        const QByteArray der = joseToDer(signature);
        return !der.isEmpty() && digestVerify(m_key.get(), EVP_sha256(), signingInput, der);
    }
    case Type::Ed25519:
        // Ed25519 hashes internally: no digest is named (RFC 8037 §3.1).
        return signature.size() == JoseEcSignatureBytes && digestVerify(m_key.get(), nullptr, signingInput, signature);
    }
    return false;
}

std::optional<JwkSet> JwkSet::fromJson(QByteArrayView json, QString* error)
{
    if (json.size() > MaxJwksBytes) {
        setReason(error, QStringLiteral("JWKS larger than %1 bytes").arg(MaxJwksBytes));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    const QJsonValue keys = document.object().value(QLatin1String("keys"));
    if (parseError.error != QJsonParseError::NoError || !document.isObject() || !keys.isArray()) {
        setReason(error, QStringLiteral("JWKS is not a JSON object with a keys array"));
        return std::nullopt;
    }
    JwkSet set;
    QString firstReason = QStringLiteral("no keys");
    for (const QJsonValue& value : keys.toArray()) {
        QString why = QStringLiteral("key is not a JSON object");
        std::optional<PublicJwk> key = value.isObject() ? PublicJwk::fromJson(value.toObject(), &why) : std::nullopt;
        if (key) {
            set.m_keys.append(std::move(*key));
        } else {
            if (set.m_skipped++ == 0)
                firstReason = why;
        }
    }
    if (set.m_keys.isEmpty()) {
        setReason(error,
                  QStringLiteral("JWKS has no usable signing key (%1 skipped; first: %2)")
                      .arg(set.m_skipped)
                      .arg(firstReason));
        return std::nullopt;
    }
    return set;
}

QList<PublicJwk> JwkSet::candidates(QStringView kid, QStringView alg) const
{
    QList<PublicJwk> result;
    for (const PublicJwk& key : m_keys) {
        if (kid.isEmpty() ? key.fits(alg) : key.kid() == kid)
            result.append(key);
    }
    return result;
}
