#pragma once

#include "core/autherror.h"
#include "http/responder.h"
#include "storage/accountrepository.h"
#include "storage/apitokenrepository.h"
#include "storage/auditrepository.h"
#include "storage/ratelimiteventrepository.h"
#include "storage/sessionrepository.h"

#include <QJsonObject>
#include <QString>

#include <optional>

struct HttpRequest;

// The rest dialect's JSON renderings (API.md, "rest dialect" and "Administration"), shared
// by its route files and the WebSocket log stream, so an object looks the same everywhere.
// Times are "YYYY-MM-DDTHH:MM:SSZ"; a time that never happened is null.
namespace RestJson {

// {"id", "username", "firstname", "lastname", "role", "disabled", "created_at", "updated_at"}:
// never the password hash.
QJsonObject user(const AccountRecord& account);
// {"id", "user", "dialect", "client_ip", "user_agent", "created_at", "last_seen_at", "expires_at", "current"}
QJsonObject session(const SessionRecord& session, const QString& username, bool current);
// {"id", "name", "permissions", "created_at", "expires_at", "last_used_at", "last_used_ip", "hint",
// "created_by"}: never the secret (which is not stored) nor its hash.
QJsonObject apiToken(const ApiTokenRecord& token, const QString& createdBy);
// {"id", "at", "client_ip", "kind", "dialect", "username", "detail"}
QJsonObject rateLimitEvent(const RateLimitEventRecord& event);
// {"id", "at", "kind", "actor", "client_ip", "detail"}: `detail` parsed back to an object.
QJsonObject auditEvent(const AuditEventRecord& event);

// {"status": "success"} plus `fields`.
QJsonObject success(QJsonObject fields = {});
void sendSuccess(Responder& responder, int status, QJsonObject fields = {});
void sendError(Responder& responder, AuthError::Code code, const QString& message);

// The JSON object body, or nullopt after answering 400.
std::optional<QJsonObject> requireObject(const HttpRequest& request, Responder& responder, const QString& shape);
// Query parameter `name` as an integer in [min, max]; absent gives `fallback`; anything
// else is answered 400 and gives nullopt.
std::optional<qint64> queryInteger(const HttpRequest& request, Responder& responder, const QString& name,
                                   qint64 min, qint64 max, qint64 fallback);

} // namespace RestJson
