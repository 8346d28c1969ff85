#include "http/restjson.h"

#include "http/errorenvelope.h"
#include "http/httprequest.h"
#include "http/jsonbody.h"
#include "values/decimal.h"

namespace RestJson {

QJsonObject success(QJsonObject fields)
{
    fields.insert(QStringLiteral("status"), QStringLiteral("success"));
    return fields;
}

void sendSuccess(Responder& responder, int status, QJsonObject fields)
{
    responder.sendJson(status, success(std::move(fields)));
}

void sendError(Responder& responder, AuthError::Code code, const QString& message)
{
    ::sendError(responder, Dialect::Rest, AuthError{code, message, 0});
}

std::optional<QJsonObject> requireObject(const HttpRequest& request, Responder& responder, const QString& shape)
{
    auto body = parseJsonObject(request.body);
    if (!body)
        sendError(responder, AuthError::Code::BadRequest, QStringLiteral("Body must be a JSON object: ") + shape);
    return body;
}

std::optional<qint64> queryInteger(const HttpRequest& request, Responder& responder, const QString& name, qint64 min,
                                   qint64 max, qint64 fallback)
{
    const QString text = request.queryItem(name);
    if (text.isEmpty())
        return fallback;
    const std::optional<qint64> value = Decimal::parse(text);
    if (value && *value >= min && *value <= max)
        return value;
    sendError(responder, AuthError::Code::BadRequest,
              QStringLiteral("%1 must be an integer from %2 to %3").arg(name).arg(min).arg(max));
    return std::nullopt;
}

} // namespace RestJson
