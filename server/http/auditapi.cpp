#include "http/auditapi.h"

#include "core/auditlog.h"
#include "http/apicontext.h"
#include "http/endpoints.h"
#include "http/restjson.h"
#include "values/recordjson.h"

#include <QJsonArray>

#include <limits>

namespace {

constexpr int DefaultLimit = 100;
constexpr int MaxLimit = 1000;

void recent(AuditLog& audit, const Call& call, Responder& responder)
{
    const auto limit =
        RestJson::queryInteger(call.request, responder, QStringLiteral("limit"), 1, MaxLimit, DefaultLimit);
    // `before` pages backwards: the id of the oldest event already shown.
    const auto before = limit ? RestJson::queryInteger(call.request, responder, QStringLiteral("before"), 1,
                                                       std::numeric_limits<qint64>::max(), 0)
                              : std::nullopt;
    if (!before)
        return;
    QJsonArray events;
    for (const AuditEventRecord& event : audit.recent(int(*limit), *before))
        events.append(RecordJson::auditEvent(event));
    RestJson::sendSuccess(responder, 200, {{QStringLiteral("events"), events}});
}

} // namespace

void AuditApi::registerRoutes(const ApiContext& api)
{
    api.endpoints.addGuarded(HttpMethod::Get, QStringLiteral("/api/audit"), QStringLiteral("logs:read"),
                             QStringLiteral("The audit log, newest first (?limit=&before=<id>)"),
                             [&audit = api.audit](const Call& call, Responder& r) { recent(audit, call, r); });
}
