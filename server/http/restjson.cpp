#include "http/restjson.h"

#include "core/decimal.h"
#include "http/errorenvelope.h"
#include "http/httprequest.h"
#include "http/jsonbody.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

namespace {

QJsonValue timeOrNull(qint64 ms)
{
    return ms > 0 ? QJsonValue(isoUtc(ms)) : QJsonValue();
}

QJsonValue textOrNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

} // namespace

namespace RestJson {

QJsonObject user(const AccountRecord& account)
{
    return {{QStringLiteral("id"), account.id},
            {QStringLiteral("username"), account.username},
            {QStringLiteral("firstname"), account.firstname},
            {QStringLiteral("lastname"), account.lastname},
            {QStringLiteral("role"), account.role},
            {QStringLiteral("disabled"), account.disabled},
            {QStringLiteral("created_at"), timeOrNull(account.createdAtMs)},
            {QStringLiteral("updated_at"), timeOrNull(account.updatedAtMs)}};
}

QJsonObject apiToken(const ApiTokenRecord& token, const QString& createdBy)
{
    return {{QStringLiteral("id"), token.id},
            {QStringLiteral("name"), token.name},
            {QStringLiteral("permissions"), QJsonArray::fromStringList(token.permissions)},
            {QStringLiteral("created_at"), timeOrNull(token.createdAtMs)},
            {QStringLiteral("expires_at"), timeOrNull(token.expiresAtMs)},
            {QStringLiteral("last_used_at"), timeOrNull(token.lastUsedAtMs)},
            {QStringLiteral("last_used_ip"), textOrNull(token.lastUsedIp)},
            {QStringLiteral("hint"), token.hint},
            {QStringLiteral("created_by"), textOrNull(createdBy)}};
}

QJsonObject session(const SessionRecord& session, const QString& username, bool current)
{
    return {{QStringLiteral("id"), session.id},
            {QStringLiteral("user"), username},
            {QStringLiteral("dialect"), session.dialect},
            {QStringLiteral("client_ip"), textOrNull(session.clientIp)},
            {QStringLiteral("user_agent"), textOrNull(session.userAgent)},
            {QStringLiteral("created_at"), timeOrNull(session.createdAtMs)},
            {QStringLiteral("last_seen_at"), timeOrNull(session.lastSeenAtMs)},
            {QStringLiteral("expires_at"), timeOrNull(session.expiresAtMs)},
            {QStringLiteral("current"), current}};
}

QJsonObject rateLimitEvent(const RateLimitEventRecord& event)
{
    return {{QStringLiteral("id"), event.id},
            {QStringLiteral("at"), timeOrNull(event.atMs)},
            {QStringLiteral("client_ip"), event.clientIp},
            {QStringLiteral("kind"), event.kind},
            {QStringLiteral("dialect"), textOrNull(event.dialect)},
            {QStringLiteral("username"), textOrNull(event.username)},
            {QStringLiteral("detail"), event.detail}};
}

QJsonObject auditEvent(const AuditEventRecord& event)
{
    // Stored as compact JSON text; anything unreadable shows as an empty object rather
    // than failing the whole listing.
    const QJsonDocument detail = QJsonDocument::fromJson(event.detail.toUtf8());
    return {{QStringLiteral("id"), event.id},
            {QStringLiteral("at"), timeOrNull(event.atMs)},
            {QStringLiteral("kind"), event.kind},
            {QStringLiteral("actor"), event.actor},
            {QStringLiteral("client_ip"), textOrNull(event.clientIp)},
            {QStringLiteral("detail"), detail.isObject() ? detail.object() : QJsonObject()}};
}

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

std::optional<qint64> queryInteger(const HttpRequest& request, Responder& responder, const QString& name,
                                   qint64 min, qint64 max, qint64 fallback)
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
