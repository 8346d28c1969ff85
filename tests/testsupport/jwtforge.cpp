#include "jwtforge.h"

#include <QJsonDocument>
#include <QList>

#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace JwtForge {

QByteArray base64Url(const QByteArray& data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray fromBase64Url(const QByteArray& text)
{
    return QByteArray::fromBase64(text, QByteArray::Base64UrlEncoding);
}

QByteArray hmac(const char* digest, const QByteArray& key, const QByteArray& data)
{
    const EVP_MD* md = EVP_get_digestbyname(digest);
    if (!md)
        return {};
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    const auto* bytes = reinterpret_cast<const unsigned char*>(data.constData());
    if (!HMAC(md, key.constData(), int(key.size()), bytes, size_t(data.size()), out, &length))
        return {};
    return QByteArray(reinterpret_cast<const char*>(out), int(length));
}

QByteArray sign(const QJsonObject& header, const QJsonObject& payload, const QByteArray& key)
{
    const QByteArray signingInput = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + base64Url(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    const QString alg = header.value(QStringLiteral("alg")).toString();
    QByteArray signature;
    if (alg == u"HS256")
        signature = hmac("SHA256", key, signingInput);
    else if (alg == u"HS384")
        signature = hmac("SHA384", key, signingInput);
    else if (alg == u"HS512")
        signature = hmac("SHA512", key, signingInput);
    return signingInput + '.' + base64Url(signature);
}

QByteArray signHs256(const QJsonObject& payload, const QByteArray& key)
{
    const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("HS256")},
                             {QStringLiteral("typ"), QStringLiteral("JWT")}};
    return sign(header, payload, key);
}

static QJsonObject segmentObject(const QByteArray& token, int index)
{
    return QJsonDocument::fromJson(fromBase64Url(token.split('.').value(index))).object();
}

QJsonObject header(const QByteArray& token)
{
    return segmentObject(token, 0);
}

QJsonObject payload(const QByteArray& token)
{
    return segmentObject(token, 1);
}

QByteArray signaturePart(const QByteArray& token)
{
    return token.split('.').value(2);
}

bool verifyHs256(const QByteArray& token, const QByteArray& key)
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return false;
    const QByteArray expected = base64Url(hmac("SHA256", key, parts[0] + '.' + parts[1]));
    return !expected.isEmpty() && expected == parts[2];
}

QByteArray withPayload(const QByteArray& token, const QJsonObject& payload)
{
    const QList<QByteArray> parts = token.split('.');
    return parts.value(0) + '.' + base64Url(QJsonDocument(payload).toJson(QJsonDocument::Compact)) + '.'
        + parts.value(2);
}

QByteArray withFlippedSignatureBit(const QByteArray& token)
{
    const QList<QByteArray> parts = token.split('.');
    QByteArray signature = fromBase64Url(parts.value(2));
    if (signature.isEmpty())
        return token;
    signature[signature.size() / 2] = char(signature[signature.size() / 2] ^ 0x01);
    return parts.value(0) + '.' + parts.value(1) + '.' + base64Url(signature);
}

} // namespace JwtForge
