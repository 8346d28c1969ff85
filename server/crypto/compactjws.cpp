#include "crypto/compactjws.h"

#include "crypto/base64url.h"

#include <QJsonDocument>

std::optional<CompactJws::Parts> CompactJws::split(QByteArrayView token, qsizetype maxBytes)
{
    if (token.isEmpty() || token.size() > maxBytes)
        return std::nullopt;
    const qsizetype first = token.indexOf('.');
    const qsizetype second = first < 0 ? -1 : token.indexOf('.', first + 1);
    if (second < 0 || token.indexOf('.', second + 1) >= 0)
        return std::nullopt;
    const Parts parts{token.first(first), token.sliced(first + 1, second - first - 1), token.sliced(second + 1),
                      token.first(second)};
    if (parts.header.isEmpty() || parts.payload.isEmpty())
        return std::nullopt;
    return parts;
}

std::optional<QJsonObject> CompactJws::decodeObject(QByteArrayView base64Url)
{
    QByteArray json;
    if (!Base64Url::decode(base64Url, &json))
        return std::nullopt;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}
