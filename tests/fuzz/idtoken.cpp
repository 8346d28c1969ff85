// The OpenID Connect ID-token validator and the JWKS parser (server/oidc/). The first byte
// picks what the rest is:
// - a token as arbitrary bytes: it must never validate — nobody here holds a private key of
//   the key set, so an accepted token would be a forgery;
// - a JWKS document as arbitrary bytes: parsing and looking up keys must not crash, and every
//   key it keeps fits the type it claims;
// - a header and a payload (arbitrary JSON text) signed here with the set's Ed25519 key (the
//   harness makes it at start) under a chosen `alg`: the token may validate only with alg
//   "EdDSA", and then its claims meet every expectation the validator promises.
#include "crypto/base64url.h"
#include "oidc/idtokenvalidator.h"
#include "oidc/jwk.h"

#include "tests/fuzz/fuzzinput.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/evp.h>

#include <cstdlib>
#include <memory>

namespace {

constexpr qint64 Now = 1'760'000'000;
const QString Issuer = QStringLiteral("https://op.example.org");
const QString ClientId = QStringLiteral("gatehouse");
const QString Nonce = QStringLiteral("n-0S6_WzA2Mj");

void require(bool property)
{
    if (!property)
        std::abort();
}

struct Signer
{
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key{EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"),
                                                            &EVP_PKEY_free};
    JwkSet keys = makeKeys();

    JwkSet makeKeys() const
    {
        unsigned char raw[32];
        size_t length = sizeof raw;
        require(key && EVP_PKEY_get_raw_public_key(key.get(), raw, &length) == 1);
        const QJsonObject jwk{{QStringLiteral("kty"), QStringLiteral("OKP")},
                              {QStringLiteral("crv"), QStringLiteral("Ed25519")},
                              {QStringLiteral("kid"), QStringLiteral("fuzz-key")},
                              {QStringLiteral("x"),
                               QString::fromLatin1(Base64Url::encode(
                                   QByteArrayView(reinterpret_cast<const char*>(raw), qsizetype(length))))}};
        QString error;
        const auto set =
            JwkSet::fromJson(QJsonDocument(QJsonObject{{QStringLiteral("keys"), QJsonArray{jwk}}}).toJson(), &error);
        require(set.has_value());
        return *set;
    }

    QByteArray sign(QByteArrayView input) const
    {
        std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
        unsigned char signature[64];
        size_t length = sizeof signature;
        require(EVP_DigestSignInit(context.get(), nullptr, nullptr, nullptr, key.get()) == 1
                && EVP_DigestSign(context.get(), signature, &length,
                                  reinterpret_cast<const unsigned char*>(input.data()), size_t(input.size()))
                    == 1);
        return QByteArray(reinterpret_cast<const char*>(signature), qsizetype(length));
    }
};

const Signer& signer()
{
    static const Signer instance;
    return instance;
}

IdTokenExpectations expectations()
{
    IdTokenExpectations expected;
    expected.issuer = Issuer;
    expected.clientId = ClientId;
    expected.nonce = Nonce;
    expected.nowSecs = Now;
    expected.algorithms = {QStringLiteral("RS256"), QStringLiteral("ES256"), QStringLiteral("EdDSA")};
    return expected;
}

void arbitraryToken(const QByteArray& token)
{
    require(!validateIdToken(token, signer().keys, expectations()).ok());
}

void arbitraryKeySet(const QByteArray& json, const QString& kid, const QString& alg)
{
    QString error;
    const auto keys = JwkSet::fromJson(json, &error);
    if (!keys)
        return;
    require(keys->size() > 0);
    for (const PublicJwk& key : keys->candidates(kid, alg))
        require(kid.isEmpty() ? key.fits(alg) : key.kid() == kid);
}

void signedHere(FuzzInput& input)
{
    static const QByteArray Algorithms[] = {"EdDSA", "RS256", "ES256", "HS256", "none", "eddsa"};
    const QByteArray alg = Algorithms[input.byte() % std::size(Algorithms)];
    QJsonObject header = QJsonDocument::fromJson(input.chunk()).object();
    header.insert(QStringLiteral("alg"), QString::fromLatin1(alg));
    if (input.byte() % 2)
        header.insert(QStringLiteral("kid"), QStringLiteral("fuzz-key"));
    const QByteArray payload = input.rest();
    const QByteArray signingInput =
        Base64Url::encode(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' + Base64Url::encode(payload);
    const QByteArray token = signingInput + '.' + Base64Url::encode(signer().sign(signingInput));

    const IdTokenVerdict verdict = validateIdToken(token, signer().keys, expectations());
    if (!verdict.ok())
        return;
    require(alg == "EdDSA" && !header.contains(QStringLiteral("crit")));
    const QJsonObject claims = QJsonDocument::fromJson(payload).object();
    require(claims.value(QStringLiteral("iss")).toString() == Issuer && verdict.claims.issuer == Issuer);
    require(claims.value(QStringLiteral("nonce")).toString() == Nonce);
    require(!verdict.claims.subject.isEmpty());
    const QJsonValue audience = claims.value(QStringLiteral("aud"));
    require(audience.toString() == ClientId || audience.toArray().contains(ClientId));
    require(verdict.claims.expiresAt >= Now - 60 && verdict.claims.issuedAt <= Now + 60);
    require(!verdict.claims.emailVerified || claims.value(QStringLiteral("email_verified")) == QJsonValue(true));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    FuzzInput input(data, size);
    switch (input.byte() % 3) {
    case 0:
        arbitraryToken(input.rest());
        break;
    case 1: {
        const QString kid = QString::fromUtf8(input.chunk());
        const QString alg = QString::fromUtf8(input.chunk());
        arbitraryKeySet(input.rest(), kid, alg);
        break;
    }
    default:
        signedHere(input);
        break;
    }
    return 0;
}
