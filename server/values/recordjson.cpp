#include "values/recordjson.h"

#include "values/isotime.h"

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

namespace RecordJson {

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

} // namespace RecordJson
