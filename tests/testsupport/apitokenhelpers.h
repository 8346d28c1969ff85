#pragma once

#include "restclient.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// The API token format as docs/API.md writes it, computed independently of the server:
// "gatehouse_" + 34 random base62 characters + the CRC-32 (IEEE, as zlib) of those 34 in
// base62, 6 digits, most significant first, zero-padded, alphabet 0-9 A-Z a-z.
namespace ApiTokenCheck {

inline constexpr int RandomLength = 34;
inline constexpr int ChecksumLength = 6;

quint32 crc32(const QByteArray& data); // bit by bit, no table shared with anyone
QByteArray base62(quint32 value, int width);
QByteArray checksum(const QByteArray& random);
// "" when `token` has the documented shape and checksum, else what is wrong with it.
QString formatProblem(const QByteArray& token);
// A token of the right shape and checksum that no server issued.
QByteArray randomWellFormed();
QByteArray wellFormedFrom(const QByteArray& random);
// The same token with the character at `index` replaced by another base62 character.
QByteArray withCharChanged(const QByteArray& token, int index);

} // namespace ApiTokenCheck

// POST/GET/DELETE /api/tokens through a RestClient.
namespace TokenApi {

struct Created
{
    HttpResponse response;
    QByteArray secret; // "" unless 201
    QString id;        // as text
    QJsonObject token; // the "token" object
    bool ok() const { return response.status == 201 && !secret.isEmpty(); }
};

// expires_at is left out while `expiresAt` is undefined.
QJsonObject body(const QString& name, const QStringList& permissions,
                 const QJsonValue& expiresAt = QJsonValue(QJsonValue::Undefined));
Created create(RestClient& rest, const RequestHeaders& auth, const QString& name, const QStringList& permissions,
               const QJsonValue& expiresAt = QJsonValue(QJsonValue::Undefined));
HttpResponse createRaw(RestClient& rest, const RequestHeaders& auth, const QJsonObject& body);
HttpResponse list(RestClient& rest, const RequestHeaders& auth);
HttpResponse revoke(RestClient& rest, const QString& id, const RequestHeaders& auth);
// The listed token with this id ({} if absent).
QJsonObject listed(const HttpResponse& list, const QString& id);
QStringList strings(const QJsonValue& array);

} // namespace TokenApi
