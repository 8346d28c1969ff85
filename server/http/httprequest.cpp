#include "http/httprequest.h"

namespace {

// Query strings follow application/x-www-form-urlencoded: '+' is a space, then %XX.
QString decodeQueryPart(QStringView part)
{
    QByteArray bytes = part.toUtf8();
    bytes.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(bytes));
}

} // namespace

QString HttpRequest::queryItem(const QString& name) const
{
    for (const QStringView pair : QStringView(query).split(QLatin1Char('&'))) {
        const qsizetype equals = pair.indexOf(QLatin1Char('='));
        const QStringView key = equals < 0 ? pair : pair.first(equals);
        if (decodeQueryPart(key) == name)
            return equals < 0 ? QString() : decodeQueryPart(pair.sliced(equals + 1));
    }
    return {};
}

QByteArray methodName(HttpMethod method)
{
    switch (method) {
    case HttpMethod::Get:
        return QByteArrayLiteral("GET");
    case HttpMethod::Head:
        return QByteArrayLiteral("HEAD");
    case HttpMethod::Post:
        return QByteArrayLiteral("POST");
    case HttpMethod::Put:
        return QByteArrayLiteral("PUT");
    case HttpMethod::Patch:
        return QByteArrayLiteral("PATCH");
    case HttpMethod::Delete:
        return QByteArrayLiteral("DELETE");
    case HttpMethod::Options:
        return QByteArrayLiteral("OPTIONS");
    case HttpMethod::Other:
        break;
    }
    return QByteArrayLiteral("OTHER");
}
