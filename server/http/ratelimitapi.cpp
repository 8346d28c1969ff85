#include "http/ratelimitapi.h"

#include "core/accountstore.h"
#include "core/adminactions.h"
#include "core/permissions.h"
#include "core/ratelimiter.h"
#include "http/apicontext.h"
#include "http/endpoints.h"
#include "http/errorenvelope.h"
#include "http/restjson.h"
#include "values/isotime.h"
#include "values/recordjson.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>

namespace {

using Code = AuthError::Code;

constexpr int DefaultEventLimit = 100;
constexpr int MaxEventLimit = 1000;

// `since` as an ISO 8601 time ("2026-01-28T10:30:00Z"); absent = the whole log.
std::optional<qint64> sinceMs(const HttpRequest& request, Responder& responder)
{
    const QString text = request.queryItem(QStringLiteral("since"));
    if (text.isEmpty())
        return 0;
    if (const auto time = parseIsoTime(text))
        return time;
    RestJson::sendError(responder, Code::BadRequest,
                        QStringLiteral("since must be an ISO 8601 time such as 2026-01-28T10:30:00Z"));
    return std::nullopt;
}

// An optional `ip` filter; it must be an address, so a typo is not an empty answer.
std::optional<QString> ipFilter(const HttpRequest& request, Responder& responder)
{
    const QString text = request.queryItem(QStringLiteral("ip"));
    if (text.isEmpty() || !QHostAddress(text).isNull())
        return text;
    RestJson::sendError(responder, Code::BadRequest, QStringLiteral("ip must be an IPv4 or IPv6 address"));
    return std::nullopt;
}

void events(RateLimiter& limiter, const Call& call, Responder& responder)
{
    const auto ip = ipFilter(call.request, responder);
    const auto since = ip ? sinceMs(call.request, responder) : std::nullopt;
    const auto limit = since
        ? RestJson::queryInteger(call.request, responder, QStringLiteral("limit"), 1, MaxEventLimit, DefaultEventLimit)
        : std::nullopt;
    if (!limit)
        return;
    QJsonArray list;
    for (const RateLimitEventRecord& event : limiter.recentEvents(*since, int(*limit), *ip))
        list.append(RecordJson::rateLimitEvent(event));
    RestJson::sendSuccess(responder, 200, {{QStringLiteral("events"), list}});
}

void blocks(const RateLimiter& limiter, Responder& responder)
{
    QJsonArray list;
    for (const QString& ip : limiter.lockedIps()) {
        if (const auto seconds = limiter.lockedFor(ip))
            list.append(QJsonObject{{QStringLiteral("ip"), ip}, {QStringLiteral("retry_after_seconds"), *seconds}});
    }
    RestJson::sendSuccess(responder, 200, {{QStringLiteral("blocks"), list}});
}

void unblock(const ApiContext& api, const Call& call, Responder& responder)
{
    const QString ip = call.request.pathParams.value(0);
    // A lockout guards every account's password, the built-in admin's included: lifting it
    // is acting on all of them, so it takes an actor holding everything the admin holds,
    // not ratelimit:write alone.
    if (!api.permissions.dominates(call.principal, api.accountStore.admin().role)) {
        RestJson::sendError(responder, Code::Forbidden,
                            QStringLiteral("Lifting a lockout takes every permission the admin holds"));
        return;
    }
    if (const auto error = AdminActions::unblock(api.limiter, api.audit, ip, call.principal.username, call.client.ip))
        sendError(responder, Dialect::Rest, *error);
    else
        RestJson::sendSuccess(responder, 200);
}

} // namespace

void RateLimitApi::registerRoutes(const ApiContext& api)
{
    Endpoints& endpoints = api.endpoints;
    endpoints.addGuarded(HttpMethod::Get, QStringLiteral("/api/ratelimit/events"), QStringLiteral("ratelimit:read"),
                         QStringLiteral("The rate-limit log, newest first (?ip=&since=&limit=)"),
                         [&limiter = api.limiter](const Call& call, Responder& r) { events(limiter, call, r); });
    endpoints.addGuarded(HttpMethod::Get, QStringLiteral("/api/ratelimit/blocks"), QStringLiteral("ratelimit:read"),
                         QStringLiteral("Client addresses locked out after failed logins"),
                         [&limiter = api.limiter](const Call&, Responder& r) { blocks(limiter, r); });
    endpoints.addGuarded(HttpMethod::Delete, QStringLiteral("/api/ratelimit/blocks/{ip}"),
                         QStringLiteral("ratelimit:write"), QStringLiteral("Lift an address's lockout"),
                         [api](const Call& call, Responder& r) { unblock(api, call, r); });
}
