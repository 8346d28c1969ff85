#include "http/managerapi.h"

#include "core/authservice.h"
#include "http/apicontext.h"
#include "http/endpoints.h"
#include "http/errorenvelope.h"
#include "http/jsonbody.h"
#include "values/tokenlifetimes.h"

#include <memory>

namespace {

using Code = AuthError::Code;

void sendManagerError(Responder& responder, Code code, const QString& message)
{
    sendError(responder, Dialect::Manager, AuthError{code, message, 0});
}

// {"user": {"id", "username", "firstname", "lastname"}, "tokens": {"accessToken", "refreshToken", "expiresAt"}}
void sendSession(Responder& responder, const LoginResult& result)
{
    if (const auto* error = std::get_if<AuthError>(&result)) {
        sendError(responder, Dialect::Manager, *error);
        return;
    }
    const auto& issued = std::get<IssuedSession>(result);
    const AccountRecord& account = issued.account;
    responder.sendJson(200,
                       {{QStringLiteral("user"),
                         QJsonObject{{QStringLiteral("id"), account.id},
                                     {QStringLiteral("username"), account.username},
                                     {QStringLiteral("firstname"), account.firstname},
                                     {QStringLiteral("lastname"), account.lastname}}},
                        {QStringLiteral("tokens"),
                         QJsonObject{{QStringLiteral("accessToken"), QString::fromLatin1(issued.accessToken)},
                                     {QStringLiteral("refreshToken"), QString::fromLatin1(issued.refreshToken)},
                                     {QStringLiteral("expiresAt"), issued.accessExpiresAt}}}});
}

void login(const ApiContext& api, const Call& call, Responder& responder)
{
    const auto body = parseJsonObject(call.request.body);
    const auto username = body ? stringField(*body, QStringLiteral("username")) : std::nullopt;
    const auto password = body ? stringField(*body, QStringLiteral("password")) : std::nullopt;
    if (!username || !password) {
        // Not a password attempt, so not counted by the limiter.
        sendManagerError(responder, Code::BadRequest,
                         QStringLiteral("Body must be JSON: {\"username\": \"...\", \"password\": \"...\"}"));
        return;
    }
    auto pending = std::make_shared<Responder>(std::move(responder));
    const LoginRequest request{*username, *password, api.lifetimes.managerAccessSecs, api.lifetimes.refreshSecs,
                               call.client};
    // An unknown user gets exactly the answer (and the argon2id work) of a wrong password:
    // the document's 403 user_not_exist would tell an attacker which accounts exist.
    api.auth.login(request, [pending](LoginResult result) {
        if (auto* error = std::get_if<AuthError>(&result); error && error->code == Code::InvalidCredentials)
            error->message = QStringLiteral("Invalid email or password");
        sendSession(*pending, result);
    });
}

void refresh(const ApiContext& api, const Call& call, Responder& responder)
{
    const auto body = parseJsonObject(call.request.body);
    const auto token = body ? stringField(*body, QStringLiteral("refreshToken")) : std::nullopt;
    if (!token) {
        sendManagerError(responder, Code::BadRequest, QStringLiteral("Body must be JSON: {\"refreshToken\": \"...\"}"));
        return;
    }
    sendSession(
        responder,
        api.auth.refresh(token->toUtf8(), api.lifetimes.managerAccessSecs, api.lifetimes.refreshSecs, call.client));
}

void logout(AuthService& auth, const Call& call, Responder& responder)
{
    // A bearer token's session ends, and with it the refresh token; other credentials have
    // no session to end.
    if (const auto error = auth.logout(call.principal, call.client))
        sendError(responder, Dialect::Manager, *error);
    else
        responder.sendJson(200, {});
}

} // namespace

void ManagerApi::registerRoutes(const ApiContext& api)
{
    Endpoints& endpoints = api.endpoints;
    endpoints.add(HttpMethod::Post, QStringLiteral("/auth/login"), Access::Public,
                  QStringLiteral("Log in: the user and a token pair (access 15 min by default)"),
                  [api](const Call& call, Responder& r) { login(api, call, r); });
    endpoints.add(HttpMethod::Post, QStringLiteral("/auth/refresh"), Access::Public,
                  QStringLiteral("Exchange a refresh token for a fresh pair (the old one is spent)"),
                  [api](const Call& call, Responder& r) { refresh(api, call, r); });
    endpoints.add(HttpMethod::Post, QStringLiteral("/auth/logout"), Access::Authenticated,
                  QStringLiteral("End the bearer token's session and its refresh token"),
                  [&auth = api.auth](const Call& call, Responder& r) { logout(auth, call, r); });
    endpoints.add(HttpMethod::Get, QStringLiteral("/auth/openid"), Access::Public,
                  QStringLiteral("Whether OpenID Connect login is available"), [](const Call&, Responder& r) {
                      r.sendJson(200, {{QStringLiteral("enabled"), false}});
                  });
    endpoints.add(HttpMethod::Get, QStringLiteral("/auth/openid/callback"), Access::Public,
                  QStringLiteral("OpenID Connect redirect target (code flow)"), [](const Call&, Responder& r) {
                      sendManagerError(r, Code::BadRequest, QStringLiteral("OpenID Connect is not enabled"));
                  });
}
