// The JWT verifier (server/crypto/jose.*). The first byte picks what the rest is:
// - a token as arbitrary bytes: it verifies only if it is a correctly signed HS256 token,
//   checked by an oracle that shares no code with jose.cpp (OpenSSL's one-shot HMAC);
// - a header and a payload (arbitrary JSON text) signed here with HS256, HS512, no signature
//   or another key: only HS256 with our key may verify, and only with the header and claims
//   the verifier promises (alg exactly "HS256", no "crit", exp in the future, our issuer);
// - claims: sign() then verify() gives exactly the expected outcome and the same claims back,
//   and any single changed byte of the token is refused.
#include "crypto/jose.h"

#include "tests/fuzz/fuzzinput.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdlib>
#include <limits>

namespace {

const QByteArray Key = QByteArrayLiteral("fuzz key: thirty-two bytes long!");
const QByteArray OtherKey = QByteArrayLiteral("fuzz key: thirty-two bytes long?");
const QString Issuer = QStringLiteral("gatehouse");
constexpr qint64 Now = 1'760'000'000;

const JwtHs256& verifier()
{
    static const JwtHs256 jwt(Key, Issuer);
    return jwt;
}

const JwtHs256& otherVerifier()
{
    static const JwtHs256 jwt(OtherKey, Issuer);
    return jwt;
}

void require(bool property)
{
    if (!property)
        std::abort();
}

QByteArray base64Url(QByteArrayView data)
{
    return data.toByteArray().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray mac(const EVP_MD* digest, QByteArrayView key, QByteArrayView data)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(digest, key.data(), int(key.size()), reinterpret_cast<const unsigned char*>(data.data()), size_t(data.size()),
         out, &length);
    return QByteArray(reinterpret_cast<const char*>(out), int(length));
}

// The oracle: three parts, a header whose alg is the string "HS256", and as third part the
// one canonical base64url spelling of HMAC-SHA256(Key, header "." payload).
bool correctlySigned(QByteArrayView token)
{
    const QList<QByteArray> parts = token.toByteArray().split('.');
    if (parts.size() != 3)
        return false;
    const auto header = QByteArray::fromBase64Encoding(
        parts[0], QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!header)
        return false;
    const QJsonValue alg = QJsonDocument::fromJson(*header).object().value(QLatin1String("alg"));
    const QByteArray signingInput = parts[0] + '.' + parts[1];
    return alg.isString() && alg.toString() == QLatin1String("HS256")
        && parts[2] == base64Url(mac(EVP_sha256(), Key, signingInput));
}

void arbitraryToken(const QByteArray& token)
{
    const JwtVerification any = verifier().verify(token, Now, {});
    const bool signatureOnly = JwtHs256::verifySignatureOnly(token, Key);
    require(!signatureOnly || correctlySigned(token));
    if (!any.ok())
        return;
    require(signatureOnly && any.claims.expiresAt > Now && any.claims.issuer == Issuer);
    // The expected type is the last check: it decides alone.
    require(verifier().verify(token, Now, u"access").ok() == (any.claims.type == u"access"));
}

void signedHere(FuzzInput& input)
{
    const quint8 how = input.byte() % 4;
    const QByteArray header = input.chunk();
    const QByteArray payload = input.rest();
    const QByteArray signingInput = base64Url(header) + '.' + base64Url(payload);
    QByteArray signature;
    switch (how) {
    case 0:
        signature = mac(EVP_sha256(), Key, signingInput);
        break;
    case 1:
        signature = mac(EVP_sha512(), Key, signingInput);
        break; // HS512 with the HS256 key
    case 2:
        break; // alg "none": no signature
    default:
        signature = mac(EVP_sha256(), OtherKey, signingInput);
        break;
    }
    const QByteArray token = signingInput + '.' + base64Url(signature);
    const JwtVerification result = verifier().verify(token, Now, {});
    require(how == 0 || (!result.ok() && !JwtHs256::verifySignatureOnly(token, Key)));
    if (!result.ok())
        return;
    const QJsonObject headerObject = QJsonDocument::fromJson(header).object();
    const QJsonObject claims = QJsonDocument::fromJson(payload).object();
    require(headerObject.value(QLatin1String("alg")) == QLatin1String("HS256"));
    require(!headerObject.contains(QLatin1String("crit")));
    const QJsonValue typ = headerObject.value(QLatin1String("typ"));
    require(typ.isUndefined() || typ == QLatin1String("JWT"));
    require(claims.value(QLatin1String("exp")).isDouble() && result.claims.expiresAt > Now);
    require(claims.value(QLatin1String("iss")) == Issuer);
}

QString text(FuzzInput& input)
{
    return QString::fromUtf8(input.chunk());
}

// What verify() must answer for claims signed by sign(), in the order it checks them.
JwtError expectedOutcome(const JwtClaims& claims, QStringView expectedType)
{
    constexpr qint64 Absent = std::numeric_limits<qint64>::min(); // also jose.cpp's "no integer"
    if (claims.issuedAt == Absent || claims.expiresAt == Absent || claims.notBefore == Absent)
        return JwtError::Malformed;
    if (Now >= claims.expiresAt)
        return JwtError::Expired;
    if (claims.notBefore != 0 && Now < claims.notBefore)
        return JwtError::NotYetValid;
    if (!claims.issuer.isEmpty() && claims.issuer != Issuer)
        return JwtError::WrongIssuer;
    if (!expectedType.isEmpty() && claims.type != expectedType)
        return JwtError::WrongType;
    return JwtError::None;
}

bool sameClaims(const JwtClaims& a, const JwtClaims& b)
{
    return a.issuer == b.issuer && a.subject == b.subject && a.sessionId == b.sessionId && a.tokenId == b.tokenId
        && a.type == b.type && a.issuedAt == b.issuedAt && a.expiresAt == b.expiresAt && a.notBefore == b.notBefore;
}

// A time near Now (both sides of every check) or, one time in four, any 64-bit value.
qint64 time(FuzzInput& input)
{
    const quint8 kind = input.byte();
    if (kind % 4 == 0)
        return qint64(input.integer(8));
    return Now - 1000 + qint64(input.integer(2));
}

void roundTrip(FuzzInput& input)
{
    JwtClaims claims;
    claims.issuer = input.byte() % 2 ? text(input) : QString();
    claims.subject = text(input);
    claims.sessionId = text(input);
    claims.tokenId = text(input);
    claims.type = input.byte() % 2 ? QStringLiteral("access") : text(input);
    claims.issuedAt = time(input);
    claims.expiresAt = time(input);
    claims.notBefore = input.byte() % 2 ? time(input) : 0;
    const quint16 position = quint16(input.integer(2));
    const quint8 flip = quint8(input.byte() | 1u);

    const QByteArray token = verifier().sign(claims);
    for (const QStringView expectedType : {QStringView(), QStringView(u"access")}) {
        const JwtVerification result = verifier().verify(token, Now, expectedType);
        require(result.error == expectedOutcome(claims, expectedType));
        JwtClaims expected = claims;
        if (expected.issuer.isEmpty())
            expected.issuer = Issuer;
        require(!result.ok() || sameClaims(result.claims, expected));
    }
    require(JwtHs256::verifySignatureOnly(token, Key) && !otherVerifier().verify(token, Now, {}).ok());

    QByteArray changed = token;
    changed[position % changed.size()] = char(changed[position % changed.size()] ^ flip);
    require(!verifier().verify(changed, Now, {}).ok() && !JwtHs256::verifySignatureOnly(changed, Key));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    FuzzInput input(data, size);
    switch (input.byte() % 3) {
    case 0:
        arbitraryToken(input.rest());
        break;
    case 1:
        signedHere(input);
        break;
    default:
        roundTrip(input);
        break;
    }
    return 0;
}
