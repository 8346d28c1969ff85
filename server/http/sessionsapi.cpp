#include "http/sessionsapi.h"

#include "core/accountservice.h"
#include "core/accountstore.h"
#include "core/adminactions.h"
#include "core/permissions.h"
#include "core/sessionstore.h"
#include "http/apicontext.h"
#include "http/endpoints.h"
#include "http/errorenvelope.h"
#include "http/restjson.h"
#include "values/recordjson.h"

#include <QJsonArray>

namespace {

using Code = AuthError::Code;

// "Own sessions" are those of the caller's account, but an API token has no session of its
// own: it sees and ends only what its permissions allow, not its creator's sessions.
bool mayActOnOwn(const Principal& caller)
{
    return caller.method != Principal::Method::ApiToken;
}

void list(const ApiContext& api, const Call& call, Responder& responder)
{
    const Principal& caller = call.principal;
    const bool everyone = api.permissions.allows(caller, QStringLiteral("sessions:read"));
    QJsonArray sessions;
    const std::vector<SessionRecord> visible = everyone || mayActOnOwn(caller)
        ? api.sessions.list(everyone ? 0 : caller.accountId)
        : std::vector<SessionRecord>{};
    for (const SessionRecord& session : visible) {
        const AccountRecord* account = api.accountStore.byId(session.accountId);
        const QString username = account ? account->username : QString();
        sessions.append(RecordJson::session(session, username, session.id == caller.sessionId));
    }
    RestJson::sendSuccess(responder, 200, {{QStringLiteral("sessions"), sessions}});
}

void revoke(const ApiContext& api, const Call& call, Responder& responder)
{
    const Principal& caller = call.principal;
    const QString id = call.request.pathParams.value(0);
    const SessionRecord* session = api.sessions.find(id);
    const bool own = session && session->accountId == caller.accountId && mayActOnOwn(caller);
    // Someone else's session without sessions:write is answered like an unknown one, so
    // session ids cannot be probed.
    if (!session || (!own && !api.permissions.allows(caller, QStringLiteral("sessions:write")))) {
        RestJson::sendError(responder, Code::NotFound, QStringLiteral("No such session"));
        return;
    }
    // Ending someone else's session is acting on their account: not on one holding more.
    const auto refused = own ? std::nullopt : api.accounts.checkMayManage(caller, session->accountId);
    if (refused) {
        sendError(responder, Dialect::Rest, *refused);
        return;
    }
    if (const auto error =
            AdminActions::revokeSession(api.sessions, api.accountStore, api.audit, id, caller.username, call.client.ip))
        sendError(responder, Dialect::Rest, *error);
    else
        RestJson::sendSuccess(responder, 200);
}

} // namespace

// Authenticated rather than guarded: the permission only widens what the caller sees.
void SessionsApi::registerRoutes(const ApiContext& api)
{
    api.endpoints.add(HttpMethod::Get, QStringLiteral("/api/sessions"), Access::Authenticated,
                      QStringLiteral("Live sessions: all with sessions:read, else the caller's own"),
                      [api](const Call& call, Responder& r) { list(api, call, r); });
    api.endpoints.add(HttpMethod::Delete, QStringLiteral("/api/sessions/{id}"), Access::Authenticated,
                      QStringLiteral("End a session: one's own always, others' with sessions:write"),
                      [api](const Call& call, Responder& r) { revoke(api, call, r); });
}
