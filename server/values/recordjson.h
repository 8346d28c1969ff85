#pragma once

#include "values/accountrecord.h"
#include "values/apitokenrecord.h"
#include "values/auditeventrecord.h"
#include "values/ratelimiteventrecord.h"
#include "values/sessionrecord.h"

#include <QJsonObject>
#include <QString>

// Records as JSON (API.md, "rest dialect" and "Administration"): one rendering shared by the
// rest routes, the WebSocket log stream and the command line's --json, so an object looks
// the same everywhere. Knows neither HTTP nor SQL. Times are "YYYY-MM-DDTHH:MM:SSZ"; a time
// that never happened is null.
namespace RecordJson {

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

} // namespace RecordJson
