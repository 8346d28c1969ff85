#include "apitokenhelpers.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace ApiTokenCheck {

namespace {
const QByteArray Alphabet = QByteArrayLiteral("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
const QByteArray Prefix = QByteArrayLiteral("gatehouse_");
} // namespace

quint32 crc32(const QByteArray& data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char byte : data) {
        crc ^= quint8(byte);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 1u) ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
    }
    return ~crc;
}

QByteArray base62(quint32 value, int width)
{
    QByteArray digits(width, '0');
    for (int i = width - 1; i >= 0 && value > 0; --i) {
        digits[i] = Alphabet.at(int(value % 62));
        value /= 62;
    }
    return digits;
}

QByteArray checksum(const QByteArray& random)
{
    return base62(crc32(random), ChecksumLength);
}

QString formatProblem(const QByteArray& token)
{
    static const QRegularExpression shape(QStringLiteral("^gatehouse_[0-9A-Za-z]{40}$"));
    if (!shape.match(QString::fromLatin1(token)).hasMatch())
        return QStringLiteral("does not match ^gatehouse_[0-9A-Za-z]{40}$ (length %1)").arg(token.size());
    const QByteArray random = token.mid(Prefix.size(), RandomLength);
    const QByteArray expected = checksum(random);
    if (token.right(ChecksumLength) != expected)
        return QStringLiteral("checksum %1, expected %2 (CRC-32 %3 of the random part)")
            .arg(QString::fromLatin1(token.right(ChecksumLength)), QString::fromLatin1(expected))
            .arg(crc32(random));
    return {};
}

QByteArray wellFormedFrom(const QByteArray& random)
{
    return Prefix + random + checksum(random);
}

QByteArray randomWellFormed()
{
    QByteArray random;
    for (int i = 0; i < RandomLength; ++i)
        random.append(Alphabet.at(int(QRandomGenerator::global()->bounded(62))));
    return wellFormedFrom(random);
}

QByteArray withCharChanged(const QByteArray& token, int index)
{
    QByteArray changed = token;
    const int position = Alphabet.indexOf(token.at(index));
    changed[index] = Alphabet.at((position + 1) % Alphabet.size());
    return changed;
}

} // namespace ApiTokenCheck

namespace TokenApi {

QJsonObject body(const QString& name, const QStringList& permissions, const QJsonValue& expiresAt)
{
    QJsonObject object{{QStringLiteral("name"), name},
                       {QStringLiteral("permissions"), QJsonArray::fromStringList(permissions)}};
    if (!expiresAt.isUndefined())
        object.insert(QStringLiteral("expires_at"), expiresAt);
    return object;
}

HttpResponse createRaw(RestClient& rest, const RequestHeaders& auth, const QJsonObject& body)
{
    return rest.post(QStringLiteral("/api/tokens"), body, auth);
}

Created create(RestClient& rest, const RequestHeaders& auth, const QString& name, const QStringList& permissions,
               const QJsonValue& expiresAt)
{
    Created created;
    created.response = createRaw(rest, auth, body(name, permissions, expiresAt));
    if (created.response.status != 201)
        return created;
    const QJsonObject object = created.response.object();
    created.secret = object.value(QStringLiteral("secret")).toString().toUtf8();
    created.token = object.value(QStringLiteral("token")).toObject();
    created.id = RestClient::idText(created.token.value(QStringLiteral("id")));
    return created;
}

HttpResponse list(RestClient& rest, const RequestHeaders& auth)
{
    return rest.get(QStringLiteral("/api/tokens"), auth);
}

HttpResponse revoke(RestClient& rest, const QString& id, const RequestHeaders& auth)
{
    return rest.del(QStringLiteral("/api/tokens/") + id, auth);
}

QJsonObject listed(const HttpResponse& list, const QString& id)
{
    const auto matches =
        RestClient::where(list.object().value(QStringLiteral("tokens")).toArray(), QStringLiteral("id"), id);
    return matches.isEmpty() ? QJsonObject() : matches.first();
}

QStringList strings(const QJsonValue& array)
{
    QStringList list;
    for (const QJsonValue& item : array.toArray())
        list << item.toString();
    return list;
}

} // namespace TokenApi
